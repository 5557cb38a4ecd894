import Dataset

extension ComparisonAnalysis {
    /// The comparison for scripts: a `periods` table (each period's count, length, annual rate
    /// and exact interval) and a `comparison` table (rate ratio and difference), with the periods,
    /// both figures' coverage and the caveats as fields.
    public func output() -> CommandOutput {
        let c = comparison
        let level = c.first.rateInterval.level
        let names = [firstName.isEmpty ? c.first.label : firstName, secondName.isEmpty ? c.second.label : secondName]
        let periods = [firstPeriod, secondPeriod]
        func unit(_ index: Int) -> String { rateUnit ?? "\(names[index]) per year" }
        let periodColumns: [OutputTable.Column] = [
            .init("role", .text, title: "first or second"), .init("figure", .text), .init("period", .text),
            .init("start", .text, title: "first day"), .init("end", .text, title: "last day"),
            .init("count", .integer), .init("years", .number, title: "length", unit: "years"),
            .init("rate", .number, title: "per year"), .init("ci_low", .number, title: "\(StatisticText.level(level)) CI low"),
            .init("ci_high", .number, title: "\(StatisticText.level(level)) CI high"), .init("level", .number, title: "confidence level"),
            .init("unit", .text, title: "unit of the rate"), .init("measure", .text), .init("coverage", .text), .init("scope", .text),
        ]
        let periodRows: [[OutputTable.Value]] = [(c.first, first, "first"), (c.second, second, "second")].enumerated().map { index, item in
            let (summary, resolved, role) = item
            let period = periods[index]
            return [.text(role), .text(names[index]), .text(summary.label),
                    .text(period?.start.earliestDay.description), .text(period?.end.latestDay.description),
                    .integer(summary.count), .number(summary.exposureYears), .number(summary.annualRate),
                    .number(summary.rateInterval.lower), .number(summary.rateInterval.upper), .number(summary.rateInterval.level),
                    .text(unit(index)), .text(summary.measure.quantity.description), .text(summary.measure.coverage.rawValue),
                    .text(resolved.scope)]
        }
        let comparisonColumns: [OutputTable.Column] = [
            .init("statistic", .text), .init("estimate", .number),
            .init("ci_low", .number, title: "\(StatisticText.level(level)) CI low"), .init("ci_high", .number, title: "\(StatisticText.level(level)) CI high"),
            .init("level", .number, title: "confidence level"), .init("p", .number, title: "p-value"),
            .init("unit", .text, title: "unit of the estimate"), .init("method", .text), .init("note", .text),
        ]
        var comparisonRows: [[OutputTable.Value]] = []
        if let ratio = c.rateRatio {
            comparisonRows.append([.text("rate_ratio"), .number(ratio.rateRatio), .number(ratio.interval.lower), .number(ratio.interval.upper),
                                   .number(ratio.interval.level), .number(ratio.pValue), .text("first ÷ second"), .text(ratio.method), .null])
        } else {
            comparisonRows.append([.text("rate_ratio"), .null, .null, .null, .null, .null, .text("first ÷ second"), .null,
                                   .text("no events in either period: no ratio")])
        }
        if let difference = c.rateDifference {
            comparisonRows.append([.text("rate_difference"), .number(difference.difference), .number(difference.interval.lower),
                                   .number(difference.interval.upper), .number(difference.interval.level), .number(difference.pValue),
                                   .text(unit(0)), .text(difference.method), .null])
        } else {
            comparisonRows.append([.text("rate_difference"), .null, .null, .null, .null, .null, .text(unit(0)), .null,
                                   .text("no events in either period: no difference")])
        }
        var periodFields: [CommandOutput.PeriodField] = []
        if let period = firstPeriod { periodFields.append(.init("first", period)) }
        if let period = secondPeriod { periodFields.append(.init("second", period)) }
        var coverage = [CommandOutput.CoverageField(table: names[0], coverage: c.first.measure.coverage, note: first.coverageNote)]
        if names[1] != names[0] {
            coverage.append(.init(table: names[1], coverage: c.second.measure.coverage, note: second.coverageNote))
        }
        return CommandOutput(
            command: "compare", title: table.title ?? "comparison",
            parameters: [("figure", .string(names[0])), ("with", .string(names[1])), ("level", .number(level))],
            periods: periodFields, coverage: coverage,
            tables: [OutputTable(name: "periods", title: "Each period's count and annual rate", columns: periodColumns, rows: periodRows),
                     OutputTable(name: "comparison", title: "Rate ratio and difference, first against second", columns: comparisonColumns, rows: comparisonRows)],
            notes: c.caveats)
    }
}
