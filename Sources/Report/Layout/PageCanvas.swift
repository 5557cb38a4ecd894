import Render

/// One line of the contents: a heading, or a figure or table under "Figures and tables".
struct ContentsEntry {
    enum Style { case section, subsection, group, item }
    var text: String
    var style: Style
    var anchor: String?
    var page: Int?
}

/// The page a flow block draws on: the document, the report's style, the text column, and the
/// outline built so far (headings nest under the last heading of the level above).
final class PageCanvas {
    let pdf: any PagedDocument
    let style: ReportStyle
    /// Left edge and width of the text column.
    let left: Double
    let width: Double
    /// The last outline item of each heading level.
    var outline: [Int: OutlineItem] = [:]

    init(pdf: any PagedDocument, style: ReportStyle, left: Double, width: Double) {
        self.pdf = pdf
        self.style = style
        self.left = left
        self.width = width
    }
}
