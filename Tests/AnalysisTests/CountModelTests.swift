import Foundation
import Testing
@testable import Analysis

/// Poisson, quasi-Poisson and NB2 fits against statsmodels (iterative: relative error ≤ 1e-6,
/// though the achieved errors are far smaller), exact Poisson intervals and rate ratios
/// against scipy (closed forms: ≤ 1e-9).
@Suite("Count models vs statsmodels/scipy")
struct CountModelTests {
    private func counts(_ values: [Double]) -> [Int] { values.map { Int($0) } }

    @Test func poissonMatchesStatsmodelsGLM() throws {
        // Iterative fit: 1e-6 allowed. Near-zero slopes (the constant series) compare absolutely.
        var tracker = ErrorTracker("Poisson IRLS", tolerance: 1e-6, absoluteBelow: 1e-9)
        var quasiTracker = ErrorTracker("quasi-Poisson", tolerance: 1e-6, absoluteBelow: 1e-9)
        let rows = Reference.section("poisson")
        #expect(rows.count >= 10)
        for row in rows {
            let name = row["name"] as! String
            let series = Reference.series(row["series"] as! String)
            let exposures = (row["exposures"] as? [Any]).map { $0.map { double($0) } }
            let fit = try PoissonRegression.fit(years: series.years, counts: counts(series.values), exposures: exposures)
            tracker.check(fit.slope.estimate, double(row["slope"]), "\(name) slope")
            tracker.check(fit.slope.standardError, double(row["slopeSE"]), "\(name) slope SE")
            tracker.check(fit.intercept.estimate, double(row["intercept"]), "\(name) intercept")
            tracker.check(fit.intercept.standardError, double(row["interceptSE"]), "\(name) intercept SE")
            tracker.check(fit.slope.statistic ?? .nan, double(row["z"]), "\(name) z")
            tracker.check(fit.slope.pValue, double(row["pValue"]), "\(name) p")
            tracker.check(fit.rateRatioPerYear.estimate, double(row["rateRatio"]), "\(name) IRR")
            tracker.check(fit.rateRatioPerYear.interval.lower, double(row["rateRatioLower"]), "\(name) IRR lower")
            tracker.check(fit.rateRatioPerYear.interval.upper, double(row["rateRatioUpper"]), "\(name) IRR upper")
            tracker.check(fit.deviance, double(row["deviance"]), "\(name) deviance")
            tracker.check(fit.pearsonChiSquare, double(row["pearsonChi2"]), "\(name) Pearson chi2")
            tracker.check(fit.dispersion, double(row["dispersion"]), "\(name) dispersion")
            tracker.check(fit.overdispersionPValue, double(row["overdispersionPValue"]), "\(name) overdispersion p")
            tracker.check(fit.aic, double(row["aic"]), "\(name) AIC")
            tracker.check(fit.logLikelihood, double(row["logLikelihood"]), "\(name) llf")
            tracker.check(fit.centreYear, double(row["centreYear"]), "\(name) centre")
            #expect(fit.residualDegreesOfFreedom == int(row["residualDF"]))
            #expect(fit.converged && fit.iterations > 1)
            if let quasiRow = row["quasi"] as? [String: Any] {
                let quasi = CountTrend.quasiPoisson(fit)
                quasiTracker.check(quasi.slope.standardError, double(quasiRow["slopeSE"]), "\(name) slope SE")
                quasiTracker.check(quasi.intercept.standardError, double(quasiRow["interceptSE"]), "\(name) intercept SE")
                quasiTracker.check(quasi.slope.statistic ?? .nan, double(quasiRow["z"]), "\(name) z")
                quasiTracker.check(quasi.slope.pValue, double(quasiRow["pValue"]), "\(name) p")
                quasiTracker.check(quasi.rateRatioPerYear.interval.lower, double(quasiRow["rateRatioLower"]), "\(name) IRR lower")
                quasiTracker.check(quasi.rateRatioPerYear.interval.upper, double(quasiRow["rateRatioUpper"]), "\(name) IRR upper")
                quasiTracker.check(quasi.scale, double(quasiRow["scale"]), "\(name) scale")
            }
        }
        tracker.report()
        quasiTracker.report()
    }

