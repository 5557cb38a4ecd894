import Analysis
import Dataset
import Foundation
import Support

/// One placeholder being computed: its arguments read the same way for every verb (tables,
/// periods through the report's one period parser, countries, statuses), and one function per verb.
struct PlaceholderCall {
    let p: Placeholder
    let store: EventTableStore
    let references: [String: String]
    /// The report's language: numbers and the words around them.
    let localiser: Localiser
    /// The spec's own tables, for `table=NAME` placeholders.
    let ownTables: OwnTableStore
    var corpus: Corpus { store.corpus }
    var periods: PeriodContext { PeriodContext(store: store) }
    /// The confidence level of every interval a placeholder prints.
    let level = 0.95

    /// Which casualty count a verb sums.
    enum Casualty: String {
        case killed, wounded

        func of(_ sums: (killed: KnownSum, wounded: KnownSum)) -> KnownSum {
            self == .killed ? sums.killed : sums.wounded
        }
    }

    func fail(_ message: String) -> PlaceholderError { PlaceholderError(placeholder: p, message: message) }

    func argument(_ index: Int, _ what: String) throws -> String {
        guard index < p.arguments.count else { throw fail("missing \(what)") }
        return p.arguments[index]
    }

    /// The events of the table named by the first argument, in the period of the second (if
    /// given), filtered by the `country=`, `status=` and `kind=` options.
    func filtered(periodArgument: Int? = 1, statusOption: String = "status") throws -> FilteredEvents {
        if p.options["table"] != nil { throw fail(OwnTablePlaceholders.unsupported(p.verb)) }
        let table = try store.table(named: try argument(0, "the table (attacks, exercises, documents, membership)"))
        let period = try periodArgument.flatMap { index in
            index < p.arguments.count ? try periods.period(p.arguments[index], table: table.name) : nil
        }
        let countries = p.options["country"].map { Set($0.split(separator: ",").map(String.init)) }
        let known = Set(corpus.countries.map(\.code))
        for code in countries ?? [] where !known.contains(code) {
            throw fail(AnalysisInputError.unknownCountry(code, suggestion: Suggestion.closest(to: code, in: known)).description)
        }
        let statuses = try EventFilter.statuses(parsing: p.options[statusOption].map { [$0] } ?? [])
        let kinds = p.options["kind"].map { Set($0.split(separator: ",").map(String.init)) }
        let membersAsOf = try p.options["members-as-of"].map { text in
            do { return try PartialDate(parsing: text) } catch { throw fail("members-as-of=\(text) is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") }
        }
        let events = EventFilter(period: period, countries: countries, statusAtTime: statuses, kinds: kinds, membersAsOf: membersAsOf)
            .apply(to: table, membership: corpus.membership)
        // A period the data do not reach is refused here, once for every verb: a count of 0 there would be a guess.
        if period != nil, let refusal = CoverageWindow(coverage: table.dataCoverage, period: period, countries: events.coverageSelection,
                                                       assumesZero: assumesZero).refusal(subject: table.name) {
            throw fail(refusal.description)
        }
        return events
    }

    /// `assume-zero-outside-coverage=true`: the placeholder form of the CLI flag.
    var assumesZero: Bool { p.options["assume-zero-outside-coverage"] == "true" }

    /// The α at which Mann–Kendall calls a trend (`alpha=0.1`), 0.05 by default.
    func alpha() throws -> Double {
        guard let text = p.options["alpha"] else { return 0.05 }
        guard let value = Double(text), value > 0, value < 1 else { throw fail("alpha=\(text) must be a number between 0 and 1, e.g. alpha=0.05") }
        return value
    }

    /// `{{ count attacks 2001-2011 }}`
    func count() throws -> BoundValue {
        if let own = try ownCount() { return own }
        return .text(localiser.grouped(try filtered().events.count))
    }

    /// A number written the English way ("2.45") in the report's language.
    private func number(_ value: Double) -> String { localiser.numbers(in: StatisticText.number(value)) }

    /// "5.3%" in the report's language.
    private func percent(_ value: Double) -> String {
        localiser.text("percent", ["n": localiser.numbers(in: String(format: "%.1f", value))])
    }

