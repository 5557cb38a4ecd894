import Dataset

extension TrendAnalysis {
    /// Counts per group, with casualties for attack-like tables.
    public var countsTable: ResultTable { countsTable(rollingWindow: nil) }

    /// Counts per group; for yearly counts, optionally the trailing mean over `rollingWindow` years
    /// (blank until a full window has passed).
    public func countsTable(rollingWindow: Int?) -> ResultTable {
        let withCasualties = table.measure == .eventsOccurred
        var columns = grouped.keys.map { ResultTable.Column($0.rawValue, alignment: $0 == .year ? .right : .left) }
        columns.append(.init("count", alignment: .right))
        if withCasualties {
            columns += [.init("killed", alignment: .right), .init("killed unknown", alignment: .right),
                        .init("wounded", alignment: .right), .init("wounded unknown", alignment: .right)]
        }
        let yearIndex = grouped.keys.firstIndex(of: .year)
        let leftOut = Set(coverageWindow.yearsLeftOut)
        var rows = grouped.groups.map { group -> [ResultTable.Cell] in
            var cells = group.key.map { ResultTable.Cell.text($0) }
            // A year the data do not cover is unknown: blank, never 0.
            if let yearIndex, let year = Int(group.key[yearIndex]), leftOut.contains(year) {
                cells.append(.missing)
                if withCasualties { cells += [.missing, .missing, .missing, .missing] }
                return cells
            }
            cells.append(.integer(group.count))
            if withCasualties {
                // With no stated figure at all, the sum is unknown, not 0.
                cells += [group.killed.knownRows > 0 ? .integer(group.killed.total) : .missing, .integer(group.killed.unknownRows),
                          group.wounded.knownRows > 0 ? .integer(group.wounded.total) : .missing, .integer(group.wounded.unknownRows)]
            }
            return cells
        }
        // Part-years (at the ends of a period in months, or partly in a gap): show how much of each year was observed.
        if grouped.keys == [.year],
           grouped.groups.contains(where: { Int($0.key[0]).map { coverageWindow.exposure(inYear: $0) < 1 && !leftOut.contains($0) } ?? false }) {
            columns.append(.init("exposure (years)", alignment: .right))
            for (index, group) in grouped.groups.enumerated() {
                rows[index].append(Int(group.key[0]).map { .number(coverageWindow.exposure(inYear: $0), digits: 2) } ?? .missing)
            }
        }
        if let window = rollingWindow, grouped.keys == [.year],
           let means = try? RollingWindow.means(grouped.groups.map { Double($0.count) }, window: window) {
            columns.append(.init("\(window)-year mean", alignment: .right))
            for index in rows.indices { rows[index].append(means[index].map { .number($0, digits: 2) } ?? .missing) }
        }
        let filter = grouped.source.filter
        var title = "\(table.title): count by \(grouped.keys.map(\.rawValue).joined(separator: " and "))"
        if let period = filter.period { title += ", \(period)" }
        var notes = withCasualties ? ["Killed and wounded sum the events with a stated figure; the 'unknown' columns count events without one."] : []
        if columns.contains(where: { $0.title == "exposure (years)" }) {
            notes.append("Exposure is the part of each year the period and the data cover (months ÷ 12); the count models use it as an offset.")
        }
        if grouped.keys.contains(.year) && !leftOut.isEmpty {
            notes.append("Blank counts are years the data do not cover (\(leftOut.sorted().map(String.init).joined(separator: ", "))): unknown, not 0.")
        }
        notes += coverageWindow.notes(usage: "left out of the counts and the tests") + grouped.source.compositionNotes
        if let note = grouped.source.lowerBoundNote { notes.append(note) }
        return ResultTable(title: title, columns: columns, rows: rows, notes: notes)
    }

