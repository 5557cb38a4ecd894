import Render

extension Backends {
    /// Cairo for every format and for paged PDF documents, sharing one renderer (and so one font
    /// map and one measurer) so text is measured once for layout and for drawing.
    public static func cairo(renderer: ChartRenderer = ChartRenderer()) -> Backends {
        Backends(makeDocument: { PDFDocument(metadata: $0, renderer: renderer) }, imageBackend: { _ in renderer })
    }
}
