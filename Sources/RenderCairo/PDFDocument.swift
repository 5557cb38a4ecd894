import CCairo
import Foundation
import Render
import Support

/// A multi-page PDF built page by page: charts or scenes placed at positions, flowing text,
/// bookmarks (outline), internal links to named destinations, web links and page labels, and a
/// logical structure (a tagged PDF: headings, paragraphs, figures with alternative text, tables,
/// lists, links) for screen readers.
///
/// Every document is tagged: its first page opens a `Document` structure element that the last
/// page closes, and `beginStructure` nests elements inside it. Besides giving screen readers the
/// structure, this keeps the file valid with cairo 1.16: when a document's only tags are links,
/// cairo reserves an object number for a structure element per link and writes each page's
/// `/StructParents` array of them, but then skips the structure tree because it "only contains
/// links", so the file points at objects it never writes (`qpdf --check`: "file is damaged").
/// With a `Document` root cairo writes the whole tree and every reference resolves.
///
/// Coordinates are points from the page's top-left corner. Typical use:
///
/// ```swift
/// let pdf = PDFDocument(metadata: DocumentMetadata(title: "SCO counter-terrorism briefing"))
/// pdf.beginPage(width: .mm(210), height: .mm(297), label: "i")
/// pdf.addDestination(named: "summary", at: Point(x: 56, y: 56))
/// pdf.addOutlineItem("Summary", destination: "summary")
/// let used = pdf.draw(Paragraph(spans: [TextSpan("Attacks fell", bold: true), TextSpan(" after 2014 …")]),
///                     at: Point(x: 56, y: 56), width: 483)
/// pdf.draw(figure, at: Point(x: 56, y: 56 + used + 12))
/// pdf.endPage()
/// try pdf.write(to: url)
/// ```
///
/// Not Sendable (it owns cairo and Pango objects); build each document on one task.
public final class PDFDocument: PagedDocument {
    /// A call made out of order: a programming error, reported before it traps.
    public enum DocumentError: Error, CustomStringConvertible {
        /// The named call needs an open page.
        case pageNotOpen(String)
        /// `beginPage` while a page is open.
        case pageAlreadyOpen
        /// A call after `finish`.
        case finished

        /// What went wrong and which call to make first.
        public var description: String {
            switch self {
            case .pageNotOpen(let call): return "\(call) needs an open page: call beginPage first"
            case .pageAlreadyOpen: return "beginPage called while a page is open: call endPage first"
            case .finished: return "the document is already finished"
            }
        }
    }

    /// The renderer that draws the document's scenes and sets its text.
    public let renderer: ChartRenderer
    /// Pages begun so far.
    public private(set) var pageCount = 0
    /// Whether a page is open (between `beginPage` and `endPage`).
    public private(set) var pageIsOpen = false

    private let sink = ByteSink()
    private let surface: CairoSurface
    private let context: CairoContext
    private lazy var scenes = SceneRenderer(cr: context.pointer, text: renderer.pangoMeasurer, scratch: renderer.scratch)
    private var finished: Data?
    private let metadata: DocumentMetadata
    /// Whether the `Document` structure element is open (from the first page until `finish`).
    private var documentTagOpen = false
    /// The structure elements open inside `Document`, innermost last.
    private var openStructure: [StructureElement] = []
    /// The alternative text of each figure, in the order the figures were opened.
    private var figureAlternates: [String] = []
    /// Whether the last page ended and awaits `cairo_show_page` (deferred, see `endPage`).
    private var pageAwaitingShow = false
    /// Each paragraph as set at a width, with its layout, kept while the document is built.
    let paragraphSettings: ParagraphSettings

    /// An empty document; `renderer` measures and draws (share one with figures for shared fonts).
    public convenience init(metadata: DocumentMetadata = DocumentMetadata(), renderer: ChartRenderer = ChartRenderer()) {
        self.init(metadata: metadata, renderer: renderer, cachingParagraphs: true)
    }

    /// With `cachingParagraphs` false every paragraph is set and laid out afresh at each measure
    /// and draw, as before `ParagraphSettings`: tests check that both give the same bytes.
    init(metadata: DocumentMetadata, renderer: ChartRenderer, cachingParagraphs: Bool) {
        self.renderer = renderer
        self.metadata = metadata
        paragraphSettings = ParagraphSettings(enabled: cachingParagraphs)
        // The size is replaced by each page's own in beginPage.
        surface = CairoSurface(cairo_pdf_surface_create_for_stream(ByteSink.write, sink.opaque, 595, 842))
        PDFMetadata.apply(metadata, to: surface.pointer)
        context = CairoContext(surface: surface)
    }

    deinit {
        // Finish while the byte sink is still alive: destroying an unfinished surface makes cairo
        // write the rest of the file into it.
        cairo_surface_finish(surface.pointer)
    }

    private var cr: OpaquePointer { context.pointer }

    /// The Pango measurer of this document's renderer: text is measured as it is drawn.
    public var textMeasurer: any TextMeasurer { renderer.textMeasurer }

