import Foundation

/// Negative-binomial (NB2) log-linear trend: Var = μ + α·μ².
public struct NegativeBinomialTrendResult: Sendable, Codable, Equatable {
    /// β₁ per year with Wald interval; SE from the observed information of (β₀, β₁, α).
    public var slope: ParameterEstimate
    /// β₀ at `centreYear`.
    public var intercept: ParameterEstimate
    /// Year at which the intercept is reported.
    public var centreYear: Double
    /// Dispersion α (0 would be Poisson), with its Wald standard error and interval.
    public var alpha: ParameterEstimate
    /// exp(β₁) with exp of the Wald interval.
    public var rateRatioPerYear: RatioEstimate
    /// Maximised log-likelihood.
    public var logLikelihood: Double
    /// −2·logL + 2·3.
    public var aic: Double
    /// 2·(logL_NB − logL_Poisson), the likelihood-ratio statistic for α = 0.
    public var likelihoodRatioVersusPoisson: Double
    /// ½·P(χ²₁ ≥ LR): α = 0 lies on the boundary, so the null distribution is a 50:50
    /// mixture of 0 and χ²₁ (Self & Liang 1987).
    public var likelihoodRatioPValue: Double
    /// Iterations of the fit.
    public var iterations: Int
    /// Whether the fit met its tolerance.
    public var converged: Bool
    /// Number of years.
    public var n: Int
    /// Method name.
    public var method: String
}

/// Negative-binomial (NB2) regression by maximum likelihood (Cameron & Trivedi 2013 §3.3;
/// Lawless 1987).
public enum NegativeBinomialRegression {
    /// Fits log E[count] = log(exposure) + β₀ + β₁·(year − centre) with NB2 variance μ + αμ²,
    /// estimating β and α jointly by maximum likelihood.
    ///
    /// The fit alternates IRLS for β at fixed α with Newton steps for log α at fixed β, then
    /// polishes with full Newton steps on (β₀, β₁, α) using the analytic Hessian. Standard
    /// errors are √diag(−H⁻¹) of that observed information, as statsmodels reports them.
    /// Matches `statsmodels.discrete.discrete_model.NegativeBinomial(y, X,
    /// loglike_method='nb2').fit()` (params, bse, llf, aic) to ≤ 1e-6; the reference is fitted
    /// with `method='newton'` because the default BFGS stops about 1e-6 short of the optimum.
    ///
    /// - Throws: the `PoissonRegression` errors, `.tooFewYears` below 4 years (three
    ///   parameters need at least one residual degree of freedom), `.boundaryEstimate`
    ///   when the likelihood is maximised at α = 0 (no overdispersion: use Poisson), and
    ///   `.didNotConverge`.
    public static func fit(years: [Int], counts: [Int], exposures: [Double]? = nil, level: Double = 0.95) throws -> NegativeBinomialTrendResult {
        try validateLevel(level)
        let statistic = "Negative-binomial regression"
        let data = try CountSeries(statistic: statistic, years: years, counts: counts, exposures: exposures)
        guard data.n >= 4 else {
            throw AnalysisError.tooFewYears(statistic: statistic, needed: 4, got: data.n,
                                            firstYear: data.years.first, lastYear: data.years.last)
        }
        let poisson = try PoissonRegression.fit(data, level: level)
        return try fit(data, poisson: poisson, level: level)
    }

