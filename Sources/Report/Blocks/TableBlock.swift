import Analysis
import Dataset
import Render
import Support

/// A numbered table from one of the `TableAnalysis` analyses.
struct TableBlock: ReportBlock {
    static let key = "table"

    var tableID: String
    var analysis: TableAnalysis
    /// The corpus table the analysis reads, where it takes one.
    var table: String?
    /// Over a table of the spec's `tables:`: the column of years or dates, the column of counts
    /// (absent: each row is one event), and `by:` as a column, each with its place in the spec.
    var time: Located<String>?
    var count: Located<String>?
    var byColumn: Located<String>?
    /// Where the block is written, for errors about an own table's columns.
    var location: SourceLocation?
    var by: String?
    var period: String?
    var periods: [String] = []
    var countries: [String] = []
    /// Only events in states of these SCO statuses on the event's date.
    var status: [String] = []
    var indicators: [String] = []
    var tests: [String] = []
    var caption: LocatedText
    var limit: Int?
    /// The α at which Mann–Kendall calls a trend (`alpha:`), 0.05 by default.
    var alpha = 0.05
    /// Hold the set of states fixed as of this date (`members_as_of:`).
    var membersAsOf: PartialDate?
    /// Count months outside the data's coverage as months with no events (`assume_zero_outside_coverage: true`).
    var assumeZeroOutsideCoverage = false
    /// Datasets compared each on its own, side by side (`sources: [gtd, ucdp-ged, acled]`): source
    /// ids, or their families before the release; only for `analysis: compare`.
    var sources: [String] = []
    /// Where `sources:` is written, for a source the table does not hold.
    var sourcesLocation: SourceLocation?

    var id: String? { tableID }

    /// Every key some analysis reads, in the order the reference lists them.
    static let analysisKeys = ["table", "by", "period", "periods", "countries", "status", "indicators", "tests", "limit", "alpha",
                               "members_as_of", "assume_zero_outside_coverage", "time", "count", "sources"]

    static func read(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> TableBlock {
        let map = try node.mapping(allowedKeys: ["id", "analysis", "caption"] + Self.analysisKeys, reporting: problems)
        // Each key is read on its own, so a missing caption does not hide a bad analysis or alpha.
        let id = problems.attempt { () throws(Diagnostic) in try SpecReader.id(map, example: "tab-rats-results") }
        let analysis = map.require("analysis", "what the table shows", problems) { node throws(Diagnostic) in try TableAnalysis.read(node) }
        let caption = map.require("caption", "the table's caption", problems) { node throws(Diagnostic) in try SpecReader.text(node, problems) }
        var table = TableBlock(tableID: id ?? "", analysis: analysis ?? .counts, caption: caption ?? LocatedText(text: "", start: node.location))
        table.table = map.read("table", problems) { node throws(Diagnostic) in try node.string() }
        table.by = map.read("by", problems) { node throws(Diagnostic) in try node.string() }
        table.period = map.read("period", problems) { node throws(Diagnostic) in try node.string() }
        table.periods = map.read("periods", problems) { node throws(Diagnostic) in try node.stringList() } ?? []
        table.countries = map.read("countries", problems) { node throws(Diagnostic) in try node.stringList() } ?? []
        table.status = map.read("status", problems) { node throws(Diagnostic) in try node.stringList() } ?? []
        table.indicators = map.read("indicators", problems) { node throws(Diagnostic) in try node.stringList() } ?? []
        table.tests = map.read("tests", problems) { node throws(Diagnostic) in try node.stringList() } ?? []
        table.time = map.read("time", problems) { node throws(Diagnostic) in try SpecReader.located(node) } ?? nil
        table.count = map.read("count", problems) { node throws(Diagnostic) in try SpecReader.located(node) } ?? nil
        table.byColumn = map.read("by", problems) { node throws(Diagnostic) in try SpecReader.located(node) } ?? nil
        table.location = node.location
        table.limit = map.read("limit", problems) { node throws(Diagnostic) in try node.int() }
        if let alpha = map.read("alpha", problems, { node throws(Diagnostic) -> Double in
            let value = try node.double()
            guard value > 0 && value < 1 else { throw node.error("alpha must lie between 0 and 1, e.g. 0.05") }
            return value
        }) {
            table.alpha = alpha
        }
        table.membersAsOf = map.read("members_as_of", problems) { node throws(Diagnostic) -> PartialDate in
            let text = try node.string()
            do { return try PartialDate(parsing: text) } catch {
                throw node.error("members_as_of '\(text)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2001-06-15")
            }
        }
        table.assumeZeroOutsideCoverage = map.read("assume_zero_outside_coverage", problems) { node throws(Diagnostic) in try node.bool() } ?? false
        // A key the chosen analysis does not read would be silently ignored (`tests:` on counts).
        if let analysis {
            for key in Self.analysisKeys where key != "sources" && !analysis.keys.contains(key) {
                guard let keyNode = map[key] else { continue }
                let readers = TableAnalysis.allCases.filter { $0.keys.contains(key) }.map(\.rawValue)
                problems.report(keyNode.error("does not apply to analysis: \(analysis.rawValue), which would ignore it",
                                              hint: "remove \(key):, or use an analysis that reads it: \(readers.joined(separator: ", "))"))
            }
        }
        if let sourcesNode = map["sources"] {
            _ = problems.attempt { () throws(Diagnostic) in
                guard analysis == nil || analysis == .compare else {
                    throw sourcesNode.error("sources: applies to analysis: compare only", hint: "remove sources:, or make the table a comparison")
                }
                table.sources = try sourcesNode.stringList()
                table.sourcesLocation = sourcesNode.location
                guard !table.sources.isEmpty else { throw sourcesNode.error("sources: is empty", hint: "name the datasets to compare, e.g. [gtd, ucdp-ged, acled]") }
            }
        }
        return table
    }

    func register(in references: inout References) {
        references.addTable(tableID)
    }

    func build(_ context: BuildContext) throws -> [any BuiltBlock] {
        let result = try analysis.build(self, with: context.analyses)
        context.use(analysis.dataTable(of: self))
        let uniqueSources = Array(Set(result.sourceIDs)).sorted()
        let number = context.tables.count + 1
        let localiser = context.localiser
        let index = context.add(BuiltTable(id: tableID, number: number, label: localiser.tableLabel(number), slug: ReportBuilder.slug(tableID),
                                           caption: try context.binding.runs(caption), table: result.table, sourceIDs: uniqueSources,
                                           notes: [result.sourceLine ?? SourceLine.text(for: uniqueSources, corpus: context.corpus, localiser: localiser)]
                                               + result.localisedNotes(localiser)))
        return [BuiltTableItem(index: index)]
    }
}

/// A built table in the body: an index into the report's tables, which the figure-set writer also saves.
struct BuiltTableItem: BuiltBlock {
    var index: Int

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] {
        let table = context.report.tables[index]
        let caption = context.caption(label: table.label, table.caption)
        let notes = context.notes(table.notes)
        return [TableFlow(anchor: table.id, contentsText: context.contentsText(label: table.label, caption: table.caption),
                          continued: context.localiser.text("table.continued"),
                          caption: caption, captionHeight: context.pdf.measure(caption, width: context.captionWidth).height,
                          layout: TableLayout(context.localiser.localised(table.table), width: context.width, style: context.style, pdf: context.pdf),
                          notes: notes, notesHeight: context.notesHeight(notes))]
    }
}

