/// The dated part of a table's coverage: where the data start and end, what is missing inside,
/// where the collection method changed, and where each country's coverage starts.
///
/// It is plain data, independent of where it was written: a `sources.csv` row (`covers_from`,
/// `covers_to`, `gaps`, `collection_breaks`, `covers_from_by_country`), a catalog table entry with
/// the same keys, or an own table's schema. `CoverageText` reads and writes the text forms.
public struct CoverageDates: Sendable, Hashable {
    /// The first date covered; nil when the start is not stated.
    public var from: PartialDate?
    /// The last date covered; nil when the end is not stated.
    public var to: PartialDate?
    /// Spans inside the coverage with no data (the GTD's 1993): not zeros, unknown.
    public var gaps: [DateSpan]
    /// Changes of collection method, in date order: counts either side are not strictly comparable.
    public var breaks: [CollectionBreak]
    /// Countries whose coverage starts later than `from` (ACLED's regions), by ISO 3166-1 alpha-3 code.
    public var fromByCountry: [String: PartialDate]

    /// Coverage dates as stated; every part may be left out.
    public init(from: PartialDate? = nil, to: PartialDate? = nil, gaps: [DateSpan] = [], breaks: [CollectionBreak] = [],
                fromByCountry: [String: PartialDate] = [:]) {
        self.from = from
        self.to = to
        self.gaps = gaps
        self.breaks = breaks.sorted { $0.date < $1.date }
        self.fromByCountry = fromByCountry
    }

    /// Whether nothing is stated at all.
    public var isEmpty: Bool {
        from == nil && to == nil && gaps.isEmpty && breaks.isEmpty && fromByCountry.isEmpty
    }

    /// The coverage of rows from several sources together: the data run from the earliest start to
    /// the latest end (an open end stays open), a gap only where every source has it, every
    /// source's breaks, and a country's later start only where every source states one (the latest
    /// of them would drop rows another source covers, so the earliest is kept).
    public static func combined(_ all: [CoverageDates]) -> CoverageDates? {
        guard let first = all.first else { return nil }
        if all.count == 1 { return first }
        let froms = all.map(\.from), tos = all.map(\.to)
        let from = froms.contains(where: { $0 == nil }) ? nil : froms.compactMap { $0 }.min { $0.earliestDay < $1.earliestDay }
        let to = tos.contains(where: { $0 == nil }) ? nil : tos.compactMap { $0 }.max { $0.latestDay < $1.latestDay }
        let gaps = first.gaps.filter { gap in all.allSatisfy { $0.gaps.contains(gap) } }
        var breaks: [CollectionBreak] = []
        for dates in all { for item in dates.breaks where !breaks.contains(item) { breaks.append(item) } }
        var byCountry: [String: PartialDate] = [:]
        for (code, start) in first.fromByCountry {
            let starts = all.compactMap { $0.fromByCountry[code] }
            if starts.count == all.count { byCountry[code] = starts.min { $0.earliestDay < $1.earliestDay } ?? start }
        }
        return CoverageDates(from: from, to: to, gaps: gaps, breaks: breaks, fromByCountry: byCountry)
    }
}

/// A span of dates, both ends included: `1993` (the whole year), `2011-11..2012-02`.
public struct DateSpan: Sendable, Hashable, CustomStringConvertible {
    /// The span's first date (its earliest day counts).
    public var first: PartialDate
    /// The span's last date (its latest day counts).
    public var last: PartialDate

    /// A span from `first` to `last`, both included (use the same date twice for one year or month).
    public init(first: PartialDate, last: PartialDate) {
        self.first = first
        self.last = last
    }

    /// Whether the span shares at least one day with `start ... end`.
    public func overlaps(from start: DayDate, through end: DayDate) -> Bool {
        first.earliestDay <= end && start <= last.latestDay
    }

    /// Its text form: `1993` for one date, `2011-11..2012-02` for a range.
    public var description: String { first == last ? first.description : "\(first)..\(last)" }
}

/// A change of collection method, with what a reader must know about comparisons across it.
public struct CollectionBreak: Sendable, Hashable, CustomStringConvertible {
    /// When the new method starts (the break lies just before this date's first day).
    public var date: PartialDate
    /// What changed, and what it means for comparisons across it.
    public var note: String

    /// A break at `date` described by `note`.
    public init(date: PartialDate, note: String) {
        self.date = date
        self.note = note
    }

    /// Whether the days `start ... end` lie on both sides of the break.
    public func isStraddled(from start: DayDate, through end: DayDate) -> Bool {
        start < date.earliestDay && date.earliestDay <= end
    }

    /// Its text form: `2011-11: START took over ...`.
    public var description: String { "\(date): \(note)" }
}