    @Test func negativeBinomialMatchesStatsmodels() throws {
        var tracker = ErrorTracker("NB2 MLE", tolerance: 1e-6)
        var fitted = 0
        for row in Reference.section("poisson") {
            guard let nbRow = row["negativeBinomial"] as? [String: Any] else { continue }
            let name = row["name"] as! String
            let series = Reference.series(row["series"] as! String)
            let exposures = (row["exposures"] as? [Any]).map { $0.map { double($0) } }
            let nb = try NegativeBinomialRegression.fit(years: series.years, counts: counts(series.values), exposures: exposures)
            tracker.check(nb.alpha.estimate, double(nbRow["alpha"]), "\(name) alpha")
            tracker.check(nb.alpha.standardError, double(nbRow["alphaSE"]), "\(name) alpha SE")
            tracker.check(nb.slope.estimate, double(nbRow["slope"]), "\(name) slope")
            tracker.check(nb.slope.standardError, double(nbRow["slopeSE"]), "\(name) slope SE")
            tracker.check(nb.intercept.estimate, double(nbRow["intercept"]), "\(name) intercept")
            tracker.check(nb.intercept.standardError, double(nbRow["interceptSE"]), "\(name) intercept SE")
            tracker.check(nb.slope.statistic ?? .nan, double(nbRow["z"]), "\(name) z")
            tracker.check(nb.slope.pValue, double(nbRow["pValue"]), "\(name) p")
            tracker.check(nb.rateRatioPerYear.interval.lower, double(nbRow["rateRatioLower"]), "\(name) IRR lower")
            tracker.check(nb.rateRatioPerYear.interval.upper, double(nbRow["rateRatioUpper"]), "\(name) IRR upper")
            tracker.check(nb.logLikelihood, double(nbRow["logLikelihood"]), "\(name) llf")
            tracker.check(nb.aic, double(nbRow["aic"]), "\(name) AIC")
            tracker.check(nb.likelihoodRatioVersusPoisson, double(nbRow["likelihoodRatio"]), "\(name) LR")
            tracker.check(nb.likelihoodRatioPValue, double(nbRow["likelihoodRatioPValue"]), "\(name) LR p")
            fitted += 1
        }
        #expect(fitted >= 2)
        tracker.report()
    }

    @Test func overdispersedSeriesRecommendsNegativeBinomial() throws {
        let series = Reference.series("overdispersed")
        let result = try CountTrend.analyze(years: series.years, counts: counts(series.values))
        #expect(result.overdispersion.isOverdispersed)
        #expect(result.recommended == .negativeBinomial)
        #expect(result.quasiPoisson != nil && result.negativeBinomial != nil)
        #expect(result.note.contains("Trust the negative-binomial result"))
        // Quasi-Poisson widens the Poisson interval by exactly √dispersion.
        let quasi = try #require(result.quasiPoisson)
        let ratio = quasi.slope.standardError / result.poisson.slope.standardError
        #expect(abs(ratio - result.poisson.dispersion.squareRoot()) < 1e-12)
        _ = try JSONEncoder().encode(result)
    }

    @Test func equidispersedSeriesKeepsPoisson() throws {
        let series = Reference.series("attacks2001to2011")
        let result = try CountTrend.analyze(years: series.years, counts: counts(series.values))
        #expect(!result.overdispersion.isOverdispersed)
        #expect(result.recommended == .poisson)
        #expect(result.quasiPoisson == nil && result.negativeBinomial == nil)
        #expect(result.note.hasPrefix("The Poisson model fits"))
        // withZeros has dispersion 1.56 but p = 0.11: the χ² test keeps Poisson.
        let zeros = Reference.series("withZeros")
        let zeroResult = try CountTrend.analyze(years: zeros.years, counts: counts(zeros.values))
        #expect(zeroResult.poisson.dispersion > 1.5)
        #expect(zeroResult.recommended == .poisson)
    }

