import Foundation
import Testing
@testable import Analysis

/// Issue 13's statistical core: labels that say what was computed, exposure offsets for
/// part-years, the NB2/quasi-Poisson agreement check, degenerate comparisons and the base of
/// a growth rate. Numbers are checked against the statsmodels/scipy fixture.
@Suite("Stated figures: labels, exposure, model choice, comparisons, growth")
struct StatedFiguresTests {
    private func counts(_ values: [Double]) -> [Int] { values.map { Int($0) } }

    private func poissonRow(_ name: String) throws -> [String: Any] {
        try #require(Reference.section("poisson").first { $0["name"] as? String == name })
    }

    @Test(arguments: [(0.95, "95%"), (0.9, "90%"), (0.99, "99%"), (0.995, "99.5%"), (0.8, "80%"), (0.1, "10%")])
    func levelLabels(level: Double, label: String) {
        #expect(StatisticText.level(level) == label)
    }

    @Test func alphaIsPrintedAsGiven() {
        #expect(StatisticText.alpha(0.05) == "0.05")
        #expect(StatisticText.alpha(0.1) == "0.1")
        #expect(StatisticText.alpha(0.005) == "0.005")
    }

    @Test func periodExposurePerYear() throws {
        let period = try Period(parsing: "2001-06..2011-03")
        #expect(period.exposure(inYear: 2000) == 0)
        #expect(period.exposure(inYear: 2001) == 7.0 / 12)
        #expect(period.exposure(inYear: 2005) == 1)
        #expect(period.exposure(inYear: 2011) == 3.0 / 12)
        #expect(period.exposure(inYear: 2012) == 0)
        #expect(try Period(parsing: "2024-03").exposure(inYear: 2024) == 1.0 / 12)
        #expect(try Period(parsing: "2001-2011").exposure(inYear: 2011) == 1)
    }

