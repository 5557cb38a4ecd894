import Analysis
import Dataset
import Support

/// A comparison of two periods made in each of several datasets on its own (`sources:`), side by
/// side in one table and never summed: the rows of each source are compared against that
/// source's own coverage, and a source that does not cover a period gets a row saying so and why.
extension TableAnalyses {
    /// The comparison of `spec.periods` in each source of `spec.sources`, one block of rows each.
    /// Throws when no source covers both periods (the table would hold refusals only).
    func compareBySource(_ spec: TableBlock) throws -> TableAnalysisResult {
        guard spec.periods.count == 2 else { throw ChartRequestError("a comparison needs periods: [first, second]") }
        let name = spec.table ?? "attacks"
        var rows: [[ResultTable.Cell]] = []
        var notes: [String] = []
        var sourceIDs: [String] = []
        var refusals: [String] = []
        var columns: [ResultTable.Column] = []
        for selector in spec.sources {
            let corpus: Corpus
            do { corpus = try self.corpus.restricting(name, toSource: selector) } catch {
                throw Diagnostic(spec.sourcesLocation ?? error.location, "sources: \(error.message)", hint: error.hint)
            }
            let periods = PeriodContext(store: EventTableStore(corpus: corpus))
            let first = try periods.period(spec.periods[0], figure: name), second = try periods.period(spec.periods[1], figure: name)
            do {
                let analysis = try ComparisonAnalysis.run(name, first, name, second, corpus: corpus,
                                                          countries: spec.countries.isEmpty ? nil : Set(spec.countries),
                                                          statusAtTime: try periods.statuses(spec.status),
                                                          options: FigureResolver.CountOptions(membersAsOf: spec.membersAsOf,
                                                                                               assumeZeroOutsideCoverage: spec.assumeZeroOutsideCoverage))
                let table = analysis.table
                columns = table.columns
                rows += table.rows.map { [.text(selector)] + $0 }
                let shortened = TableAnalyses.shortened(table.notes, coverageNote: analysis.first.coverageNote,
                                                        coverage: analysis.comparison.first.measure.coverage)
                notes += shortened.map { "\(selector): \($0)" }
                sourceIDs += analysis.first.sourceIDs + analysis.second.sourceIDs
            } catch AnalysisError.outsideCoverage(_, _, let uncovered, let span, _) {
                let reason = "\(uncovered) \(uncovered.contains(",") || uncovered.contains("–") ? "are" : "is") outside this source's coverage (\(span))"
                refusals.append(selector)
                rows.append([.text(selector), .text("not compared"), .missing, .missing, .missing, .missing, .text(reason)])
                notes.append("\(selector): \(spec.periods[0]) and \(spec.periods[1]) not compared: \(reason); a time without data is not a time without events.")
                sourceIDs += corpus.datasetSources(ofTable: name)
            }
        }
        if refusals.count == spec.sources.count {
            throw ChartRequestError("no source in sources: [\(spec.sources.joined(separator: ", "))] covers both \(spec.periods[0]) and \(spec.periods[1]); "
                                    + "the table would hold refusals only. Import data that covers both periods, or compare other periods")
        }
        let result = ResultTable(title: "\(spec.periods[0]) compared with \(spec.periods[1]), each source on its own",
                                 columns: [.init("source")] + columns, rows: rows)
        return TableAnalysisResult(table: result, sourceIDs: sourceIDs, notes: notes)
    }
}
