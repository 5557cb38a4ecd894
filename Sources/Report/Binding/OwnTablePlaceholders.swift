import Analysis
import Dataset
import Support

/// Placeholders over the spec's own tables: `{{ trend table=survey time=year count=value }}`,
/// `{{ compare table=survey time=year count=value 2001-2005 2010 }}`,
/// `{{ count table=survey time=year count=value 2001-2011 }}`. `table=` names a table of the spec's
/// `tables:`; `time=` its column of years or dates; `count=` its column of counts (without it each
/// row is one event); `by=` the column a counts table's rows are split by (the placeholder reads
/// the totals over it); positional arguments are periods. Unknown tables and columns are errors
/// listing what exists and the closest name.
enum OwnTablePlaceholders {
    /// The verbs that read a table of the spec's `tables:` with `table=NAME`.
    static let verbs = ["count", "rate", "trend", "compare"]

    /// The message for `table=` on any other verb.
    static func unsupported(_ verb: String) -> String {
        "table= (a table of the spec's tables:) works with \(verbs.joined(separator: ", ")), not with '\(verb)'"
    }
}

extension PlaceholderCall {
    /// The counts of the own table `table=` names, or nil when the placeholder names none.
    private func ownCounts(period: Period?) throws -> (name: String, data: YearlyCountData)? {
        guard let name = p.options["table"] else { return nil }
        guard ownTables.table(named: name) != nil else {
            let suggestion = Suggestion.closest(to: name, in: ownTables.names).map { "did you mean '\($0)'? " } ?? ""
            throw fail("no table '\(name)' in the spec's tables:; \(suggestion)"
                + (ownTables.names.isEmpty ? "add it under tables: at the top of the spec" : "the spec's tables are \(ownTables.names.joined(separator: ", "))"))
        }
        ownTables.usedByPlaceholder(name)
        let here = SourceLocation(file: "placeholder")
        func located(_ key: String) -> Located<String>? { p.options[key].map { Located($0, at: here) } }
        do {
            return (name, try ownTables.counts(name, time: located("time"), count: located("count"), by: located("by"), period: period,
                                               at: here, keys: ("time=", "count=", "by=")))
        } catch let diagnostic as Diagnostic {
            throw fail(diagnostic.message + (diagnostic.hint.map { " (hint: \($0))" } ?? ""))
        }
    }

    /// A period argument over an own table; `latest` counts back from its last year.
    private func ownPeriod(_ index: Int, table name: String) throws -> Period? {
        guard index < p.arguments.count else { return nil }
        return try periods.period(p.arguments[index]) { ownTables.latestYear(name, time: p.options["time"]) }
    }

    /// `{{ trend table=survey time=year count=value [period] test=... }}`: one test on the table's yearly counts.
    func ownTrend() throws -> BoundValue? {
        guard let name = p.options["table"] else { return nil }
        let test = try p.options["test"].map { try TrendTest.parseList([$0]) }?.first ?? .mannKendall
        guard let (_, data) = try ownCounts(period: try ownTable(name) ? ownPeriod(0, table: name) : nil) else { return nil }
        let analysis = OwnTrendAnalysis.run(data, tests: [test], level: level, alpha: try alpha())
        // Years of the total with no known count are left out of the test; the sentence says so, as the corpus's names years outside coverage.
        let unknown = data.missingYears().first { $0.0 == data.series[0].name }?.1 ?? []
        let caveats = unknown.isEmpty ? "" : "; " + localiser.text("own.clause.unknown-years", ["years": YearlyCountData.spans(unknown)])
        return .text(try trendWords(analysis.trends[0].outcomes[0], caveats: caveats))
    }

    /// `{{ compare table=survey time=year count=value 2001-2005 2010 }}`: both periods' rates and their ratio.
    func ownCompare() throws -> BoundValue? {
        guard let name = p.options["table"] else { return nil }
        guard let (_, data) = try ownCounts(period: nil) else { return nil }
        guard try ownTable(name), let first = try ownPeriod(0, table: name), let second = try ownPeriod(1, table: name) else {
            throw fail("compare needs two periods, e.g. {{ compare table=\(name) time=... count=... 2001-2005 2010 }}")
        }
        return .text(comparisonWords(try OwnComparison.run(data, first, second, level: level).comparison))
    }

    /// `{{ count table=survey time=year count=value [period] }}`: the total over the period (the
    /// whole table without one); a year with no known count makes it unknown, an error.
    func ownCount() throws -> BoundValue? {
        guard let name = p.options["table"] else { return nil }
        guard let (_, data) = try ownCounts(period: nil) else { return nil }
        let period = try ownTable(name) ? try ownPeriod(0, table: name) : nil
        let whole = try Period(years: data.range.lowerBound, data.range.upperBound)
        return .text(localiser.grouped(try data.figure(over: period ?? whole).figure.count))
    }

    /// `{{ rate table=survey time=year count=value 2001-2011 }}`: the period's count a year, as the corpus's rate.
    func ownRate() throws -> BoundValue? {
        guard let name = p.options["table"] else { return nil }
        guard let (_, data) = try ownCounts(period: nil) else { return nil }
        guard let period = try ownPeriod(0, table: name) else {
            throw fail("rate needs a period, e.g. {{ rate table=\(name) time=... count=... 2001-2011 }}")
        }
        let figure = try data.figure(over: period).figure
        return .text(localiser.numbers(in: StatisticText.number(try ExactPoisson.rate(count: figure.count, exposure: figure.exposureYears, level: level).rate)))
    }

    /// Whether `name` is one of the spec's tables (errors are thrown by `ownCounts`).
    private func ownTable(_ name: String) throws -> Bool { ownTables.table(named: name) != nil }
}
