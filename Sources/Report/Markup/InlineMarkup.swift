import Foundation

/// The small Markdown subset report text may use: paragraphs (separated by a blank line),
/// `**bold**`, `*italic*` (or `_italic_`), bullet lists (`- item` or `* item`), and links
/// `[text](https://…)` or `[text](#figure-id)`. Anything else is literal text, so a stray
/// asterisk prints as an asterisk instead of failing a report.
enum MarkupBlock: Sendable, Hashable {
    case paragraph([MarkupRun])
    case bulletList([[MarkupRun]])
}

/// A run of text with one set of styles.
public struct MarkupRun: Sendable, Hashable {
    /// The text as printed, with markup and escapes removed.
    public var text: String
    /// Set in bold (`**bold**`).
    public var bold: Bool
    /// Set in italic (`*italic*`).
    public var italic: Bool
    /// An external address or an internal target (`#fig-attacks`), when the run is a link.
    public var link: String?

    /// A run of `text`, plain unless told otherwise.
    public init(_ text: String, bold: Bool = false, italic: Bool = false, link: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.link = link
    }
}

/// The parser of the markup subset described on `MarkupBlock`.
enum InlineMarkup {
    /// The lines of one paragraph joined as CSS Text joins them: a line break between two East
    /// Asian wide characters (Chinese text, its full-width punctuation) disappears, any other is a space.
    static func joinedLines<S: StringProtocol>(_ lines: [S]) -> String {
        var text = ""
        for line in lines {
            if let last = text.unicodeScalars.last, let first = line.unicodeScalars.first {
                if !(isWide(last) && isWide(first)) { text += " " }
            }
            text += line
        }
        return text
    }

    /// CJK ideographs, kana, CJK and full-width punctuation: characters written without spaces between them.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x303F, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6: return true
        default: return false
        }
    }

    /// Splits text into paragraphs and lists, then each into styled runs.
    static func parse(_ text: String) -> [MarkupBlock] {
        var blocks: [MarkupBlock] = []
        var paragraph: [String] = []
        var items: [String] = []

        func flushParagraph() {
            if !paragraph.isEmpty {
                blocks.append(.paragraph(runs(joinedLines(paragraph))))
                paragraph.removeAll()
            }
        }
        func flushList() {
            if !items.isEmpty {
                blocks.append(.bulletList(items.map(runs)))
                items.removeAll()
            }
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushList()
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ") {
                flushParagraph()
                items.append(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
            } else if !items.isEmpty && rawLine.first?.isWhitespace == true {
                // An indented line continues the previous list item.
                items[items.count - 1] += " " + line
            } else {
                flushList()
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushList()
        return blocks
    }

    /// Styled runs of one paragraph. Unbalanced markers are kept as literal characters.
    static func runs(_ text: String) -> [MarkupRun] {
        var parser = RunParser(Array(text))
        return parser.parse()
    }
}

private struct RunParser {
    let characters: [Character]
    var index = 0
    var runs: [MarkupRun] = []
    var current = ""
    var bold = false
    var italic = false

    init(_ characters: [Character]) {
        self.characters = characters
    }

    mutating func parse() -> [MarkupRun] {
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, "*_[]()\\".contains(characters[index + 1]) {
                current.append(characters[index + 1])
                index += 2
            } else if character == "*", peek(1) == "*", bold || hasClosing("**", from: index + 2) {
                flush()
                bold.toggle()
                index += 2
            } else if (character == "*" || character == "_"), italic || (isOpening(at: index) && hasClosing(String(character), from: index + 1)) {
                flush()
                italic.toggle()
                index += 1
            } else if character == "[", let (label, target, end) = link(at: index) {
                flush()
                runs.append(MarkupRun(label, bold: bold, italic: italic, link: target))
                index = end
            } else {
                current.append(character)
                index += 1
            }
        }
        flush()
        return merged(runs)
    }

    private func peek(_ offset: Int) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    /// An opening emphasis marker is followed by a non-space, so "2 * 3" stays literal.
    private func isOpening(at position: Int) -> Bool {
        guard position + 1 < characters.count else { return false }
        let next = characters[position + 1]
        if next.isWhitespace { return false }
        // Underscores inside words (file_name) are literal.
        if characters[position] == "_", position > 0, characters[position - 1].isLetter || characters[position - 1].isNumber { return false }
        return true
    }

    private func hasClosing(_ marker: String, from position: Int) -> Bool {
        let pattern = Array(marker)
        var i = position
        while i + pattern.count <= characters.count {
            if Array(characters[i..<i + pattern.count]) == pattern && i > position && !characters[i - 1].isWhitespace {
                return true
            }
            i += 1
        }
        return false
    }

    /// `[label](target)`; returns nil when it is not a complete link.
    private func link(at position: Int) -> (String, String, Int)? {
        guard let close = characters[position...].firstIndex(of: "]"), close + 1 < characters.count,
              characters[close + 1] == "(", let end = characters[(close + 1)...].firstIndex(of: ")") else { return nil }
        let label = String(characters[(position + 1)..<close])
        let target = String(characters[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, !target.isEmpty, !target.contains(" ") else { return nil }
        return (label, target, end + 1)
    }

    private mutating func flush() {
        if !current.isEmpty {
            runs.append(MarkupRun(current, bold: bold, italic: italic))
            current = ""
        }
    }

    private func merged(_ runs: [MarkupRun]) -> [MarkupRun] {
        var result: [MarkupRun] = []
        for run in runs {
            if let last = result.last, last.bold == run.bold, last.italic == run.italic, last.link == nil, run.link == nil {
                result[result.count - 1].text += run.text
            } else {
                result.append(run)
            }
        }
        return result
    }
}
