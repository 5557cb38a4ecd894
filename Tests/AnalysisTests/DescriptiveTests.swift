import Foundation
import Testing
@testable import Analysis
import Dataset

/// Growth rates and descriptive helpers against the numpy reference.
@Suite("Growth and descriptive helpers")
struct DescriptiveTests {
    @Test func compoundAnnualGrowthMatchesReference() throws {
        let reference = Reference.object("growth")
        let series = Reference.series(reference["series"] as! String)
        let cagr = try GrowthRate.compoundAnnual(years: series.years, values: series.values)
        var tracker = ErrorTracker("growth rates", tolerance: 1e-12)
        tracker.check(cagr.rate, double(reference["cagr"]), "CAGR")
        #expect(cagr.yearsApart == 23 && cagr.firstYear == 2001 && cagr.lastYear == 2024)
        let yoy = try GrowthRate.yearOnYear(years: series.years, values: series.values)
        let expected = reference["yearOnYear"] as! [Any]
        #expect(yoy.count == expected.count)
        for (got, want) in zip(yoy, expected) {
            tracker.check(got.growth ?? .nan, double(want), "yoy \(got.year)")
        }
        let gap = reference["withGap"] as! [String: Any]
        let gapped = try GrowthRate.yearOnYear(years: ints(gap["years"]), values: doubles(gap["values"]))
        let growth = gap["growth"] as! [Any]
        let annualized = gap["annualized"] as! [Any]
        // The first step starts from 0: growth is undefined and must be nil, not infinity.
        #expect(gapped[0].growth == nil && gapped[0].annualizedGrowth == nil && gapped[0].change == 4)
        for i in 1..<gapped.count {
            tracker.check(gapped[i].growth ?? .nan, double(growth[i]), "gap growth \(i)")
            tracker.check(gapped[i].annualizedGrowth ?? .nan, double(annualized[i]), "gap annualised \(i)")
        }
        tracker.report()
        _ = try JSONEncoder().encode(gapped)
    }

