import CCairo
import Render

extension PDFDocument {
    /// The areas, relative to the paragraph's drawn origin, covered by the text at `byteRange` of the
    /// paragraph's plain text (markup removed): one rectangle per line the text spans. With `lines`,
    /// only those lines count and positions are relative to the first of them, as `draw` places them.
    /// Read from the set paragraph's layout on the measuring context (`ParagraphSettings`).
    func linkAreas(of byteRange: Range<Int>, in settled: ParagraphSettings.Entry, width: Double, lines: Range<Int>? = nil) -> [Rect] {
        let layout = settled.layout
        let metrics = settled.metrics
        let shown = lines ?? 0..<metrics.lineCount
        guard !byteRange.isEmpty, !shown.isEmpty else { return [] }
        let offset = metrics.lineTops[shown.lowerBound]
        var areas: [Rect] = []
        var line: Int32 = 0, startX: Int32 = 0, endX: Int32 = 0
        var index = Int32(byteRange.lowerBound)
        let end = Int32(byteRange.upperBound)
        // Walk the range line by line: each line contributes the span from the range's start (or
        // the line's start) to its end (or the line's end).
        while index < end {
            pango_layout_index_to_line_x(layout.pointer, index, 0, &line, &startX)
            guard let lineHandle = pango_layout_get_line_readonly(layout.pointer, line) else { break }
            let lineEnd = lineHandle.pointee.start_index + lineHandle.pointee.length
            let stop = min(end, lineEnd)
            pango_layout_index_to_line_x(layout.pointer, max(index, stop - 1), 1, &line, &endX)
            if shown.contains(Int(line)) {
                let x0 = Double(min(startX, endX)) / Double(PANGO_SCALE), x1 = Double(max(startX, endX)) / Double(PANGO_SCALE)
                let alignmentShift = lineShift(layout: layout.pointer, line: Int(line), width: width)
                areas.append(Rect(x: x0 + alignmentShift, y: metrics.lineTops[Int(line)] - offset, width: x1 - x0,
                                  height: metrics.lineBottoms[Int(line)] - metrics.lineTops[Int(line)]))
            }
            if stop <= index { break }
            index = stop
        }
        return areas
    }

    /// Horizontal offset of a line within the layout box (non-zero for centred or right-aligned lines).
    private func lineShift(layout: OpaquePointer, line: Int, width: Double) -> Double {
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        for _ in 0..<line { pango_layout_iter_next_line(iter) }
        var logical = PangoRectangle()
        pango_layout_iter_get_line_extents(iter, nil, &logical)
        return Double(logical.x) / Double(PANGO_SCALE)
    }
}
