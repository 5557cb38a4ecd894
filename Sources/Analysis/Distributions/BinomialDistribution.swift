import Foundation

/// The binomial distribution Binomial(n, p), used for the exact conditional
/// comparison of two Poisson counts.
public struct BinomialDistribution: Sendable, Equatable {
    /// Number of trials n ≥ 0.
    public let trials: Int
    /// Success probability 0 ≤ p ≤ 1.
    public let probability: Double

    /// - Precondition: `trials >= 0` and `0 <= probability <= 1`.
    public init(trials: Int, probability: Double) {
        precondition(trials >= 0 && probability >= 0 && probability <= 1, "Binomial needs n ≥ 0 and 0 ≤ p ≤ 1")
        self.trials = trials
        self.probability = probability
    }

    /// P(X = k), as the incomplete-beta derivative I'_p(k+1, n−k+1)/(n+1)
    /// (the form Boost and scipy use), which avoids forming C(n, k) for large n.
    public func pmf(_ k: Int) -> Double {
        let n = trials
        let p = probability
        guard k >= 0 && k <= n else { return 0 }
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        if k == 0 { return exp(Double(n) * log1p(-p)) }
        if k == n { return exp(Double(n) * log(p)) }
        let a = Double(k + 1)
        let b = Double(n - k + 1)
        let q = 1 - p
        return SpecialFunctions.betaPrefix(a, b, p, q) / (p * q) / Double(n + 1)
    }

    /// P(X ≤ k) = I_(1−p)(n−k, k+1).
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= trials { return 1 }
        return SpecialFunctions.regularizedBetaPair(Double(trials - k), Double(k + 1), x: 1 - probability, y: probability).value
    }

    /// P(X > k) = I_p(k+1, n−k).
    public func survival(_ k: Int) -> Double {
        if k < 0 { return 1 }
        if k >= trials { return 0 }
        return SpecialFunctions.regularizedBetaPair(Double(k + 1), Double(trials - k), x: probability, y: 1 - probability).value
    }

    /// Two-sided exact p-value for observing k, by the "minimum likelihood" rule: the total
    /// probability of all outcomes no more likely than k (within a relative 1e-7, to absorb
    /// rounding in the pmf). This reproduces `scipy.stats.binomtest(k, n, p).pvalue`
    /// step for step, and hence `statsmodels` `binom_test` and
    /// `test_poisson_2indep(method="exact-cond")`, which call it.
    public func twoSidedPValue(_ k: Int) -> Double {
        let n = trials
        let p = probability
        precondition(k >= 0 && k <= n, "k must be within 0…n")
        let threshold = pmf(k) * (1 + 1e-7)
        let expected = p * Double(n)
        if Double(k) == expected { return 1 }
        if Double(k) < expected {
            // Outcomes above the mode with pmf ≤ threshold form an upper tail [first, n];
            // the pmf decreases there, so binary-search its start.
            var low = Int(expected.rounded(.up))
            var high = n + 1
            while low < high {
                let mid = (low + high) / 2
                if pmf(mid) <= threshold { high = mid } else { low = mid + 1 }
            }
            return min(1, cdf(k) + survival(low - 1))
        }
        // Outcomes below the mode with pmf ≤ threshold form a lower tail [0, last].
        var low = -1
        var high = Int(expected.rounded(.down))
        while low < high {
            let mid = (low + high + 1) / 2
            if pmf(mid) <= threshold { low = mid } else { high = mid - 1 }
        }
        return min(1, cdf(low) + survival(k - 1))
    }
}