    static func fit(_ data: CountSeries, poisson: PoissonTrendResult, level: Double) throws -> NegativeBinomialTrendResult {
        let statistic = "Negative-binomial regression"
        let model = NB2Likelihood(data: data)
        var beta = [poisson.intercept.estimate, poisson.slope.estimate]
        // Moment start for α: Σ[(y−μ)² − μ]/μ² / df, floored so log α is defined.
        var mu = model.means(beta)
        var moment = 0.0
        for i in 0..<data.n {
            moment += ((data.counts[i] - mu[i]) * (data.counts[i] - mu[i]) - mu[i]) / (mu[i] * mu[i])
        }
        var alpha = max(moment / Double(data.n - 2), 0.05)
        var iterations = 0
        var converged = false

        // Stage 1: alternate the two blocks, which are asymptotically orthogonal for NB2.
        for _ in 0..<500 {
            iterations += 1
            let previousBeta = beta
            let previousAlpha = alpha
            beta = model.irlsStep(beta, alpha: alpha)
            mu = model.means(beta)
            alpha = try model.maximiseAlpha(start: alpha, mu: mu)
            if alpha < 1e-9 {
                throw AnalysisError.boundaryEstimate(
                    statistic: statistic,
                    reason: "the dispersion α is estimated at 0, i.e. the counts show no extra-Poisson variation; use the Poisson model")
            }
            let change = max(abs(beta[0] - previousBeta[0]), abs(beta[1] - previousBeta[1]), abs(log(alpha / previousAlpha)))
            if change < 1e-9 { break }
        }
        // Stage 2: full Newton on (β₀, β₁, α) for quadratic final convergence.
        var parameters = [beta[0], beta[1], alpha]
        for _ in 0..<50 {
            iterations += 1
            let (gradient, hessian) = model.gradientAndHessian(parameters)
            guard let inverse = SmallMatrix.inverse(hessian.map { $0.map { -$0 } }) else { break }
            let step = SmallMatrix.multiply(inverse, gradient)
            var scale = 1.0
            let current = model.logLikelihood(parameters)
            var candidate = parameters
            while scale > 1e-6 {
                candidate = zip(parameters, step).map { $0 + scale * $1 }
                if candidate[2] > 0 && model.logLikelihood(candidate) >= current - 1e-12 * abs(current) { break }
                scale /= 2
            }
            let change = zip(parameters, candidate).map { abs($0 - $1) / max(1, abs($0)) }.max() ?? 0
            parameters = candidate
            if change < 1e-14 {
                converged = true
                break
            }
        }
        let (gradient, hessian) = model.gradientAndHessian(parameters)
        let gradientNorm = gradient.map(abs).max() ?? 0
        if !converged && gradientNorm < 1e-8 * max(1, Double(data.n)) { converged = true }
        guard converged, let covariance = SmallMatrix.inverse(hessian.map { $0.map { -$0 } }),
              covariance[0][0] > 0, covariance[1][1] > 0, covariance[2][2] > 0 else {
            throw AnalysisError.didNotConverge(statistic: statistic, iterations: iterations)
        }
        let logLikelihood = model.logLikelihood(parameters)
        let slope = ParameterEstimate.wald(parameters[1], standardError: covariance[1][1].squareRoot(), level: level)
        let lr = max(0, 2 * (logLikelihood - poisson.logLikelihood))
        return NegativeBinomialTrendResult(
            slope: slope,
            intercept: ParameterEstimate.wald(parameters[0], standardError: covariance[0][0].squareRoot(), level: level),
            centreYear: data.centreYear,
            alpha: ParameterEstimate.wald(parameters[2], standardError: covariance[2][2].squareRoot(), level: level),
            rateRatioPerYear: RatioEstimate.exponentiated(slope),
            logLikelihood: logLikelihood,
            aic: -2 * logLikelihood + 6,
            likelihoodRatioVersusPoisson: lr,
            likelihoodRatioPValue: lr > 0 ? 0.5 * ChiSquareDistribution(degreesOfFreedom: 1).survival(lr) : 0.5,
            iterations: iterations,
            converged: true,
            n: data.n,
            method: "Negative binomial (NB2) maximum likelihood, Wald z intervals from the observed information")
    }
}

/// The NB2 log-likelihood and its derivatives for integer counts, written with finite sums
/// Σ_{j<y} in place of digamma/trigamma differences (exact for integer y).
struct NB2Likelihood {
    let data: CountSeries

    func means(_ beta: [Double]) -> [Double] {
        (0..<data.n).map { exp(beta[0] + beta[1] * data.centredYears[$0] + data.logExposures[$0]) }
    }

    /// ℓ = Σ [Σ_{j<y} log(1/α + j) − log y! − (y + 1/α)·log(1 + αμ) + y·log(αμ)].
    func logLikelihood(_ parameters: [Double]) -> Double {
        let alpha = parameters[2]
        let r = 1 / alpha
        let mu = means(Array(parameters[0...1]))
        var total = 0.0
        for i in 0..<data.n {
            let y = data.counts[i]
            var logRatio = 0.0  // log Γ(y + r) − log Γ(r)
            if y > 0 {
                if y < 1e5 {
                    for j in 0..<Int(y) { logRatio += log(r + Double(j)) }
                } else {
                    logRatio = SpecialFunctions.logGamma(y + r) - SpecialFunctions.logGamma(r)
                }
            }
            total += logRatio - logFactorial(y) - (y + r) * log1p(alpha * mu[i]) + (y > 0 ? y * log(alpha * mu[i]) : 0)
        }
        return total
    }

