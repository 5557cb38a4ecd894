import Render

/// How the paginator treats a block, besides splitting it into pieces.
enum FlowRole {
    /// Running text: a figure waiting for the next page lets it fill the rest of this one.
    case text
    /// Kept in reading order: figures waiting for the next page are placed first.
    case fixed
    /// A figure: when it does not fit, it waits for the top of the next page while text goes on.
    case float
    /// Kept with the start of the next block; a level-1 heading names the pages' running header.
    case heading(level: Int, title: String, spaceAbove: Double)
    /// Starts a new page.
    case pageBreak
}

/// A measured piece of the report body. A block is a run of units (lines of text, rows of a
/// table, or one unit for a block kept whole) that the paginator places in pieces on pages.
protocol FlowBlock {
    var role: FlowRole { get }
    /// Lines, rows, or 1 for a block kept whole.
    var unitCount: Int { get }
    /// The least of the block that must share a page with a heading above it.
    var leadHeight: Double { get }
    /// Space below the block's last piece.
    var spaceAfter: Double { get }
    /// How many units from `start` go on a page with `available` points left, 0 to start on the
    /// next page. On an empty page (`atTop`) at least one, so every block is placed.
    func unitsFitting(_ available: Double, from start: Int, atTop: Bool, pageHeight: Double) -> Int
    /// The height `units` take on the page, placed as one piece.
    func height(of units: Range<Int>) -> Double
    /// Draws `units` with their top at `y`.
    func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas)
    /// The line this piece adds to the contents, if any (its page is filled in by the writer).
    func contentsEntry(for units: Range<Int>) -> ContentsEntry?
}

extension FlowBlock {
    func contentsEntry(for units: Range<Int>) -> ContentsEntry? { nil }
}

/// A block kept whole on one page: a heading, key figures, a figure, a callout.
protocol WholeFlowBlock: FlowBlock {
    var height: Double { get }
}

extension WholeFlowBlock {
    var role: FlowRole { .fixed }
    var unitCount: Int { 1 }
    var leadHeight: Double { height }

    func unitsFitting(_ available: Double, from start: Int, atTop: Bool, pageHeight: Double) -> Int {
        height > available && !atTop ? 0 : 1
    }

    func height(of units: Range<Int>) -> Double { units.isEmpty ? 0 : height }
}

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

/// A paragraph, split between lines across pages; a list item draws its bullet in the margin.
struct TextFlow: FlowBlock {
    var paragraph: Paragraph
    var metrics: ParagraphMetrics
    var indent: Double
    /// Drawn in the margin of the first line: a list bullet.
    var bullet: Paragraph?
    var spaceAfter: Double
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
        if let bullet, units.lowerBound == 0 {
            page.pdf.draw(bullet, at: Point(x: x - 10, y: y), width: 10)
        }
        page.pdf.draw(paragraph, at: Point(x: x, y: y), width: page.width - indent, lines: units)
    }
}

/// A heading: a destination, an outline item and, for levels 1 and 2, a line of the contents.
struct HeadingFlow: WholeFlowBlock {
    var text: String
    var level: Int
    var anchor: String
    var paragraph: Paragraph
    var height: Double
    var spaceAbove: Double

    var role: FlowRole { .heading(level: level, title: text, spaceAbove: spaceAbove) }
    var spaceAfter: Double { 4 }

    func contentsEntry(for units: Range<Int>) -> ContentsEntry? {
        level <= 2 ? ContentsEntry(text: text, style: level == 1 ? .section : .subsection, anchor: anchor) : nil
    }

    func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas) {
        let pdf = page.pdf
        pdf.addDestination(named: anchor, at: Point(x: page.left, y: y))
        let parent = level == 1 ? OutlineItem.root : (page.outline[level - 1] ?? .root)
        page.outline[level] = pdf.addOutlineItem(text, destination: anchor, parent: parent, open: level == 1)
        for deeper in (level + 1)...4 { page.outline[deeper] = nil }
        pdf.draw(paragraph, at: Point(x: page.left, y: y), width: page.width)
    }
}
