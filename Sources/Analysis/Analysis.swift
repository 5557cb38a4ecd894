/// The statistics engine of SCOBrief.
///
/// Everything works on plain numeric inputs (years `[Int]`, counts `[Int]`, values
/// `[Double]`) and returns typed, `Codable` results; impossible requests throw
/// `AnalysisError` with a plain-language message instead of returning NaN.
///
/// | Need | API | Checked against |
/// | --- | --- | --- |
/// | Linear trend | `OLSTrend.fit` | statsmodels `OLS`, scipy `linregress` |
/// | Monotonic trend | `MannKendall.test` (verdict at α, τ-b) | pymannkendall `original_test(alpha=)`, scipy `norm.sf`, `kendalltau` |
/// | Robust slope | `SensSlope.estimate` | scipy `theilslopes` (default `method='separate'`) |
/// | Rank correlation | `KendallTau.tauB` | scipy `kendalltau` |
/// | Count trend | `PoissonRegression.fit`, `CountTrend.analyze` (exposure offset, NB2/quasi agreement at α) | statsmodels `GLM(Poisson, exposure=)`, `fit(scale='X2')` |
/// | Overdispersed counts | `NegativeBinomialRegression.fit` | statsmodels `NegativeBinomial` (nb2, `exposure=`) |
/// | Count / rate interval | `ExactPoisson.interval`, `.rate` | scipy `chi2.ppf` (Garwood) |
/// | Two periods | `RateRatio.exactConditional`, `.difference`, `PeriodComparison.compare` | scipy `binomtest`, `beta.ppf`; statsmodels `test_poisson_2indep`, `confint_poisson_2indep` |
/// | Growth | `GrowthRate.compoundAnnual`, `.yearOnYear`, `.cumulative` (with its base) | direct formula, numpy `cumsum` |
/// | Descriptives | `RollingWindow`, `CumulativeSum`, `EventGaps`, `Exposure` | numpy |
/// | Special functions | `SpecialFunctions`, `NormalDistribution`, `StudentTDistribution`, `ChiSquareDistribution`, `BinomialDistribution` | scipy.special |
///
/// The reference values live in `Tests/AnalysisTests/Fixtures/stats-reference.json`,
/// written by `Scripts/stats-reference`.
public enum AnalysisEngine {
    /// Version of the statistics engine's result formats.
    public static let version = "1.0"
}
