import Analysis
import Dataset
import Foundation

/// What happens to months the data do not cover, in the words of a coverage note.
public enum CoverageUsage: String, Sendable {
    /// A chart over time draws them as a gap.
    case drawnAsGap = "drawn-as-gap"
    /// A trend leaves them out of its counts and tests.
    case leftOutOfCountsAndTests = "left-out-of-counts"
}

/// The caveats a report prints about coverage and the set of states, worded from the catalog
/// (`caveat.*` keys) rather than taken from the analyses' English notes, so that a Russian or
/// Chinese sentence carries no English clause. The English catalog reproduces the analyses'
/// wording (`CoverageWindow.notes(usage:)`, `FilteredEvents.compositionNotes`) word for word.
extension Localiser {
    /// "Kazakhstan, Russia and China" in the language, with each code's name from the corpus.
    func list(_ codes: [String], names: [String: String]) -> String {
        let named = codes.map { countryName(code: $0) ?? names[$0] ?? $0 }
        guard named.count > 1 else { return named.joined() }
        return named.dropLast().joined(separator: text("caveat.list-separator")) + text("caveat.and") + named.last!
    }

    /// "1993 (a gap in the data)", "2021–2024 (after the data end)".
    func explained(_ span: UncoveredSpan) -> String {
        switch span.reason {
        case .beforeStart: return text("caveat.span.before-start", ["span": self.span(span)])
        case .beforeCountryStart(let codes): return text("caveat.span.before-country-start", ["span": self.span(span), "countries": codes.joined(separator: ", ")])
        case .afterEnd: return text("caveat.span.after-end", ["span": self.span(span)])
        case .gap: return text("caveat.span.gap", ["span": self.span(span)])
        }
    }

    /// "the data cover 2001-04 to 2011-07", or the rows' years when no coverage is stated.
    func coverageSpan(_ coverage: Coverage) -> String {
        let from = coverage.dates.from.map(date) ?? text("caveat.unstated-start")
        let to = coverage.dates.to.map(date) ?? text("caveat.unstated-end")
        switch coverage.basis {
        case .stated: return text("caveat.coverage.stated", ["from": from, "to": to])
        case .yearsOfData: return text("caveat.coverage.years-of-data", ["from": from, "to": to])
        }
    }

    /// What a reader must know about the coverage of a window's period: the words of
    /// `CoverageWindow.notes(usage:)` in the language.
    public func coverageNotes(_ window: CoverageWindow, usage: CoverageUsage) -> [String] {
        var notes: [String] = []
        let usageText = text("caveat.usage." + usage.rawValue)
        func spans(_ spans: [UncoveredSpan]) -> String { spans.map(explained).joined(separator: text("caveat.list-separator")) }
        if window.assumesZero, !window.uncovered.isEmpty {
            let one = window.uncovered.count == 1 && window.uncovered[0].months <= 12
            notes.append(text(one ? "caveat.assumed-zero.one" : "caveat.assumed-zero.many",
                              ["spans": spans(window.uncovered), "coverage": coverageSpan(window.coverage)]))
        } else {
            if !window.gaps.isEmpty {
                notes.append(text("caveat.gaps", ["spans": spans(window.gaps), "usage": usageText]))
            }
            if !window.outsideSpan.isEmpty {
                notes.append(text("caveat.outside", ["spans": spans(window.outsideSpan), "coverage": coverageSpan(window.coverage), "usage": usageText]))
            }
        }
        for item in window.breaks {
            // The note is the source's own wording (sources.csv), quoted as the corpus has it.
            notes.append(text("caveat.break", ["date": date(item.date), "note": item.note]))
        }
        if window.countries == nil, let period = window.period {
            let later = window.coverage.countriesStartingAfter(month: Coverage.monthIndex(year: period.start.year, month: period.start.month ?? 1))
            if !later.isEmpty {
                let starts = later.map { text("caveat.country-start", ["country": $0.code, "date": date($0.start)]) }
                notes.append(text("caveat.later-countries", ["starts": starts.joined(separator: text("caveat.list-separator"))]))
            }
        }
        return notes
    }

