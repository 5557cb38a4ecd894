import Foundation

/// Result of the Mann–Kendall test for a monotonic trend.
public struct MannKendallResult: Sendable, Codable, Equatable {
    /// S = Σ_{i<j} sign(y_j − y_i), over years in increasing order.
    public var s: Int
    /// Var(S) under no trend, corrected for ties.
    public var varianceS: Double
    /// Standardised statistic with continuity correction.
    public var z: Double
    /// Two-sided p-value from the normal approximation.
    public var pValue: Double
    /// Kendall's τ-b = S / √(N·(N − T_y)) with N = n(n−1)/2 and T_y the pairs tied in value
    /// (years never tie), as `scipy.stats.kendalltau(years, values)` and most papers report it.
    public var tau: Double
    /// Kendall's tau-a = S / N, as pymannkendall reports it; below τ-b whenever values tie.
    public var tauA: Double
    /// Number of years.
    public var n: Int
    /// Sizes of the groups of tied values (each at least 2).
    public var tieGroups: [Int]
    /// Direction judged at `significanceLevel` (α), which is independent of any interval's level.
    public var trend: TrendDirection
    /// The α used to judge `trend`.
    public var significanceLevel: Double
    /// First and last year of the series.
    public var firstYear: Int
    public var lastYear: Int
    /// Method name.
    public var method: String
}

/// Mann–Kendall non-parametric test for a monotonic trend (Mann 1945; Kendall 1975;
/// Gilbert 1987 §16.4), with the tie-corrected variance of Hirsch & Slack (1984).
public enum MannKendall {
    /// Tests a yearly series (one value per year, years in any order; gaps allowed).
    ///
    /// - S = Σ_{i<j} sgn(y_j − y_i);
    /// - Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18 over groups of t tied values;
    /// - Z = (S − 1)/√Var(S) if S > 0, (S + 1)/√Var(S) if S < 0, 0 if S = 0;
    /// - p = 2·(1 − Φ(|Z|)), computed from the upper tail so small p-values keep their digits.
    ///
    /// `significanceLevel` is the α at which `trend` calls the series increasing or decreasing.
    /// Matches `pymannkendall.original_test` (S, var_s, z, p) and, for τ-b,
    /// `scipy.stats.kendalltau(years, values).statistic`. When every value is equal,
    /// Var(S) = 0 and S = 0: Z = 0 and p = 1.
    ///
    /// - Throws: `AnalysisError.tooFewYears` for fewer than 3 years (e.g. "Mann–Kendall
    ///   needs at least 3 years; got 2 (2023–2024)"), `.duplicateYear`, `.lengthMismatch`,
    ///   `.nonFiniteValue`.
    public static func test(years: [Int], values: [Double], significanceLevel: Double = 0.05) throws -> MannKendallResult {
        try validateLevel(significanceLevel)
        let series = try YearlySeries(statistic: "Mann–Kendall", years: years, values: values,
                                      minimumYears: 3, distinctYears: true)
        let y = series.values
        let n = y.count
        var s = 0
        y.withUnsafeBufferPointer { buffer in
            for i in 0..<(n - 1) {
                let yi = buffer[i]
                var rowSum = 0
                for j in (i + 1)..<n {
                    let yj = buffer[j]
                    rowSum += (yj > yi ? 1 : 0) - (yj < yi ? 1 : 0)
                }
                s += rowSum
            }
        }
        let ties = tieGroupSizes(y)
        let nd = Double(n)
        let tieTerm = ties.reduce(0.0) { total, t in
            let td = Double(t)
            return total + td * (td - 1) * (2 * td + 5)
        }
        let variance = (nd * (nd - 1) * (2 * nd + 5) - tieTerm) / 18
        let z: Double
        if s > 0 && variance > 0 {
            z = Double(s - 1) / variance.squareRoot()
        } else if s < 0 && variance > 0 {
            z = Double(s + 1) / variance.squareRoot()
        } else {
            z = 0
        }
        let p = NormalDistribution.twoSidedPValue(z)
        let pairs = 0.5 * nd * (nd - 1)
        let tiedPairs = ties.reduce(0.0) { $0 + 0.5 * Double($1) * Double($1 - 1) }
        // Every value equal: no untied pair, and τ is 0 like S (scipy returns NaN there).
        let tauB = pairs > tiedPairs ? Double(s) / (pairs * (pairs - tiedPairs)).squareRoot() : 0
        let trend: TrendDirection = p < significanceLevel ? (s > 0 ? .increasing : .decreasing) : .noTrend
        return MannKendallResult(
            s: s, varianceS: variance, z: z, pValue: p, tau: tauB, tauA: Double(s) / pairs, n: n,
            tieGroups: ties, trend: trend, significanceLevel: significanceLevel,
            firstYear: series.years[0], lastYear: series.years[n - 1],
            method: "Mann–Kendall test, tie-corrected variance (Hirsch & Slack 1984), continuity-corrected Z")
    }
}
