import Foundation

/// Poisson log-linear trend: log E[count] = log(exposure) + β₀ + β₁·(year − centre).
public struct PoissonTrendResult: Sendable, Codable, Equatable {
    /// β₁, the change in log rate per year, with a Wald (z) interval and test.
    public var slope: ParameterEstimate
    /// β₀, the log expected count per unit exposure at `centreYear`.
    public var intercept: ParameterEstimate
    /// Year at which the intercept is reported (mean of the years).
    public var centreYear: Double
    /// Incidence-rate ratio per year, exp(β₁), with exp of the Wald interval.
    public var rateRatioPerYear: RatioEstimate
    /// Residual deviance 2·Σ[y·log(y/μ) − (y − μ)].
    public var deviance: Double
    /// Pearson chi-square Σ(y − μ)²/μ.
    public var pearsonChiSquare: Double
    /// n − 2.
    public var residualDegreesOfFreedom: Int
    /// Pearson dispersion chi²/df (1 under the Poisson model).
    public var dispersion: Double
    /// P(χ²_df ≥ Pearson chi²): small values mean more variation than Poisson allows.
    public var overdispersionPValue: Double
    /// Akaike information criterion −2·logL + 2·2.
    public var aic: Double
    /// Full log-likelihood including −log(y!).
    public var logLikelihood: Double
    /// IRLS iterations used.
    public var iterations: Int
    /// Whether IRLS met its tolerance (always true for a returned result; failures throw).
    public var converged: Bool
    /// Number of years.
    public var n: Int
    /// Method name.
    public var method: String
}

/// Poisson regression of yearly counts on the year, fitted by iteratively reweighted
/// least squares (McCullagh & Nelder 1989 §2.5).
public enum PoissonRegression {
    /// Fits the log-linear trend.
    ///
    /// Years are centred at their mean before fitting, which keeps XᵀWX well-conditioned;
    /// the slope (per year) does not depend on the centring, and the intercept is reported at
    /// the centre year. `exposures` (years of observation per row, e.g. 0.75 for a
    /// part-year) enter as the offset log(exposure).
    /// Standard errors are from (XᵀWX)⁻¹ at the optimum; intervals and p-values are Wald (z).
    /// Matches `statsmodels` `GLM(counts, add_constant(year − mean(year)),
    /// family=Poisson(), exposure=...).fit()`: params, bse, conf_int, pvalues, deviance,
    /// pearson_chi2, aic, llf.
    ///
    /// - Throws: `AnalysisError.tooFewYears` (fewer than 3), `.allCountsZero`,
    ///   `.estimateAtInfinity` (all events in the first or the last year), `.negativeCount`,
    ///   `.invalidExposure`, `.constantYears`, `.didNotConverge`, `.invalidLevel`.
    public static func fit(years: [Int], counts: [Int], exposures: [Double]? = nil, level: Double = 0.95) throws -> PoissonTrendResult {
        try validateLevel(level)
        let data = try CountSeries(statistic: "Poisson regression", years: years, counts: counts, exposures: exposures)
        return try fit(data, level: level)
    }

    static func fit(_ data: CountSeries, level: Double) throws -> PoissonTrendResult {
        let fit = try irls(data)
        let (beta, mu, iterations) = (fit.beta, fit.mu, fit.iterations)
        let y = data.counts
        let x = data.centredYears
        var deviance = 0.0, pearson = 0.0, logLikelihood = 0.0
        var s0 = 0.0, s1 = 0.0, s2 = 0.0
        for i in 0..<data.n {
            let m = mu[i]
            if y[i] > 0 { deviance += 2 * (y[i] * log(y[i] / m) - (y[i] - m)) } else { deviance += 2 * m }
            pearson += (y[i] - m) * (y[i] - m) / m
            logLikelihood += (y[i] > 0 ? y[i] * log(m) : 0) - m - logFactorial(y[i])
            s0 += m
            s1 += m * x[i]
            s2 += m * x[i] * x[i]
        }
        let determinant = s0 * s2 - s1 * s1
        let interceptSE = (s2 / determinant).squareRoot()
        let slopeSE = (s0 / determinant).squareRoot()
        let df = data.n - 2
        let slope = ParameterEstimate.wald(beta[1], standardError: slopeSE, level: level)
        return PoissonTrendResult(
            slope: slope,
            intercept: ParameterEstimate.wald(beta[0], standardError: interceptSE, level: level),
            centreYear: data.centreYear,
            rateRatioPerYear: RatioEstimate.exponentiated(slope),
            deviance: max(0, deviance),
            pearsonChiSquare: pearson,
            residualDegreesOfFreedom: df,
            dispersion: pearson / Double(df),
            overdispersionPValue: ChiSquareDistribution(degreesOfFreedom: Double(df)).survival(pearson),
            aic: -2 * logLikelihood + 4,
            logLikelihood: logLikelihood,
            iterations: iterations,
            converged: true,
            n: data.n,
            method: "Poisson log-linear regression (IRLS), Wald z intervals")
    }

    /// IRLS for the log link. Starts from μ = (y + ȳ)/2 as statsmodels does and stops when the
    /// coefficients change by less than 1e-12 (relative), well inside the 1e-8 deviance
    /// tolerance statsmodels uses by default.
    static func irls(_ data: CountSeries, maxIterations: Int = 100) throws -> (beta: [Double], mu: [Double], iterations: Int) {
        let y = data.counts
        let x = data.centredYears
        let offset = data.logExposures
        let meanY = y.reduce(0, +) / Double(data.n)
        var mu = y.map { ($0 + meanY) / 2 }
        var eta = mu.map { log($0) }
        var beta = [0.0, 0.0]
        for iteration in 1...maxIterations {
            // Weighted least squares of the working response z on [1, x] with weights μ.
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, t0 = 0.0, t1 = 0.0
            for i in 0..<data.n {
                let w = mu[i]
                let z = eta[i] - offset[i] + (y[i] - mu[i]) / mu[i]
                s0 += w
                s1 += w * x[i]
                s2 += w * x[i] * x[i]
                t0 += w * z
                t1 += w * x[i] * z
            }
            let determinant = s0 * s2 - s1 * s1
            guard determinant > 0 && determinant.isFinite else {
                throw AnalysisError.didNotConverge(statistic: "Poisson regression", iterations: iteration)
            }
            let next = [(s2 * t0 - s1 * t1) / determinant, (s0 * t1 - s1 * t0) / determinant]
            let change = max(abs(next[0] - beta[0]) / max(1, abs(next[0])), abs(next[1] - beta[1]) / max(1e-3, abs(next[1])))
            beta = next
            for i in 0..<data.n {
                eta[i] = beta[0] + beta[1] * x[i] + offset[i]
                mu[i] = exp(eta[i])
            }
            guard beta.allSatisfy(\.isFinite) else {
                throw AnalysisError.didNotConverge(statistic: "Poisson regression", iterations: iteration)
            }
            if change < 1e-12 && iteration > 1 {
                return (beta, mu, iteration)
            }
        }
        throw AnalysisError.didNotConverge(statistic: "Poisson regression", iterations: maxIterations)
    }
}
