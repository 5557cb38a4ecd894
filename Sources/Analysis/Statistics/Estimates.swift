import Foundation

/// A two-sided confidence interval.
public struct ConfidenceInterval: Sendable, Codable, Equatable {
    /// Lower limit.
    public var lower: Double
    /// Upper limit.
    public var upper: Double
    /// Nominal coverage, e.g. 0.95.
    public var level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Whether `value` lies within the closed interval.
    public func contains(_ value: Double) -> Bool {
        lower <= value && value <= upper
    }
}

/// A model coefficient with its standard error, interval and test of "coefficient = 0".
public struct ParameterEstimate: Sendable, Codable, Equatable {
    /// Point estimate.
    public var estimate: Double
    /// Standard error of the estimate.
    public var standardError: Double
    /// Confidence interval (t- or z-based, as `method` of the owning result says).
    public var interval: ConfidenceInterval
    /// Test statistic (t or z) for "coefficient = 0"; `nil` when it is unbounded
    /// (an exact fit, where the standard error is zero).
    public var statistic: Double?
    /// Two-sided p-value for "coefficient = 0".
    public var pValue: Double

    public init(estimate: Double, standardError: Double, interval: ConfidenceInterval, statistic: Double?, pValue: Double) {
        self.estimate = estimate
        self.standardError = standardError
        self.interval = interval
        self.statistic = statistic
        self.pValue = pValue
    }

    /// Wald estimate: estimate ± z·SE with normal p-value.
    static func wald(_ estimate: Double, standardError: Double, level: Double) -> ParameterEstimate {
        let z = NormalDistribution.quantile(0.5 + level / 2)
        let statistic = estimate / standardError
        return ParameterEstimate(
            estimate: estimate, standardError: standardError,
            interval: ConfidenceInterval(lower: estimate - z * standardError, upper: estimate + z * standardError, level: level),
            statistic: statistic, pValue: NormalDistribution.twoSidedPValue(statistic))
    }
}

/// An estimate on the ratio scale (exp of a log-scale coefficient), e.g. a rate ratio per year.
public struct RatioEstimate: Sendable, Codable, Equatable {
    /// The ratio, e.g. exp(slope).
    public var estimate: Double
    /// Its confidence interval, the exponentiated log-scale interval.
    public var interval: ConfidenceInterval

    public init(estimate: Double, interval: ConfidenceInterval) {
        self.estimate = estimate
        self.interval = interval
    }

    /// exp of a log-scale coefficient and its interval.
    static func exponentiated(_ coefficient: ParameterEstimate) -> RatioEstimate {
        RatioEstimate(
            estimate: exp(coefficient.estimate),
            interval: ConfidenceInterval(lower: exp(coefficient.interval.lower), upper: exp(coefficient.interval.upper),
                                         level: coefficient.interval.level))
    }
}

/// Direction of a monotonic trend judged at a significance level.
public enum TrendDirection: String, Sendable, Codable, Equatable {
    case increasing
    case decreasing
    case noTrend = "no trend"
}
