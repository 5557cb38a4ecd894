import Dataset

/// The trend tests `trend` can run on a yearly count series.
public enum TrendTest: String, Sendable, Hashable, CaseIterable {
    case ols
    case mannKendall = "mann-kendall"
    case poisson

    public var title: String {
        switch self {
        case .ols: return "OLS linear trend"
        case .mannKendall: return "Mann–Kendall with Sen's slope"
        case .poisson: return "Poisson log-linear regression"
        }
    }

    /// Reads tests as the CLI's `--test` and a report table's `tests:` write them: names from
    /// `allCases`, comma-separated, or `none` for no test. One parser for both.
    public static func parseList(_ words: [String]) throws(AnalysisInputError) -> [TrendTest] {
        let names = words.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if names == ["none"] { return [] }
        var tests: [TrendTest] = []
        for name in names {
            guard let test = TrendTest(rawValue: name) else { throw .unknownTest(name, known: allCases.map(\.rawValue)) }
            tests.append(test)
        }
        return tests
    }
}

/// One test's outcome on one series: a result, or the plain reason it could not be computed.
public enum TrendTestOutcome: Sendable {
    case ols(OLSTrendResult)
    case mannKendall(MannKendallResult, SensSlopeResult)
    case poisson(CountTrendResult)
    case notComputed(TrendTest, reason: String)
}

/// The tests run on one yearly series: all events, or one country's.
public struct SeriesTrend: Sendable {
    /// "all" or a country code.
    public var series: String
    public var years: [Int]
    public var counts: [Int]
    /// Years of observation in each year (months ÷ 12): below 1 for the part-years at the ends of
    /// a period given in months. The count models take it as the offset log(exposure).
    public var exposures: [Double]
    public var outcomes: [TrendTestOutcome]
}

/// Counts by the requested keys, trend tests on the yearly series, and the caveats.
public struct TrendAnalysis: Sendable {
    public var grouped: GroupedEvents
    public var trends: [SeriesTrend]
    public var caveats: [String]
    /// Confidence level of every interval, named in the interval column ("90% CI").
    public var level: Double
    /// The α at which Mann–Kendall calls a trend, independent of `level`.
    public var alpha: Double

    /// What the period covers: each year's exposure, the years left out, the breaks crossed.
    public var coverageWindow: CoverageWindow

    public var table: EventTable { grouped.source.table }

    /// Groups the filtered events and runs `tests` on the yearly totals; with keys
    /// `[.year, .country]`, also on each country's yearly series.
    ///
    /// Each year's exposure comes from the table's coverage: a year outside it or in a gap (the
    /// GTD's 1993) has none and is left out of the tests, never counted as 0; a part-year (at the
    /// ends of a period in months, or partly in a gap) enters the count models with its exposure.
    /// With `assumeZeroOutsideCoverage` every year of the period counts in full, and the notes say so.
    /// Without a period the series spans the coverage's years.
    public static func run(_ events: FilteredEvents, by keys: [GroupKey], tests: [TrendTest], level: Double = 0.95,
                           alpha: Double = 0.05, assumeZeroOutsideCoverage: Bool = false) -> TrendAnalysis {
        let window = CoverageWindow(coverage: events.table.dataCoverage, period: events.defaultPeriod,
                                    countries: events.coverageSelection, assumesZero: assumeZeroOutsideCoverage)
        var events = events
        if events.filter.period == nil, let period = window.period { events.filter.period = period }
        let grouped = events.grouped(by: keys)
        var trends: [SeriesTrend] = []
        var notes = caveats(for: events) + window.notes(usage: "left out of the counts and the tests") + events.compositionNotes
        if !tests.isEmpty {
            let all = events.grouped(by: [.year]).yearlyCounts()
            // Only observed years enter the tests: a year without coverage is unknown, not quiet.
            let kept = all.years.indices.filter { window.exposure(inYear: all.years[$0]) > 0 }
            let years = kept.map { all.years[$0] }
            let exposures = years.map(window.exposure(inYear:))
            func trend(_ series: String, _ counts: [Int]) -> SeriesTrend {
                SeriesTrend(series: series, years: years, counts: counts, exposures: exposures,
                            outcomes: runTests(tests, years: years, counts: counts, exposures: exposures, level: level, alpha: alpha))
            }
            trends.append(trend("all", kept.map { all.counts[$0] }))
            if keys == [.year, .country] || keys == [.country, .year] {
                let byCountry = Dictionary(grouping: grouped.groups) { $0.key[keys.firstIndex(of: .country)!] }
                let yearIndex = keys.firstIndex(of: .year)!
                for (country, groups) in byCountry.sorted(by: { $0.key < $1.key }) {
                    var counts = [Int](repeating: 0, count: years.count)
                    for group in groups {
                        if let year = Int(group.key[yearIndex]), let index = years.firstIndex(of: year) { counts[index] += group.count }
                    }
                    trends.append(trend(country, counts))
                }
            }
            let partial = zip(years, exposures).filter { $0.1 < 1 }
            if !partial.isEmpty && tests.contains(where: { $0 != .poisson }) {
                notes.append("\(partial.map { "\($0.0) (\(Int(($0.1 * 12).rounded())) months)" }.joined(separator: " and ")) "
                    + "\(partial.count == 1 ? "is a part-year" : "are part-years"): the count models weigh "
                    + "\(partial.count == 1 ? "it" : "them") by exposure, but OLS and Mann–Kendall read the raw counts as full years.")
            }
        }
        return TrendAnalysis(grouped: grouped, trends: trends, caveats: notes, level: level, alpha: alpha, coverageWindow: window)
    }

