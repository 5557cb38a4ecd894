import Analysis
import Dataset
import Foundation

/// What a placeholder stands for once computed: text, or a cross-reference to a numbered figure or table.
public enum BoundValue: Sendable, Hashable {
    case text(String)
    /// "Figure 3", linking to the figure's anchor.
    case reference(label: String, target: String)
}

/// Computes placeholders from the corpus, so that prose and data cannot disagree.
/// An unknown verb, table, period or indicator is an error naming the placeholder.
public struct PlaceholderEvaluator: Sendable {
    public let store: EventTableStore
    public var corpus: Corpus { store.corpus }
    /// Numbered labels of figures and tables by id ("fig-attacks" → "Figure 1").
    public let references: [String: String]

    public init(store: EventTableStore, references: [String: String]) {
        self.store = store
        self.references = references
    }

    public static let verbs = ["count", "share", "killed", "wounded", "killed-known", "wounded-known", "killed-unknown", "wounded-unknown", "rate", "indicator",
                               "members", "compare", "trend", "span", "growth", "gap", "latest-year", "figure", "table", "ref"]

    public func evaluate(_ placeholder: Placeholder) throws(PlaceholderError) -> BoundValue {
        do {
            return try evaluateUnchecked(placeholder)
        } catch let error as PlaceholderError {
            throw error
        } catch {
            throw PlaceholderError(placeholder: placeholder, message: "\(error)")
        }
    }