    /// Events in states of a status at the time (members by default) as a share of all.
    func share() throws -> BoundValue {
        let all = try filtered(statusOption: "")
        let statuses = try periods.statuses(p.options["status"].map { $0.split(separator: ",").map(String.init) } ?? ["member"])
        var filter = all.filter
        filter.statusAtTime = statuses
        let part = filter.apply(to: all.table, membership: corpus.membership)
        guard !all.events.isEmpty else { throw fail("no events to take a share of") }
        return .text(percent(100 * Double(part.events.count) / Double(all.events.count)))
    }

    /// `{{ killed attacks 2001-2011 }}`: the sum of the stated figures; an error if none is stated.
    func casualties(_ which: Casualty) throws -> BoundValue {
        let sum = which.of(try filtered().casualties)
        guard sum.knownRows > 0 else { throw fail("no \(which.rawValue) figure is stated for any of these events") }
        return .text(localiser.grouped(sum.total))
    }

    /// `{{ killed-known attacks }}`: how many events state the figure.
    func knownRows(_ which: Casualty) throws -> BoundValue {
        .text(localiser.grouped(which.of(try filtered().casualties).knownRows))
    }

    /// `{{ killed-unknown attacks }}`: how many events give no figure.
    func unknownRows(_ which: Casualty) throws -> BoundValue {
        .text(localiser.grouped(which.of(try filtered().casualties).unknownRows))
    }

    /// `{{ rate attacks 2001-2011 }}`: events a year, by the exact Poisson estimate.
    func rate() throws -> BoundValue {
        if let own = try ownRate() { return own }
        guard p.arguments.count >= 2 else { throw fail("rate needs a table and a period, e.g. {{ rate attacks 2001-2011 }}") }
        let events = try filtered()
        let rate = try ExactPoisson.rate(count: events.events.count, exposure: events.filter.period!.years, level: level)
        return .text(number(rate.rate))
    }

    /// `{{ indicator crimes-prevented 2024 }}` or `{{ indicator attacks-prevented reported=2017 }}`:
    /// one reported figure; `latest` counts back from the indicator's last period or report date.
    func indicator() throws -> BoundValue {
        let name = try argument(0, "the indicator name")
        let rows = corpus.indicators.filter { $0.indicator == name }
        guard !rows.isEmpty else {
            throw fail(AnalysisInputError.unknownIndicator(name, known: Set(corpus.indicators.map(\.indicator)).sorted()).description)
        }
        var chosen = rows
        if p.arguments.count > 1 {
            // The period the figure covers, e.g. 2024; a total for an unstated span never matches a period.
            let period = try periods.period(p.arguments[1]) { rows.compactMap { $0.periodEnd?.year }.max() }
            chosen = chosen.filter { row in
                guard let start = row.periodStart, let end = row.periodEnd else { return false }
                return start.earliestDay == period.start.earliestDay && end.latestDay == period.end.latestDay
            }
        }
        if let reported = p.options["reported"] {
            // The date a figure was reported, for totals whose period the source does not state.
            let when = try periods.period(reported) { rows.compactMap { $0.reportedOn?.year }.max() }
            chosen = chosen.filter { $0.reportedOn.map { when.contains($0) == true } ?? false }
        }
        guard chosen.count == 1 else {
            let periods = rows.map(\.periodDescription).joined(separator: "; ")
            throw fail(chosen.isEmpty ? "'\(name)' is not reported for that selection; it is reported for: \(periods)"
                       : "'\(name)' is reported more than once (\(periods)); add the period (2024) or the report date (reported=2017)")
        }
        return .text(localiser.quantity(chosen[0].quantity))
    }

    /// `{{ members 2023-12-31 status=observer }}`: states of a status on a date.
    func members() throws -> BoundValue {
        let dateText = try argument(0, "the date, e.g. 2023-12-31")
        let date = try PartialDate(parsing: dateText)
        let status = MembershipSpell.Status(rawValue: p.options["status"] ?? "member") ?? .member
        let count = corpus.statuses(on: date.latestDay).values.filter { $0 == status.countsAs }.count
        return .text(localiser.grouped(count))
    }

