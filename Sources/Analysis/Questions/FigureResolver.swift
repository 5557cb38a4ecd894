import Dataset

/// Finds the figure for a name and a period: a count of events in a corpus table
/// (`attacks`, `exercises`, `documents`), or a reported total from `indicators.csv`
/// (`attacks-prevented`, `crimes-prevented`, ...).
public struct FigureResolver: Sendable {
    public let corpus: Corpus

    public init(corpus: Corpus) {
        self.corpus = corpus
    }

    /// A figure with what it measures, its scope and anything a reader must know about it.
    public struct ResolvedFigure: Sendable {
        public var figure: PeriodFigure
        public var scope: String
        public var coverageNote: String
        public var notes: [String]
        /// The rows the figure came from, for the source line.
        public var sourceIDs: [String]
        /// What the figure's table covers in time (nil for a reported indicator).
        public var coverage: Coverage? = nil
    }

    /// How a count over a corpus table treats its coverage and its set of states.
    public struct CountOptions: Sendable, Hashable {
        /// Hold the set of states fixed as of this date (`--members-as-of`).
        public var membersAsOf: PartialDate?
        /// Count months outside the coverage as observed with no events (`--assume-zero-outside-coverage`).
        public var assumeZeroOutsideCoverage: Bool

        /// Options as given; the defaults follow the status at the time and refuse uncovered periods.
        public init(membersAsOf: PartialDate? = nil, assumeZeroOutsideCoverage: Bool = false) {
            self.membersAsOf = membersAsOf
            self.assumeZeroOutsideCoverage = assumeZeroOutsideCoverage
        }
    }

    public var knownNames: [String] {
        ["attacks", "exercises", "documents"] + Set(corpus.indicators.map(\.indicator)).sorted()
    }

    /// The figure `name` over `period`. An indicator must be reported for exactly that period, as a
    /// whole count or an approximate one ("about"); a bound ("more than 1,300") throws
    /// `AnalysisError.boundedFigure`, since no interval can be built on it.
    ///
    /// A count over a corpus table is refused (`AnalysisError.outsideCoverage`) for a period with
    /// months outside the table's coverage, unless `options` assume zeros there; months in a known
    /// gap leave the exposure, with a note.
    public func resolve(_ name: String, period: Period, countries: Set<String>? = nil,
                        statusAtTime: Set<MembershipSpell.Status>? = nil, options: CountOptions = CountOptions()) throws -> ResolvedFigure {
        if ["attacks", "exercises", "documents"].contains(name) {
            let table = try EventTables.table(named: name, in: corpus)
            let filtered = EventFilter(period: period, countries: countries, statusAtTime: statusAtTime, membersAsOf: options.membersAsOf)
                .apply(to: table, membership: corpus.membership)
            let window = CoverageWindow(coverage: table.dataCoverage, period: period, countries: filtered.coverageSelection,
                                        assumesZero: options.assumeZeroOutsideCoverage)
            if let refusal = window.refusal(subject: name) { throw refusal }
            if window.exposureYears == 0 {
                // Every month in a gap: nothing observed, so no rate at all.
                throw AnalysisError.outsideCoverage(subject: name, period: period.description,
                                                    uncovered: window.uncovered.map(\.explained).joined(separator: ", "),
                                                    span: table.dataCoverage.spanDescription, lastDate: table.dataCoverage.dates.to?.description)
            }
            var notes: [String] = []
            if filtered.uncertain > 0 {
                notes.append("\(filtered.uncertain) \(name) dated only to a year or month that straddles the period were left out.")
            }
            notes += window.notes(usage: "left out of \(period)'s exposure").map { "\(period): \($0)" }
            notes += filtered.compositionNotes
            if let note = filtered.lowerBoundNote { notes.append("\(period): \(note)") }
            let fixed = options.membersAsOf.map { date in
                "the \(filtered.selectedCountries?.count ?? 0) states with \((statusAtTime ?? [.member]).map(\.rawValue).sorted().joined(separator: " or ")) status on \(date.latestDay)"
            }
            return ResolvedFigure(
                figure: PeriodFigure(label: period.description, count: filtered.events.count, exposureYears: window.exposureYears,
                                     measure: Measure(table.measure, coverage: table.coverage)),
                scope: [fixed ?? countries.map { $0.sorted().joined(separator: ", ") },
                        fixed == nil ? statusAtTime.map { "states that were \($0.map(\.rawValue).sorted().joined(separator: " or ")) at the time" } : nil]
                    .compactMap { $0 }.joined(separator: "; ").nonEmpty ?? "all countries in the table",
                coverageNote: table.coverageNote, notes: notes,
                sourceIDs: Array(Set(filtered.events.compactMap(\.sourceID))).sorted(),
                coverage: table.dataCoverage)
        }
        let rows = corpus.indicators.filter { $0.indicator == name }
        guard !rows.isEmpty else {
            throw AnalysisInputError.unknownIndicator(name, known: knownNames)
        }
        // A reported total has the scope its source gave; a filter would be silently ignored.
        for (option, given) in [("--country", countries != nil), ("--status", statusAtTime != nil), ("--members-as-of", options.membersAsOf != nil)] where given {
            throw AnalysisInputError.notApplicable(option: option, figure: name, reason:
                "it is a total reported by its source for its own scope (\(rows[0].scope ?? "as reported")), which cannot be split by country or status; "
                + "use a corpus table (attacks, exercises, documents) to filter")
        }
        let matching = rows.filter { row in
            guard let start = row.periodStart, let end = row.periodEnd else { return false }
            return start.earliestDay == period.start.earliestDay && end.latestDay == period.end.latestDay
        }
        guard let row = matching.first else {
            let available = rows.map(\.periodDescription).joined(separator: "; ")
            throw AnalysisInputError.invalidPeriod(period.description,
                                                   reason: "'\(name)' is reported only for: \(available); a reported total is never split into other periods")
        }
        // A bound says only which side of a number the count lies on; an interval built on the
        // number would pass a bound off as a measurement ("about" stays: it is an approximate count).
        if row.quantity.qualifier != .exact && row.quantity.qualifier != .about {
            throw AnalysisError.boundedFigure(figure: "\(name) \(period)", stated: row.quantity.description)
        }
        guard let value = row.quantity.value, value == value.rounded(), value >= 0 else {
            throw AnalysisInputError.invalidPeriod(period.description, reason: "'\(name)' for this period has no whole-number count")
        }
        var notes: [String] = []
        if row.quantity.qualifier != .exact {
            notes.append("The source gives \(row.quantity) for \(period); the figure used is \(Int(value)), so the true count may differ.")
        }
        let schema = corpus.catalog.table(named: "indicators")
        return ResolvedFigure(
            figure: PeriodFigure(label: period.description, count: Int(value), exposureYears: period.years,
                                 measure: Measure(FigureResolver.measure(of: name), coverage: .complete)),
            scope: row.scope ?? "as reported", coverageNote: schema?.coverageNote ?? "", notes: notes,
            sourceIDs: [row.provenance.sourceID])
    }

