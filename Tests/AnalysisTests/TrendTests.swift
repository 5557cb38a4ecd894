import Foundation
import Testing
@testable import Analysis

/// OLS, Mann–Kendall, Sen's slope and Kendall's tau against statsmodels, scipy and
/// pymannkendall: closed forms at relative error ≤ 1e-9.
@Suite("Trend statistics vs scipy/statsmodels")
struct TrendTests {
    @Test func olsMatchesStatsmodels() throws {
        var estimates = ErrorTracker("OLS slope/intercept/SE/CI/R²", tolerance: 1e-9, absoluteBelow: 1e-12)
        var pValues = ErrorTracker("OLS p-value", tolerance: 1e-9)
        let rows = Reference.section("ols")
        #expect(rows.count >= 10)
        for row in rows {
            let name = row["series"] as! String
            let series = Reference.series(name)
            let fit = try OLSTrend.fit(years: series.years, values: series.values)
            estimates.check(fit.slope.estimate, double(row["slope"]), "\(name) slope")
            estimates.check(fit.intercept.estimate, double(row["intercept"]), "\(name) intercept")
            estimates.check(fit.slope.interval.lower, double(row["slopeLower"]), "\(name) slope lower")
            estimates.check(fit.slope.interval.upper, double(row["slopeUpper"]), "\(name) slope upper")
            estimates.check(fit.intercept.interval.lower, double(row["interceptLower"]), "\(name) intercept lower")
            estimates.check(fit.intercept.interval.upper, double(row["interceptUpper"]), "\(name) intercept upper")
            estimates.check(fit.rSquared, double(row["rSquared"]), "\(name) R²")
            #expect(fit.n == int(row["n"]))
            #expect(fit.residualDegreesOfFreedom == int(row["residualDF"]))
            if row["exactFit"] as? Bool == true {
                // statsmodels divides by a zero SE here; the engine reports SE 0, no t, p = 0.
                #expect(fit.isExactFit)
                #expect(fit.slope.standardError == 0)
                #expect(fit.slope.statistic == nil)
                #expect(fit.slope.pValue == 0)
            } else {
                estimates.check(fit.slope.standardError, double(row["slopeSE"]), "\(name) slope SE")
                estimates.check(fit.intercept.standardError, double(row["interceptSE"]), "\(name) intercept SE")
                estimates.check(fit.slope.statistic ?? .nan, double(row["slopeT"]), "\(name) t")
                pValues.check(fit.slope.pValue, double(row["slopePValue"]), "\(name) p")
                // scipy.stats.linregress agrees with statsmodels to ~1e-13; check it too.
                pValues.check(fit.slope.pValue, double(row["linregressPValue"]), "\(name) linregress p")
            }
        }
        estimates.report()
        pValues.report()
    }

    @Test func olsOnConstantSeriesReportsNoTrend() throws {
        let series = Reference.series("allEqual")
        let fit = try OLSTrend.fit(years: series.years, values: series.values)
        #expect(fit.slope.estimate == 0)
        #expect(fit.slope.standardError == 0)
        #expect(fit.slope.pValue == 1)
        #expect(fit.rSquared == 0)
        #expect(fit.intercept.estimate == 4)
        // Codable output must never meet NaN or infinity.
        _ = try JSONEncoder().encode(fit)
    }

    @Test func mannKendallMatchesPymannkendallAndScipy() throws {
        var tracker = ErrorTracker("Mann–Kendall var(S)/Z/p/tau", tolerance: 1e-9, absoluteBelow: 1e-300)
        var crossCheck = ErrorTracker("Mann–Kendall p vs pymannkendall", tolerance: 1e-9)
        let rows = Reference.section("mannKendall")
        #expect(rows.count >= 12)
        for row in rows {
            let name = row["series"] as! String
            let series = Reference.series(name)
            let result = try MannKendall.test(years: series.years, values: series.values)
            #expect(result.s == int(row["s"]), "\(name) S")
            tracker.check(result.varianceS, double(row["varianceS"]), "\(name) var S")
            tracker.check(result.z, double(row["z"]), "\(name) z")
            tracker.check(result.pValue, double(row["pValue"]), "\(name) p")
            tracker.check(result.tauA, double(row["tauA"]), "\(name) tau-a")
            // The τ printed is τ-b, scipy's kendalltau (undefined, NaN in scipy, for a constant series).
            if row["kendallTauB"] != nil {
                tracker.check(result.tau, double(row["kendallTauB"]), "\(name) tau-b")
            } else {
                #expect(result.tau == 0, "\(name): a constant series has τ-b 0")
            }
            // pymannkendall's verdict at each stated α, independent of any interval level.
            for (alpha, verdict) in row["trendAtAlpha"] as! [String: String] {
                let judged = try MannKendall.test(years: series.years, values: series.values, significanceLevel: Double(alpha)!)
                #expect(judged.trend.rawValue == verdict, "\(name) verdict at α = \(alpha)")
                #expect(judged.significanceLevel == Double(alpha)!)
            }
            let pmk = row["pymannkendall"] as! [String: Any]
            #expect(Double(result.s) == double(pmk["s"]))
            tracker.check(result.varianceS, double(pmk["varianceS"]), "\(name) pymannkendall var S")
            tracker.check(result.z, double(pmk["z"]), "\(name) pymannkendall z")
            // pymannkendall forms p as 2·(1 − Φ(|z|)), which loses digits below 1e-10: compare
            // relatively above that and absolutely (to 1e-15) below.
            let pmkP = double(pmk["pValue"])
            if pmkP > 1e-10 {
                crossCheck.check(result.pValue, pmkP, "\(name) pymannkendall p")
            } else {
                #expect(abs(result.pValue - pmkP) < 1e-15)
            }
        }
        tracker.report()
        crossCheck.report()
    }

