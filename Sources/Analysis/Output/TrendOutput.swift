import Dataset

extension TrendAnalysis {
    /// The unit a count of this table is in: "attacks", "exercises", "membership changes".
    var countUnit: String { table.name == "membership" ? "membership changes" : table.name }

    /// The whole trend for scripts: a `counts` table and, when tests ran, a `tests` table, with
    /// the period, the table's coverage, the options and the caveats as fields.
    /// `rollingWindow` adds the trailing mean to yearly counts, as `countsTable(rollingWindow:)` does.
    public func output(rollingWindow: Int? = nil) -> CommandOutput {
        var parameters: [(String, JSONValue)] = [
            ("table", .string(table.name)),
            ("group_by", .array(grouped.keys.map { .string($0.rawValue) })),
            ("level", .number(level)),
            ("alpha", .number(alpha)),
            ("tests", .array(testNames.map { .string($0) })),
        ]
        if let rollingWindow { parameters.append(("rolling_window", .integer(rollingWindow))) }
        let filter = grouped.source.filter
        if let countries = filter.countries { parameters.append(("countries", .array(countries.sorted().map { .string($0) }))) }
        if let statuses = filter.statusAtTime { parameters.append(("status", .array(statuses.map(\.rawValue).sorted().map { .string($0) }))) }
        if let kinds = filter.kinds { parameters.append(("kinds", .array(kinds.sorted().map { .string($0) }))) }
        var tables = [countsOutput(rollingWindow: rollingWindow)]
        if !trends.isEmpty { tables.append(testsOutput) }
        return CommandOutput(
            command: "trend", title: countsTable(rollingWindow: rollingWindow).title ?? table.title, parameters: parameters,
            periods: filter.period.map { [CommandOutput.PeriodField("period", $0)] } ?? [],
            coverage: [CommandOutput.CoverageField(table: table.name, coverage: table.coverage, note: table.coverageNote)],
            tables: tables, notes: caveats)
    }

    /// The tests that ran, by their `--test` names.
    private var testNames: [String] {
        var names: [String] = []
        for outcome in trends.first?.outcomes ?? [] {
            switch outcome {
            case .ols: names.append(TrendTest.ols.rawValue)
            case .mannKendall: names.append(TrendTest.mannKendall.rawValue)
            case .poisson: names.append(TrendTest.poisson.rawValue)
            case .notComputed(let test, _): names.append(test.rawValue)
            }
        }
        return names
    }

    /// Counts per group at full precision: the group keys (year as an integer), the count, the
    /// casualty sums for attack-like tables (null when no event states a figure), and the exposure
    /// and trailing mean when the display table has them.
    func countsOutput(rollingWindow: Int?) -> OutputTable {
        let display = countsTable(rollingWindow: rollingWindow)
        let withCasualties = table.measure == .eventsOccurred
        var columns = grouped.keys.map { key in
            key == .year ? OutputTable.Column("year", .integer) : OutputTable.Column(key.rawValue, .text)
        }
        columns.append(.init("count", .integer, unit: countUnit))
        if withCasualties {
            columns += [.init("killed", .integer, unit: "people"), .init("killed_unknown", .integer, title: "events with killed unknown", unit: countUnit),
                        .init("wounded", .integer, unit: "people"), .init("wounded_unknown", .integer, title: "events with wounded unknown", unit: countUnit)]
        }
        let period = grouped.source.filter.period
        let withExposure = display.columns.contains { $0.title == "exposure (years)" }
        if withExposure { columns.append(.init("exposure_years", .number, title: "exposure", unit: "years")) }
        var means: [Double?]? = nil
        if let rollingWindow, grouped.keys == [.year] {
            means = try? RollingWindow.means(grouped.groups.map { Double($0.count) }, window: rollingWindow)
            if means != nil {
                columns.append(.init("rolling_mean", .number, title: "\(rollingWindow)-year trailing mean", unit: "\(countUnit) per year"))
            }
        }
        let leftOut = Set(coverageWindow.yearsLeftOut)
        let rows = grouped.groups.enumerated().map { index, group -> [OutputTable.Value] in
            var values: [OutputTable.Value] = zip(grouped.keys, group.key).map { key, value in
                key == .year ? .integer(Int(value)) : .text(value)
            }
            // A year the data do not cover is unknown, as the display table's blank says, never 0.
            let yearIndex = grouped.keys.firstIndex(of: .year)
            if let yearIndex, let year = Int(group.key[yearIndex]), leftOut.contains(year) {
                values.append(.null)
                if withCasualties { values += [.null, .null, .null, .null] }
                if withExposure { values.append(.null) }
                if means != nil { values.append(.null) }
                return values
            }
            values.append(.integer(group.count))
            if withCasualties {
                values += [group.killed.knownRows > 0 ? .integer(group.killed.total) : .null, .integer(group.killed.unknownRows),
                           group.wounded.knownRows > 0 ? .integer(group.wounded.total) : .null, .integer(group.wounded.unknownRows)]
            }
            if withExposure, let period {
                values.append(.number(Int(group.key[0]).map { period.exposure(inYear: $0) }))
            }
            if let means { values.append(.number(means[index])) }
            return values
        }
        return OutputTable(name: "counts", title: display.title ?? "counts", columns: columns, rows: rows, notes: display.notes)
    }

