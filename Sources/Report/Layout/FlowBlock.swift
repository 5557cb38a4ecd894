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
    /// The list the block is an item of: consecutive items of one list on a page share one list
    /// element (`L`) in the PDF's structure.
    var listNumber: Int? { get }
}

extension FlowBlock {
    func contentsEntry(for units: Range<Int>) -> ContentsEntry? { nil }
    var listNumber: Int? { nil }
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