    /// One IRLS update of β at fixed α: weights μ/(1 + αμ), working response η + (y − μ)/μ.
    func irlsStep(_ beta: [Double], alpha: Double) -> [Double] {
        let mu = means(beta)
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, t0 = 0.0, t1 = 0.0
        for i in 0..<data.n {
            let x = data.centredYears[i]
            let w = mu[i] / (1 + alpha * mu[i])
            let z = beta[0] + beta[1] * x + (data.counts[i] - mu[i]) / mu[i]
            s0 += w
            s1 += w * x
            s2 += w * x * x
            t0 += w * z
            t1 += w * x * z
        }
        let determinant = s0 * s2 - s1 * s1
        return [(s2 * t0 - s1 * t1) / determinant, (s0 * t1 - s1 * t0) / determinant]
    }

    /// ∂ℓ/∂α and ∂²ℓ/∂α² at fixed μ.
    func alphaDerivatives(_ alpha: Double, mu: [Double]) -> (first: Double, second: Double) {
        var first = 0.0, second = 0.0
        let a2 = alpha * alpha
        for i in 0..<data.n {
            let y = data.counts[i]
            let m = mu[i]
            let l = log1p(alpha * m)
            let onePlus = 1 + alpha * m
            var harmonic = 0.0, harmonicSquare = 0.0
            if y > 0 {
                for j in 0..<Int(y) {
                    let jd = Double(j)
                    let d = alpha + a2 * jd
                    harmonic += 1 / d
                    harmonicSquare += (1 + 2 * alpha * jd) / (d * d)
                }
            }
            first += l / a2 - harmonic + (y - m) / (alpha * onePlus)
            second += m / (onePlus * a2) - 2 * l / (a2 * alpha) + harmonicSquare
                - (y - m) * (1 + 2 * alpha * m) / (a2 * onePlus * onePlus)
        }
        return (first, second)
    }

    /// Maximises ℓ over α at fixed μ by Newton steps in θ = log α (which keeps α > 0),
    /// halving any step that lowers the score's progress. Returns a value below 1e-9 when
    /// the likelihood increases all the way to α = 0.
    func maximiseAlpha(start: Double, mu: [Double]) throws -> Double {
        var theta = log(start)
        for _ in 0..<200 {
            let alpha = exp(theta)
            let (d1, d2) = alphaDerivatives(alpha, mu: mu)
            // Chain rule to θ: dℓ/dθ = α·ℓ', d²ℓ/dθ² = α²·ℓ'' + α·ℓ'.
            let g = alpha * d1
            let h = alpha * alpha * d2 + alpha * d1
            var step = h < 0 ? -g / h : (g > 0 ? 1 : -1)
            step = max(-3, min(3, step))
            theta += step
            if theta < log(1e-10) { return exp(theta) }
            if abs(step) < 1e-12 { break }
        }
        return exp(theta)
    }

    /// Gradient and Hessian of ℓ in (β₀, β₁, α).
    func gradientAndHessian(_ parameters: [Double]) -> (gradient: [Double], hessian: [[Double]]) {
        let alpha = parameters[2]
        let mu = means(Array(parameters[0...1]))
        var g = [0.0, 0.0, 0.0]
        var h = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
        for i in 0..<data.n {
            let x = [1.0, data.centredYears[i]]
            let y = data.counts[i]
            let m = mu[i]
            let onePlus = 1 + alpha * m
            let score = (y - m) / onePlus
            let weight = m * (1 + alpha * y) / (onePlus * onePlus)
            let cross = -m * (y - m) / (onePlus * onePlus)
            for r in 0..<2 {
                g[r] += x[r] * score
                h[r][2] += x[r] * cross
                for c in 0..<2 { h[r][c] -= x[r] * x[c] * weight }
            }
        }
        let (d1, d2) = alphaDerivatives(alpha, mu: mu)
        g[2] = d1
        h[2][2] = d2
        h[2][0] = h[0][2]
        h[2][1] = h[1][2]
        return (g, h)
    }
}
