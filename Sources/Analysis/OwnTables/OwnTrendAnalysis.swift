import Dataset
import Foundation

/// Trend tests on a user's own yearly counts: the corpus's tests (`TrendAnalysis.runTests`) on
/// the known years of each series, with the table's own labels in every output.
public struct OwnTrendAnalysis: Sendable {
    /// The counts the tests ran on, with their labels and notes.
    public var data: YearlyCountData
    /// "all" first, then one per `--by` value; empty when no test was asked for.
    public var trends: [SeriesTrend]
    /// Confidence level of every interval.
    public var level: Double
    /// The α at which Mann–Kendall calls a trend.
    public var alpha: Double

    /// Runs `tests` on every series' known years. Unknown years are left out (never 0), so the
    /// tests see exactly the years the table gives a count for.
    public static func run(_ data: YearlyCountData, tests: [TrendTest], level: Double = 0.95, alpha: Double = 0.05) -> OwnTrendAnalysis {
        var trends: [SeriesTrend] = []
        if !tests.isEmpty {
            for series in data.series {
                let known = data.known(series)
                trends.append(SeriesTrend(series: series.name, years: known.years, counts: known.counts, exposures: known.exposures,
                                          outcomes: TrendAnalysis.runTests(tests, years: known.years, counts: known.counts,
                                                                           exposures: known.exposures, level: level, alpha: alpha)))
            }
        }
        return OwnTrendAnalysis(data: data, trends: trends, level: level, alpha: alpha)
    }

    /// Counts per year (and series), a missing year shown as "–"; optionally the trailing mean
    /// over `rollingWindow` years, blank until a full window of known years has passed.
    public func countsTable(rollingWindow: Int? = nil) -> ResultTable {
        let labels = data.labels
        var columns = [ResultTable.Column(labels.time, alignment: .right)]
        if let series = labels.series { columns.append(.init(series)) }
        columns.append(.init(labels.count, alignment: .right))
        if let window = rollingWindow { columns.append(.init("\(window)-year mean", alignment: .right)) }
        let shown = data.isSplit ? Array(data.series.dropFirst()) : data.series
        let years = data.years
        var means: [String: [Double?]] = [:]
        if let window = rollingWindow {
            for series in shown {
                // NaN marks an unknown year: any window that holds one has no mean.
                let values = years.map { series.counts[$0].map(Double.init) ?? .nan }
                means[series.name] = ((try? RollingWindow.means(values, window: window)) ?? values.map { _ in nil })
                    .map { $0.flatMap { $0.isNaN ? nil : $0 } }
            }
        }
        var rows: [[ResultTable.Cell]] = []
        for (index, year) in years.enumerated() {
            for series in shown {
                var cells: [ResultTable.Cell] = [.text(String(year))]
                if data.isSplit { cells.append(.text(series.name)) }
                cells.append(series.counts[year].map { .integer($0) } ?? .missing)
                if rollingWindow != nil { cells.append(means[series.name]![index].map { .number($0, digits: 2) } ?? .missing) }
                rows.append(cells)
            }
        }
        var title = "\(labels.table): \(labels.count) by \(labels.time)\(labels.series.map { " and \($0)" } ?? "")"
        if let period = data.period { title += ", \(period)" }
        // With tests, the notes go under the tests table, so text output prints them once.
        return ResultTable(title: title, columns: columns, rows: rows,
                           notes: trends.isEmpty ? data.notes + (data.exposures.isEmpty ? [] : [exposureNote]) : [])
    }

    var exposureNote: String {
        let parts = data.exposures.sorted { $0.key < $1.key }.map { "\($0.key) (\(Int(($0.value * 12).rounded())) months)" }
        return "\(parts.joined(separator: " and ")) \(parts.count == 1 ? "is a part-year" : "are part-years"): the count models weigh "
            + "\(parts.count == 1 ? "it" : "them") by exposure (months ÷ 12), but OLS and Mann–Kendall read the raw counts as full years."
    }

    /// One row per test per series, as the corpus's trend table, with slopes in the table's unit per year.
    public var testsTable: ResultTable {
        let years = data.years
        let zeros: String
        switch data.origin {
        case .eventRows: zeros = "years without events counted as 0"
        case .countsTable(complete: true): zeros = "years without a row counted as 0"
        case .countsTable(complete: false): zeros = "years without a known count left out"
        }
        let span = years.isEmpty ? "" : " (\(years.first!)–\(years.last!), \(zeros))"
        return TrendAnalysis.testsTable(trends, level: level, unit: data.labels.unit,
                                        title: "Trend tests on yearly counts of \(data.labels.count)\(span)",
                                        caveats: data.notes + (data.exposures.isEmpty ? [] : [exposureNote]))
    }
}