/// A table measured for the page: split between rows, the caption and header repeated on each
/// page with "(continued)", the notes under the last row.
struct TableFlow: FlowBlock {
    var anchor: String
    var contentsText: String
    /// " (continued)" in the report's language, after the caption of a table's later pieces.
    var continued: String
    var caption: Paragraph
    var captionHeight: Double
    var layout: TableLayout
    var notes: [Paragraph]
    var notesHeight: Double
    /// Fewer rows than this of a long table at the foot of a page read badly; the table starts afresh.
    static let minimumRows = 3

    var role: FlowRole { .fixed }
    var unitCount: Int { layout.rowHeights.count }
    var leadHeight: Double { captionHeight + layout.height(rows: 0..<min(Self.minimumRows, layout.rowHeights.count)) }
    var spaceAfter: Double { notesHeight + 14 }

    func unitsFitting(_ available: Double, from start: Int, atTop: Bool, pageHeight: Double) -> Int {
        let rows = layout.rowHeights.count
        var fitting = 0
        var used = captionHeight + 4 + layout.headerHeight + 3
        while start + fitting < rows
                && used + layout.rowHeights[start + fitting] <= available - (start + fitting == rows - 1 ? notesHeight : 0) {
            used += layout.rowHeights[start + fitting]
            fitting += 1
        }
        if fitting < min(Self.minimumRows, rows - start) && !atTop { return 0 }
        return max(fitting, min(1, rows - start))
    }

    func height(of units: Range<Int>) -> Double {
        captionHeight + 4 + layout.height(rows: units)
    }

    func contentsEntry(for units: Range<Int>) -> ContentsEntry? {
        units.lowerBound == 0 ? ContentsEntry(text: contentsText, style: .item, anchor: anchor) : nil
    }

    func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas) {
        let pdf = page.pdf
        let continued = units.lowerBound > 0
        if !continued { pdf.addDestination(named: anchor, at: Point(x: page.left, y: y)) }
        var caption = self.caption
        if continued { caption.spans.append(TextSpan(self.continued, italic: true)) }
        pdf.beginStructure(.table)
        let drawnHeight = pdf.structure(.caption) { pdf.draw(caption, at: Point(x: page.left, y: y), width: page.captionWidth) }
        let tableY = y + max(drawnHeight, captionHeight) + 4
        layout.draw(rows: units, at: Point(x: page.left, y: tableY), on: pdf, style: page.style)
        pdf.endStructure()
        if units.upperBound == layout.rowHeights.count {
            var noteY = tableY + layout.height(rows: units) + 2
            for note in notes {
                noteY += pdf.structure(.paragraph) { pdf.draw(note, at: Point(x: page.left, y: noteY), width: page.captionWidth) } + 1
            }
        }
    }
}