    @Test func growthErrors() {
        do {
            _ = try GrowthRate.compoundAnnual(years: [2001, 2005], values: [0, 10])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "A compound annual growth rate needs a positive starting value; 2001 has 0.0")
        }
        #expect(throws: AnalysisError.tooFewYears(statistic: "A compound annual growth rate", needed: 2, got: 1, firstYear: 2001, lastYear: 2001)) {
            try GrowthRate.compoundAnnual(years: [2001], values: [3])
        }
    }

    @Test func rollingWindowsMatchNumpyConvolution() throws {
        let reference = Reference.object("descriptives")
        let rolling = reference["rolling"] as! [String: Any]
        let values = doubles(rolling["values"])
        for window in [3, 5] {
            for alignment in [WindowAlignment.trailing, .centred] {
                let key = "\(alignment == .trailing ? "trailing" : "centred")\(window)"
                let expected = rolling[key] as! [String: Any]
                let sums = try RollingWindow.sums(values, window: window, alignment: alignment)
                let means = try RollingWindow.means(values, window: window, alignment: alignment)
                let expectedSums = expected["sums"] as! [Any]
                let expectedMeans = expected["means"] as! [Any]
                #expect(sums.count == values.count)
                for i in values.indices {
                    if expectedSums[i] is NSNull {
                        #expect(sums[i] == nil, "\(key)[\(i)] should be an incomplete window")
                    } else {
                        #expect(sums[i] == double(expectedSums[i]), "\(key) sum [\(i)]")
                        #expect(abs(means[i]! - double(expectedMeans[i])) <= 1e-15 * double(expectedMeans[i]), "\(key) mean [\(i)]")
                    }
                }
            }
        }
        // Trailing 3-year sum at 2003 covers 2001–2003.
        #expect(try RollingWindow.sums([2, 1, 3, 6], window: 3) == [nil, nil, 6, 10])
        #expect(try RollingWindow.sums([2, 1, 3, 6], window: 3, alignment: .centred) == [nil, 6, 10, nil])
        #expect(throws: AnalysisError.invalidWindow(window: 4, reason: "a centred window needs an odd length")) {
            try RollingWindow.sums([1, 2, 3, 4, 5], window: 4, alignment: .centred)
        }
        #expect(throws: AnalysisError.self) { try RollingWindow.sums([1, 2], window: 3) }
    }

    @Test func cumulativeSums() {
        let reference = Reference.object("descriptives")
        let values = doubles((reference["rolling"] as! [String: Any])["values"])
        #expect(CumulativeSum.of(values) == doubles(reference["cumulative"]))
        #expect(CumulativeSum.of([2, 1, 3]) == [2, 3, 6])
        #expect(CumulativeSum.of([Int]()) == [])
    }

    @Test func gapsBetweenEventsMatchPythonDates() throws {
        let gaps = Reference.object("descriptives")["gaps"] as! [String: Any]
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let dates = (gaps["dates"] as! [String]).map { formatter.date(from: $0)! }
        // Shuffled input: the summary sorts by date.
        let days = try EventGaps.summarize(dates.reversed(), unit: .days)
        #expect(days.gaps == ints(gaps["days"]).map(Double.init))
        #expect(days.medianGap == double(gaps["medianDays"]))
        #expect(days.longestGap == Double(int(gaps["longestDays"])))
        #expect(days.longestGapStart == formatter.date(from: "2010-03-01"))
        let months = try EventGaps.summarize(dates, unit: .months)
        #expect(abs(months.medianGap - double(gaps["medianMonths"])) <= 1e-14 * months.medianGap)
        #expect(abs(months.longestGap - double(gaps["longestMonths"])) <= 1e-14 * months.longestGap)
        #expect(throws: AnalysisError.tooFewEvents(statistic: "Gaps between events", needed: 2, got: 1)) {
            try EventGaps.summarize([dates[0]])
        }
    }

    @Test func exposureCountsPartYearsByMonth() throws {
        for row in (Reference.object("descriptives")["exposure"] as! [[String: Any]]) {
            let from = ints(row["from"])
            let through = ints(row["through"])
            let years = try Exposure.years(from: YearMonth(year: from[0], month: from[1]),
                                           through: YearMonth(year: through[0], month: through[1]))
            #expect(abs(years - double(row["years"])) < 1e-15)
        }
        #expect(try Exposure.years(from: YearMonth(year: 2024, month: 1), through: YearMonth(year: 2024, month: 9)) == 0.75)
        #expect(try Exposure.years(first: 2001, last: 2011) == 11)
        #expect(try Exposure.ratePerYear(count: 3, exposureYears: 0.75) == 4)
        do {
            _ = try Exposure.years(from: YearMonth(year: 2024, month: 5), through: YearMonth(year: 2024, month: 2))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "invalid period: 2024-02 comes before 2024-05")
        }
        #expect(throws: AnalysisError.self) {
            try Exposure.years(from: YearMonth(year: 2024, month: 13), through: YearMonth(year: 2025, month: 1))
        }
    }
}

/// `PeriodComparison`: numbers against scipy/statsmodels, and the refusals.
@Suite("Period comparison")
struct PeriodComparisonTests {
    private let occurred = Measure(.eventsOccurred, coverage: .complete)

