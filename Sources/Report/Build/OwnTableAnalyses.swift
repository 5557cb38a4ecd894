import Analysis
import Dataset
import Support

/// Report tables over the spec's own tables (`tables:`): counts, trend tests and comparisons over
/// the `time:` and `count:` columns, with the statistics of the corpus path.
extension TableAnalyses {
    /// The own table a block names, or nil for a corpus table. Corpus-only keys on an own table,
    /// and own-table keys on a corpus table, are errors: they would be ignored.
    func ownTable(_ spec: TableBlock) throws -> String? {
        let location = spec.location ?? SourceLocation(file: "spec")
        let ownKeys = [spec.time, spec.count].compactMap { $0 }
        return try ownTables.blockTable(
            spec.table, at: location, ownKeys: ownKeys.isEmpty ? [] : [.init(name: "time: and count:", location: ownKeys[0].location)],
            reads: { "\($0) read" },
            corpusHint: ownTables.names.isEmpty ? "add the table under tables: at the top of the spec" : "name one of \(ownTables.names.joined(separator: ", ")) in table:",
            corpusKeys: [("countries:", !spec.countries.isEmpty), ("status:", !spec.status.isEmpty), ("indicators:", !spec.indicators.isEmpty)].filter(\.1).map(\.0),
            does: { "\($0) filters the corpus tables" }, ownHint: "filter the CSV before, or split it with by: COLUMN")
    }

    /// The spec's period over an own table; `latest` counts back from its last year.
    private func ownPeriod(_ text: String, table: String, spec: TableBlock) throws -> Period {
        try periods.period(text) { ownTables.latestYear(table, time: spec.time?.value) }
    }

    /// Yearly counts of an own table, or trend tests on them.
    func ownGrouped(_ spec: TableBlock, table name: String, tests: [TrendTest]) throws -> TableAnalysisResult {
        let location = spec.location ?? SourceLocation(file: "spec")
        let data = try ownTables.counts(name, time: spec.time, count: spec.count, by: spec.byColumn,
                                        period: try spec.period.map { try ownPeriod($0, table: name, spec: spec) }, at: location)
        let analysis = OwnTrendAnalysis.run(data, tests: tests)
        var result = spec.analysis == .trend ? analysis.testsTable : analysis.countsTable()
        let notes = result.notes
        result.notes = []
        if let limit = spec.limit { result.rows = Array(result.rows.prefix(limit)) }
        return TableAnalysisResult(table: result, sourceIDs: [], notes: notes, sourceLine: ownTables.sourceLine(name, localiser), ownNotes: data.ownNotes)
    }

    /// Two periods of an own table compared.
    func ownCompare(_ spec: TableBlock, table name: String) throws -> TableAnalysisResult {
        let location = spec.location ?? SourceLocation(file: "spec")
        guard spec.periods.count == 2 else { throw Diagnostic(location, "a comparison needs periods: [first, second]") }
        // by: names the column a counts table's rows are split by; the periods compare the totals over it.
        let data = try ownTables.counts(name, time: spec.time, count: spec.count, by: spec.byColumn, period: nil, at: location)
        let first = try ownPeriod(spec.periods[0], table: name, spec: spec), second = try ownPeriod(spec.periods[1], table: name, spec: spec)
        let analysis = try OwnComparison.run(data, first, second)
        var result = analysis.table
        let notes = result.notes
        result.notes = []
        // The scope cell names the table ("all rows of Survey"): worded in the report's language.
        let scope = OwnComparison.scope(of: data)
        result.rows = result.rows.map { row in
            row.map { cell in
                guard case .text(scope) = cell else { return cell }
                return .text(localiser.text("own.scope.all-rows", ["table": data.labels.table]))
            }
        }
        return TableAnalysisResult(table: result, sourceIDs: [], notes: notes, sourceLine: ownTables.sourceLine(name, localiser),
                                   ownNotes: data.ownNotes + OwnComparison.periodNotes(data, first, second))
    }
}