    /// The refusal for a trend whose period the data do not cover at all (every month before the
    /// start or after the end), or nil. Call it before `run`; a period partly covered is run, with
    /// the uncovered years left out and named in the notes.
    public static func coverageRefusal(_ events: FilteredEvents, assumeZeroOutsideCoverage: Bool = false) -> AnalysisError? {
        CoverageWindow(coverage: events.table.dataCoverage, period: events.defaultPeriod,
                       countries: events.coverageSelection, assumesZero: assumeZeroOutsideCoverage)
            .trendRefusal(subject: events.table.name)
    }

    /// Runs `tests` on one yearly series. `exposures` (years of observation per year, 1 when
    /// `nil`) are the count models' offset; `alpha` is Mann–Kendall's significance level.
    public static func runTests(_ tests: [TrendTest], years: [Int], counts: [Int], exposures: [Double]? = nil,
                                level: Double, alpha: Double = 0.05) -> [TrendTestOutcome] {
        let values = counts.map(Double.init)
        let offsets = exposures.flatMap { $0.allSatisfy { $0 == 1 } ? nil : $0 }
        return tests.map { test in
            do {
                switch test {
                case .ols: return .ols(try OLSTrend.fit(years: years, values: values, level: level))
                case .mannKendall:
                    return .mannKendall(try MannKendall.test(years: years, values: values, significanceLevel: alpha),
                                        try SensSlope.estimate(years: years, values: values, level: level))
                case .poisson: return .poisson(try CountTrend.analyze(years: years, counts: counts, exposures: offsets, level: level, alpha: alpha))
                }
            } catch {
                return .notComputed(test, reason: "\(error)")
            }
        }
    }

    /// What a reader must know before reading a trend into these counts.
    static func caveats(for events: FilteredEvents) -> [String] {
        var caveats: [String] = []
        let table = events.table
        if table.coverage != .complete {
            caveats.append("\(table.title) is \(table.coverage.description): \(table.coverageNote)")
        }
        if table.coverage == .illustrative {
            caveats.append("A trend in named examples shows what the sources chose to name, not how often such events happened.")
        }
        if let note = events.lowerBoundNote { caveats.append(note) }
        if events.uncertain > 0 {
            caveats.append("\(events.uncertain) event\(events.uncertain == 1 ? "" : "s") with a date or status that may fall outside the selection \(events.uncertain == 1 ? "was" : "were") left out.")
        }
        let (killed, wounded) = events.casualties
        if table.measure == .eventsOccurred && (killed.unknownRows > 0 || wounded.unknownRows > 0) {
            caveats.append("Casualty totals count only the events with a stated figure: killed unknown for \(killed.unknownRows), wounded unknown for \(wounded.unknownRows).")
        }
        return caveats
    }
}
