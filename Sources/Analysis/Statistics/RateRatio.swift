import Foundation

/// Ratio of two Poisson rates with its exact conditional interval and test.
public struct RateRatioResult: Sendable, Codable, Equatable {
    /// (count1/exposure1) / (count2/exposure2).
    public var rateRatio: Double
    /// Exact conditional (Clopper–Pearson) interval for the ratio.
    public var interval: ConfidenceInterval
    /// Exact conditional two-sided p-value for "rate ratio = 1".
    public var pValue: Double
    /// Interval for p = share of all events falling in the first period, from which the
    /// ratio interval is derived.
    public var proportionInterval: ConfidenceInterval
    public var count1: Int
    public var exposure1: Double
    public var count2: Int
    public var exposure2: Double
    /// Method name.
    public var method: String
}

/// Difference of two Poisson rates with a Wald interval.
public struct RateDifferenceResult: Sendable, Codable, Equatable {
    /// rate1 − rate2.
    public var difference: Double
    /// √(count1/exposure1² + count2/exposure2²).
    public var standardError: Double
    /// difference ± z·SE.
    public var interval: ConfidenceInterval
    /// Wald two-sided p-value for "difference = 0" (1 when both counts are 0).
    public var pValue: Double
    /// Method name.
    public var method: String
}

/// Comparison of two periods' event rates with unequal exposure.
public enum RateRatio {
    /// Exact conditional rate ratio. Given the total n = k₁ + k₂, k₁ ~ Binomial(n, p) with
    /// p = E₁·RR/(E₁·RR + E₂) (Przyborowski & Wileński 1940; Breslow & Day 1987 §2.6).
    ///
    /// - Interval: Clopper–Pearson limits on p as beta quantiles,
    ///   p_L = B⁻¹(α/2; k₁, k₂+1), p_U = B⁻¹(1−α/2; k₁+1, k₂), mapped by
    ///   RR = p/(1−p)·E₂/E₁. Matches `scipy.stats.beta.ppf` and, to brentq's 2e-12
    ///   tolerance, `scipy.stats.binomtest(k₁, n).proportion_ci(method='exact')`.
    /// - p-value: `scipy.stats.binomtest(k₁, n, E₁/(E₁+E₂)).pvalue` (two-sided, "minimum
    ///   likelihood"), which is also what `statsmodels.stats.rates.test_poisson_2indep(...,
    ///   method='exact-cond')` returns. `scipy.stats.poisson_means_test` is a different test
    ///   (the unconditional E-test of Krishnamoorthy & Thomson 2004) and gives other values.
    ///
    /// - Throws: `AnalysisError.undefinedRateRatio` when count2 = 0 (the ratio and its upper
    ///   limit are infinite), `.invalidCount`, `.invalidExposure`, `.invalidLevel`.
    public static func exactConditional(count1: Int, exposure1: Double, count2: Int, exposure2: Double,
                                        level: Double = 0.95) throws -> RateRatioResult {
        try validateInputs(count1, exposure1, count2, exposure2, level)
        guard count2 > 0 else {
            throw AnalysisError.undefinedRateRatio(reason: "the second period has no events, so the ratio is infinite")
        }
        let alpha = 1 - level
        let k1 = Double(count1)
        let k2 = Double(count2)
        // Keep both p and 1 − p from the beta solver so the odds p/(1−p) lose nothing near 1.
        let lower = count1 == 0 ? (x: 0.0, y: 1.0)
            : SpecialFunctions.inverseRegularizedBetaPair(k1, k2 + 1, p: alpha / 2, q: 1 - alpha / 2)
        let upper = SpecialFunctions.inverseRegularizedBetaPair(k1 + 1, k2, p: 1 - alpha / 2, q: alpha / 2)
        let exposureRatio = exposure2 / exposure1
        let total = count1 + count2
        let null = exposure1 / (exposure1 + exposure2)
        return RateRatioResult(
            rateRatio: (k1 / exposure1) / (k2 / exposure2),
            interval: ConfidenceInterval(lower: lower.x / lower.y * exposureRatio, upper: upper.x / upper.y * exposureRatio, level: level),
            pValue: BinomialDistribution(trials: total, probability: null).twoSidedPValue(count1),
            proportionInterval: ConfidenceInterval(lower: lower.x, upper: upper.x, level: level),
            count1: count1, exposure1: exposure1, count2: count2, exposure2: exposure2,
            method: "Exact conditional rate ratio: Clopper–Pearson interval on the binomial split, minimum-likelihood two-sided p")
    }

    /// Difference in annual rates, rate1 − rate2, with the Wald interval
    /// ± z·√(k₁/E₁² + k₂/E₂²). Matches `statsmodels.stats.rates.confint_poisson_2indep(...,
    /// method='wald', compare='diff')`.
    ///
    /// - Throws: `.invalidCount`, `.invalidExposure`, `.invalidLevel`.
    public static func difference(count1: Int, exposure1: Double, count2: Int, exposure2: Double,
                                  level: Double = 0.95) throws -> RateDifferenceResult {
        try validateInputs(count1, exposure1, count2, exposure2, level)
        let difference = Double(count1) / exposure1 - Double(count2) / exposure2
        let se = (Double(count1) / (exposure1 * exposure1) + Double(count2) / (exposure2 * exposure2)).squareRoot()
        let z = NormalDistribution.quantile(0.5 + level / 2)
        return RateDifferenceResult(
            difference: difference, standardError: se,
            interval: ConfidenceInterval(lower: difference - z * se, upper: difference + z * se, level: level),
            pValue: se > 0 ? NormalDistribution.twoSidedPValue(difference / se) : 1,
            method: "Difference of Poisson rates, Wald interval")
    }

    private static func validateInputs(_ count1: Int, _ exposure1: Double, _ count2: Int, _ exposure2: Double, _ level: Double) throws {
        try validateLevel(level)
        for count in [count1, count2] where count < 0 {
            throw AnalysisError.invalidCount(statistic: "A rate comparison", count: count)
        }
        for exposure in [exposure1, exposure2] where !(exposure > 0 && exposure.isFinite) {
            throw AnalysisError.invalidExposure(statistic: "A rate comparison", exposure: exposure)
        }
    }
}
