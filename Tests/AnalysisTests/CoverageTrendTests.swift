import Foundation
import Testing
@testable import Analysis
import Dataset

/// A trend over a table whose coverage has a gap (1993) and ends in November of its last year,
/// run end to end through `TrendAnalysis.run`, against statsmodels on the same years and exposures.
@Suite("Coverage in trends: gap years left out, part-years by exposure")
struct CoverageTrendTests {
    func date(_ text: String) -> PartialDate { try! PartialDate(parsing: text) }

    /// Events dated mid-year, `counts[i]` of them in `years[i]`.
    func table(years: [Int], counts: [Int], coverage: CoverageDates) -> EventTable {
        var events: [Event] = []
        for (year, count) in zip(years, counts) {
            for index in 0..<count {
                events.append(Event(id: "e\(year)-\(index)", date: try! PartialDate(year: year, month: 6), countries: ["RUS"]))
            }
        }
        return EventTable(name: "attacks", title: "Attacks", coverage: .complete, coverageNote: "", measure: .eventsOccurred,
                          events: events, dataCoverage: Coverage(scope: .complete, dates: coverage))
    }

    @Test func theGapYearIsLeftOutAndTheLastYearWeighedByItsMonths() throws {
        let row = try #require(Reference.section("poisson").first { $0["name"] as? String == "gapYear1993WithPartialLastYear" })
        let series = Reference.series("gapYear1993")
        #expect(series.years == [1990, 1991, 1992, 1994, 1995, 1996])
        let events = table(years: series.years, counts: series.values.map { Int($0) },
                           coverage: CoverageDates(from: date("1970-01-01"), to: date("1996-11-20"),
                                                   gaps: [DateSpan(first: date("1993"), last: date("1993"))]))
        let filtered = EventFilter(period: try Period(years: 1990, 1996)).apply(to: events)
        let analysis = TrendAnalysis.run(filtered, by: [.year], tests: [.poisson])
        let trend = try #require(analysis.trends.first)
        #expect(trend.years == series.years, "1993 is not a zero: it is not in the series")
        #expect(trend.exposures == (row["exposures"] as! [Any]).map { double($0) })
        guard case .poisson(let result) = try #require(trend.outcomes.first) else {
            Issue.record("expected a Poisson result, got \(trend.outcomes)")
            return
        }
        var tracker = ErrorTracker("Poisson over a gap with a part-year", tolerance: 1e-6)
        tracker.check(result.poisson.rateRatioPerYear.estimate, double(row["rateRatio"]), "IRR")
        tracker.check(result.poisson.rateRatioPerYear.interval.lower, double(row["rateRatioLower"]), "IRR lower")
        tracker.check(result.poisson.rateRatioPerYear.interval.upper, double(row["rateRatioUpper"]), "IRR upper")
        tracker.check(result.poisson.slope.pValue, double(row["pValue"]), "p")
        tracker.report()
        // The counts table leaves 1993 blank and says why.
        let counts = analysis.countsTable
        let row1993 = try #require(counts.rows.first { $0.first == .text("1993") })
        #expect(row1993[1] == .missing)
        #expect(counts.notes.contains { $0.hasPrefix("1993 (a gap in the data)") })
        #expect(analysis.caveats.contains { $0.hasPrefix("1993 (a gap in the data)") })
    }

    @Test func assumingZerosKeepsEveryYearAndSaysSo() throws {
        let events = table(years: [1990, 1991, 1992], counts: [3, 4, 5],
                           coverage: CoverageDates(from: date("1990"), to: date("1992")))
        let filtered = EventFilter(period: try Period(years: 1990, 1994)).apply(to: events)
        #expect(TrendAnalysis.coverageRefusal(filtered) == nil, "partly covered: run, with 1993–1994 left out")
        let refused = EventFilter(period: try Period(years: 1993, 1994)).apply(to: events)
        #expect(TrendAnalysis.coverageRefusal(refused) != nil)
        #expect(TrendAnalysis.coverageRefusal(refused, assumeZeroOutsideCoverage: true) == nil)
        let assumed = TrendAnalysis.run(filtered, by: [.year], tests: [.ols], assumeZeroOutsideCoverage: true)
        #expect(assumed.trends.first?.years == [1990, 1991, 1992, 1993, 1994])
        #expect(assumed.caveats.contains { $0.hasPrefix("--assume-zero-outside-coverage: 1993–1994 (after the data end)") })
        let left = TrendAnalysis.run(filtered, by: [.year], tests: [.ols])
        #expect(left.trends.first?.years == [1990, 1991, 1992])
    }
}
