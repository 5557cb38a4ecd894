/// What a table covers: its scope, its note, and the dates it covers — first and last date,
/// known gaps, collection breaks and later starts by country.
///
/// Statistics read it so that a year outside the coverage, or in a gap, is never taken as a year
/// with no events. It is plain data: the GTD import, the UCDP and ACLED imports and own tables
/// all describe themselves with it, whatever file they came from.
public struct Coverage: Sendable, Hashable {
    /// Where the dates come from.
    public enum Basis: String, Sendable, Hashable {
        /// Stated by the source row or the catalog (a release's first and last date).
        case stated
        /// Nothing was stated, so the years of the rows stand in: from the first year with a row
        /// to the last. A later year with no rows is unknown, not quiet.
        case yearsOfData
    }

    /// Complete, illustrative or partial.
    public var scope: CoverageScope
    /// What the table does and does not cover, in the source's or catalog's words.
    public var note: String
    /// First and last date, gaps, breaks, later starts by country.
    public var dates: CoverageDates
    /// Whether the dates were stated or stand in from the rows' years.
    public var basis: Basis

    /// A coverage of `scope` over `dates`.
    public init(scope: CoverageScope, note: String = "", dates: CoverageDates = CoverageDates(), basis: Basis = .stated) {
        self.scope = scope
        self.note = note
        self.dates = dates
        self.basis = basis
    }

    /// The coverage of a table that states no dates: its rows' first and last year, whole years.
    public static func fromYearsOfData(_ years: some Sequence<Int>, scope: CoverageScope, note: String = "") -> Coverage {
        var first: Int?, last: Int?
        for year in years {
            first = min(first ?? year, year)
            last = max(last ?? year, year)
        }
        return Coverage(scope: scope, note: note,
                        dates: CoverageDates(from: first.flatMap { try? PartialDate(year: $0) }, to: last.flatMap { try? PartialDate(year: $0) }),
                        basis: .yearsOfData)
    }

    /// "the data run from 1970-01-01 to 2020-12-31" (or from the first to the last year with rows).
    public var spanDescription: String {
        let from = dates.from?.description ?? "an unstated start"
        let to = dates.to?.description ?? "an unstated end"
        switch basis {
        case .stated: return "the data cover \(from) to \(to)"
        case .yearsOfData: return "the rows run from \(from) to \(to) (no coverage is stated, so the years with rows stand for it)"
        }
    }

    // MARK: Months

    /// Months since year 0: the unit in which coverage meets exposure (months ÷ 12).
    public static func monthIndex(year: Int, month: Int) -> Int { year * 12 + month - 1 }

    /// The month an index stands for, as a month-precision date.
    static func date(ofMonth index: Int) -> PartialDate {
        // Indices come from valid dates, so the year and month are in range.
        try! PartialDate(year: index / 12, month: index % 12 + 1)
    }

    /// The first month covered for `countries` (all of them): the stated start, or the latest
    /// later start among the countries that have one. Nil when the start is open.
    public func firstMonth(for countries: Set<String>? = nil) -> Int? {
        var first = dates.from.map { Coverage.monthIndex(year: $0.earliestDay.year, month: $0.earliestDay.month) }
        for code in countries ?? [] {
            if let start = dates.fromByCountry[code] {
                let month = Coverage.monthIndex(year: start.earliestDay.year, month: start.earliestDay.month)
                first = max(first ?? month, month)
            }
        }
        return first
    }

    /// The last month covered (a month counts when any of its days is covered); nil when open.
    public var lastMonth: Int? {
        dates.to.map { Coverage.monthIndex(year: $0.latestDay.year, month: $0.latestDay.month) }
    }

    /// The gap touching a month, if any: a month a gap reaches into is not fully observed.
    public func gap(inMonth index: Int) -> DateSpan? {
        let month = Coverage.date(ofMonth: index)
        return dates.gaps.first { $0.overlaps(from: month.earliestDay, through: month.latestDay) }
    }

