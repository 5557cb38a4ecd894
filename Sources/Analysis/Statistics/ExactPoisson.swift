import Foundation

/// An exact confidence interval for the mean of a Poisson count.
public struct PoissonCountInterval: Sendable, Codable, Equatable {
    /// The observed count.
    public var count: Int
    /// Interval for the expected count.
    public var interval: ConfidenceInterval
    /// Method name.
    public var method: String
}

/// A rate (count per unit exposure) with its exact interval.
public struct PoissonRateEstimate: Sendable, Codable, Equatable {
    /// The observed count.
    public var count: Int
    /// Exposure, e.g. years of observation.
    public var exposure: Double
    /// count / exposure.
    public var rate: Double
    /// Exact interval for the rate (the count interval divided by the exposure).
    public var interval: ConfidenceInterval
    /// Method name.
    public var method: String
}

/// Exact (Garwood 1936) intervals for Poisson counts and rates.
public enum ExactPoisson {
    /// Garwood's interval: lower = ½·χ²_{(1−level)/2}(2k), upper = ½·χ²_{(1+level)/2}(2k + 2);
    /// the lower limit is 0 for k = 0. Computed as gamma quantiles
    /// (lower = P⁻¹(k, α/2), upper = Q⁻¹(k+1, α/2)), which is the same thing without
    /// rounding in the factor 2. Matches `scipy.stats.chi2.ppf(...)/2`.
    ///
    /// - Throws: `AnalysisError.invalidCount` for k < 0, `.invalidLevel`.
    public static func interval(count: Int, level: Double = 0.95) throws -> PoissonCountInterval {
        try validateLevel(level)
        guard count >= 0 else { throw AnalysisError.invalidCount(statistic: "An exact Poisson interval", count: count) }
        let tail = (1 - level) / 2
        let lower = count == 0 ? 0 : SpecialFunctions.inverseRegularizedGammaP(Double(count), tail)
        let upper = SpecialFunctions.inverseRegularizedGammaQ(Double(count + 1), tail)
        return PoissonCountInterval(
            count: count, interval: ConfidenceInterval(lower: lower, upper: upper, level: level),
            method: "Exact Poisson interval (Garwood 1936), chi-square quantiles")
    }

    /// Rate = count/exposure with the Garwood interval divided by the exposure.
    ///
    /// - Throws: `AnalysisError.invalidExposure` for a non-positive or non-finite exposure,
    ///   plus the errors of `interval(count:level:)`.
    public static func rate(count: Int, exposure: Double, level: Double = 0.95) throws -> PoissonRateEstimate {
        guard exposure > 0 && exposure.isFinite else {
            throw AnalysisError.invalidExposure(statistic: "A Poisson rate", exposure: exposure)
        }
        let countInterval = try interval(count: count, level: level)
        return PoissonRateEstimate(
            count: count, exposure: exposure, rate: Double(count) / exposure,
            interval: ConfidenceInterval(lower: countInterval.interval.lower / exposure,
                                         upper: countInterval.interval.upper / exposure, level: level),
            method: "Rate per unit exposure with exact Poisson interval (Garwood 1936)")
    }
}