    /// `{{ compare attacks 2001-2011 2024 }}`: annual rates and their ratio with its interval.
    func compare() throws -> BoundValue {
        if let own = try ownCompare() { return own }
        let name = try argument(0, "the figure")
        let first = try periods.period(try argument(1, "the first period"), figure: name)
        let second = try periods.period(try argument(2, "the second period"), figure: p.options["with"] ?? name)
        let statuses = try periods.statuses(p.options["status"].map { $0.split(separator: ",").map(String.init) } ?? [])
        let membersAsOf = try p.options["members-as-of"].map { text in
            do { return try PartialDate(parsing: text) } catch { throw fail("members-as-of=\(text) is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") }
        }
        let countries = p.options["country"].map { Set($0.split(separator: ",").map(String.init)) }
        let analysis: ComparisonAnalysis
        do {
            analysis = try ComparisonAnalysis.run(name, first, p.options["with"] ?? name, second, corpus: corpus, countries: countries,
                                                  statusAtTime: statuses, level: level,
                                                  options: FigureResolver.CountOptions(membersAsOf: membersAsOf, assumeZeroOutsideCoverage: assumesZero))
        } catch let error as AnalysisError {
            throw fail(error.description)
        }
        let c = analysis.comparison
        var clauses: [String] = []
        // The caveats that change what the numbers mean travel with them into the sentence.
        for coverage in Set([analysis.first.coverage, analysis.second.coverage].compactMap { $0 }) {
            let (earlier, later) = first.start < second.start ? (first, second) : (second, first)
            let breaks = coverage.breaks(straddledFrom: earlier.start.earliestDay, through: later.end.latestDay)
            if let clause = localiser.breaksClause(breaks) { clauses.append(clause) }
        }
        if c.caveats.contains(where: { $0.contains("--assume-zero-outside-coverage") }) { clauses.append(localiser.text("caveat.clause.zero-months")) }
        if c.caveats.contains(where: { $0.contains("a gap in the data") }) { clauses.append(localiser.text("caveat.clause.gaps-left-out")) }
        if let membersAsOf { clauses.append(localiser.text("caveat.clause.states-fixed", ["date": localiser.date(membersAsOf.latestDay)])) }
        else if c.caveats.contains(where: { $0.hasPrefix("The set of ") }) { clauses.append(localiser.text("caveat.clause.set-changed-between")) }
        return .text(comparisonWords(c, caveats: clauses))
    }

    /// A comparison in words, for the corpus's figures and for own tables alike: both annual rates,
    /// then the rate ratio with its interval and the caveats that change what the numbers mean.
    func comparisonWords(_ c: PeriodComparison, caveats: [String] = []) -> String {
        var text = localiser.text("compare.rates", ["first": number(c.first.annualRate), "first-period": localiser.period(c.first.label),
                                                    "second": number(c.second.annualRate), "second-period": localiser.period(c.second.label)])
        var clauses: [String] = []
        if let ratio = c.rateRatio {
            clauses.append(localiser.text("compare.ratio", ["ratio": number(ratio.rateRatio), "level": StatisticText.level(level),
                                                            "interval": localiser.numbers(in: StatisticText.interval(ratio.interval))]))
        }
        clauses += caveats
        if !clauses.isEmpty { text += localiser.text("clauses", ["clauses": clauses.joined(separator: localiser.text("clause.separator"))]) }
        return text
    }

    /// `{{ trend attacks 2001-2011 test=mann-kendall alpha=0.1 }}`: one trend test's verdict in words,
    /// run as `scobrief trend` runs it (coverage, exposure, α), with its caveats as a clause.
    func trend() throws -> BoundValue {
        if let own = try ownTrend() { return own }
        let events = try filtered()
        let test = try p.options["test"].map { try TrendTest.parseList([$0]) }?.first ?? .mannKendall
        if let refusal = TrendAnalysis.coverageRefusal(events, assumeZeroOutsideCoverage: assumesZero) { throw fail(refusal.description) }
        let analysis = TrendAnalysis.run(events, by: [.year], tests: [test], level: level, alpha: try alpha(), assumeZeroOutsideCoverage: assumesZero)
        // The caveats a sentence using the figure must carry, in the report's language.
        let caveats = localiser.trendCaveats(window: analysis.coverageWindow, events: events)
        return .text(try trendWords(analysis.trends.first!.outcomes.first!, caveats: caveats))
    }

