import Foundation

/// Ordinary least-squares linear trend y = intercept + slope·year.
public struct OLSTrendResult: Sendable, Codable, Equatable {
    /// Change in y per year, with a t-based interval on `residualDegreesOfFreedom`.
    public var slope: ParameterEstimate
    /// Value of the line at year 0 (as statsmodels reports it); see `fittedValueAtMeanYear` for a
    /// more interpretable level.
    public var intercept: ParameterEstimate
    /// Fitted y at the mean year (equals the mean of y).
    public var fittedValueAtMeanYear: Double
    /// Mean of the years.
    public var meanYear: Double
    /// Coefficient of determination. Reported as 0 when y does not vary at all.
    public var rSquared: Double
    /// √(residual sum of squares / df).
    public var residualStandardError: Double
    /// Number of observations.
    public var n: Int
    /// n − 2.
    public var residualDegreesOfFreedom: Int
    /// True when every residual is zero, so the slope has no sampling error.
    public var isExactFit: Bool
    /// Method name.
    public var method: String
}

/// Ordinary least-squares trend of a value on the year.
public enum OLSTrend {
    /// Fits y = a + b·year by least squares (years need not be distinct or consecutive).
    ///
    /// Standard errors are the classical ones, s²·(XᵀX)⁻¹ with s² = RSS/(n−2); the interval is
    /// estimate ± t₍n−2₎·SE and the p-value is two-sided from Student's t. Years are centred
    /// internally so that large year numbers do not cost precision.
    /// Matches `statsmodels.api.OLS(y, add_constant(year)).fit()` (params, bse, conf_int,
    /// pvalues) and `scipy.stats.linregress`.
    ///
    /// Conventions where the usual formulas divide by zero: when every residual is zero the
    /// standard errors are 0, the t statistic is `nil` and p = 0; when y is constant (which
    /// is also an exact fit, with slope 0) R² is reported as 0 and p = 1, since a flat series
    /// offers no evidence of a trend.
    ///
    /// - Throws: `AnalysisError.tooFewYears` for fewer than 3 observations, `.constantYears`
    ///   when all years are equal, `.lengthMismatch`, `.nonFiniteValue`, `.invalidLevel`.
    public static func fit(years: [Int], values: [Double], level: Double = 0.95) throws -> OLSTrendResult {
        let statistic = "A linear trend"
        try validateLevel(level)
        let series = try YearlySeries(statistic: statistic, years: years, values: values, minimumYears: 3, distinctYears: false)
        let n = Double(series.count)
        let x = series.years.map(Double.init)
        let y = series.values
        let meanX = x.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (xi, yi) in zip(x, y) {
            let dx = xi - meanX
            let dy = yi - meanY
            sxx += dx * dx
            sxy += dx * dy
            syy += dy * dy
        }
        let slope = sxy / sxx
        let intercept = meanY - slope * meanX
        var rss = 0.0
        for (xi, yi) in zip(x, y) {
            let residual = yi - (meanY + slope * (xi - meanX))
            rss += residual * residual
        }
        let df = series.count - 2
        // Residuals at the rounding level of y count as an exact fit.
        let exactFit = rss <= 1e-24 * max(syy, Double.leastNormalMagnitude) || syy == 0
        if exactFit { rss = 0 }
        let sigma2 = rss / Double(df)
        let slopeSE = (sigma2 / sxx).squareRoot()
        let interceptSE = (sigma2 * (1 / n + meanX * meanX / sxx)).squareRoot()
        let tDistribution = StudentTDistribution(degreesOfFreedom: Double(df))
        let tCritical = tDistribution.quantile(0.5 + level / 2)

        func estimate(_ value: Double, _ se: Double) -> ParameterEstimate {
            let interval = ConfidenceInterval(lower: value - tCritical * se, upper: value + tCritical * se, level: level)
            if se > 0 {
                let t = value / se
                return ParameterEstimate(estimate: value, standardError: se, interval: interval,
                                         statistic: t, pValue: tDistribution.twoSidedPValue(t))
            }
            // Zero standard error: either nothing varies (no evidence, p = 1) or an exact non-zero line (p = 0).
            return ParameterEstimate(estimate: value, standardError: 0, interval: interval,
                                     statistic: value == 0 ? 0 : nil, pValue: value == 0 ? 1 : 0)
        }

        return OLSTrendResult(
            slope: estimate(syy == 0 ? 0 : slope, slopeSE),
            intercept: estimate(intercept, interceptSE),
            fittedValueAtMeanYear: meanY,
            meanYear: meanX,
            rSquared: syy == 0 ? 0 : max(0, 1 - rss / syy),
            residualStandardError: sigma2.squareRoot(),
            n: series.count,
            residualDegreesOfFreedom: df,
            isExactFit: exactFit,
            method: "Ordinary least squares, t-based \(Int((level * 100).rounded()))% interval on n − 2 df")
    }
}
