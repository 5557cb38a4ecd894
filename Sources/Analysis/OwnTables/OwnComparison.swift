import Dataset

extension YearlyCountData {
    /// The count of series "all" over `period`, as a figure a comparison can take.
    ///
    /// A counts table sums its years, and every year of the period must have a known count (a
    /// total with a year missing is unknown, not smaller). A table of events counts the rows dated
    /// inside the period, leaving out those whose date straddles its edge. Either way the period
    /// must lie inside the table's years, and the exposure is the period's length in years, as
    /// for the corpus (`FigureResolver`).
    public func figure(over period: Period) throws(OwnTableError) -> (figure: PeriodFigure, notes: [OwnTableNote]) {
        guard range.contains(period.firstYear) && range.contains(period.lastYear) else {
            throw .periodOutsideTable(period: period.description, range: range, table: labels.table)
        }
        let all = series[0]
        var notes: [OwnTableNote] = []
        let count: Int
        switch origin {
        case .countsTable:
            for year in period.firstYear...period.lastYear where period.exposure(inYear: year) < 1 {
                throw .partYearOfCounts(period: period.description, year: year, time: labels.time)
            }
            let years = Array(period.firstYear...period.lastYear)
            let unknown = years.filter { all.counts[$0] == nil }
            guard unknown.isEmpty else {
                throw .unknownYearsInPeriod(period: period.description, years: YearlyCountData.spans(unknown), count: labels.count)
            }
            count = years.reduce(0) { $0 + all.counts[$1]! }
        case .eventRows:
            var kept = 0, uncertain = 0
            for date in eventDates {
                switch period.contains(date) {
                case true?: kept += 1
                case false?: break
                case nil: uncertain += 1
                }
            }
            count = kept
            if uncertain > 0 {
                notes.append(OwnTableNote(OwnTableNote.counted("own.note.straddles-period", uncertain), ["n": String(uncertain), "period": period.description],
                                          english: "\(uncertain) row\(uncertain == 1 ? "" : "s") dated only to a year or month that straddles \(period) \(uncertain == 1 ? "was" : "were") left out."))
            }
        }
        // The measure is what the column counts; both sides come from one table, so its scope is shared.
        return (PeriodFigure(label: period.description, count: count, exposureYears: period.years,
                             measure: Measure(.other(labels.count), coverage: .complete)), notes)
    }
}

/// Two periods of a user's own table compared as the corpus's periods are: annual rates with
/// exact intervals, the exact conditional rate ratio and the Wald difference.
public enum OwnComparison {
    /// Compares `first` with `second` over the series "all" of `data`; refuses overlapping periods,
    /// periods outside the table's years, and periods with an unknown year.
    public static func run(_ data: YearlyCountData, _ first: Period, _ second: Period, level: Double = 0.95) throws -> ComparisonAnalysis {
        if first.overlaps(second) {
            throw AnalysisError.overlappingPeriods(first: first.description, second: second.description)
        }
        let a = try data.figure(over: first), b = try data.figure(over: second)
        var comparison = try PeriodComparison.compare(a.figure, b.figure, coverageNote: nil, level: level)
        // Notes about years the tests leave out do not concern two periods whose every year is known.
        comparison.caveats = data.notes.filter { !$0.contains("left out of the tests") } + comparison.caveats
            + (a.notes + b.notes).map(\.description)
        func resolved(_ figure: PeriodFigure, _ notes: [OwnTableNote]) -> FigureResolver.ResolvedFigure {
            FigureResolver.ResolvedFigure(figure: figure, scope: scope(of: data), coverageNote: "", notes: notes.map(\.description), sourceIDs: [])
        }
        // The figure is the counted column (its title and unit from the schema); the periods give each row its first and last day.
        return ComparisonAnalysis(first: resolved(a.figure, a.notes), second: resolved(b.figure, b.notes), comparison: comparison,
                                  firstName: data.labels.count, secondName: data.labels.count, firstPeriod: first, secondPeriod: second,
                                  rateUnit: "\(data.labels.unit) per year")
    }

    /// The scope cell of both periods' rows: "all rows of Survey".
    public static func scope(of data: YearlyCountData) -> String { "all rows of \(data.labels.table)" }

    /// The notes `run` adds for each period (rows whose date straddles its edge), with their
    /// message keys, so a report says them in its language.
    public static func periodNotes(_ data: YearlyCountData, _ first: Period, _ second: Period) -> [OwnTableNote] {
        [first, second].flatMap { (try? data.figure(over: $0).notes) ?? [] }
    }
}