    /// One trend test's outcome in words, for the corpus's tables and for own tables alike;
    /// `caveats` is a clause already joined (", …"), or empty.
    func trendWords(_ outcome: TrendTestOutcome, caveats: String) throws -> String {
        switch outcome {
        case .mannKendall(let mk, let sen):
            let verdict = localiser.text(mk.trend == .noTrend ? "trend.no-trend" : mk.trend == .increasing ? "trend.rise" : "trend.fall")
            return localiser.text("trend.mann-kendall", ["verdict": verdict, "s": StatisticText.minus("\(mk.s)"),
                                                               "p": localiser.numbers(in: StatisticText.pClause(mk.pValue)),
                                                               "alpha": localiser.numbers(in: StatisticText.alpha(mk.significanceLevel)),
                                                               "slope": number(sen.slope), "caveats": caveats])
        case .ols(let ols):
            return localiser.text("trend.ols", ["slope": number(ols.slope.estimate), "level": StatisticText.level(level),
                                                      "interval": localiser.numbers(in: StatisticText.interval(ols.slope.interval)),
                                                      "p": localiser.numbers(in: StatisticText.pClause(ols.slope.pValue)), "caveats": caveats])
        case .poisson(let result):
            let poisson = result.poisson
            return localiser.text("trend.poisson", ["ratio": number(poisson.rateRatioPerYear.estimate), "level": StatisticText.level(level),
                                                          "interval": localiser.numbers(in: StatisticText.interval(poisson.rateRatioPerYear.interval)),
                                                          "p": localiser.numbers(in: StatisticText.pClause(poisson.slope.pValue)), "caveats": caveats])
        case .notComputed(_, let reason):
            throw fail(reason)
        }
    }

    /// `{{ span exercises }}`: the first and last year with data, "2002–2024".
    func span() throws -> BoundValue {
        let years = try filtered(periodArgument: nil).events.map(\.year)
        guard let first = years.min(), let last = years.max() else { throw fail("the table has no dated rows") }
        return .text(first == last ? "\(first)" : "\(first)–\(last)")
    }

    /// `{{ gap exercises 2002-2012 median }}`: months between consecutive events (`median` or `longest`).
    func gap() throws -> BoundValue {
        let measures = ["median", "longest"]
        let which = p.arguments.last.flatMap { measures.contains($0) ? $0 : nil } ?? "median"
        let periodIndex = p.arguments.count > 1 && !measures.contains(p.arguments[1]) ? 1 : nil
        let summary = try EventCadence.summarize(try filtered(periodArgument: periodIndex).events)
        let months = which == "median" ? summary.medianGap : summary.longestGap
        return .text(months >= 24 ? localiser.text("gap.years", ["n": localiser.numbers(in: String(format: "%.1f", months / 12))])
                     : localiser.text("gap.months", ["n": String(format: "%.0f", months)]))
    }

    /// `{{ latest-year attacks }}`: the last year with data.
    func latestYear() throws -> BoundValue {
        let years = try filtered(periodArgument: nil).events.map(\.year)
        guard let last = years.max() else { throw fail("the table has no dated rows") }
        return .text(String(last))
    }

    /// `{{ growth documents 2001-2017 }}`: compound annual growth of the cumulative count over the
    /// period, the count cumulated from the first record (`GrowthBase.firstRecord`), so earlier
    /// records are not forgotten at the period's start.
    func growth() throws -> BoundValue {
        let events = try filtered()
        let yearly = try filtered(periodArgument: nil).grouped(by: [.year]).yearlyCounts()
        let span = events.filter.period.map { ($0.firstYear, $0.lastYear) } ?? (yearly.years.first ?? 0, yearly.years.last ?? 0)
        let growth = try GrowthRate.cumulative(years: yearly.years, counts: yearly.counts, first: span.0, last: span.1)
        return .text(percent(growth.growth.rate * 100))
    }

    /// `{{ figure fig-id }}`, `{{ table tab-id }}`, `{{ ref id }}`: "Figure 3", linked.
    func reference() throws -> BoundValue {
        let id = try argument(0, "the id of a figure or table")
        guard let label = references[id] else {
            let suggestion = Suggestion.closest(to: id, in: references.keys).map { "; did you mean '\($0)'?" } ?? ""
            throw fail("no figure or table has the id '\(id)'\(suggestion)")
        }
        return .reference(label: label, target: id)
    }
}