    /// What an indicator counts, so that attacks prevented are never compared with attacks that happened.
    static func measure(of indicator: String) -> MeasuredQuantity {
        switch indicator {
        case "attacks-prevented": return .eventsPrevented
        case "attacks-committed", "attacks-carried-out": return .eventsOccurred
        default: return .other(indicator.replacingOccurrences(of: "-", with: " "))
        }
    }
}

/// A period comparison of two named figures, with the caveats from both sources.
public struct ComparisonAnalysis: Sendable {
    public var first: FigureResolver.ResolvedFigure
    public var second: FigureResolver.ResolvedFigure
    public var comparison: PeriodComparison
    /// The figures' names and periods as asked (for the periods' start and end in JSON).
    public var firstName: String = "", secondName: String = ""
    public var firstPeriod: Period? = nil, secondPeriod: Period? = nil
    /// What the rates count per year ("incidents per year"); nil says "FIGURE per year".
    public var rateUnit: String? = nil

    /// Compares `firstName` over `firstPeriod` with `secondName` over `secondPeriod`.
    /// Throws `AnalysisError.incomparableMeasures` when they measure different things and
    /// `.overlappingPeriods` when the periods share a month (or are the same).
    public static func run(_ firstName: String, _ firstPeriod: Period, _ secondName: String, _ secondPeriod: Period,
                           corpus: Corpus, countries: Set<String>? = nil, statusAtTime: Set<MembershipSpell.Status>? = nil,
                           level: Double = 0.95, options: FigureResolver.CountOptions = .init()) throws -> ComparisonAnalysis {
        // Shared months would be counted on both sides of a test that assumes independent samples.
        if firstPeriod.overlaps(secondPeriod) {
            throw AnalysisError.overlappingPeriods(first: firstPeriod.description, second: secondPeriod.description)
        }
        let resolver = FigureResolver(corpus: corpus)
        let first = try resolver.resolve(firstName, period: firstPeriod, countries: countries, statusAtTime: statusAtTime, options: options)
        let second = try resolver.resolve(secondName, period: secondPeriod, countries: countries, statusAtTime: statusAtTime, options: options)
        var firstFigure = first.figure, secondFigure = second.figure
        if firstName != secondName {
            firstFigure.label = "\(firstName) \(firstFigure.label)"
            secondFigure.label = "\(secondName) \(secondFigure.label)"
        }
        let note = first.coverageNote == second.coverageNote ? first.coverageNote : [first.coverageNote, second.coverageNote].joined(separator: " ")
        var comparison = try PeriodComparison.compare(firstFigure, secondFigure, coverageNote: note, level: level)
        if first.scope != second.scope {
            comparison.caveats.insert("The two figures have different scopes (\(first.scope); \(second.scope)).", at: 0)
        }
        // A note both periods share (the fixed set of states) is said once.
        for note in first.notes + second.notes where !comparison.caveats.contains(note) { comparison.caveats.append(note) }
        // A break between the two periods (not inside either) still makes them hard to compare.
        let (earlier, later) = firstPeriod.start < secondPeriod.start ? (firstPeriod, secondPeriod) : (secondPeriod, firstPeriod)
        for coverage in Set([first.coverage, second.coverage].compactMap { $0 }) {
            for item in coverage.breaks(straddledFrom: earlier.end.latestDay, through: later.start.earliestDay)
            where !item.isStraddled(from: earlier.start.earliestDay, through: earlier.end.latestDay)
                && !item.isStraddled(from: later.start.earliestDay, through: later.end.latestDay) {
                comparison.caveats.append("The two periods lie on either side of a change in how the data were collected (\(item.date)): \(item.note).")
            }
        }
        return ComparisonAnalysis(first: first, second: second, comparison: comparison, firstName: firstName, secondName: secondName,
                                  firstPeriod: firstPeriod, secondPeriod: secondPeriod)
    }
}

extension String {
    /// nil for an empty string, for "this or a default" chains.
    var nonEmpty: String? { isEmpty ? nil : self }
}