    /// Starts a page; `label` is the page number a viewer shows ("iv", "A-1").
    public func beginPage(width: Length, height: Length, label: String? = nil) {
        precondition(!pageIsOpen, DocumentError.pageAlreadyOpen.description)
        precondition(finished == nil, DocumentError.finished.description)
        showAwaitingPage()
        cairo_pdf_surface_set_size(surface.pointer, width.points, height.points)
        if let label { cairo_pdf_surface_set_page_label(surface.pointer, label) }
        pageIsOpen = true
        pageCount += 1
        if !documentTagOpen {
            // The first tag must be a grouping element for cairo to write a tagged PDF (see the type's comment).
            cairo_tag_begin(cr, "Document", "")
            documentTagOpen = true
        }
    }

    /// Ends the open page; the next call must be `beginPage` or `finish`.
    ///
    /// The page is emitted (`cairo_show_page`) by the next `beginPage` or by `finish`, so that
    /// `finish` can still close the `Document` element on the last page.
    public func endPage() {
        precondition(pageIsOpen, DocumentError.pageNotOpen("endPage").description)
        // Elements end on their page, so running headers drawn on the next page stay outside them.
        precondition(openStructure.isEmpty, "endPage with the structure element \(openStructure.last?.tag ?? "") open")
        pageIsOpen = false
        pageAwaitingShow = true
    }

    private func showAwaitingPage() {
        if pageAwaitingShow { cairo_show_page(cr) }
        pageAwaitingShow = false
    }

    /// Opens a structure element; what is drawn until `endStructure` belongs to it.
    public func beginStructure(_ element: StructureElement) {
        precondition(pageIsOpen, DocumentError.pageNotOpen("beginStructure").description)
        if case .figure(let alt) = element { figureAlternates.append(alt) }
        cairo_tag_begin(cr, element.tag, "")
        openStructure.append(element)
    }

    /// Closes the innermost open structure element.
    public func endStructure() {
        precondition(pageIsOpen, DocumentError.pageNotOpen("endStructure").description)
        guard let element = openStructure.popLast() else { preconditionFailure("endStructure without an open element") }
        cairo_tag_end(cr, element.tag)
    }

    /// Lays out and draws a figure; returns the layout (e.g. to align a caption with the plot).
    @discardableResult
    public func draw(_ figure: Figure, at origin: Point) -> LaidOutChart {
        let laidOut = layout(figure)
        draw(laidOut.scene, at: origin)
        return laidOut
    }

    /// Draws any scene with its top-left corner at `origin`.
    public func draw(_ scene: Scene, at origin: Point) {
        precondition(pageIsOpen, DocumentError.pageNotOpen("draw").description)
        cairo_save(cr)
        cairo_translate(cr, origin.x, origin.y)
        scenes.draw(scene)
        cairo_restore(cr)
    }

    /// Line positions of a paragraph set at `width`, for deciding where to break it across pages.
    public func measure(_ paragraph: Paragraph, width: Double) -> ParagraphMetrics {
        settled(paragraph, width: width).metrics
    }

