import Render

/// How SVG files set their text.
public enum SVGTextMode: String, CaseIterable, Sendable {
    /// Real `<text>` elements, editable in Inkscape or Illustrator (`SVGBackend`). The default.
    case text
    /// Glyph outlines, as Cairo draws them: looks the same without the fonts, but the words can no
    /// longer be edited or searched.
    case outlines
}

extension Backends {
    /// These backends with SVG files written as `mode` says: `.text` draws them with `SVGBackend`,
    /// measuring and breaking lines with the measurer of the SVG backend it replaces (so layout
    /// is unchanged); `.outlines` keeps that backend (Cairo's glyph outlines).
    public func svgText(_ mode: SVGTextMode) -> Backends {
        guard mode == .text else { return self }
        let outlines = imageBackend
        let native = SVGBackend(textMeasurer: outlines(.svg).textMeasurer)
        return Backends(makeDocument: makeDocument, imageBackend: { $0 == .svg ? native : outlines($0) })
    }
}
