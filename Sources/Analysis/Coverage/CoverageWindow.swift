import Dataset

/// A table's coverage seen through one period and one selection of countries: which months are
/// observed, each year's exposure, what is left out and why, and the collection breaks crossed.
///
/// Trends and comparisons read every year's exposure from here, so a year outside the coverage or
/// in a gap is never a year with no events. With `assumesZero` (the user's
/// `--assume-zero-outside-coverage`) every month of the period counts as observed, and the notes
/// record that assumption.
public struct CoverageWindow: Sendable {
    /// The table's coverage.
    public var coverage: Coverage
    /// The period asked for, or the coverage's whole years when none was given.
    public var period: Period?
    /// The countries selected (nil: all); a selection is covered from the latest of its starts.
    public var countries: Set<String>?
    /// Whether uncovered months count as observed with no events (`--assume-zero-outside-coverage`).
    public var assumesZero: Bool
    /// The months of the period that are not observed, in order, with their reasons.
    public var uncovered: [UncoveredSpan]
    /// The collection breaks the period lies across.
    public var breaks: [CollectionBreak]

    /// The window over `period` (nil: the coverage's span in whole years).
    public init(coverage: Coverage, period: Period?, countries: Set<String>? = nil, assumesZero: Bool = false) {
        self.coverage = coverage
        self.countries = countries
        self.assumesZero = assumesZero
        let period = period ?? CoverageWindow.wholeYears(of: coverage, countries: countries)
        self.period = period
        if let period {
            uncovered = coverage.uncoveredSpans(fromMonth: CoverageWindow.firstMonth(of: period),
                                                throughMonth: CoverageWindow.lastMonth(of: period), countries: countries)
            breaks = coverage.breaks(straddledFrom: period.start.earliestDay, through: period.end.latestDay)
        } else {
            uncovered = []
            breaks = []
        }
    }

    /// The coverage's span as whole years, for a trend asked without `--from`/`--to`.
    static func wholeYears(of coverage: Coverage, countries: Set<String>?) -> Period? {
        guard let first = coverage.firstMonth(for: countries), let last = coverage.lastMonth else { return nil }
        return try? Period(years: first / 12, last / 12)
    }

    static func firstMonth(of period: Period) -> Int {
        Coverage.monthIndex(year: period.start.year, month: period.start.month ?? 1)
    }

    static func lastMonth(of period: Period) -> Int {
        Coverage.monthIndex(year: period.end.year, month: period.end.month ?? 12)
    }

    /// Runs of months outside the data's span (before its start, after its end), gaps excluded.
    public var outsideSpan: [UncoveredSpan] { uncovered.filter { !$0.isGap } }

    /// Runs of months in known gaps.
    public var gaps: [UncoveredSpan] { uncovered.filter(\.isGap) }

    /// Years observed in `year` (months ÷ 12): the months of the period in that year, less those
    /// not covered, unless the user assumed zeros there.
    public func exposure(inYear year: Int) -> Double {
        guard let period else { return 1 }
        let first = max(CoverageWindow.firstMonth(of: period), Coverage.monthIndex(year: year, month: 1))
        let last = min(CoverageWindow.lastMonth(of: period), Coverage.monthIndex(year: year, month: 12))
        guard first <= last else { return 0 }
        var months = last - first + 1
        if !assumesZero {
            for span in uncovered {
                let overlap = min(last, span.lastMonth) - max(first, span.firstMonth) + 1
                if overlap > 0 { months -= overlap }
            }
        }
        return Double(months) / 12
    }

    /// The whole period's observed time in years.
    public var exposureYears: Double {
        guard let period else { return 0 }
        return (period.firstYear...period.lastYear).reduce(0) { $0 + exposure(inYear: $1) }
    }

    /// Years of the period with no observed month: left out of tests, never counted as 0.
    public var yearsLeftOut: [Int] {
        guard let period else { return [] }
        return (period.firstYear...period.lastYear).filter { exposure(inYear: $0) == 0 }
    }

    /// The error for a period with months after the data's end or before their start (gaps only
    /// shorten the exposure), or nil when it may be counted. `subject` names what is counted.
    public func refusal(subject: String) -> AnalysisError? {
        guard !assumesZero, let period, !outsideSpan.isEmpty else { return nil }
        return .outsideCoverage(subject: subject, period: period.description,
                                uncovered: outsideSpan.map(\.explained).joined(separator: ", "),
                                span: coverage.spanDescription, lastDate: coverage.dates.to?.description)
    }

    /// The error for a trend none of whose months is observed.
    public func trendRefusal(subject: String) -> AnalysisError? {
        guard !assumesZero, let period, exposureYears == 0, !outsideSpan.isEmpty else { return nil }
        return .outsideCoverage(subject: subject, period: period.description,
                                uncovered: uncovered.map(\.explained).joined(separator: ", "),
                                span: coverage.spanDescription, lastDate: coverage.dates.to?.description)
    }

    /// What a reader must know about the coverage of `period`, in the words of `usage`
    /// ("left out of the tests" for a trend, "left out of the exposure" for a comparison).
    public func notes(usage: String) -> [String] {
        var notes: [String] = []
        if assumesZero, !uncovered.isEmpty {
            notes.append("--assume-zero-outside-coverage: \(uncovered.map(\.explained).joined(separator: ", ")) "
                + "\(uncovered.count == 1 && uncovered[0].months <= 12 ? "was" : "were") counted as observed with no events, as asked; "
                + "the data do not cover \(uncovered.count == 1 && uncovered[0].months <= 12 ? "it" : "them") (\(coverage.spanDescription)).")
        } else {
            if !gaps.isEmpty {
                notes.append("\(gaps.map(\.explained).joined(separator: ", ")): no data, so \(usage), not counted as 0.")
            }
            if !outsideSpan.isEmpty {
                notes.append("\(outsideSpan.map(\.explained).joined(separator: ", ")): outside the coverage (\(coverage.spanDescription)), so \(usage), not counted as 0.")
            }
        }
        for item in breaks {
            notes.append("The period straddles a change in how the data were collected (\(item.date)): \(item.note).")
        }
        if countries == nil, let period {
            let later = coverage.countriesStartingAfter(month: CoverageWindow.firstMonth(of: period))
            if !later.isEmpty {
                notes.append("Coverage of \(later.map { "\($0.code) starts \($0.start)" }.joined(separator: ", ")): "
                    + "before then those countries are not in the data, so totals over all countries are not comparable across those dates.")
            }
        }
        return notes
    }
}