    /// Draws a paragraph (or only `lines` of it, continuing a paragraph split across pages) with its
    /// top-left corner at `origin`, and makes its linked spans clickable. Returns the height used.
    @discardableResult
    public func draw(_ paragraph: Paragraph, at origin: Point, width: Double, lines: Range<Int>?) -> Double {
        precondition(pageIsOpen, DocumentError.pageNotOpen("draw").description)
        // Justified text hyphenated, or ragged where justifying would stretch its spaces too far; links follow the text as set.
        let entry = settled(paragraph, width: width)
        let paragraph = entry.applied(to: paragraph)
        // With cairo's matrix the identity, a drawing context would be the measuring one again
        // (72 dpi, the same font options: the PDF surface's are ours), so the layout measured is
        // the layout drawn; shaping it again was a fifth of the briefing. Byte-identical output,
        // checked by `ParagraphSettingsTests` and on the three briefings.
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cr, &matrix)
        let identity = matrix.xx == 1 && matrix.yy == 1 && matrix.xy == 0 && matrix.yx == 0 && matrix.x0 == 0 && matrix.y0 == 0
        let layout: PangoLayoutHandle, metrics: ParagraphMetrics
        if identity && paragraphSettings.enabled {
            layout = entry.layout
            metrics = entry.metrics
        } else {
            let pango = renderer.pangoMeasurer.makeDrawingContext(for: cr)
            defer { g_object_unref(UnsafeMutableRawPointer(pango)) }
            layout = paragraphLayout(paragraph, width: width, on: pango)
            metrics = ParagraphMetrics(layout: layout)
        }
        let range = lines ?? 0..<metrics.lineCount
        guard !range.isEmpty, range.upperBound <= metrics.lineCount else { return 0 }
        let top = metrics.lineTops[range.lowerBound], bottom = metrics.lineBottoms[range.upperBound - 1]
        cairo_save(cr)
        // Clip to the chosen lines and shift them up to the origin.
        cairo_rectangle(cr, origin.x - 1, origin.y, width + 2, bottom - top)
        cairo_clip(cr)
        cairo_move_to(cr, origin.x, origin.y - top)
        let c = paragraph.color
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
        // Cairo marks content only in leaf structure elements, and each link is a `Link` element:
        // a paragraph with links keeps its text in a `Span` beside them, or the text would be lost
        // to the structure.
        let linked = !paragraph.links.isEmpty
        if linked { cairo_tag_begin(cr, StructureElement.span.tag, "") }
        pango_cairo_show_layout(cr, layout.pointer)
        if linked { cairo_tag_end(cr, StructureElement.span.tag) }
        cairo_restore(cr)
        addLinks(of: paragraph, settled: entry, at: origin, width: width, lines: lines)
        return bottom - top
    }

    /// Makes the words of each linked span clickable, on the lines drawn here.
    private func addLinks(of paragraph: Paragraph, settled: ParagraphSettings.Entry, at origin: Point, width: Double, lines: Range<Int>?) {
        for link in paragraph.links {
            for area in linkAreas(of: link.range, in: settled, width: width, lines: lines) {
                let rect = Rect(x: origin.x + area.x, y: origin.y + area.y, width: area.width, height: area.height)
                if link.target.hasPrefix("#") {
                    addLink(rect, toDestination: String(link.target.dropFirst()))
                } else {
                    addLink(rect, toURI: link.target)
                }
            }
        }
    }

    /// Marks `point` on the current page as the target `name` for links and outline items.
    public func addDestination(named name: String, at point: Point) {
        precondition(pageIsOpen, DocumentError.pageNotOpen("addDestination").description)
        let attributes = "name='\(PDFDocument.quoted(name))' x=\(point.x) y=\(point.y)"
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes)
        cairo_tag_end(cr, CAIRO_TAG_DEST)
    }

    /// Makes `rect` on the current page a link to the destination `name` (which may be added later).
    public func addLink(_ rect: Rect, toDestination name: String) {
        addLink(rect, attributes: "dest='\(PDFDocument.quoted(name))'")
    }

    /// Makes `rect` on the current page a link to a web address.
    public func addLink(_ rect: Rect, toURI uri: String) {
        addLink(rect, attributes: "uri='\(PDFDocument.quoted(uri))'")
    }

    private func addLink(_ rect: Rect, attributes: String) {
        precondition(pageIsOpen, DocumentError.pageNotOpen("addLink").description)
        cairo_tag_begin(cr, CAIRO_TAG_LINK, "rect=[\(rect.x) \(rect.y) \(rect.width) \(rect.height)] " + attributes)
        cairo_tag_end(cr, CAIRO_TAG_LINK)
    }

    /// Adds a bookmark that jumps to the destination `name`; nest items under `parent`.
    @discardableResult
    public func addOutlineItem(_ title: String, destination name: String, parent: OutlineItem, open: Bool) -> OutlineItem {
        let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
        // OutlineItem.root is 0, cairo's CAIRO_PDF_OUTLINE_ROOT.
        let id = cairo_pdf_surface_add_outline(surface.pointer, Int32(parent.id), title, "dest='\(PDFDocument.quoted(name))'", flags)
        return OutlineItem(id: Int(id))
    }

    /// Completes the document and returns its bytes. Further calls return the same bytes.
    public func finish() throws -> Data {
        if let finished { return finished }
        if pageIsOpen { endPage() }
        precondition(openStructure.isEmpty, "finish with the structure element \(openStructure.last?.tag ?? "") open")
        if documentTagOpen {
            cairo_tag_end(cr, "Document")
            documentTagOpen = false
        }
        showAwaitingPage()
        try context.check()
        try surface.finish()
        let data = try PDFAccessibilityUpdate(language: metadata.language, figureAlternates: figureAlternates,
                                              displayTitle: metadata.title != nil).applied(to: sink.bytes)
        finished = data
        return data
    }

    /// Completes the document and writes it atomically through `AtomicFile` (temporary file, fsync, rename).
    public func write(to url: URL) throws {
        try AtomicFile.write(try finish(), to: url.path)
    }

    func paragraphLayout(_ p: Paragraph, width: Double, on pango: OpaquePointer) -> PangoLayoutHandle {
        let layout = renderer.pangoMeasurer.makeLayout(on: pango, text: p.pangoMarkup, font: p.font, wrapWidth: width,
                                                      alignment: p.alignment, language: p.language, markup: true)
        pango_layout_set_wrap(layout.pointer, PANGO_WRAP_WORD)
        if p.lineSpacing != 1 { pango_layout_set_line_spacing(layout.pointer, Float(p.lineSpacing)) }
        if p.firstLineIndent != 0 { pango_layout_set_indent(layout.pointer, Int32(p.firstLineIndent * Double(PANGO_SCALE))) }
        return layout
    }

    /// Escapes a value for cairo's tag attribute syntax (single-quoted strings).
    static func quoted(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }
}