    @Test func countModelErrors() {
        do {
            _ = try PoissonRegression.fit(years: [2001, 2002, 2003, 2004], counts: [0, 0, 0, 0])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "Poisson regression needs at least one non-zero count; all 4 years 2001–2004 are zero")
        }
        do {
            _ = try PoissonRegression.fit(years: [2001, 2002, 2003], counts: [0, 0, 5])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("has no finite estimate: all events fall in 2003, the last year"))
        }
        #expect(throws: AnalysisError.tooFewYears(statistic: "Poisson regression", needed: 3, got: 1, firstYear: 2024, lastYear: 2024)) {
            try PoissonRegression.fit(years: [2024], counts: [3])
        }
        #expect(throws: AnalysisError.negativeCount(statistic: "Poisson regression", year: 2002, count: -1)) {
            try PoissonRegression.fit(years: [2001, 2002, 2003], counts: [1, -1, 2])
        }
        // Under-dispersed counts: the NB likelihood peaks at α = 0.
        do {
            _ = try NegativeBinomialRegression.fit(years: Array(2001...2010), counts: [5, 5, 6, 5, 5, 6, 5, 5, 6, 5])
            Issue.record("expected an error")
        } catch let error as AnalysisError {
            guard case .boundaryEstimate = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.contains("use the Poisson model"))
        } catch {
            Issue.record("wrong error type")
        }
    }

    @Test func exactPoissonIntervalsMatchChiSquareQuantiles() throws {
        var tracker = ErrorTracker("Garwood interval", tolerance: 1e-9)
        let rows = Reference.section("exactPoisson")
        #expect(rows.count == 24)
        for row in rows {
            let k = int(row["count"])
            let level = double(row["level"])
            let result = try ExactPoisson.interval(count: k, level: level)
            if k == 0 { #expect(result.interval.lower == 0) }
            tracker.check(result.interval.lower, double(row["lower"]), "k=\(k) level=\(level) lower")
            tracker.check(result.interval.upper, double(row["upper"]), "k=\(k) level=\(level) upper")
            let rate = try ExactPoisson.rate(count: k, exposure: double(row["exposure"]), level: level)
            tracker.check(rate.interval.lower, double(row["rateLower"]), "k=\(k) rate lower")
            tracker.check(rate.interval.upper, double(row["rateUpper"]), "k=\(k) rate upper")
            #expect(rate.rate == Double(k) / 0.75)
        }
        tracker.report()
        #expect(throws: AnalysisError.invalidExposure(statistic: "A Poisson rate", exposure: 0)) {
            try ExactPoisson.rate(count: 3, exposure: 0)
        }
        #expect(throws: AnalysisError.invalidLevel(1.5)) { try ExactPoisson.interval(count: 3, level: 1.5) }
    }

    @Test func rateRatioMatchesBinomtest() throws {
        var tracker = ErrorTracker("rate ratio exact interval", tolerance: 1e-9, absoluteBelow: 1e-300)
        var pTracker = ErrorTracker("rate ratio exact-cond p", tolerance: 1e-9)
        var brentq = ErrorTracker("rate ratio vs binomtest.proportion_ci (brentq 2e-12)", tolerance: 1e-11, absoluteBelow: 1)
        var difference = ErrorTracker("rate difference Wald", tolerance: 1e-9, absoluteBelow: 1e-12)
        let rows = Reference.section("rateRatio")
        #expect(rows.count >= 6)
        for row in rows {
            let (c1, e1, c2, e2) = (int(row["count1"]), double(row["exposure1"]), int(row["count2"]), double(row["exposure2"]))
            let label = "\(c1)/\(e1) vs \(c2)/\(e2)"
            let result = try RateRatio.exactConditional(count1: c1, exposure1: e1, count2: c2, exposure2: e2)
            tracker.check(result.rateRatio, double(row["rateRatio"]), "\(label) RR")
            tracker.check(result.interval.lower, double(row["lower"]), "\(label) lower")
            tracker.check(result.interval.upper, double(row["upper"]), "\(label) upper")
            tracker.check(result.proportionInterval.lower, double(row["proportionLower"]), "\(label) p lower")
            tracker.check(result.proportionInterval.upper, double(row["proportionUpper"]), "\(label) p upper")
            brentq.check(result.proportionInterval.lower, double(row["binomtestProportionLower"]), "\(label) p lower")
            brentq.check(result.proportionInterval.upper, double(row["binomtestProportionUpper"]), "\(label) p upper")
            pTracker.check(result.pValue, double(row["pValue"]), "\(label) binomtest p")
            pTracker.check(result.pValue, double(row["statsmodelsExactCondPValue"]), "\(label) statsmodels p")
            // poisson_means_test is the unconditional E-test, a different test (see RateRatio's doc):
            // the p-value must be the conditional one above, not the E-test's, wherever the two differ
            // (they agree only at equal rates, p ≈ 1).
            let eTest = double(row["scipyPoissonMeansTestPValue"])
            if eTest < 0.999 {
                #expect(abs(result.pValue - eTest) > 1e-6 * max(1, eTest), "\(label): p \(result.pValue) is the E-test's \(eTest)")
            }
            let diff = try RateRatio.difference(count1: c1, exposure1: e1, count2: c2, exposure2: e2)
            difference.check(diff.difference, double(row["rateDifference"]), "\(label) difference")
            difference.check(diff.interval.lower, double(row["differenceLower"]), "\(label) diff lower")
            difference.check(diff.interval.upper, double(row["differenceUpper"]), "\(label) diff upper")
        }
        tracker.report()
        pTracker.report()
        brentq.report()
        difference.report()
        #expect(throws: AnalysisError.self) {
            try RateRatio.exactConditional(count1: 4, exposure1: 1, count2: 0, exposure2: 1)
        }
    }

    @Test func binomialPMFMatchesDefinition() {
        let binomial = BinomialDistribution(trials: 20, probability: 0.3)
        var total = 0.0
        for k in 0...20 {
            let direct = exp(SpecialFunctions.logGamma(21) - SpecialFunctions.logGamma(Double(k + 1))
                - SpecialFunctions.logGamma(Double(21 - k)) + Double(k) * log(0.3) + Double(20 - k) * log(0.7))
            #expect(abs(binomial.pmf(k) - direct) <= 1e-13 * direct)
            total += binomial.pmf(k)
            #expect(abs(binomial.cdf(k) - total) <= 1e-13)
        }
        #expect(abs(total - 1) < 1e-14)
    }
}