    private func evaluateUnchecked(_ p: Placeholder) throws -> BoundValue {
        func fail(_ message: String) -> PlaceholderError { PlaceholderError(placeholder: p, message: message) }
        func argument(_ index: Int, _ what: String) throws -> String {
            guard index < p.arguments.count else { throw fail("missing \(what)") }
            return p.arguments[index]
        }
        func filtered(tableArgument: Int = 0, periodArgument: Int = 1, statusOption: String = "status") throws -> FilteredEvents {
            let table = try store.table(named: try argument(tableArgument, "the table (attacks, exercises, documents, membership)"))
            let period = periodArgument < p.arguments.count ? try periods.period(p.arguments[periodArgument], table: table.name) : nil
            let countries = p.options["country"].map { Set($0.split(separator: ",").map(String.init)) }
            let known = Set(corpus.countries.map(\.code))
            for code in countries ?? [] where !known.contains(code) {
                throw fail(AnalysisInputError.unknownCountry(code, suggestion: Suggestion.closest(to: code, in: known)).description)
            }
            let statuses = try EventFilter.statuses(parsing: p.options[statusOption].map { [$0] } ?? [])
            let kinds = p.options["kind"].map { Set($0.split(separator: ",").map(String.init)) }
            return EventFilter(period: period, countries: countries, statusAtTime: statuses, kinds: kinds).apply(to: table, membership: corpus.membership)
        }
        let level = 0.95
        let periods = PeriodContext(store: store)

        switch p.verb {
        case "count":
            return .text(NumberText.grouped(try filtered().events.count))
        case "share":
            // Events in states of a status at the time (members by default) as a share of all.
            let all = try filtered(statusOption: "")
            let statuses = try periods.statuses(p.options["status"].map { $0.split(separator: ",").map(String.init) } ?? ["member"])
            var filter = all.filter
            filter.statusAtTime = statuses
            let part = filter.apply(to: all.table, membership: corpus.membership)
            guard !all.events.isEmpty else { throw fail("no events to take a share of") }
            return .text(String(format: "%.1f%%", 100 * Double(part.events.count) / Double(all.events.count)))
        case "killed", "wounded":
            let sums = try filtered().casualties
            let sum = p.verb == "killed" ? sums.killed : sums.wounded
            guard sum.knownRows > 0 else { throw fail("no \(p.verb) figure is stated for any of these events") }
            return .text(NumberText.grouped(sum.total))
        case "killed-unknown", "wounded-unknown":
            let sums = try filtered().casualties
            return .text(NumberText.grouped((p.verb == "killed-unknown" ? sums.killed : sums.wounded).unknownRows))
        case "killed-known", "wounded-known":
            let sums = try filtered().casualties
            return .text(NumberText.grouped((p.verb == "killed-known" ? sums.killed : sums.wounded).knownRows))
        case "rate":
            guard p.arguments.count >= 2 else { throw fail("rate needs a table and a period, e.g. {{ rate attacks 2001-2011 }}") }
            let events = try filtered()
            let rate = try ExactPoisson.rate(count: events.events.count, exposure: events.filter.period!.years, level: level)
            return .text(StatisticText.number(rate.rate))
        case "indicator":
            let name = try argument(0, "the indicator name")
            let rows = corpus.indicators.filter { $0.indicator == name }
            guard !rows.isEmpty else {
                throw fail(AnalysisInputError.unknownIndicator(name, known: Set(corpus.indicators.map(\.indicator)).sorted()).description)
            }
            var chosen = rows
            if p.arguments.count > 1 {
                // The period the figure covers, e.g. 2024; a total for an unstated span never matches a period.
                let period = try Period(parsing: p.arguments[1])
                chosen = chosen.filter { row in
                    guard let start = row.periodStart, let end = row.periodEnd else { return false }
                    return start.earliestDay == period.start.earliestDay && end.latestDay == period.end.latestDay
                }
            }
            if let reported = p.options["reported"] {
                // The date a figure was reported, for totals whose period the source does not state.
                let when = try Period(parsing: reported)
                chosen = chosen.filter { $0.reportedOn.map { when.contains($0) == true } ?? false }
            }
            guard chosen.count == 1 else {
                let periods = rows.map(\.periodDescription).joined(separator: "; ")
                throw fail(chosen.isEmpty ? "'\(name)' is not reported for that selection; it is reported for: \(periods)"
                           : "'\(name)' is reported more than once (\(periods)); add the period (2024) or the report date (reported=2017)")
            }
            return .text(chosen[0].quantity.description)
        case "members":
            let dateText = try argument(0, "the date, e.g. 2023-12-31")
            let date = try PartialDate(parsing: dateText)
            let status = MembershipSpell.Status(rawValue: p.options["status"] ?? "member") ?? .member
            let count = corpus.statuses(on: date.latestDay).values.filter { $0 == status.countsAs }.count
            return .text(NumberText.grouped(count))
        case "compare":
            let name = try argument(0, "the figure")
            let first = try periods.period(try argument(1, "the first period"), table: name)
            let second = try periods.period(try argument(2, "the second period"), table: p.options["with"] ?? name)
            let statuses = try periods.statuses(p.options["status"].map { $0.split(separator: ",").map(String.init) } ?? [])
            let analysis = try ComparisonAnalysis.run(name, first, p.options["with"] ?? name, second, corpus: corpus,
                                                      statusAtTime: statuses, level: level)
            let c = analysis.comparison
            var text = "\(StatisticText.number(c.first.annualRate)) a year in \(c.first.label) against \(StatisticText.number(c.second.annualRate)) in \(c.second.label)"
            if let ratio = c.rateRatio {
                text += " (rate ratio \(StatisticText.number(ratio.rateRatio)), \(StatisticText.level(level)) CI \(StatisticText.number(ratio.interval.lower))–\(StatisticText.number(ratio.interval.upper)))"
            }
            return .text(text)
        case "trend":
            let events = try filtered()
            let yearly = events.grouped(by: [.year]).yearlyCounts()
            let test = TrendTest(rawValue: p.options["test"] ?? "mann-kendall") ?? .mannKendall
            switch TrendAnalysis.runTests([test], years: yearly.years, counts: yearly.counts, level: level).first! {
            case .mannKendall(let mk, let sen):
                let verdict = mk.trend == .noTrend ? "no significant trend" : "a significant \(mk.trend == .increasing ? "rise" : "fall")"
                return .text("\(verdict) (Mann–Kendall S = \(mk.s), \(StatisticText.pClause(mk.pValue)); Sen's slope \(StatisticText.number(sen.slope)) a year)")
            case .ols(let ols):
                return .text("an OLS slope of \(StatisticText.number(ols.slope.estimate)) a year (\(StatisticText.level(level)) CI \(StatisticText.number(ols.slope.interval.lower)) to \(StatisticText.number(ols.slope.interval.upper)), \(StatisticText.pClause(ols.slope.pValue)))")
            case .poisson(let result):
                let poisson = result.poisson
                return .text("a rate ratio of \(StatisticText.number(poisson.rateRatioPerYear.estimate)) a year (\(StatisticText.level(level)) CI \(StatisticText.number(poisson.rateRatioPerYear.interval.lower))–\(StatisticText.number(poisson.rateRatioPerYear.interval.upper)), \(StatisticText.pClause(poisson.slope.pValue)))")
            case .notComputed(_, let reason):
                throw fail(reason)
            }
        case "span":
            let years = try filtered(periodArgument: 99).events.map(\.year)
            guard let first = years.min(), let last = years.max() else { throw fail("the table has no dated rows") }
            return .text(first == last ? "\(first)" : "\(first)–\(last)")
        case "gap":
            // {{ gap exercises 2002-2012 median }}: months between consecutive events.
            let which = p.arguments.last.flatMap { ["median", "longest"].contains($0) ? $0 : nil } ?? "median"
            let periodIndex = p.arguments.count > 1 && !["median", "longest"].contains(p.arguments[1]) ? 1 : 99
            let summary = try EventCadence.summarize(try filtered(periodArgument: periodIndex).events)
            let months = which == "median" ? summary.medianGap : summary.longestGap
            return .text(months >= 24 ? String(format: "%.1f years", months / 12) : String(format: "%.0f months", months))
        case "latest-year":
            let years = try filtered(periodArgument: 99).events.map(\.year)
            guard let last = years.max() else { throw fail("the table has no dated rows") }
            return .text(String(last))
        case "growth":
            // The cumulative count starts at the first record, before the period (GrowthBase.firstRecord).
            let events = try filtered()
            let yearly = try filtered(periodArgument: 99).grouped(by: [.year]).yearlyCounts()
            let span = events.filter.period.map { ($0.firstYear, $0.lastYear) } ?? (yearly.years.first ?? 0, yearly.years.last ?? 0)
            let growth = try GrowthRate.cumulative(years: yearly.years, counts: yearly.counts, first: span.0, last: span.1)
            return .text(String(format: "%.1f%%", growth.growth.rate * 100))
        case "figure", "table", "ref":
            let id = try argument(0, "the id of a figure or table")
            guard let label = references[id] else {
                let suggestion = Suggestion.closest(to: id, in: references.keys).map { "; did you mean '\($0)'?" } ?? ""
                throw fail("no figure or table has the id '\(id)'\(suggestion)")
            }
            return .reference(label: label, target: id)
        default:
            let suggestion = Suggestion.closest(to: p.verb, in: PlaceholderEvaluator.verbs).map { "did you mean '\($0)'? " } ?? ""
            throw fail("unknown placeholder '\(p.verb)'; \(suggestion)known: \(PlaceholderEvaluator.verbs.joined(separator: ", "))")
        }
    }
}

public struct PlaceholderError: Error, Sendable, CustomStringConvertible {
    public var placeholder: Placeholder
    public var message: String

    public var description: String { "\(placeholder.source): \(message)" }
}
