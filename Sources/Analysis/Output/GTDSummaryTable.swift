import Dataset

/// Incidents, killed and wounded of the rows an import wrote, grouped by year, by country, or
/// by both (`scobrief import gtd|ucdp-ged|acled|events --summary-by`). Unknown figures stay counted apart, never as 0.
public struct GTDSummaryTable: Sendable, Hashable {
    /// Whether rows are split by year.
    public var byYear: Bool
    /// Whether rows are split by country (with the country's name from the corpus).
    public var byCountry: Bool

    /// A grouping; at least one of the two should be set, or the table has one row of totals.
    public init(byYear: Bool, byCountry: Bool) {
        self.byYear = byYear
        self.byCountry = byCountry
    }

    /// Parses `year`, `country` or `year,country` (any order, any case); nil for anything else.
    public init?(keys: String) {
        let keys = Set(keys.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        guard !keys.isEmpty, keys.isSubset(of: ["year", "country"]) else { return nil }
        self.init(byYear: keys.contains("year"), byCountry: keys.contains("country"))
    }

    /// The table of `summary`'s totals, country names taken from `corpus`.
    public func table(of summary: some ImportTotals, corpus: Corpus) -> ResultTable {
        var grouped: [GTDYearCountry: GTDCasualtyTotals] = [:]
        for (key, totals) in summary.totals {
            let group = GTDYearCountry(year: byYear ? key.year : 0, country: byCountry ? key.country : "")
            grouped[group, default: GTDCasualtyTotals()] = grouped[group, default: GTDCasualtyTotals()] + totals
        }
        var columns: [ResultTable.Column] = []
        if byYear { columns.append(.init("year", alignment: .right)) }
        if byCountry { columns += [.init("country"), .init("name")] }
        columns += ["incidents", "killed", "killed_unknown", "wounded", "wounded_unknown"].map { ResultTable.Column($0, alignment: .right) }
        let rows: [[ResultTable.Cell]] = grouped.keys.sorted().map { key in
            let totals = grouped[key]!
            var cells: [ResultTable.Cell] = []
            if byYear { cells.append(.text(String(key.year))) }
            if byCountry { cells += [.text(key.country), .text(corpus.countryName(key.country))] }
            return cells + [totals.incidents, totals.killed, totals.killedUnknown, totals.wounded, totals.woundedUnknown].map { .integer($0) }
        }
        var notes = ["Source: \(summary.input), rows written by the import (\(summary.countryScope)\(summary.yearScope.map { "; years \($0)" } ?? "")).",
                     "killed and wounded add the known figures; *_unknown count the incidents with no figure (never counted as 0)."]
        if byYear { notes += summary.yearNotes }
        return ResultTable(title: "\(summary.summarySubject) by \([byYear ? "year" : nil, byCountry ? "country" : nil].compactMap { $0 }.joined(separator: " and "))",
                           columns: columns, rows: rows, notes: notes)
    }
}