    /// Whether month `index` is observed for `countries`: inside the start and end, outside every gap.
    public func covers(month index: Int, countries: Set<String>? = nil) -> Bool {
        if let first = firstMonth(for: countries), index < first { return false }
        if let last = lastMonth, index > last { return false }
        return gap(inMonth: index) == nil
    }

    /// The months from `first` through `last` (indices, both included) that are not observed,
    /// merged into runs with one reason each, in order.
    public func uncoveredSpans(fromMonth first: Int, throughMonth last: Int, countries: Set<String>? = nil) -> [UncoveredSpan] {
        guard first <= last else { return [] }
        let start = firstMonth(for: countries), end = lastMonth
        var spans: [UncoveredSpan] = []
        for index in first...last {
            let reason: UncoveredSpan.Reason
            if let start, index < start {
                let later = (countries ?? []).compactMap { code in dates.fromByCountry[code].map { (code, $0) } }
                    .filter { Coverage.monthIndex(year: $0.1.earliestDay.year, month: $0.1.earliestDay.month) > index }
                    .map(\.0).sorted()
                reason = later.isEmpty ? .beforeStart : .beforeCountryStart(later)
            } else if let end, index > end {
                reason = .afterEnd
            } else if let gap = gap(inMonth: index) {
                reason = .gap(gap)
            } else {
                continue
            }
            if let lastSpan = spans.last, lastSpan.reason == reason, lastSpan.lastMonth == index - 1 {
                spans[spans.count - 1].lastMonth = index
            } else {
                spans.append(UncoveredSpan(reason: reason, firstMonth: index, lastMonth: index))
            }
        }
        return spans
    }

    /// The breaks the days `start ... end` lie across.
    public func breaks(straddledFrom start: DayDate, through end: DayDate) -> [CollectionBreak] {
        dates.breaks.filter { $0.isStraddled(from: start, through: end) }
    }

    /// Countries whose coverage starts after month `index`, with their start, by code.
    public func countriesStartingAfter(month index: Int) -> [(code: String, start: PartialDate)] {
        dates.fromByCountry
            .filter { Coverage.monthIndex(year: $0.value.earliestDay.year, month: $0.value.earliestDay.month) > index }
            .map { (code: $0.key, start: $0.value) }
            .sorted { $0.code < $1.code }
    }
}

/// A run of months a selection does not observe, and why.
public struct UncoveredSpan: Sendable, Hashable, CustomStringConvertible {
    /// Why the months are not observed.
    public enum Reason: Sendable, Hashable {
        /// Before the data start.
        case beforeStart
        /// Before the coverage of these countries starts (ACLED's later regions).
        case beforeCountryStart([String])
        /// After the data end.
        case afterEnd
        /// In a known gap.
        case gap(DateSpan)
    }

    /// Why these months are not observed.
    public var reason: Reason
    /// Month indices (`Coverage.monthIndex`), both included.
    public var firstMonth: Int
    /// The run's last month index.
    public var lastMonth: Int

    /// Whether the run lies inside the data's span (a gap) rather than outside it.
    public var isGap: Bool {
        if case .gap = reason { return true }
        return false
    }

    /// Months in the run.
    public var months: Int { lastMonth - firstMonth + 1 }

    /// "1993", "2021–2024", "2020-12..2021-03", "2024-03".
    public var description: String {
        let first = Coverage.date(ofMonth: firstMonth), last = Coverage.date(ofMonth: lastMonth)
        if first.month == 1 && last.month == 12 {
            return first.year == last.year ? "\(first.year)" : "\(first.year)–\(last.year)"
        }
        return firstMonth == lastMonth ? first.description : "\(first)..\(last)"
    }

    /// "1993 (a gap in the data)", "2021–2024 (after the data end)".
    public var explained: String {
        switch reason {
        case .beforeStart: return "\(self) (before the data start)"
        case .beforeCountryStart(let codes): return "\(self) (before coverage of \(codes.joined(separator: ", ")) starts)"
        case .afterEnd: return "\(self) (after the data end)"
        case .gap: return "\(self) (a gap in the data)"
        }
    }
}
