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
    /// The width captions and the notes under figures and tables are set at: about 68 characters
    /// of the caption face (`ReportStyle.captionMeasure`), never wider than the column.
    let captionWidth: Double
    /// The last outline item of each heading level.
    var outline: [Int: OutlineItem] = [:]

    init(pdf: any PagedDocument, style: ReportStyle, left: Double, width: Double, captionWidth: Double? = nil) {
        self.pdf = pdf
        self.style = style
        self.left = left
        self.width = width
        self.captionWidth = min(width, captionWidth ?? width)
    }
}
