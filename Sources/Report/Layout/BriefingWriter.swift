import Analysis
import Dataset
import Foundation
import Render

/// Lays a built report out as a PDF: title page, contents with page numbers and links,
/// body pages with running header and page numbers, bookmarks mirroring the headings,
/// figures and tables numbered and linked from the text, the sources appendix.
public struct BriefingWriter {
    /// The report to lay out.
    public let report: BuiltReport
    /// The corpus, for the title page's row count and the figures' source lines.
    public let corpus: Corpus
    /// Makes the document the briefing is laid out on.
    public let backends: Backends
    /// The creation date stamped into the PDF; nil takes `SOURCE_DATE_EPOCH` or the current time.
    public var creationDate: Date?

    /// A writer of `report`, laid out on a document `backends` makes.
    public init(report: BuiltReport, corpus: Corpus, backends: Backends, creationDate: Date? = nil) {
        self.report = report
        self.corpus = corpus
        self.backends = backends
        self.creationDate = creationDate
    }

    /// The body pages as the paginator plans them, each with why it ends: what the page-foot rule is checked against.
    func bodyPagePlans() throws -> [PagePlan] {
        let metadata = report.metadata
        let document = backends.makeDocument(DocumentMetadata(title: metadata.title, language: ReportLanguage.tag(metadata.language)))
        let page = metadata.pageSize.points
        let margins = metadata.margins
        let blocks = try BlockMaker(report: report, corpus: corpus, style: ReportStyle.named(metadata.theme), pdf: document,
                                    width: page.width - margins.inner - margins.outer).blocks()
        return Paginator(top: margins.top, bottom: page.height - margins.bottom).paginate(blocks)
    }

    /// The whole PDF: title page, contents, body pages, sources appendix.
    public func pdf() throws -> Data {
        let metadata = report.metadata
        let style = ReportStyle.named(metadata.theme)
        let document = backends.makeDocument(DocumentMetadata(
            title: metadata.title, author: metadata.author, subject: metadata.subject ?? metadata.subtitle,
            keywords: metadata.keywords, creator: "SCOBrief", date: creationDate, language: ReportLanguage.tag(metadata.language)))
        let page = metadata.pageSize.points
        let margins = metadata.margins
        let width = page.width - margins.inner - margins.outer
        let top = margins.top, bottom = page.height - margins.bottom

        let blocks = try BlockMaker(report: report, corpus: corpus, style: style, pdf: document, width: width).blocks()
        let bodyPages = Paginator(top: top, bottom: bottom).paginate(blocks)

        // Contents: headings of levels 1 and 2, then a list of figures and tables, each with its body page.
        var entries: [ContentsEntry] = []
        var listed: [ContentsEntry] = []
        for (pageIndex, plan) in bodyPages.enumerated() {
            for placement in plan.placements {
                guard var entry = placement.block.contentsEntry(for: placement.units) else { continue }
                entry.page = pageIndex + 1
                if entry.style == .item { listed.append(entry) } else { entries.append(entry) }
            }
        }
        if !listed.isEmpty {
            entries.append(ContentsEntry(text: report.localiser.text("contents.figures-and-tables"), style: .group, anchor: nil, page: nil))
            entries += listed
        }
        let contentsLineHeight = style.body.size * 1.9
        let contentsPerPage = max(1, Int((bottom - top - 60) / contentsLineHeight))
        let contentsPages = metadata.contents ? max(1, (entries.count + contentsPerPage - 1) / contentsPerPage) : 0
        let frontPages = (metadata.titlePage ? 1 : 0) + contentsPages
        let geometry = PageGeometry(width: page.width, height: page.height, left: margins.inner, contentWidth: width, top: top, bottom: bottom)

        if metadata.titlePage { drawTitlePage(document, style: style, geometry: geometry) }
        if metadata.contents {
            drawContents(entries, document: document, style: style, geometry: geometry, perPage: contentsPerPage,
                         pages: contentsPages, firstLabel: metadata.titlePage ? 2 : 1)
        }
        let canvas = PageCanvas(pdf: document, style: style, left: margins.inner, width: width,
                                captionWidth: style.captionMeasure(document.textMeasurer, language: metadata.language))
        for (index, plan) in bodyPages.enumerated() {
            document.beginPage(width: .pt(page.width), height: .pt(page.height), label: "\(index + 1)")
            drawHeaderAndFooter(document, style: style, geometry: geometry, section: plan.section, number: index + 1, of: bodyPages.count)
            // Consecutive items of one list on this page form one list element (L) of the structure.
            var openList: Int?
            for placement in plan.placements {
                let list = placement.block.listNumber
                if openList != list {
                    if openList != nil { document.endStructure() }
                    if list != nil { document.beginStructure(.list) }
                    openList = list
                }
                placement.block.draw(placement.units, at: placement.y, on: canvas)
            }
            if openList != nil { document.endStructure() }
            document.endPage()
        }
        _ = frontPages
        return try document.finish()
    }

    struct PageGeometry {
        var width: Double
        var height: Double
        var left: Double
        var contentWidth: Double
        var top: Double
        var bottom: Double
    }

    // MARK: - Front matter

