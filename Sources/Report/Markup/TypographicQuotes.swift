/// Straight quotes in report text made typographic in the report's language, so a page never
/// mixes "straight" and “curly” ones: English “…” and ‘…’, Russian «…» and „…“, Chinese “…” and
/// ‘…’. An apostrophe inside or at the end of a word (Zhao's, the sources') becomes ’.
enum TypographicQuotes {
    /// `text` with its straight double and single quotes replaced.
    static func apply(_ text: String, language: ReportLanguage) -> String {
        let (open, close, openInner, closeInner): (Character, Character, Character, Character)
        switch language {
        case .english, .chinese: (open, close, openInner, closeInner) = ("\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}")
        case .russian: (open, close, openInner, closeInner) = ("\u{00AB}", "\u{00BB}", "\u{201E}", "\u{201C}")
        }
        var result = ""
        var previous: Character?
        for character in text {
            // A quote opens at the start, after a space or an opening bracket or dash; otherwise it closes.
            let opens = previous.map { $0.isWhitespace || "([{–—/\u{00A0}".contains($0) } ?? true
            switch character {
            case "\"": result.append(opens ? open : close)
            case "'":
                if let previous, previous.isLetter || previous.isNumber {
                    result.append("\u{2019}")  // an apostrophe, even in Russian text (names in Latin script)
                } else {
                    result.append(opens ? openInner : closeInner)
                }
            default: result.append(character)
            }
            previous = character
        }
        return result
    }
}
