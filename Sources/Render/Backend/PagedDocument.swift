import Foundation

/// A bookmark in a document's outline; nest items by passing one as another's parent.
public struct OutlineItem: Hashable, Sendable {
    /// The backend's own number for the item.
    public let id: Int

    /// The item the backend numbered `id`.
    public init(id: Int) { self.id = id }

    /// The top level of the outline.
    public static let root = OutlineItem(id: 0)
}

/// A document built page by page: scenes and paragraphs placed at positions, named destinations,
/// links, bookmarks and page labels. Coordinates are points from the page's top-left corner.
///
/// Report lays briefings out against this protocol only; a backend (the Cairo PDF writer) provides
/// it. Calls that need an open page are programming errors outside one (they trap).
public protocol PagedDocument: AnyObject {
    /// Measures text exactly as the document will set it.
    var textMeasurer: any TextMeasurer { get }
    /// Pages begun so far.
    var pageCount: Int { get }

    /// Starts a page; `label` is the page number a viewer shows ("iv", "A-1").
    func beginPage(width: Length, height: Length, label: String?)
    /// Ends the open page.
    func endPage()
    /// Draws a scene with its top-left corner at `origin`.
    func draw(_ scene: Scene, at origin: Point)
    /// Line positions of a paragraph set at `width`, for deciding where to break it across pages.
    func measure(_ paragraph: Paragraph, width: Double) -> ParagraphMetrics
    /// Draws a paragraph (or only `lines` of it, continuing a paragraph split across pages) with
    /// its top-left corner at `origin`, makes its linked spans clickable, and returns the height used.
    @discardableResult
    func draw(_ paragraph: Paragraph, at origin: Point, width: Double, lines: Range<Int>?) -> Double
    /// Marks `point` on the open page as the target `name` for links and outline items.
    func addDestination(named name: String, at point: Point)
    /// Makes `rect` on the open page a link to the destination `name` (which may be added later).
    func addLink(_ rect: Rect, toDestination name: String)
    /// Makes `rect` on the open page a link to a web address.
    func addLink(_ rect: Rect, toURI uri: String)
    /// Adds a bookmark that jumps to the destination `name`, nested under `parent`.
    @discardableResult
    func addOutlineItem(_ title: String, destination name: String, parent: OutlineItem, open: Bool) -> OutlineItem
    /// Opens a structure element inside the one open now (or at the top of the document): what
    /// is drawn until the matching `endStructure` belongs to it. Elements nest and must be closed
    /// on the page they were opened on.
    func beginStructure(_ element: StructureElement)
    /// Closes the innermost open structure element.
    func endStructure()
    /// Completes the document and returns its bytes. Further calls return the same bytes.
    func finish() throws -> Data
}

extension PagedDocument {
    /// Draws what `body` draws inside the structure element `element`.
    @discardableResult
    public func structure<T>(_ element: StructureElement, _ body: () throws -> T) rethrows -> T {
        beginStructure(element)
        defer { endStructure() }
        return try body()
    }

    /// Draws a whole paragraph; returns the height used.
    @discardableResult
    public func draw(_ paragraph: Paragraph, at origin: Point, width: Double) -> Double {
        draw(paragraph, at: origin, width: width, lines: nil)
    }

    /// Adds a top-level, open bookmark.
    @discardableResult
    public func addOutlineItem(_ title: String, destination name: String) -> OutlineItem {
        addOutlineItem(title, destination: name, parent: .root, open: true)
    }

    /// The layout of a figure, measured as this document sets text.
    public func layout(_ figure: Figure) -> LaidOutChart {
        figure.layout(measuringWith: textMeasurer).layout(figure.chart)
    }

    /// Draws a laid-out chart with its top-left corner at `origin`.
    public func draw(_ chart: LaidOutChart, at origin: Point) {
        draw(chart.scene, at: origin)
    }
}
