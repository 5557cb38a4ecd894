import Analysis
import Dataset
import Support

/// The analyses a report table can show (`TableAnalysis`), one function each, every one
/// reading its periods with the report's one period parser.
struct TableAnalyses {
    let store: EventTableStore
    let periods: PeriodContext
    /// The spec's own tables (`tables:`); a block's `table:` names one of them or a corpus table.
    var ownTables = OwnTableStore()
    /// The report's language, for the coverage and composition notes worded from the catalog.
    var localiser = Localiser(language: .english)
    var corpus: Corpus { store.corpus }

    /// The full coverage note is printed once, in the appendix; under each table a pointer to it.
    static func shortened(_ notes: [String], coverageNote: String, coverage: CoverageScope) -> [String] {
        guard !coverageNote.isEmpty else { return notes }
        let kept = notes.filter { !$0.contains(coverageNote) }
        guard kept.count < notes.count, coverage != .complete else { return kept }
        return kept + ["Coverage: \(coverage.description), not a complete count (see “About the data”)."]
    }

    /// A note under a table in the report's language: the coverage pointer translated; other
    /// notes (computed by the analyses in English) with their numbers localised.
    static func localised(note: String, _ localiser: Localiser) -> String {
        if let worded = localiser.lowerBoundNote(note) { return worded }
        guard localiser.language != .english else { return note }
        for coverage in [CoverageScope.complete, .illustrative, .partial]
        where note == "Coverage: \(coverage.description), not a complete count (see “About the data”)." {
            return localiser.text("coverage.table", ["coverage": localiser.text("coverage.\(coverage.rawValue)")])
        }
        if let worded = localiser.comparisonNote(note) { return worded }
        return localiser.sentences(in: note)
    }

    /// The spec's `period:` read against the table the analysis draws on.
    private func period(_ spec: TableBlock) throws -> Period? {
        try spec.period.map { try periods.period($0, table: spec.analysis.dataTable(of: spec)) }
    }

    /// Yearly counts by the spec's grouping.
    func counts(_ spec: TableBlock) throws -> TableAnalysisResult {
        try grouped(spec, tests: [])
    }

    /// Trend tests on the yearly counts; all tests unless the spec names some.
    func trend(_ spec: TableBlock) throws -> TableAnalysisResult {
        try grouped(spec, tests: spec.tests.isEmpty ? TrendTest.allCases : TrendTest.parseList(spec.tests))
    }

    private func grouped(_ spec: TableBlock, tests: [TrendTest]) throws -> TableAnalysisResult {
        if let own = try ownTable(spec) { return try ownGrouped(spec, table: own, tests: tests) }
        let table = try store.table(named: spec.table ?? "attacks")
        let filter = EventFilter(period: try period(spec),
                                 countries: spec.countries.isEmpty ? nil : Set(spec.countries),
                                 statusAtTime: try periods.statuses(spec.status), membersAsOf: spec.membersAsOf)
        let events = filter.apply(to: table, membership: corpus.membership)
        let keys = try GroupKey.parseList(spec.by ?? "year")
        if let refusal = TrendAnalysis.coverageRefusal(events, assumeZeroOutsideCoverage: spec.assumeZeroOutsideCoverage) { throw refusal }
        let analysis = TrendAnalysis.run(events, by: keys, tests: tests, alpha: spec.alpha,
                                         assumeZeroOutsideCoverage: spec.assumeZeroOutsideCoverage)
        var result = spec.analysis == .trend ? analysis.testsTable : analysis.countsTable
        result.data = analysis.output().tables.filter { $0.name == (spec.analysis == .trend ? "tests" : "counts") }
        // The coverage and composition notes in the report's language, in place of the analysis's English ones.
        let english = analysis.coverageWindow.notes(usage: "left out of the counts and the tests") + events.compositionNotes
        let worded = localiser.coverageNotes(analysis.coverageWindow, usage: .leftOutOfCountsAndTests) + localiser.compositionNotes(events)
        let translations = english.count == worded.count ? Dictionary(zip(english, worded), uniquingKeysWith: { first, _ in first }) : [:]
        let notes = TableAnalyses.shortened(result.notes, coverageNote: table.coverageNote, coverage: table.coverage).map { translations[$0] ?? $0 }
        result.notes = []
        if let limit = spec.limit {
            result.rows = Array(result.rows.prefix(limit))
            for index in result.data.indices { result.data[index].rows = Array(result.data[index].rows.prefix(limit)) }
        }
        return TableAnalysisResult(table: result, sourceIDs: events.events.compactMap(\.sourceID), notes: notes)
    }