    /// The states a status counts, plural, as a note names them ("members or observers").
    private func statusWords(_ events: FilteredEvents, form: String) -> String {
        (events.filter.statusAtTime ?? [.member]).map { text("caveat.\(form).\($0.rawValue)") }.sorted().joined(separator: text("caveat.or"))
    }

    /// What a reader must know about the set of states behind the counts: the words of
    /// `FilteredEvents.compositionNotes` in the language.
    public func compositionNotes(_ events: FilteredEvents) -> [String] {
        let names = events.table.countryNames
        if let asOf = events.filter.membersAsOf {
            let fixed = (events.selectedCountries ?? []).sorted()
            return [text("caveat.set-fixed", ["n": grouped(fixed.count), "status": statusWords(events, form: "status-plural"),
                                              "date": date(asOf.latestDay), "states": list(fixed, names: names)])]
        }
        let changes = events.compositionChanges
        guard !changes.isEmpty, let period = events.filter.period else { return [] }
        let described = changes.map { change in
            var parts: [String] = []
            if !change.joined.isEmpty { parts.append(text("caveat.joined", ["states": list(change.joined, names: names)])) }
            if !change.left.isEmpty { parts.append(text("caveat.left", ["states": list(change.left, names: names)])) }
            return text("caveat.on-date", ["date": date(change.date), "changes": parts.joined(separator: text("caveat.list-separator"))])
        }
        return [text("caveat.set-changed", ["status": statusWords(events, form: "status-states"), "period": self.period(period.description),
                                            "changes": described.joined(separator: text("clause.separator"))])]
    }

    /// The caveats a trend sentence carries as a clause (years left out, collection breaks
    /// crossed, a changed or fixed set of states, zeros assumed), each led by the clause
    /// separator; empty when there are none.
    public func trendCaveats(window: CoverageWindow, events: FilteredEvents) -> String {
        var parts: [String] = []
        let spans = window.uncovered.map(span).joined(separator: text("caveat.list-separator"))
        if window.assumesZero, !window.uncovered.isEmpty {
            parts.append(text("caveat.clause.assumed-zero", ["spans": spans]))
        } else if !window.uncovered.isEmpty {
            parts.append(text("caveat.clause.left-out", ["spans": spans]))
        }
        if let clause = breaksClause(window.breaks) { parts.append(clause) }
        let changes = events.compositionChanges
        if !changes.isEmpty {
            let names = events.table.countryNames
            let described = changes.map { change in
                let states = (change.joined + change.left).map { countryName(code: $0) ?? names[$0] ?? $0 }.joined(separator: text("caveat.and"))
                return text(change.joined.isEmpty ? "caveat.clause.change-left" : "caveat.clause.change-joined",
                            ["year": String(change.date.year), "states": states])
            }
            parts.append(text("caveat.clause.set-changed", ["changes": described.joined(separator: text("clause.separator"))]))
        }
        if let asOf = events.filter.membersAsOf {
            parts.append(text("caveat.clause.states-fixed", ["date": date(asOf.latestDay)]))
        }
        return parts.map { text("clause.separator") + $0 }.joined()
    }

    /// "across a change in data collection (2011-11)", nil when no break is crossed.
    public func breaksClause(_ breaks: [CollectionBreak]) -> String? {
        guard !breaks.isEmpty else { return nil }
        return text(breaks.count == 1 ? "caveat.clause.break" : "caveat.clause.breaks",
                    ["dates": breaks.map { date($0.date) }.joined(separator: text("caveat.list-separator"))])
    }
}

