import Render

/// A paragraph, split between lines across pages; a list item draws its bullet in the margin.
struct TextFlow: FlowBlock {
    var paragraph: Paragraph
    var metrics: ParagraphMetrics
    var indent: Double
    /// Drawn in the margin of the first line: a list bullet.
    var bullet: Paragraph?
    /// The list this paragraph is an item of, numbered in the report.
    var listNumber: Int? = nil
    var spaceAfter: Double
    /// The width the paragraph was measured at (the body measure), which drawing keeps.
    var width: Double
    /// Lines a page must hold at the foot and the head of a split paragraph (no orphans or widows).
    static let minimumLines = 2

    var role: FlowRole { .text }
    var unitCount: Int { metrics.lineCount }
    var leadHeight: Double {
        let lines = min(metrics.lineCount, 3) - 1
        return lines >= 0 ? metrics.lineBottoms[lines] : 0
    }

    func unitsFitting(_ available: Double, from start: Int, atTop: Bool, pageHeight: Double) -> Int {
        let count = metrics.lineCount
        var fitting = metrics.linesFitting(height: available, from: start)
        if fitting < count - start {
            // Leave no orphan at the foot and no widow at the head of the next page.
            if count - start - fitting < Self.minimumLines { fitting = count - start - Self.minimumLines }
            if fitting < Self.minimumLines { fitting = 0 }
        }
        if fitting <= 0 {
            return atTop ? min(count - start, max(1, metrics.linesFitting(height: pageHeight, from: start))) : 0
        }
        return fitting
    }

    func height(of units: Range<Int>) -> Double {
        units.isEmpty ? 0 : metrics.lineBottoms[units.upperBound - 1] - metrics.lineTops[units.lowerBound]
    }

    func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas) {
        guard !units.isEmpty else { return }
        let x = page.left + indent
        let pdf = page.pdf
        guard listNumber != nil else {
            pdf.structure(.paragraph) { pdf.draw(paragraph, at: Point(x: x, y: y), width: width - indent, lines: units) }
            return
        }
        // A list item: its bullet is the label, its text the body (a piece continued on the next page is another item).
        pdf.structure(.listItem) {
            if let bullet, units.lowerBound == 0 {
                pdf.structure(.listLabel) { pdf.draw(bullet, at: Point(x: x - 10, y: y), width: 10) }
            }
            pdf.structure(.listBody) { pdf.draw(paragraph, at: Point(x: x, y: y), width: width - indent, lines: units) }
        }
    }
}