    /// Two periods compared: annual rates, their ratio and difference.
    func compare(_ spec: TableBlock) throws -> TableAnalysisResult {
        if let own = try ownTable(spec) { return try ownCompare(spec, table: own) }
        if !spec.sources.isEmpty { return try compareBySource(spec) }
        guard spec.periods.count == 2 else { throw ChartRequestError("a comparison needs periods: [first, second]") }
        let name = spec.table ?? "attacks"
        let other = spec.indicators.first ?? name
        let first = try periods.period(spec.periods[0], figure: name), second = try periods.period(spec.periods[1], figure: other)
        let analysis = try ComparisonAnalysis.run(name, first, other, second, corpus: corpus,
                                                  countries: spec.countries.isEmpty ? nil : Set(spec.countries),
                                                  statusAtTime: try periods.statuses(spec.status),
                                                  options: FigureResolver.CountOptions(membersAsOf: spec.membersAsOf,
                                                                                       assumeZeroOutsideCoverage: spec.assumeZeroOutsideCoverage))
        var result = analysis.table
        result.data = analysis.output().tables
        let notes = TableAnalyses.shortened(result.notes, coverageNote: analysis.first.coverageNote, coverage: analysis.comparison.first.measure.coverage)
        result.notes = []
        return TableAnalysisResult(table: result, sourceIDs: analysis.first.sourceIDs + analysis.second.sourceIDs, notes: notes)
    }

    /// Gaps between consecutive events, overall and by kind.
    func cadence(_ spec: TableBlock) throws -> TableAnalysisResult {
        let table = try store.table(named: spec.table ?? "exercises")
        let events = EventFilter(period: try period(spec),
                                 countries: spec.countries.isEmpty ? nil : Set(spec.countries)).apply(to: table)
        let overall = try EventCadence.summarize(events.events)
        func row(_ label: String, _ summary: EventGapSummary) -> [ResultTable.Cell] {
            [.text(label), .integer(summary.n), .number(summary.medianGap, digits: 1), .number(summary.longestGap, digits: 1),
             .text("\(DayDate(summary.longestGapStart)) to \(DayDate(summary.longestGapEnd))")]
        }
        var summaries = [(label: "all", summary: overall)]
        for kind in Set(events.events.compactMap(\.kind)).sorted() {
            if let summary = try? EventCadence.summarize(events.events.filter { $0.kind == kind }) { summaries.append((kind, summary)) }
        }
        let rows = summaries.map { row($0.label, $0.summary) }
        var result = ResultTable(columns: [.init("events"), .init("n", alignment: .right), .init("median gap (months)", alignment: .right),
                                           .init("longest gap (months)", alignment: .right), .init("longest gap")], rows: rows)
        result.data = [Self.cadenceData(summaries)]
        return TableAnalysisResult(table: result, sourceIDs: events.events.compactMap(\.sourceID),
                                   notes: ["Gaps run from the first day each event's date can mean; a date known only to its year starts on 1 January."])
    }

    /// Events in states of the chosen status at the time, as a share of all events in the table.
    func share(_ spec: TableBlock) throws -> TableAnalysisResult {
        let table = try store.table(named: spec.table ?? "attacks")
        let period = try period(spec)
        let statuses = try periods.statuses(spec.status.isEmpty ? ["member"] : spec.status)
        let all = EventFilter(period: period).apply(to: table, membership: corpus.membership).grouped(by: [.year]).yearlyCounts()
        let part = EventFilter(period: period, statusAtTime: statuses).apply(to: table, membership: corpus.membership)
        var partByYear: [Int: Int] = [:]
        for event in part.events { partByYear[event.year, default: 0] += 1 }
        let label = statuses!.map(\.rawValue).sorted().joined(separator: ", ")
        let rows = zip(all.years, all.counts).map { year, total -> [ResultTable.Cell] in
            let count = partByYear[year] ?? 0
            return [.text(String(year)), .integer(total), .integer(count),
                    total > 0 ? .number(100 * Double(count) / Double(total), digits: 1) : .missing]
        }
        var result = ResultTable(columns: [.init("year", alignment: .right), .init("all", alignment: .right),
                                           .init("in SCO states (\(label) at the time)", alignment: .right), .init("share %", alignment: .right)],
                                 rows: rows)
        result.data = [Self.shareData(years: all.years, totals: all.counts, parts: all.years.map { partByYear[$0] ?? 0 }, statusLabel: label)]
        return TableAnalysisResult(table: result, sourceIDs: part.events.compactMap(\.sourceID),
                                   notes: part.uncertain > 0 ? ["\(part.uncertain) events whose date straddles a change of status are left out of the SCO column."] : [])
    }

