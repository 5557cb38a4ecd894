/// Finds a quote in a source text, reading through the PDF font-encoding fault that garbles
/// spans of one seed document.
///
/// In the garbled spans each character's code point is 29 below the intended one (`6&2` is
/// `SCO`), the ligatures ff, fi and fl became single symbols (`Ϳ`, `À`, `Á`; `;` also stands for
/// ff in a second font), the apostrophe became `·`, and digits, spaces and some punctuation were
/// lost as U+FFFD. Quotes in the corpus are written in clear text; instead of guessing where the
/// garbled spans begin and end, the matcher lets each quote character match either itself or
/// its garbled form, which decodes exactly the spans the quote covers.
public struct QuoteMatcher {
    private let text: [Unicode.Scalar]

    public init(sourceText: String) {
        text = QuoteMatcher.collapseWhitespace(sourceText)
    }

    /// Whether `quote` occurs in the source, whitespace collapsed on both sides.
    public func contains(_ quote: String) -> Bool {
        let pattern = QuoteMatcher.collapseWhitespace(quote)
        guard !pattern.isEmpty else { return false }
        guard pattern.count <= text.count * 2 else { return false }
        for start in text.indices where text.count - start >= 1 {
            if matches(pattern, 0, start) { return true }
        }
        return false
    }

    private static let replacement: Unicode.Scalar = "\u{FFFD}"
    private static let garbleShift: UInt32 = 29
    private static let ligatures: [Unicode.Scalar: [Unicode.Scalar]] = [
        "Ϳ": ["f", "f"], ";": ["f", "f"], "À": ["f", "i"], "Á": ["f", "l"],
    ]

    /// Backtracking match of `pattern[p...]` at `text[t...]`; the branches are few and short-lived.
    private func matches(_ pattern: [Unicode.Scalar], _ p: Int, _ t: Int) -> Bool {
        if p == pattern.count { return true }
        guard t < text.count else { return false }
        let wanted = pattern[p], found = text[t]

        if found == wanted || QuoteMatcher.isGarbled(found, as: wanted) {
            if matches(pattern, p + 1, t + 1) { return true }
        }
        if found == QuoteMatcher.replacement && QuoteMatcher.canBeLost(wanted) {
            if matches(pattern, p + 1, t + 1) { return true }
            // A lost space is often followed by a surviving one: "FDQ� ÀQG" is "can find".
            if wanted == " ", t + 1 < text.count, text[t + 1] == " ", matches(pattern, p + 1, t + 2) { return true }
        }
        if let ligature = QuoteMatcher.ligatures[found], p + 1 < pattern.count,
           pattern[p] == ligature[0], pattern[p + 1] == ligature[1] {
            if matches(pattern, p + 2, t + 1) { return true }
        }
        // A word hyphenated across a line break ("Kyr-\ngyzstan") may be quoted whole.
        if found == "-", t + 1 < text.count, text[t + 1] == " ", wanted != "-", wanted != " " {
            if matches(pattern, p, t + 2) { return true }
        }
        return false
    }

    private static func isGarbled(_ found: Unicode.Scalar, as wanted: Unicode.Scalar) -> Bool {
        if found == "·" && (wanted == "’" || wanted == "'") { return true }
        return found.value + garbleShift == wanted.value && found.value >= 0x21
    }

    private static func canBeLost(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType != nil || scalar == " " || (scalar.isASCII && !scalar.properties.isAlphabetic)
            || scalar == "–" || scalar == "—" || scalar == "’" || scalar == "“" || scalar == "”"
    }

    static func collapseWhitespace(_ string: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(string.unicodeScalars.count)
        var pendingSpace = false
        for scalar in string.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            result.append(scalar)
        }
        return result
    }
}