    /// The issue's example: `trend --from 2001-06 --to 2011-03 --test poisson` on the corpus
    /// attacks. statsmodels, with the part-years as exposure, gives 0.975 [0.848, 1.12] p 0.725.
    @Test func partYearsEnterThePoissonModelAsExposure() throws {
        let row = try poissonRow("corpusAttacks2001-06..2011-03")
        let series = Reference.series("corpusAttacks")
        let exposures = (row["exposures"] as! [Any]).map { double($0) }
        #expect(exposures.first == 7.0 / 12 && exposures.last == 3.0 / 12)
        let outcome = TrendAnalysis.runTests([.poisson], years: series.years, counts: counts(series.values),
                                             exposures: exposures, level: 0.95)
        guard case .poisson(let result) = try #require(outcome.first) else {
            Issue.record("expected a Poisson result, got \(outcome)")
            return
        }
        var tracker = ErrorTracker("Poisson with exposure", tolerance: 1e-6)
        tracker.check(result.poisson.rateRatioPerYear.estimate, double(row["rateRatio"]), "IRR")
        tracker.check(result.poisson.rateRatioPerYear.interval.lower, double(row["rateRatioLower"]), "IRR lower")
        tracker.check(result.poisson.rateRatioPerYear.interval.upper, double(row["rateRatioUpper"]), "IRR upper")
        tracker.check(result.poisson.slope.pValue, double(row["pValue"]), "p")
        tracker.report()
        #expect(StatisticText.number(result.poisson.rateRatioPerYear.estimate) == "0.975")
        #expect(StatisticText.interval(result.poisson.rateRatioPerYear.interval) == "[0.848, 1.12]")
        #expect(StatisticText.pValue(result.poisson.slope.pValue) == "0.725")
        // Without the exposure the part-years read as quiet full years: the issue's 0.963 [0.848, 1.09].
        let unweighted = try CountTrend.analyze(years: series.years, counts: counts(series.values))
        #expect(StatisticText.number(unweighted.poisson.rateRatioPerYear.estimate) == "0.963")
    }

    @Test func modelsThatDisagreeAreBothShownWithTheOutlyingYear() throws {
        let row = try poissonRow("oneOutlier")
        let nbRow = try #require(row["negativeBinomial"] as? [String: Any])
        let quasiRow = try #require(row["quasi"] as? [String: Any])
        // The reference itself disagrees: NB2 significant at 0.05, quasi-Poisson not.
        #expect(double(nbRow["pValue"]) < 0.05 && double(quasiRow["pValue"]) >= 0.05)
        let series = Reference.series("oneOutlier")
        let result = try CountTrend.analyze(years: series.years, counts: counts(series.values))
        #expect(result.recommended == .bothDisagree)
        #expect(result.outlyingYear == 2002)
        let nb = try #require(result.negativeBinomial)
        let quasi = try #require(result.quasiPoisson)
        var tracker = ErrorTracker("disagreeing models", tolerance: 1e-6)
        tracker.check(nb.slope.pValue, double(nbRow["pValue"]), "NB2 p")
        tracker.check(quasi.slope.pValue, double(quasiRow["pValue"]), "quasi p")
        tracker.report()
        #expect(result.note.contains("disagree at α = 0.05: negative binomial"))
        #expect(result.note.contains("negative binomial \(StatisticText.number(nb.rateRatioPerYear.estimate)) \(StatisticText.interval(nb.rateRatioPerYear.interval)), p < 0.001"))
        #expect(result.note.contains("quasi-Poisson \(StatisticText.number(quasi.rateRatioPerYear.estimate)) \(StatisticText.interval(quasi.rateRatioPerYear.interval)), p = 0.074"))
        #expect(result.note.contains("2002 (5000 events"))
        #expect(!result.note.contains("Trust the negative-binomial"))
        // At α = 0.1 quasi-Poisson's p = 0.074 is significant too: the models agree and NB2 is recommended.
        let lenient = try CountTrend.analyze(years: series.years, counts: counts(series.values), alpha: 0.1)
        #expect(lenient.recommended == .negativeBinomial)
        #expect(lenient.note.contains("agrees with it in direction and significance at α = 0.1."))
    }

    @Test func modelsThatAgreeRecommendNegativeBinomial() throws {
        let series = Reference.series("overdispersed")
        let result = try CountTrend.analyze(years: series.years, counts: counts(series.values))
        #expect(result.recommended == .negativeBinomial)
        #expect(result.outlyingYear == nil)
        let nb = try #require(result.negativeBinomial), quasi = try #require(result.quasiPoisson)
        #expect((nb.slope.estimate > 0) == (quasi.slope.estimate > 0))
        #expect((nb.slope.pValue < 0.05) == (quasi.slope.pValue < 0.05))
    }

    @Test func twoEmptyPeriodsHaveNoRatioAndNoWaldInterval() throws {
        let measure = Measure(.eventsOccurred, coverage: .complete)
        let comparison = try PeriodComparison.compare(
            PeriodFigure(label: "2030", count: 0, exposureYears: 1, measure: measure),
            PeriodFigure(label: "2031", count: 0, exposureYears: 1, measure: measure))
        #expect(comparison.rateRatio == nil)
        #expect(comparison.rateDifference == nil)
        #expect(comparison.caveats.contains { $0.hasPrefix("No events in either period: no ratio") })
        #expect(!comparison.caveats.contains { $0.contains("infinite") || $0.contains("has only 0 events") })
        // Each rate keeps its exact interval (Garwood upper limit for 0 events at 95%: 3.69).
        #expect(StatisticText.number(comparison.first.rateInterval.upper) == "3.69")
    }

    @Test func overlappingPeriodsAreDetected() throws {
        let cases: [(String, String, Bool)] = [("2024", "2024", true), ("2001-2011", "2011", true),
                                               ("2001-2011", "2012", false), ("2024-01..2024-06", "2024-07..2024-12", false),
                                               ("2024-01..2024-07", "2024-07..2024-12", true)]
        for (a, b, overlap) in cases {
            let first = try Period(parsing: a), second = try Period(parsing: b)
            #expect(first.overlaps(second) == overlap, "\(a) / \(b)")
            #expect(second.overlaps(first) == overlap, "\(b) / \(a)")
        }
        #expect(AnalysisError.overlappingPeriods(first: "2024", second: "2024").description
            == "cannot compare 2024 with 2024: they are the same period, so the same events would be counted on both sides "
            + "and the test would treat them as independent; give two periods that do not share a month")
    }

    @Test func growthStatesItsBase() throws {
        let reference = Reference.object("growth")
        let cumulative = reference["cumulative"] as! [String: Any]
        let years = ints(cumulative["years"])
        let yearly = ints(cumulative["counts"])
        let fromFirst = try GrowthRate.cumulative(years: years, counts: yearly, first: 2001, last: 2017)
        let fromStart = try GrowthRate.cumulative(years: years, counts: yearly, first: 2001, last: 2017, base: .periodStart)
        var tracker = ErrorTracker("cumulative growth", tolerance: 1e-12)
        tracker.check(fromFirst.growth.rate, double(cumulative["fromFirstRecord"]), "from the first record")
        tracker.check(fromStart.growth.rate, double(cumulative["fromPeriodStart"]), "from the period start")
        tracker.report()
        #expect(fromFirst.base == .firstRecord && fromFirst.baseYear == 1996)
        #expect(fromFirst.baseDescription == "cumulative count since the first record (1996)")
        #expect(fromStart.baseYear == 2001)
        #expect(throws: AnalysisError.self) { try GrowthRate.cumulative(years: years, counts: yearly, first: 2017, last: 2017) }
    }
}