    private func drawTitlePage(_ pdf: any PagedDocument, style: ReportStyle, geometry g: PageGeometry) {
        let metadata = report.metadata
        let language = metadata.language
        pdf.beginPage(width: .pt(g.width), height: .pt(g.height), label: "Cover")
        pdf.draw(Scene(size: Size(width: g.width, height: 10), background: nil,
                       items: [.rect(Rect(x: 0, y: 0, width: g.width, height: 10), .fill(style.accent))]), at: Point(x: 0, y: 0))
        var y = g.height * 0.28
        y += pdf.structure(.heading(level: 1)) {
            pdf.draw(Paragraph(text: metadata.title, font: style.titlePageTitle, color: style.text, alignment: .left, lineSpacing: 1.05,
                               language: language),
                     at: Point(x: g.left, y: y), width: g.contentWidth)
        } + 12
        if let subtitle = metadata.subtitle {
            y += pdf.structure(.paragraph) {
                pdf.draw(Paragraph(text: subtitle, font: style.titlePageSubtitle, color: style.secondary, alignment: .left, language: language),
                         at: Point(x: g.left, y: y), width: g.contentWidth)
            } + 24
        }
        var lines: [String] = []
        if let author = metadata.author { lines.append(author) }
        if let date = metadata.date { lines.append(date) }
        for line in lines {
            y += pdf.structure(.paragraph) {
                pdf.draw(Paragraph(text: line, font: FontSpec(family: ReportStyle.sans, size: 11), color: style.text, alignment: .left,
                                   language: language),
                         at: Point(x: g.left, y: y), width: g.contentWidth)
            } + 4
        }
        let rows = corpus.tables.values.filter { $0.schema.column(named: "source_id") != nil }.reduce(0) { $0 + $1.rows.count }
        let about = report.localiser.text("title-page.about", ["rows": report.localiser.grouped(rows)])
        pdf.structure(.paragraph) {
            pdf.draw(Paragraph(text: about, font: style.note, color: style.secondary, alignment: .left, lineSpacing: 1.2, language: language),
                     at: Point(x: g.left, y: g.bottom - 40), width: g.contentWidth * 0.7)
        }
        pdf.endPage()
    }

    private func drawContents(_ entries: [ContentsEntry], document pdf: any PagedDocument, style: ReportStyle, geometry g: PageGeometry,
                              perPage: Int, pages: Int, firstLabel: Int) {
        let lineHeight = style.body.size * 1.9
        let language = report.metadata.language
        let contents = report.localiser.text("contents")
        for pageIndex in 0..<pages {
            pdf.beginPage(width: .pt(g.width), height: .pt(g.height), label: romanNumeral(pageIndex + 1))
            var y = g.top
            if pageIndex == 0 {
                pdf.addDestination(named: "contents", at: Point(x: g.left, y: y))
                _ = pdf.addOutlineItem(contents, destination: "contents")
                y += pdf.structure(.heading(level: 1)) {
                    pdf.draw(Paragraph(text: contents, font: style.headings[1]!, color: style.text, alignment: .left, language: language),
                             at: Point(x: g.left, y: y), width: g.contentWidth)
                } + 18
            }
            pdf.beginStructure(.contents)
            for entry in entries.dropFirst(pageIndex * perPage).prefix(perPage) {
                if entry.style == .group { y += lineHeight * 0.5 }
                let indent = entry.style == .subsection ? 14.0 : 0.0
                let size = entry.style == .item ? style.caption.size : style.body.size
                let font = FontSpec(family: ReportStyle.sans, size: size, weight: entry.style == .section || entry.style == .group ? .bold : .regular)
                let title = Paragraph(text: entry.text, font: font, color: style.text, alignment: .left, language: language)
                // An entry: its text and page number, then the link over the whole line.
                pdf.beginStructure(.contentsItem)
                let height = pdf.structure(.span) { pdf.draw(title, at: Point(x: g.left + indent, y: y), width: g.contentWidth - indent - 40) }
                if let page = entry.page, let anchor = entry.anchor {
                    pdf.structure(.span) {
                        pdf.draw(Paragraph(text: "\(page)", font: font, color: style.text, alignment: .right), at: Point(x: g.left + g.contentWidth - 40, y: y), width: 40)
                    }
                    pdf.addLink(Rect(x: g.left + indent, y: y, width: g.contentWidth - indent, height: height), toDestination: anchor)
                }
                pdf.endStructure()
                y += entry.style == .item ? max(height + 3, lineHeight * 0.75) : lineHeight
            }
            pdf.endStructure()
            pdf.endPage()
        }
    }

    // MARK: - Body

    private func drawHeaderAndFooter(_ pdf: any PagedDocument, style: ReportStyle, geometry g: PageGeometry, section: String?, number: Int, of total: Int) {
        let headerY = g.top - 28
        let language = report.metadata.language
        pdf.draw(Paragraph(text: report.metadata.title, font: style.header, color: style.secondary, alignment: .left, language: language),
                 at: Point(x: g.left, y: headerY), width: g.contentWidth / 2)
        if let section {
            pdf.draw(Paragraph(text: section, font: style.header, color: style.secondary, alignment: .right, language: language),
                     at: Point(x: g.left + g.contentWidth / 2, y: headerY), width: g.contentWidth / 2)
        }
        let rule = Path.segment(Point(x: g.left, y: headerY + 12), Point(x: g.left + g.contentWidth, y: headerY + 12))
        pdf.draw(Scene(size: Size(width: g.width, height: 1), background: nil, items: [.path(rule, .stroke(Stroke(color: style.secondary, width: 0.4)))]),
                 at: Point(x: 0, y: 0))
        let pageNumber = report.localiser.text("page.number", ["n": "\(number)", "total": "\(total)"])
        pdf.draw(Paragraph(text: pageNumber, font: style.header, color: style.secondary, alignment: .center),
                 at: Point(x: g.left, y: g.bottom + 24), width: g.contentWidth)
    }

    private func romanNumeral(_ value: Int) -> String {
        let numerals: [(Int, String)] = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var remaining = value, text = ""
        for (amount, numeral) in numerals {
            while remaining >= amount {
                text += numeral
                remaining -= amount
            }
        }
        return text
    }
}