    /// Reported figures (RATS results and the like), in the order the spec names them.
    func indicators(_ spec: TableBlock) throws -> TableAnalysisResult {
        var rows = corpus.indicators
        if !spec.indicators.isEmpty {
            let known = Set(rows.map(\.indicator))
            for name in spec.indicators where !known.contains(name) {
                throw AnalysisInputError.unknownIndicator(name, known: known.sorted())
            }
            rows = rows.filter { spec.indicators.contains($0.indicator) }
            rows.sort { (spec.indicators.firstIndex(of: $0.indicator)!, $0.periodDescription) < (spec.indicators.firstIndex(of: $1.indicator)!, $1.periodDescription) }
        }
        var table = ResultTable(
            columns: [.init("indicator"), .init("period"), .init("figure", alignment: .right), .init("unit"), .init("scope"), .init("source")],
            rows: rows.map { row in
                [.text(row.indicator.replacingOccurrences(of: "-", with: " ")), .text(row.periodDescription),
                 .text(row.quantity.description), .text(row.unit), .text(row.scope ?? ""),
                 .text(corpus.source(id: row.provenance.sourceID).map(\.shortCitation) ?? row.provenance.sourceID)]
            })
        table.data = [Self.indicatorsData(rows) { corpus.source(id: $0)?.shortCitation }]
        return TableAnalysisResult(table: table, sourceIDs: rows.map(\.provenance.sourceID), notes: [])
    }

    /// Every named attack in the period, with the casualties its source states.
    func attacks(_ spec: TableBlock) throws -> TableAnalysisResult {
        let period = try period(spec)
        let attacks = corpus.attacks.filter { period?.contains($0.date) ?? true }
            .filter { spec.countries.isEmpty || spec.countries.contains($0.country) }
            .sorted { $0.date < $1.date }
        var table = ResultTable(
            columns: [.init("date"), .init("place"), .init("killed", alignment: .right), .init("wounded", alignment: .right), .init("what the source says")],
            rows: attacks.map { attack in
                [.text(attack.date.description), .text([attack.place, corpus.countryName(attack.country)].compactMap { $0 }.joined(separator: ", ")),
                 attack.killed.isKnown ? .text(attack.killed.description) : .missing,
                 attack.wounded.isKnown ? .text(attack.wounded.description) : .missing, .text(attack.description ?? "")]
            })
        table.data = [Self.attacksData(attacks, countryName: corpus.countryName)]
        return TableAnalysisResult(table: table, sourceIDs: attacks.map(\.provenance.sourceID), notes: [])
    }

    /// Every named joint exercise that began in the period, with its dates and hosts.
    func exercises(_ spec: TableBlock) throws -> TableAnalysisResult {
        let period = try period(spec)
        let exercises = corpus.exercises.filter { period?.contains($0.start) ?? true }.sorted { $0.start < $1.start }
        var table = ResultTable(
            columns: [.init("exercise"), .init("dates"), .init("hosts"), .init("kind")],
            rows: exercises.map { exercise in
                [.text(exercise.name), .text(exercise.end.map { "\(exercise.start) to \($0)" } ?? exercise.start.description),
                 .text(exercise.hosts.map(corpus.countryName).joined(separator: ", ")), .text(exercise.kind)]
            })
        table.data = [Self.exercisesData(exercises, countryName: corpus.countryName)]
        return TableAnalysisResult(table: table, sourceIDs: exercises.map(\.provenance.sourceID), notes: [])
    }

    /// Every named document adopted in the period; with no period, undated ones too.
    func documents(_ spec: TableBlock) throws -> TableAnalysisResult {
        let period = try period(spec)
        let documents = corpus.documents.filter { document in period.map { p in document.date.map { p.contains($0) ?? false } ?? false } ?? true }
            .sorted { ($0.date?.earliestDay.daysSinceEpoch ?? Int.max, $0.title) < ($1.date?.earliestDay.daysSinceEpoch ?? Int.max, $1.title) }
        let conflicts = documents.filter { $0.conflict != nil }.count
        var table = ResultTable(
            columns: [.init("date"), .init("document"), .init("type"), .init("place")],
            rows: documents.map { document in
                [document.date.map { .text($0.description) } ?? .missing, .text(document.title + (document.conflict == nil ? "" : " †")),
                 .text(document.type), .text(document.place ?? "")]
            })
        table.data = [Self.documentsData(documents)]
        return TableAnalysisResult(table: table, sourceIDs: documents.map(\.provenance.sourceID),
                                   notes: conflicts > 0 ? ["† The sources disagree on this document's date, place or title; the table gives one value and the corpus's conflict column both."] : [])
    }

    /// States by status at the end of each year of the period; with no period, at the end of
    /// each year in which a state's status changed (from the membership table itself).
    func membership(_ spec: TableBlock) throws -> TableAnalysisResult {
        let years = try period(spec).map { Array($0.firstYear...$0.lastYear) } ?? Self.changeYears(corpus.membership)
        let size = MembershipSize(corpus: corpus, years: years)
        var table = size.table
        table.data = [Self.membershipData(size)]
        return TableAnalysisResult(table: table,
                                   sourceIDs: corpus.membership.map(\.provenance.sourceID), notes: [])
    }

    /// The years in which some state gained or lost a status, in order.
    static func changeYears(_ spells: [MembershipSpell]) -> [Int] {
        Set(spells.flatMap { [$0.from.year] + ($0.to.map { [$0.year] } ?? []) }).sorted()
    }
}
