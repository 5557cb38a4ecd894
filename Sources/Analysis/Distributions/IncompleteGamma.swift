import Foundation

extension SpecialFunctions {

    /// x^a·e^(−x)/Γ(a), the factor shared by both incomplete-gamma expansions.
    ///
    /// For a ≥ 10 it is written as √(a/2π)·exp(a·[log(1+t) − t] − μ(a)) with t = (x−a)/a
    /// (μ the Stirling remainder), so the large terms a·log x, x and log Γ(a) never meet
    /// and cancel; this is the device of Temme (1979) and DiDonato & Morris (1986).
    static func gammaPrefix(_ a: Double, _ x: Double) -> Double {
        if x == 0 { return 0 }
        if a >= 10 {
            // Near x = a the log1p(t) − t form avoids cancellation; far from it, forming t
            // would lose x's low-order digits (1 + t ≠ x/a in floating point), so use logs.
            let ratio = x / a
            let exponent = (ratio > 0.5 && ratio < 2) ? a * log1pMinusX((x - a) / a) : a * log(ratio) - (x - a)
            return (a / (2 * Double.pi)).squareRoot() * exp(exponent - stirlingRemainder(a))
        }
        return exp(a * log(x) - x - logGamma(a))
    }

    /// Series P(a,x) = x^a e^(−x)/Γ(a+1) · Σₙ xⁿ/((a+1)…(a+n)) (A&S 6.5.29); converges for all x,
    /// quickly when x < a + 1.
    private static func gammaPSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        var denominator = a
        for _ in 0..<1_000_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if term < sum * 1e-17 { break }
        }
        return gammaPrefix(a, x) * sum / a
    }

    /// Continued fraction for Q(a,x) (A&S 6.5.31, evaluated by the modified Lentz method);
    /// converges quickly when x > a + 1.
    private static func gammaQContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 0.0
        for _ in 0..<1_000_000 {
            i += 1
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return gammaPrefix(a, x) * h
    }

    /// Regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a), a > 0, x ≥ 0
    /// (`scipy.special.gammainc`).
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "regularizedGammaP needs a > 0 and x ≥ 0")
        if x == 0 { return 0 }
        if x.isInfinite { return 1 }
        if x < a + 1 { return gammaPSeries(a, x) }
        return 1 - gammaQContinuedFraction(a, x)
    }

    /// Regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), computed directly
    /// so that small upper tails keep their relative accuracy (`scipy.special.gammaincc`).
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "regularizedGammaQ needs a > 0 and x ≥ 0")
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        if x < a + 1 { return 1 - gammaPSeries(a, x) }
        return gammaQContinuedFraction(a, x)
    }

    /// The x with P(a, x) = p (`scipy.special.gammaincinv`), for 0 ≤ p ≤ 1.
    public static func inverseRegularizedGammaP(_ a: Double, _ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability must be in [0, 1]")
        return inverseRegularizedGamma(a, p: p, q: 1 - p, solveUpper: p > 0.5)
    }

    /// The x with Q(a, x) = q (`scipy.special.gammainccinv`), for 0 ≤ q ≤ 1.
    public static func inverseRegularizedGammaQ(_ a: Double, _ q: Double) -> Double {
        precondition(q >= 0 && q <= 1, "probability must be in [0, 1]")
        return inverseRegularizedGamma(a, p: 1 - q, q: q, solveUpper: q < 0.5)
    }

    /// Halley iteration on whichever tail is smaller (so its relative accuracy is kept),
    /// safeguarded by a bracket that shrinks every step and bisection when a step leaves it.
    /// Starting values: Wilson–Hilferty for a > 1, the small-x power law otherwise
    /// (as in Numerical Recipes 3rd ed. §6.2.1).
    private static func inverseRegularizedGamma(_ a: Double, p: Double, q: Double, solveUpper: Bool) -> Double {
        precondition(a > 0, "inverseRegularizedGamma needs a > 0")
        if p == 0 { return 0 }
        if q == 0 { return .infinity }
        let logGammaA = logGamma(a)
        var x: Double
        if a > 1 {
            let z = NormalDistribution.quantile(p)
            let s = 1 / (9 * a)
            let cube = 1 - s + z * s.squareRoot()
            x = cube > 0 ? a * cube * cube * cube : exp((log(p) + logGamma(a + 1)) / a)
        } else {
            let t = 1 - a * (0.253 + a * 0.12)
            x = p < t ? pow(p / t, 1 / a) : 1 - log1p(-(p - t) / (1 - t))
            if solveUpper && q < 1e-3 { x = max(x, -log(q) + (a - 1) * log(max(-log(q), 1))) }
        }
        if !(x > 0) || !x.isFinite { x = max(a, 1e-300) }

        return solveIncreasing(start: x, lower: 0, upper: .infinity) { x in
            // Residual > 0 means x is too large; on the upper tail q − Q(a,x) increases with x.
            let residual = solveUpper ? q - regularizedGammaQ(a, x) : regularizedGammaP(a, x) - p
            // dP/dx = x^(a−1) e^(−x)/Γ(a); d²P/dx² / dP/dx = (a−1)/x − 1.
            let density = a >= 10 ? gammaPrefix(a, x) / x : exp((a - 1) * log(x) - x - logGammaA)
            return HalleyTerms(residual: residual, derivative: density, curvature: (a - 1) / x - 1)
        }
    }
}
