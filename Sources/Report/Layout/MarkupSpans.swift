import Render

extension MarkupRun {
    /// The run as a styled span of a paragraph; links take the report's link colour.
    func span(linkColor: Color) -> TextSpan {
        TextSpan(text, bold: bold, italic: italic, color: link == nil ? nil : linkColor, link: link)
    }
}

extension Sequence where Element == MarkupRun {
    /// The runs as the spans of a paragraph.
    func spans(linkColor: Color) -> [TextSpan] { map { $0.span(linkColor: linkColor) } }
}
