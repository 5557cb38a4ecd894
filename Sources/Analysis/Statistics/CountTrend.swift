import Foundation

/// Poisson fit with the same coefficients but standard errors scaled by √(Pearson χ²/df).
public struct QuasiPoissonTrendResult: Sendable, Codable, Equatable {
    /// β₁ with SE × √scale, Wald z interval and p-value.
    public var slope: ParameterEstimate
    /// β₀ at the centre year with SE × √scale.
    public var intercept: ParameterEstimate
    /// exp(β₁) with the widened interval.
    public var rateRatioPerYear: RatioEstimate
    /// The scale φ = Pearson χ²/(n − 2).
    public var scale: Double
    /// Number of years.
    public var n: Int
    /// Method name.
    public var method: String
}

/// Which count model a reader should rely on.
public enum CountModelChoice: String, Sendable, Codable, Equatable {
    case poisson
    case quasiPoisson
    case negativeBinomial
    /// NB2 and quasi-Poisson disagree in direction or significance: both are shown, neither is preferred.
    case bothDisagree
}

/// The overdispersion decision and the evidence for it.
public struct OverdispersionAssessment: Sendable, Codable, Equatable {
    /// Pearson χ²/df from the Poisson fit.
    public var dispersion: Double
    /// P(χ²_df ≥ Pearson χ²).
    public var pValue: Double
    /// True when `dispersion > dispersionThreshold` and `pValue < significanceLevel`.
    public var isOverdispersed: Bool
    /// 1.5.
    public var dispersionThreshold: Double
    /// 0.05.
    public var significanceLevel: Double
    /// The rule in words.
    public var rule: String
}

/// Poisson, quasi-Poisson and negative-binomial trends of one count series, with a
/// recommendation of which to trust.
public struct CountTrendResult: Sendable, Codable, Equatable {
    public var poisson: PoissonTrendResult
    public var overdispersion: OverdispersionAssessment
    /// Present when the counts are overdispersed.
    public var quasiPoisson: QuasiPoissonTrendResult?
    /// Present when the counts are overdispersed, there are at least 4 years and the NB fit
    /// has an interior maximum.
    public var negativeBinomial: NegativeBinomialTrendResult?
    /// The model whose interval and p-value should be quoted (`.bothDisagree` when NB2 and
    /// quasi-Poisson tell different stories at `alpha`).
    public var recommended: CountModelChoice
    /// The α at which NB2 and quasi-Poisson are checked for agreement.
    public var alpha: Double
    /// The year with the largest Pearson residual under the Poisson fit, named when the models disagree.
    public var outlyingYear: Int?
    /// Plain-language explanation of the recommendation.
    public var note: String
}

/// Fits the count models for a yearly series and decides between them.
public enum CountTrend {
    /// Overdispersion rule: Pearson dispersion above 1.5 *and* the Pearson χ² goodness-of-fit
    /// test significant at 5% (McCullagh & Nelder 1989 §4.5; Cameron & Trivedi 2013 §5.2).
    /// The threshold stops a long series from flagging a trivial excess; the test stops a
    /// short series from flagging noise (with few degrees of freedom χ²/df varies a lot).
    public static let dispersionThreshold = 1.5
    /// Significance level of the overdispersion test.
    public static let overdispersionSignificance = 0.05