extension Localiser {
    /// The fixed shapes of `PeriodComparison`'s caveats, as regular expressions over the English
    /// note, each with the catalog key that words it and the names of its captured arguments.
    private static let comparisonNotes: [(pattern: String, key: String, arguments: [String])] = [
        (#"^Both figures come from illustrative lists of named examples, not complete counts\. A rate of named examples per year reflects how many examples were chosen for the list; it is not an incidence rate, and this comparison cannot show that (.+) became more or less frequent\.$"#,
         "caveat.compare.illustrative", ["quantity"]),
        (#"^Both figures come from tables that are complete for only part of their scope; read the coverage note before drawing conclusions about (.+)\.$"#,
         "caveat.compare.partial", ["quantity"]),
        (#"^No events in either period: no ratio, and no Wald interval for the difference; the two exact intervals show how high each rate could be\.$"#,
         "caveat.compare.no-events", []),
        (#"^(\S+) has no events, so the rate ratio is infinite and is not reported; compare the two rates and their intervals instead\.$"#,
         "caveat.compare.second-empty", ["period"]),
        (#"^(\S+) covers only (\d+) months?; its annual rate scales a part-year up to a full year and assumes events are spread evenly over the year\.$"#,
         "caveat.compare.part-year", ["period", "n"]),
        (#"^(\S+) has only (\d+) events?: its interval is wide, and the Wald interval for the rate difference is unreliable at counts this small\.$"#,
         "caveat.compare.few-events", ["period", "n"]),
        (#"^The exact intervals assume events occur independently at a steady rate within each period \(Poisson\)\.$"#,
         "caveat.compare.poisson", []),
        (#"^The two periods lie on either side of a change in how the data were collected \((\S+)\): (.+)\.$"#,
         "caveat.compare.break", ["date", "note"]),
        // Notes under trend tables (TrendAnalysis, CountTrend).
        (#"^Casualty totals count only the events with a stated figure: killed unknown for (\d+), wounded unknown for (\d+)\.$"#,
         "caveat.trend.casualties", ["killed", "wounded"]),
        (#"^(.+): The Poisson model fits: the counts vary about as much as a Poisson process would \(dispersion (\S+), overdispersion test (.+)\)\. Quote the Poisson rate ratio and interval\.$"#,
         "caveat.trend.poisson-fits", ["series", "number:dispersion", "number:test"]),
    ]

    /// `comparisonNotes`' patterns compiled once per process, not once per note.
    /// NSRegularExpression is immutable and documented as safe to use from several threads.
    nonisolated(unsafe) private static let comparisonRegexes: [NSRegularExpression?] =
        comparisonNotes.map { try? NSRegularExpression(pattern: $0.pattern) }

    /// The note a count needs when rows stand for several events ("2024: 1 row stands for …
    /// (atk-2024-iran-terror-attacks) …"), with each row named for a reader ("Iran, 2024") instead
    /// of its id, in the report's language (English too); nil for a note of another shape.
    public func lowerBoundNote(_ note: String) -> String? {
        guard let match = note.firstMatch(of: Patterns.lowerBound),
              let n = Int(match.2) else { return nil }
        let rows = match.3.components(separatedBy: ", ").map(rowName).joined(separator: "; ")
        let body = text(n == 1 ? "caveat.lower-bound.one" : "caveat.lower-bound.other", ["n": String(n), "rows": rows])
        return match.1.map { text("caveat.in-period", ["period": period(String($0)), "note": body]) } ?? body
    }

    /// A note `PeriodComparison` wrote in English, worded in the report's language; nil for a
    /// note of another shape. Periods, dates and quantities are localised; a collection break's
    /// own note is the source's wording and stays as the corpus has it.
    public func comparisonNote(_ note: String) -> String? {
        guard language != .english else { return note }
        for (shape, compiled) in zip(Self.comparisonNotes, Self.comparisonRegexes) {
            guard let regex = compiled,
                  let match = regex.firstMatch(in: note, range: NSRange(note.startIndex..., in: note)) else { continue }
            var arguments: [String: String] = [:]
            for (index, name) in shape.arguments.enumerated() {
                guard let range = Range(match.range(at: index + 1), in: note) else { continue }
                let value = String(note[range])
                switch name {
                case "period": arguments[name] = period(value)
                case "date": arguments[name] = date(value)
                case "quantity", "series": arguments[name] = label(value)
                case let numeric where numeric.hasPrefix("number:"): arguments[String(numeric.dropFirst(7))] = numbers(in: value)
                default: arguments[name] = value
                }
            }
            return text(shape.key, arguments)
        }
        return nil
    }
}
