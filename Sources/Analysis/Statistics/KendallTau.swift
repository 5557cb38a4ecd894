import Foundation

/// Kendall's rank correlation tau-b between two variables.
public struct KendallTauResult: Sendable, Codable, Equatable {
    /// Tau-b = (C − D)/√((N − Tx)(N − Ty)), ties counted as in Kendall (1945).
    public var tau: Double
    /// Two-sided p-value for "no association".
    public var pValue: Double
    /// Number of pairs of observations.
    public var n: Int
    /// `exact` (no ties and n ≤ 33, or at most one discordant/concordant pair) or `asymptotic`.
    public var pValueMethod: PValueMethod
    /// Method name.
    public var method: String

    /// How the p-value was obtained.
    public enum PValueMethod: String, Sendable, Codable, Equatable {
        case exact
        case asymptotic
    }
}

/// Kendall's tau-b, a cross-check of the Mann–Kendall statistic (with x = years, tau-b
/// and tau-a coincide when neither variable has ties).
public enum KendallTau {
    /// Computes tau-b and its two-sided p-value exactly as `scipy.stats.kendalltau(x, y)`
    /// (default `method='auto'`): the exact null distribution of the number of inversions
    /// (Kendall 1970) when there are no ties and n ≤ 33 (or at most one discordant or
    /// concordant pair), otherwise the normal approximation with the tie-corrected
    /// variance of Kendall (1970) eq. 4.4 (scipy's `_kendall` variance).
    ///
    /// - Throws: `AnalysisError.tooFewYears` for fewer than 3 pairs, `.lengthMismatch`,
    ///   `.nonFiniteValue`, and `.constantYears` when either variable is constant
    ///   (tau is then undefined; scipy returns NaN).
    public static func tauB(x: [Double], y: [Double]) throws -> KendallTauResult {
        let statistic = "Kendall's tau"
        guard x.count == y.count else {
            throw AnalysisError.lengthMismatch(statistic: statistic, years: x.count, values: y.count)
        }
        guard x.count >= 3 else {
            throw AnalysisError.tooFewYears(statistic: statistic, needed: 3, got: x.count, firstYear: nil, lastYear: nil)
        }
        // With x the years (the usual use), the error names the year whose value is bad.
        for (xi, yi) in zip(x, y) where !xi.isFinite || !yi.isFinite {
            throw AnalysisError.nonFiniteValue(statistic: statistic, year: xi.isFinite ? Int(xi) : Int.min)
        }
        let n = x.count
        var concordantMinusDiscordant = 0
        var discordant = 0
        for i in 0..<(n - 1) {
            for j in (i + 1)..<n {
                let dx = x[j] - x[i]
                let dy = y[j] - y[i]
                // Pairs tied in x or y (or both) count as neither concordant nor discordant.
                if dx != 0 && dy != 0 {
                    if (dx > 0) == (dy > 0) {
                        concordantMinusDiscordant += 1
                    } else {
                        concordantMinusDiscordant -= 1
                        discordant += 1
                    }
                }
            }
        }
        func tieStatistics(_ values: [Double]) -> (pairs: Int, t0: Double, t1: Double) {
            var pairs = 0, t0 = 0.0, t1 = 0.0
            for t in tieGroupSizes(values) {
                let td = Double(t)
                pairs += t * (t - 1) / 2
                t0 += td * (td - 1) * (td - 2)
                t1 += td * (td - 1) * (2 * td + 5)
            }
            return (pairs, t0, t1)
        }
        let xTies = tieStatistics(x)
        let yTies = tieStatistics(y)
        let total = n * (n - 1) / 2
        if xTies.pairs == total {
            throw AnalysisError.constantYears(statistic: statistic, year: Int(x[0]))
        }
        if yTies.pairs == total {
            throw AnalysisError.estimateAtInfinity(statistic: statistic, reason: "every value is equal, so tau is undefined")
        }
        let tau = max(-1, min(1, Double(concordantMinusDiscordant)
            / (Double(total - xTies.pairs).squareRoot() * Double(total - yTies.pairs).squareRoot())))
        let noTies = xTies.pairs == 0 && yTies.pairs == 0
        if noTies && (n <= 33 || min(discordant, total - discordant) <= 1) {
            return KendallTauResult(tau: tau, pValue: exactPValue(n: n, concordant: total - discordant), n: n,
                                    pValueMethod: .exact, method: "Kendall tau-b, exact null distribution")
        }
        let nd = Double(n)
        let m = nd * (nd - 1)
        let variance = (m * (2 * nd + 5) - xTies.t1 - yTies.t1) / 18
            + 2 * Double(xTies.pairs) * Double(yTies.pairs) / m
            + xTies.t0 * yTies.t0 / (9 * m * (nd - 2))
        let z = Double(concordantMinusDiscordant) / variance.squareRoot()
        return KendallTauResult(tau: tau, pValue: NormalDistribution.twoSidedPValue(z), n: n,
                                pValueMethod: .asymptotic, method: "Kendall tau-b, normal approximation with tie-corrected variance")
    }

    /// Two-sided exact p-value: twice the probability of at most min(c, N − c) concordant
    /// pairs among random permutations, from the inversion-count recurrence (scipy's
    /// `_kendall_p_exact`, normalised by j at each step so nothing overflows).
    static func exactPValue(n: Int, concordant: Int) -> Double {
        let total = n * (n - 1) / 2
        let c = min(concordant, total - concordant)
        if n <= 2 { return 1 }
        if c == 0 { return min(1, 2 * exp(-SpecialFunctions.logGamma(Double(n + 1)))) }
        if c == 1 { return min(1, 2 * exp(-SpecialFunctions.logGamma(Double(n)))) }
        if 4 * c == n * (n - 1) { return 1 }
        var counts = [Double](repeating: 0, count: c + 1)
        counts[0] = 1
        counts[1] = 1
        for j in 3...n {
            var running = 0.0
            for index in 0...c {
                running += counts[index]
                counts[index] = running
            }
            let jd = Double(j)
            for index in 0...c { counts[index] /= jd }
            if j <= c {
                for index in stride(from: c, through: j, by: -1) {
                    counts[index] -= counts[index - j]
                }
            }
        }
        return min(1, counts.reduce(0, +))
    }
}
