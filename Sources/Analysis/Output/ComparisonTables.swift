import Dataset

extension ComparisonAnalysis {
    /// Each period's count, exposure, annual rate and exact interval; then the ratio and difference.
    public var table: ResultTable {
        let c = comparison
        func row(_ summary: PeriodSummary, _ resolved: FigureResolver.ResolvedFigure) -> [ResultTable.Cell] {
            [.text(summary.label), .integer(summary.count), .estimate(summary.exposureYears),
             .estimate(summary.annualRate), .interval(summary.rateInterval.lower, summary.rateInterval.upper), .text(resolved.scope)]
        }
        var rows = [row(c.first, first), row(c.second, second)]
        if let ratio = c.rateRatio {
            rows.append([.text("rate ratio (first ÷ second)"), .missing, .missing, .estimate(ratio.rateRatio),
                         .interval(ratio.interval.lower, ratio.interval.upper), .text("exact conditional, \(StatisticText.pClause(ratio.pValue))")])
        }
        if let difference = c.rateDifference {
            rows.append([.text("rate difference (first − second)"), .missing, .missing, .estimate(difference.difference),
                         .interval(difference.interval.lower, difference.interval.upper), .text("Wald, \(StatisticText.pClause(difference.pValue))")])
        } else {
            rows.append([.text("rate ratio and difference"), .missing, .missing, .missing, .missing,
                         .text("no events in either period: no ratio")])
        }
        return ResultTable(
            title: "\(c.first.measure.quantity): \(c.first.label) compared with \(c.second.label)",
            columns: [.init("period"), .init("count", alignment: .right), .init("years", alignment: .right),
                      .init("per year", alignment: .right), .init("\(StatisticText.level(c.first.rateInterval.level)) CI", alignment: .right), .init("scope / method")],
            rows: rows, notes: c.caveats)
    }
}
