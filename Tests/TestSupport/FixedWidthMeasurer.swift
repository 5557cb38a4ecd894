import Render

/// A `TextMeasurer` with made-up, fixed metrics, so layout tests need no fonts and give the same
/// numbers on every machine: each character is 0.6 em wide, a line is 1.2 em high with its
/// baseline 0.8 em below its top (cf. a monospaced font). Lines wrap at spaces, and a word wider
/// than the wrap width stands on its own line, as Pango does without a break opportunity.
package struct FixedWidthMeasurer: TextMeasurer {
    /// Advance of one character, in em.
    package static let advance = 0.6
    /// Height of one line, in em.
    package static let lineHeight = 1.2
    /// Distance from a line's top to its baseline, in em.
    package static let ascent = 0.8

    package init() {}

    package func measure(_ text: String, font: FontSpec, wrapWidth: Double?) -> TextMetrics {
        let em = font.size
        var lines: [Int] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let wrapWidth else {
                lines.append(paragraph.count)
                continue
            }
            let fit = max(1, Int((wrapWidth / (Self.advance * em)).rounded(.down)))
            var current = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                if current == 0 {
                    current = word.count
                } else if current + 1 + word.count <= fit {
                    current += 1 + word.count
                } else {
                    lines.append(current)
                    current = word.count
                }
            }
            lines.append(current)
        }
        let widest = lines.max() ?? 0
        return TextMetrics(width: Double(widest) * Self.advance * em, height: Double(lines.count) * Self.lineHeight * em,
                           baseline: Self.ascent * em, lineCount: lines.count)
    }

    /// The width this measurer gives `text` on one line at `size` points.
    package static func width(of text: String, size: Double) -> Double { Double(text.count) * advance * size }
}