    @Test func sensSlopeMatchesTheilslopes() throws {
        var tracker = ErrorTracker("Sen slope/intercept/CI", tolerance: 1e-9, absoluteBelow: 1e-12)
        for row in Reference.section("mannKendall") {
            let name = row["series"] as! String
            let series = Reference.series(name)
            let result = try SensSlope.estimate(years: series.years, values: series.values)
            tracker.check(result.slope, double(row["senSlope"]), "\(name) slope")
            tracker.check(result.intercept, double(row["senIntercept"]), "\(name) intercept")
            tracker.check(result.interval.lower, double(row["senLower"]), "\(name) lower 95")
            tracker.check(result.interval.upper, double(row["senUpper"]), "\(name) upper 95")
            let ninety = try SensSlope.estimate(years: series.years, values: series.values, level: 0.90)
            tracker.check(ninety.interval.lower, double(row["senLower90"]), "\(name) lower 90")
            tracker.check(ninety.interval.upper, double(row["senUpper90"]), "\(name) upper 90")
            #expect(result.numberOfSlopes == result.n * (result.n - 1) / 2)
        }
        tracker.report()
    }

    @Test func kendallTauBMatchesScipy() throws {
        var tracker = ErrorTracker("Kendall tau-b / p", tolerance: 1e-9)
        var checked = 0
        for row in Reference.section("mannKendall") where row["kendallTauB"] != nil {
            let name = row["series"] as! String
            let series = Reference.series(name)
            let result = try KendallTau.tauB(x: series.years.map(Double.init), y: series.values)
            tracker.check(result.tau, double(row["kendallTauB"]), "\(name) tau-b")
            tracker.check(result.pValue, double(row["kendallTauBPValue"]), "\(name) p")
            #expect(result.pValueMethod.rawValue == row["kendallMethod"] as? String, "\(name) method")
            checked += 1
        }
        #expect(checked >= 10)
        tracker.report()
    }

    @Test func sensSlopeOnLongSeriesUsesSelectionCorrectly() throws {
        // Quickselect must agree with a full sort on a series with many ties.
        let years = Array(1900..<2100)
        let values = years.map { Double(($0 * 7919) % 13) }
        let result = try SensSlope.estimate(years: years, values: values)
        var slopes: [Double] = []
        for i in 0..<(years.count - 1) {
            for j in (i + 1)..<years.count {
                slopes.append((values[j] - values[i]) / Double(years[j] - years[i]))
            }
        }
        slopes.sort()
        let mid = slopes.count / 2
        #expect(result.slope == (slopes.count % 2 == 0 ? 0.5 * (slopes[mid - 1] + slopes[mid]) : slopes[mid]))
        #expect(slopes.contains(result.interval.lower) && slopes.contains(result.interval.upper))
        #expect(result.interval.lower <= result.slope && result.slope <= result.interval.upper)
    }

    @Test func tooLittleDataIsAPlainError() {
        #expect(throws: AnalysisError.self) { try MannKendall.test(years: [2023, 2024], values: [1, 2]) }
        do {
            _ = try MannKendall.test(years: [2024, 2023], values: [1, 2])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "Mann–Kendall needs at least 3 years; got 2 (2023–2024)")
        }
        do {
            _ = try SensSlope.estimate(years: [2020], values: [3])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "Sen's slope needs at least 3 years; got 1 (2020)")
        }
        do {
            _ = try OLSTrend.fit(years: [2020, 2020, 2020], values: [1, 2, 3])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "A linear trend needs at least two different years to estimate a slope; every value is for 2020")
        }
        do {
            _ = try MannKendall.test(years: [2020, 2021, 2021], values: [1, 2, 3])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "Mann–Kendall needs one value per year; 2021 appears more than once")
        }
        #expect(throws: AnalysisError.lengthMismatch(statistic: "A linear trend", years: 3, values: 2)) {
            try OLSTrend.fit(years: [2020, 2021, 2022], values: [1, 2])
        }
        #expect(throws: AnalysisError.nonFiniteValue(statistic: "Mann–Kendall", year: 2021)) {
            try MannKendall.test(years: [2020, 2021, 2022], values: [1, .nan, 3])
        }
    }

    @Test func allEqualSeriesHasNoTrend() throws {
        let series = Reference.series("allEqual")
        let mk = try MannKendall.test(years: series.years, values: series.values)
        #expect(mk.s == 0 && mk.varianceS == 0 && mk.z == 0 && mk.pValue == 1 && mk.trend == .noTrend)
        #expect(mk.tieGroups == [10])
        let sen = try SensSlope.estimate(years: series.years, values: series.values)
        #expect(sen.slope == 0 && sen.interval.lower == 0 && sen.interval.upper == 0)
        #expect(throws: AnalysisError.self) { try KendallTau.tauB(x: series.years.map(Double.init), y: series.values) }
    }

    @Test func inputOrderDoesNotMatter() throws {
        let series = Reference.series("ties")
        let reversedYears = Array(series.years.reversed())
        let reversedValues = Array(series.values.reversed())
        #expect(try MannKendall.test(years: reversedYears, values: reversedValues)
                == MannKendall.test(years: series.years, values: series.values))
        #expect(try SensSlope.estimate(years: reversedYears, values: reversedValues)
                == SensSlope.estimate(years: series.years, values: series.values))
    }
}