    @Test func matchesReference() throws {
        let reference = Reference.object("periodComparison")
        let first = PeriodFigure(label: "2001–2011", count: int(reference["count1"]),
                                 exposureYears: double(reference["exposure1"]), measure: occurred)
        let second = PeriodFigure(label: "Jan–Sep 2024", count: int(reference["count2"]),
                                  exposureYears: double(reference["exposure2"]), measure: occurred)
        let comparison = try PeriodComparison.compare(first, second, coverageNote: "Incidents listed by the RATS Executive Committee.")
        var tracker = ErrorTracker("period comparison", tolerance: 1e-9)
        tracker.check(comparison.first.annualRate, double(reference["rate1"]), "rate1")
        tracker.check(comparison.first.rateInterval.lower, double(reference["rate1Lower"]), "rate1 lower")
        tracker.check(comparison.first.rateInterval.upper, double(reference["rate1Upper"]), "rate1 upper")
        tracker.check(comparison.second.annualRate, double(reference["rate2"]), "rate2")
        tracker.check(comparison.second.rateInterval.lower, double(reference["rate2Lower"]), "rate2 lower")
        tracker.check(comparison.second.rateInterval.upper, double(reference["rate2Upper"]), "rate2 upper")
        let ratio = try #require(comparison.rateRatio)
        tracker.check(ratio.rateRatio, double(reference["rateRatio"]), "RR")
        tracker.check(ratio.interval.lower, double(reference["rateRatioLower"]), "RR lower")
        tracker.check(ratio.interval.upper, double(reference["rateRatioUpper"]), "RR upper")
        tracker.check(ratio.pValue, double(reference["pValue"]), "RR p")
        let difference = try #require(comparison.rateDifference)
        tracker.check(difference.difference, double(reference["rateDifference"]), "difference")
        tracker.check(difference.interval.lower, double(reference["differenceLower"]), "difference lower")
        tracker.check(difference.interval.upper, double(reference["differenceUpper"]), "difference upper")
        tracker.report()
        #expect(comparison.caveats.contains("Coverage note from the source: Incidents listed by the RATS Executive Committee."))
        #expect(comparison.caveats.contains { $0.hasPrefix("Jan–Sep 2024 covers only 9 months") })
        #expect(comparison.caveats.contains { $0.hasPrefix("Jan–Sep 2024 has only 3 events") })
        #expect(!comparison.caveats.contains { $0.contains("not an incidence rate") })
        _ = try JSONEncoder().encode(comparison)
    }

    @Test func refusesDifferentQuantities() {
        let first = PeriodFigure(label: "2001–2011", count: 28, exposureYears: 11, measure: occurred)
        let second = PeriodFigure(label: "2024", count: 5, exposureYears: 1, measure: Measure(.eventsPrevented, coverage: .complete))
        do {
            _ = try PeriodComparison.compare(first, second)
            Issue.record("expected a refusal")
        } catch {
            #expect("\(error)" == "cannot compare 2001–2011 (events that occurred) with 2024 (events prevented): "
                + "they count different things, so a ratio of the two would mean nothing")
        }
    }

    @Test func refusesIllustrativeListAgainstCompleteCount() {
        let list = PeriodFigure(label: "2001–2011", count: 28, exposureYears: 11, measure: Measure(.eventsOccurred, coverage: .illustrative))
        let count = PeriodFigure(label: "2024", count: 5, exposureYears: 1, measure: occurred)
        for (a, b) in [(list, count), (count, list)] {
            do {
                _ = try PeriodComparison.compare(a, b)
                Issue.record("expected a refusal")
            } catch let error as AnalysisError {
                guard case .incomparableMeasures = error else { Issue.record("wrong error \(error)"); continue }
                #expect(error.description.contains("2001–2011 lists only named examples while 2024 is a complete count"))
            } catch {
                Issue.record("wrong error type")
            }
        }
    }

    @Test func allowsTwoIllustrativeListsWithStrongCaveat() throws {
        let measure = Measure(.eventsOccurred, coverage: .illustrative)
        let comparison = try PeriodComparison.compare(
            PeriodFigure(label: "2001–2011", count: 28, exposureYears: 11, measure: measure),
            PeriodFigure(label: "2012–2022", count: 12, exposureYears: 11, measure: measure))
        #expect(comparison.caveats.first?.contains("it is not an incidence rate") == true)
        #expect(comparison.rateRatio != nil)
    }

    @Test func zeroEventsInSecondPeriodOmitsRatio() throws {
        let comparison = try PeriodComparison.compare(
            PeriodFigure(label: "2001–2011", count: 28, exposureYears: 11, measure: occurred),
            PeriodFigure(label: "2024", count: 0, exposureYears: 0.75, measure: occurred))
        #expect(comparison.rateRatio == nil)
        #expect(comparison.second.rateInterval.lower == 0)
        #expect(comparison.caveats.contains { $0.contains("rate ratio is infinite and is not reported") })
        _ = try JSONEncoder().encode(comparison)
    }
}

@Suite struct CalendarConversionTests {
    @Test func dayDateRoundTripsThroughFoundationDates() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            #expect(DayDate(date).daysSinceEpoch == days)
        }
        #expect(DayDate(Date(timeIntervalSince1970: 1_700_000_000)) == DayDate(year: 2023, month: 11, day: 14))
    }
}
