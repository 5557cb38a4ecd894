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
}

extension TextMeasurer {
    /// Measures `text` in `font` on one line (unless it holds line breaks).
    public func measure(_ text: String, font: FontSpec) -> TextMetrics { measure(text, font: font, wrapWidth: nil) }
}