    /// One row per test per series: estimate, interval, p-value, n, method.
    public var testsTable: ResultTable {
        let leftOut = coverageWindow.yearsLeftOut.filter { year in trends.first.map { $0.years.first! < year && year < $0.years.last! } ?? false }
        let span = trends.first.map {
            $0.years.isEmpty ? "" : " (\($0.years.first!)–\($0.years.last!)\(leftOut.isEmpty ? "" : " less \(leftOut.map(String.init).joined(separator: ", "))"), years without events counted as 0)"
        } ?? ""
        return Self.testsTable(trends, level: level, unit: "events", title: "Trend tests on yearly counts\(span)", caveats: caveats)
    }

    /// The tests table for any yearly series (the corpus's or a user's own table), slopes per
    /// year of `unit`: one row-builder, so both paths print the same numbers the same way.
    static func testsTable(_ trends: [SeriesTrend], level: Double, unit: String, title: String, caveats: [String]) -> ResultTable {
        var rows: [[ResultTable.Cell]] = []
        var notes: [String] = []
        for trend in trends {
            for outcome in trend.outcomes {
                switch outcome {
                case .ols(let result):
                    rows.append([.text(trend.series), .text("OLS slope (\(unit)/year)"), .estimate(result.slope.estimate),
                                 .interval(result.slope.interval.lower, result.slope.interval.upper), .pValue(result.slope.pValue),
                                 .integer(result.n), .text("R² = \(StatisticText.number(result.rSquared, significant: 2))")])
                case let .mannKendall(test, sen):
                    rows.append([.text(trend.series), .text("Mann–Kendall S"), .text(StatisticText.minus("\(test.s)")), .missing,
                                 .pValue(test.pValue), .integer(test.n),
                                 .text("Z = \(StatisticText.number(test.z)), τ-b = \(StatisticText.number(test.tau, significant: 2)), "
                                       + "\(test.trend.rawValue) at α = \(StatisticText.alpha(test.significanceLevel))")])
                    rows.append([.text(trend.series), .text("Sen's slope (\(unit)/year)"), .estimate(sen.slope),
                                 .interval(sen.interval.lower, sen.interval.upper), .missing, .integer(sen.n), .text("")])
                case .poisson(let result):
                    let poisson = result.poisson
                    rows.append([.text(trend.series), .text("Poisson rate ratio per year"), .estimate(poisson.rateRatioPerYear.estimate),
                                 .interval(poisson.rateRatioPerYear.interval.lower, poisson.rateRatioPerYear.interval.upper), .pValue(poisson.slope.pValue),
                                 .integer(poisson.n), .text("dispersion = \(StatisticText.number(poisson.dispersion))")])
                    if let quasi = result.quasiPoisson {
                        rows.append([.text(trend.series), .text("Quasi-Poisson rate ratio per year"), .estimate(quasi.rateRatioPerYear.estimate),
                                     .interval(quasi.rateRatioPerYear.interval.lower, quasi.rateRatioPerYear.interval.upper), .pValue(quasi.slope.pValue),
                                     .integer(quasi.n), .text("scale = \(StatisticText.number(quasi.scale))")])
                    }
                    if let nb = result.negativeBinomial {
                        // Two models that disagree are both shown; the note says so and names the year.
                        rows.append([.text(trend.series), .text("Negative binomial rate ratio per year"), .estimate(nb.rateRatioPerYear.estimate),
                                     .interval(nb.rateRatioPerYear.interval.lower, nb.rateRatioPerYear.interval.upper), .pValue(nb.slope.pValue),
                                     .integer(nb.n), .text("α = \(StatisticText.number(nb.alpha.estimate))")])
                    }
                    notes.append("\(trend.series): \(result.note)")
                case let .notComputed(test, reason):
                    rows.append([.text(trend.series), .text(test.title), .missing, .missing, .missing, .integer(trend.years.count), .text("not computed: \(reason)")])
                }
            }
        }
        return ResultTable(
            title: title,
            columns: [.init("series"), .init("statistic"), .init("estimate", alignment: .right), .init("\(StatisticText.level(level)) CI", alignment: .right),
                      .init("p", alignment: .right), .init("n", alignment: .right), .init("detail")],
            rows: rows, notes: notes + caveats)
    }
}
