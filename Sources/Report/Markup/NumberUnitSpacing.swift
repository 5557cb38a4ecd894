import Foundation

/// The space between a number and what follows it, made unbreakable where the report's language
/// wants the pair kept on one line: "45 mm", "1 300 человек", "2001–2011 гг.", and "Figure 6",
/// "Table 3" (a label and its number, however the author typed them). The units come from the
/// language's catalog (`typography.units`), so a language that writes no space ("45毫米") lists none.
enum NumberUnitSpacing {
    /// The no-break space put between a number and its unit; U+00A0, the one every font has and
    /// every PDF text extractor reads as a space.
    static let space = "\u{00A0}"

    /// `text` with each ordinary space (or run of spaces) between a number and a unit of
    /// `localiser`'s language, and between a figure or table label and its number, made no-break.
    static func apply(_ text: String, localiser: Localiser) -> String {
        var result = text
        if let units = pattern(localiser.units) {
            // A digit, spaces, then a whole unit: "45 mm" but not "45 mmHg" or "2017 members".
            result = replacing(#"(?<=\d)[ \t]+(?="# + units + #"(?![\p{L}\p{N}]))"#, in: result, with: space)
        }
        if let labels = pattern(localiser.referenceWords) {
            // A label word, spaces, then a digit: "Figure 6", "(Table 3)", "рис. 2".
            result = replacing(#"(?<![\p{L}])"# + labels + #"[ \t]+(?=\d)"#, in: result, with: "$1" + space)
        }
        return result
    }

    /// What `text.replacingOccurrences(of: pattern, with: template, options: .regularExpression)`
    /// gives, with the expression compiled once per process: every paragraph of a briefing passes
    /// here, and compiling the two expressions each time was 1–2% of `report`.
    static func replacing(_ pattern: String, in text: String, with template: String) -> String {
        // Both expressions need a space or a tab; most table cells and labels have none.
        guard text.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }) else { return text }
        let regex: NSRegularExpression
        do { regex = try compiled(pattern) } catch { return text.replacingOccurrences(of: pattern, with: template, options: .regularExpression) }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var expressions: [String: NSRegularExpression] = [:]

    /// The expression `pattern`, compiled the first time; compiled expressions are immutable and
    /// safe to share between threads.
    private static func compiled(_ pattern: String) throws -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let known = expressions[pattern] { return known }
        let regex = try NSRegularExpression(pattern: pattern)
        expressions[pattern] = regex
        return regex
    }

    /// One capturing alternation of `words`, longest first so "гг." wins over "г."; nil for none.
    private static func pattern(_ words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        let escaped = words.sorted { $0.count > $1.count }.map { NSRegularExpression.escapedPattern(for: $0) }
        return "(" + escaped.joined(separator: "|") + ")"
    }
}
