/// The size of a laid-out text, in points.
public struct TextMetrics: Hashable, Sendable {
    /// Logical (advance) width of the widest line.
    public var width: Double
    /// Logical height of all lines.
    public var height: Double
    /// Distance from the top of the logical box to the first baseline.
    public var baseline: Double
    /// The number of lines after wrapping.
    public var lineCount: Int

    /// Metrics as a measurer found them.
    public init(width: Double, height: Double, baseline: Double, lineCount: Int) {
        self.width = width
        self.height = height
        self.baseline = baseline
        self.lineCount = lineCount
    }
}

/// Measures text exactly as the drawing backend will draw it. The layout depends only on this
/// protocol; the Cairo backend implements it with Pango, so margins come from real glyph metrics.
public protocol TextMeasurer {
    /// Measures `text` in `font`. With `wrapWidth`, lines break at word boundaries (or between CJK
    /// characters) so that no line is wider, as the backend will break them.
    func measure(_ text: String, font: FontSpec, wrapWidth: Double?) -> TextMetrics
    /// The lines `text` is set in, as the backend breaks them (at newlines, and with `wrapWidth` at
    /// word boundaries); trailing spaces at a break are left out. Backends without line wrapping (SVG)
    /// use this to place one line at a time.
    func lines(of text: String, font: FontSpec, wrapWidth: Double?) -> [String]
}

extension TextMeasurer {
    /// Measures `text` in `font` on one line (unless it holds line breaks).
    public func measure(_ text: String, font: FontSpec) -> TextMetrics { measure(text, font: font, wrapWidth: nil) }

    /// Greedy breaking for measurers that cannot say how they break: paragraphs at newlines, then as
    /// many words per line as fit in `wrapWidth` (a word wider than the width gets a line of its own).
    public func lines(of text: String, font: FontSpec, wrapWidth: Double?) -> [String] {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let wrapWidth else { return paragraphs }
        return paragraphs.flatMap { paragraph -> [String] in
            var lines: [String] = [], current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if current.isEmpty || measure(candidate, font: font, wrapWidth: nil).width <= wrapWidth {
                    current = candidate
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            return lines + [current]
        }
    }
}