    /// The columns of the `tests` table; the JSON Schema lists the same.
    static func testColumns(level: Double, unit: String) -> [OutputTable.Column] {
        let percent = StatisticText.level(level)
        return [
            .init("series", .text, title: "series (all, or a country code)"),
            .init("test", .text, title: "test id"),
            .init("statistic", .text),
            .init("estimate", .number),
            .init("ci_low", .number, title: "\(percent) CI low"),
            .init("ci_high", .number, title: "\(percent) CI high"),
            .init("level", .number, title: "confidence level"),
            .init("p", .number, title: "p-value"),
            .init("n", .integer, title: "years", unit: "years"),
            .init("z", .number, title: "Z"),
            .init("tau_b", .number, title: "Kendall's tau-b"),
            .init("r_squared", .number, title: "R²"),
            .init("dispersion", .number, title: "Pearson dispersion"),
            .init("scale", .number, title: "quasi-Poisson scale"),
            .init("alpha", .number, title: "negative-binomial alpha"),
            .init("trend", .text, title: "Mann–Kendall verdict"),
            .init("significance_level", .number, title: "significance level of the verdict"),
            .init("recommended", .boolean, title: "the count model the note recommends"),
            .init("unit", .text, title: "unit of the estimate"),
            .init("method", .text),
            .init("note", .text),
        ]
    }

    /// One row per test per series, every statistic in a field of its own at full precision.
    var testsOutput: OutputTable { Self.testsOutput(trends, level: level, unit: countUnit, title: testsTable.title ?? "Trend tests") }