    /// Runs `PoissonRegression.fit`, applies the overdispersion rule, and when it fires adds
    /// the quasi-Poisson result (matching statsmodels `GLM(..., family=Poisson()).fit(scale='X2')`:
    /// same coefficients, standard errors × √(χ²/df), z-based intervals and p-values as
    /// statsmodels reports by default) and the NB2 fit. `exposures` (years of observation per
    /// year) enter every model as the offset log(exposure).
    ///
    /// NB2 is recommended only when it and quasi-Poisson agree in direction (sign of the slope)
    /// and in significance at `alpha`. When they do not, the note shows both, says that they
    /// disagree, and names the year with the largest Pearson residual: usually one outlying
    /// year that the NB2 variance μ + αμ² and the quasi-Poisson scale weigh very differently.
    ///
    /// - Throws: the errors of `PoissonRegression.fit`.
    public static func analyze(years: [Int], counts: [Int], exposures: [Double]? = nil, level: Double = 0.95,
                               alpha: Double = 0.05) throws -> CountTrendResult {
        try validateLevel(level)
        try validateLevel(alpha)
        let data = try CountSeries(statistic: "Poisson regression", years: years, counts: counts, exposures: exposures)
        let poisson = try PoissonRegression.fit(data, level: level)
        let overdispersed = poisson.dispersion > dispersionThreshold && poisson.overdispersionPValue < overdispersionSignificance
        let assessment = OverdispersionAssessment(
            dispersion: poisson.dispersion, pValue: poisson.overdispersionPValue, isOverdispersed: overdispersed,
            dispersionThreshold: dispersionThreshold, significanceLevel: overdispersionSignificance,
            rule: "overdispersed when Pearson χ²/df > 1.5 and P(χ²_df ≥ Pearson χ²) < 0.05")
        let dispersionText = String(format: "%.2f", poisson.dispersion)
        guard overdispersed else {
            let note = "The Poisson model fits: the counts vary about as much as a Poisson process would "
                + "(dispersion \(dispersionText), overdispersion test \(StatisticText.pClause(poisson.overdispersionPValue))). "
                + "Quote the Poisson rate ratio and interval."
            return CountTrendResult(poisson: poisson, overdispersion: assessment, quasiPoisson: nil,
                                    negativeBinomial: nil, recommended: .poisson, alpha: alpha, outlyingYear: nil, note: note)
        }
        let quasi = quasiPoisson(poisson, level: level)
        var negativeBinomial: NegativeBinomialTrendResult?
        var failure = ""
        if data.n >= 4 {
            do {
                negativeBinomial = try NegativeBinomialRegression.fit(data, poisson: poisson, level: level)
            } catch {
                failure = " The negative-binomial fit was not usable (\(error))."
            }
        } else {
            failure = " A negative-binomial fit needs at least 4 years."
        }
        let widen = String(format: "%.1f", poisson.dispersion.squareRoot())
        if let nb = negativeBinomial, !agree(nb.slope, quasi.slope, alpha: alpha) {
            let outlier = largestPearsonResidual(data, poisson)
            func figure(_ ratio: RatioEstimate, _ p: Double) -> String {
                "\(StatisticText.number(ratio.estimate)) \(StatisticText.interval(ratio.interval)), \(StatisticText.pClause(p))"
            }
            let note = "The counts vary more than a Poisson process allows (dispersion \(dispersionText), "
                + "overdispersion test \(StatisticText.pClause(poisson.overdispersionPValue))), and the two models for that "
                + "disagree at α = \(StatisticText.alpha(alpha)): negative binomial \(figure(nb.rateRatioPerYear, nb.slope.pValue)), "
                + "quasi-Poisson \(figure(quasi.rateRatioPerYear, quasi.slope.pValue)) (rate ratio per year, \(StatisticText.level(level)) CI). "
                + "Neither can be quoted alone. The year that drives the difference is \(outlier.year) "
                + "(\(Int(outlier.count)) events, Pearson residual \(StatisticText.number(outlier.residual))); check it before reading a trend."
            return CountTrendResult(poisson: poisson, overdispersion: assessment, quasiPoisson: quasi,
                                    negativeBinomial: nb, recommended: .bothDisagree, alpha: alpha, outlyingYear: outlier.year, note: note)
        }
        if let nb = negativeBinomial {
            let note = "The counts vary more than a Poisson process allows (dispersion \(dispersionText), "
                + "overdispersion test \(StatisticText.pClause(poisson.overdispersionPValue))), so the Poisson interval is "
                + "too narrow by a factor of about \(widen). Trust the negative-binomial result, which models "
                + "the extra variation (α = \(String(format: "%.3g", nb.alpha.estimate)), likelihood-ratio "
                + "\(StatisticText.pClause(nb.likelihoodRatioPValue)) against Poisson); the quasi-Poisson result agrees with it "
                + "in direction and significance at α = \(StatisticText.alpha(alpha))."
            return CountTrendResult(poisson: poisson, overdispersion: assessment, quasiPoisson: quasi,
                                    negativeBinomial: nb, recommended: .negativeBinomial, alpha: alpha, outlyingYear: nil, note: note)
        }
        let note = "The counts vary more than a Poisson process allows (dispersion \(dispersionText), "
            + "overdispersion test \(StatisticText.pClause(poisson.overdispersionPValue))), so the Poisson interval is too "
            + "narrow by a factor of about \(widen). Trust the quasi-Poisson interval." + failure
        return CountTrendResult(poisson: poisson, overdispersion: assessment, quasiPoisson: quasi,
                                negativeBinomial: nil, recommended: .quasiPoisson, alpha: alpha, outlyingYear: nil, note: note)
    }

    /// Same direction (sign of the slope) and the same verdict at `alpha`.
    static func agree(_ a: ParameterEstimate, _ b: ParameterEstimate, alpha: Double) -> Bool {
        (a.estimate > 0) == (b.estimate > 0) && (a.pValue < alpha) == (b.pValue < alpha)
    }

    /// The year whose count lies furthest from the Poisson fit, in Pearson residuals (y − μ)/√μ.
    static func largestPearsonResidual(_ data: CountSeries, _ poisson: PoissonTrendResult) -> (year: Int, count: Double, residual: Double) {
        var best = (year: data.years[0], count: data.counts[0], residual: 0.0)
        for i in 0..<data.n {
            let mu = exp(poisson.intercept.estimate + poisson.slope.estimate * data.centredYears[i] + data.logExposures[i])
            let residual = (data.counts[i] - mu) / mu.squareRoot()
            if abs(residual) > abs(best.residual) { best = (data.years[i], data.counts[i], residual) }
        }
        return best
    }

    /// Quasi-Poisson from a Poisson fit: φ = Pearson χ²/df, SE × √φ, Wald z.
    public static func quasiPoisson(_ poisson: PoissonTrendResult, level: Double = 0.95) -> QuasiPoissonTrendResult {
        let factor = poisson.dispersion.squareRoot()
        let slope = ParameterEstimate.wald(poisson.slope.estimate, standardError: poisson.slope.standardError * factor, level: level)
        return QuasiPoissonTrendResult(
            slope: slope,
            intercept: ParameterEstimate.wald(poisson.intercept.estimate, standardError: poisson.intercept.standardError * factor, level: level),
            rateRatioPerYear: RatioEstimate.exponentiated(slope),
            scale: poisson.dispersion,
            n: poisson.n,
            method: "Quasi-Poisson: Poisson coefficients, standard errors scaled by √(Pearson χ²/df), Wald z")
    }
}

