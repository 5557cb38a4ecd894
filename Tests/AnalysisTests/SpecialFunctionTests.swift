import Foundation
import Testing
@testable import Analysis

/// Special functions against `scipy.special` / `scipy.stats` at relative error ≤ 1e-9.
/// Absolute error is used only where the reference is exactly or nearly zero
/// (log Γ near 1 and 2, t and normal quantiles at p = ½), as noted per test.
@Suite("Special functions vs scipy")
struct SpecialFunctionTests {
    @Test func logGamma() {
        let rows = Reference.table("logGamma")
        #expect(rows.count > 20)
        // log Γ vanishes at 1 and 2: below |1e-3| compare absolutely.
        var tracker = ErrorTracker("gammaln", tolerance: 1e-13, absoluteBelow: 1e-3)
        for row in rows {
            tracker.check(SpecialFunctions.logGamma(row[0]), row[1], "x=\(row[0])")
        }
        tracker.report()
    }

    @Test func incompleteGamma() {
        var p = ErrorTracker("gammainc", tolerance: 1e-9)
        for row in Reference.table("gammaP") {
            p.check(SpecialFunctions.regularizedGammaP(row[0], row[1]), row[2], "a=\(row[0]) x=\(row[1])")
        }
        var q = ErrorTracker("gammaincc", tolerance: 1e-9)
        for row in Reference.table("gammaQ") {
            q.check(SpecialFunctions.regularizedGammaQ(row[0], row[1]), row[2], "a=\(row[0]) x=\(row[1])")
        }
        #expect(p.count > 50 && q.count > 50)
        p.report()
        q.report()
    }

    @Test func inverseIncompleteGamma() {
        var p = ErrorTracker("gammaincinv", tolerance: 1e-9)
        for row in Reference.table("gammaPInverse") {
            p.check(SpecialFunctions.inverseRegularizedGammaP(row[0], row[1]), row[2], "a=\(row[0]) p=\(row[1])")
        }
        var q = ErrorTracker("gammainccinv", tolerance: 1e-9)
        for row in Reference.table("gammaQInverse") {
            q.check(SpecialFunctions.inverseRegularizedGammaQ(row[0], row[1]), row[2], "a=\(row[0]) q=\(row[1])")
        }
        var chi = ErrorTracker("chi2.ppf", tolerance: 1e-9)
        for row in Reference.table("chiSquareQuantile") {
            chi.check(ChiSquareDistribution(degreesOfFreedom: row[0]).quantile(row[1]), row[2], "df=\(row[0]) p=\(row[1])")
        }
        #expect(p.count > 50 && q.count > 50 && chi.count > 40)
        p.report()
        q.report()
        chi.report()
    }

    @Test func incompleteBeta() {
        var tracker = ErrorTracker("betainc", tolerance: 1e-9)
        for row in Reference.table("betaI") {
            tracker.check(SpecialFunctions.regularizedBeta(row[0], row[1], row[2]), row[3],
                          "a=\(row[0]) b=\(row[1]) x=\(row[2])")
        }
        #expect(tracker.count > 300)
        tracker.report()
    }

    @Test func inverseIncompleteBeta() {
        var tracker = ErrorTracker("betaincinv", tolerance: 1e-9)
        for row in Reference.table("betaIInverse") {
            tracker.check(SpecialFunctions.inverseRegularizedBeta(row[0], row[1], row[2]), row[3],
                          "a=\(row[0]) b=\(row[1]) p=\(row[2])")
        }
        #expect(tracker.count > 300)
        tracker.report()
    }

    @Test func normal() {
        var cdf = ErrorTracker("norm.cdf", tolerance: 1e-9)
        for row in Reference.table("normalCDF") {
            cdf.check(NormalDistribution.cdf(row[0]), row[1], "z=\(row[0])")
        }
        var sf = ErrorTracker("norm.sf", tolerance: 1e-9)
        for row in Reference.table("normalSurvival") {
            sf.check(NormalDistribution.survival(row[0]), row[1], "z=\(row[0])")
        }
        // ndtri(0.5) = 0 exactly: absolute error below 1e-12.
        var quantile = ErrorTracker("norm.ppf", tolerance: 1e-9, absoluteBelow: 1e-12)
        for row in Reference.table("normalQuantile") {
            quantile.check(NormalDistribution.quantile(row[0]), row[1], "p=\(row[0])")
        }
        cdf.report()
        sf.report()
        quantile.report()
    }

    @Test func studentT() {
        var cdf = ErrorTracker("t.cdf", tolerance: 1e-9)
        for row in Reference.table("studentTCDF") {
            cdf.check(StudentTDistribution(degreesOfFreedom: row[0]).cdf(row[1]), row[2], "df=\(row[0]) t=\(row[1])")
        }
        // t.ppf(0.5) = 0 exactly: absolute error below 1e-12.
        var quantile = ErrorTracker("t.ppf", tolerance: 1e-9, absoluteBelow: 1e-12)
        for row in Reference.table("studentTQuantile") {
            quantile.check(StudentTDistribution(degreesOfFreedom: row[0]).quantile(row[1]), row[2], "df=\(row[0]) p=\(row[1])")
        }
        #expect(cdf.count > 100 && quantile.count > 100)
        cdf.report()
        quantile.report()
    }

    @Test func log1pMinusXMatchesDirectFormulaAwayFromZero() {
        for t in [-0.9, -0.5, -0.1, 0.3, 1.0, 5.0] {
            let direct = log1p(t) - t
            #expect(abs(SpecialFunctions.log1pMinusX(t) - direct) <= 1e-15 * max(1, abs(direct)))
        }
        // Near zero the series must reproduce −t²/2 + t³/3 − t⁴/4 where the subtraction cancels.
        let t = 1e-6
        #expect(abs(SpecialFunctions.log1pMinusX(t) - (-t * t / 2 + t * t * t / 3 - t * t * t * t / 4)) < 1e-15 * t * t / 2)
    }
}