    /// The `tests` table for any yearly series (the corpus's or a user's own table), slopes per
    /// year of `unit`: one builder, so both paths give scripts the same fields.
    static func testsOutput(_ trends: [SeriesTrend], level: Double, unit countUnit: String, title: String) -> OutputTable {
        let columns = TrendAnalysis.testColumns(level: level, unit: countUnit)
        let perYear = "\(countUnit) per year"
        var rows: [[OutputTable.Value]] = []
        var notes: [String] = []
        func add(_ series: String, _ fields: [String: OutputTable.Value]) {
            var fields = fields
            fields["series"] = .text(series)
            if fields["level"] == nil, fields["ci_low"].map({ $0 != .null }) ?? false { fields["level"] = .number(level) }
            rows.append(columns.map { fields[$0.name] ?? .null })
        }
        for trend in trends {
            for outcome in trend.outcomes {
                switch outcome {
                case .ols(let result):
                    add(trend.series, ["test": .text("ols"), "statistic": .text("OLS slope"), "estimate": .number(result.slope.estimate),
                                       "ci_low": .number(result.slope.interval.lower), "ci_high": .number(result.slope.interval.upper),
                                       "level": .number(result.slope.interval.level), "p": .number(result.slope.pValue), "n": .integer(result.n),
                                       "r_squared": .number(result.rSquared), "unit": .text(perYear), "method": .text(result.method)])
                case let .mannKendall(test, sen):
                    add(trend.series, ["test": .text("mann_kendall"), "statistic": .text("Mann–Kendall S"), "estimate": .number(Double(test.s)),
                                       "p": .number(test.pValue), "n": .integer(test.n), "z": .number(test.z), "tau_b": .number(test.tau),
                                       "trend": .text(test.trend.rawValue), "significance_level": .number(test.significanceLevel),
                                       "method": .text(test.method)])
                    add(trend.series, ["test": .text("sens_slope"), "statistic": .text("Sen's slope"), "estimate": .number(sen.slope),
                                       "ci_low": .number(sen.interval.lower), "ci_high": .number(sen.interval.upper),
                                       "level": .number(sen.interval.level), "n": .integer(sen.n), "unit": .text(perYear), "method": .text(sen.method)])
                case .poisson(let result):
                    let poisson = result.poisson
                    add(trend.series, ["test": .text("poisson"), "statistic": .text("Poisson rate ratio per year"),
                                       "estimate": .number(poisson.rateRatioPerYear.estimate),
                                       "ci_low": .number(poisson.rateRatioPerYear.interval.lower), "ci_high": .number(poisson.rateRatioPerYear.interval.upper),
                                       "level": .number(poisson.rateRatioPerYear.interval.level), "p": .number(poisson.slope.pValue),
                                       "n": .integer(poisson.n), "z": .number(poisson.slope.statistic), "dispersion": .number(poisson.dispersion),
                                       "recommended": .boolean(result.recommended == .poisson), "unit": .text("rate ratio per year"),
                                       "method": .text(poisson.method)])
                    if let quasi = result.quasiPoisson {
                        add(trend.series, ["test": .text("quasi_poisson"), "statistic": .text("Quasi-Poisson rate ratio per year"),
                                           "estimate": .number(quasi.rateRatioPerYear.estimate),
                                           "ci_low": .number(quasi.rateRatioPerYear.interval.lower), "ci_high": .number(quasi.rateRatioPerYear.interval.upper),
                                           "level": .number(quasi.rateRatioPerYear.interval.level), "p": .number(quasi.slope.pValue),
                                           "n": .integer(quasi.n), "z": .number(quasi.slope.statistic), "scale": .number(quasi.scale),
                                           "recommended": .boolean(result.recommended == .quasiPoisson), "unit": .text("rate ratio per year"),
                                           "method": .text(quasi.method)])
                    }
                    if let nb = result.negativeBinomial {
                        add(trend.series, ["test": .text("negative_binomial"), "statistic": .text("Negative binomial rate ratio per year"),
                                           "estimate": .number(nb.rateRatioPerYear.estimate),
                                           "ci_low": .number(nb.rateRatioPerYear.interval.lower), "ci_high": .number(nb.rateRatioPerYear.interval.upper),
                                           "level": .number(nb.rateRatioPerYear.interval.level), "p": .number(nb.slope.pValue),
                                           "n": .integer(nb.n), "z": .number(nb.slope.statistic), "alpha": .number(nb.alpha.estimate),
                                           "recommended": .boolean(result.recommended == .negativeBinomial), "unit": .text("rate ratio per year"),
                                           "method": .text(nb.method)])
                    }
                    notes.append("\(trend.series): \(result.note)")
                case let .notComputed(test, reason):
                    add(trend.series, ["test": .text(test.rawValue.replacingOccurrences(of: "-", with: "_")), "statistic": .text(test.title),
                                       "n": .integer(trend.years.count), "note": .text("not computed: \(reason)")])
                }
            }
        }
        return OutputTable(name: "tests", title: title, columns: columns, rows: rows, notes: notes)
    }
}
