import Foundation

extension SpecialFunctions {

    /// x^a·y^b/B(a,b) with y = 1 − x passed separately so callers that know 1 − x
    /// more accurately than `1 - x` (Student t, binomial) keep that accuracy.
    ///
    /// For a, b ≥ 10 the Stirling form of B(a,b) is folded in analytically:
    /// x^a y^b/B = √(ab/(2π(a+b))) · exp(a·L(d/x₀) + b·L(−d/y₀) − Δμ), with x₀ = a/(a+b),
    /// d = x − x₀, L(t) = log(1+t) − t and Δμ the Stirling remainders; the linear terms
    /// a·d/x₀ and −b·d/y₀ cancel exactly (DiDonato & Morris 1992, Boost `ibeta_power_terms`).
    static func betaPrefix(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> Double {
        if x == 0 || y == 0 { return 0 }
        if a >= 10 && b >= 10 {
            let sum = a + b
            let x0 = a / sum
            let y0 = b / sum
            let xRatio = x / x0
            let yRatio = y / y0
            var exponent: Double
            if xRatio > 0.5 && xRatio < 2 && yRatio > 0.5 && yRatio < 2 {
                let d = x0 > 0.5 ? y0 - y : x - x0
                exponent = a * log1pMinusX(d / x0) + b * log1pMinusX(-d / y0)
            } else {
                // Far from the mode the exponent is large and dominated by one term; forming
                // d/x₀ there would lose digits of x, so take the logarithms directly.
                exponent = a * log(xRatio) + b * log(yRatio)
            }
            exponent -= stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(sum)
            return (a * b / (2 * Double.pi * sum)).squareRoot() * exp(exponent)
        }
        return exp(a * log(x) + b * log(y) - logBeta(a, b))
    }

    /// Continued fraction for I_x(a,b) (A&S 26.5.8, modified Lentz), valid and fast
    /// for x < (a+1)/(a+b+2).
    private static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        for _ in 0..<1_000_000 {
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            m += 1
        }
        return h
    }

    /// I_x(a,b) and its complement 1 − I_x(a,b), each computed on the side where it is
    /// the small, directly evaluated quantity.
    static func regularizedBetaPair(_ a: Double, _ b: Double, x: Double, y: Double) -> (value: Double, complement: Double) {
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        if x < (a + 1) / (a + b + 2) {
            let v = betaPrefix(a, b, x, y) * betaContinuedFraction(a, b, x) / a
            return (v, 1 - v)
        }
        let w = betaPrefix(b, a, y, x) * betaContinuedFraction(b, a, y) / b
        return (1 - w, w)
    }

    /// Regularized incomplete beta function I_x(a, b), a, b > 0, 0 ≤ x ≤ 1
    /// (`scipy.special.betainc`).
    public static func regularizedBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        precondition(a > 0 && b > 0 && x >= 0 && x <= 1, "regularizedBeta needs a, b > 0 and 0 ≤ x ≤ 1")
        return regularizedBetaPair(a, b, x: x, y: 1 - x).value
    }

    /// The x with I_x(a, b) = p (`scipy.special.betaincinv`), 0 ≤ p ≤ 1.
    public static func inverseRegularizedBeta(_ a: Double, _ b: Double, _ p: Double) -> Double {
        inverseRegularizedBetaPair(a, b, p: p, q: 1 - p).x
    }

    /// Solves I_x(a,b) = p (equivalently 1 − I_x = q) and returns both x and y = 1 − x,
    /// each accurate to a few ulp. Works on the smaller tail by the symmetry
    /// I_x(a,b) = 1 − I_(1−x)(b,a), so that tail's relative accuracy is kept.
    ///
    /// Starting value: Abramowitz & Stegun 26.5.22 (normal approximation) for a, b ≥ 1,
    /// otherwise the power-law tails of Numerical Recipes §6.4; then Halley steps
    /// inside a bracket [lower, upper] that shrinks with every evaluation, with bisection
    /// whenever a step would leave it.
    static func inverseRegularizedBetaPair(_ a: Double, _ b: Double, p: Double, q: Double) -> (x: Double, y: Double) {
        precondition(a > 0 && b > 0 && p >= 0 && p <= 1 && q >= 0 && q <= 1, "inverseRegularizedBeta needs a, b > 0 and p in [0, 1]")
        if p == 0 { return (0, 1) }
        if q == 0 { return (1, 0) }
        if p > q {
            let swapped = inverseRegularizedBetaPair(b, a, p: q, q: p)
            return (swapped.y, swapped.x)
        }
        // From here p ≤ 0.5: solve I_x(a,b) = p for x in the lower tail.
        var x: Double
        if a >= 1 && b >= 1 {
            let t = (-2 * log(p)).squareRoot()
            let z = -(t - (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)))
            let al = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = z * (al + h).squareRoot() / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
            x = a / (a + b * exp(2 * w))
        } else {
            let lna = log(a / (a + b))
            let lnb = log(b / (a + b))
            let t = exp(a * lna) / a
            let u = exp(b * lnb) / b
            let w = t + u
            x = p < t / w ? pow(a * w * p, 1 / a) : 1 - pow(b * w * q, 1 / b)
        }
        if !(x > 0 && x < 1) { x = 0.5 }
        let logBetaAB = logBeta(a, b)
        let root = solveIncreasing(start: x, lower: 0, upper: 1) { x in
            let y = 1 - x
            let residual = regularizedBetaPair(a, b, x: x, y: y).value - p
            // dI/dx = x^(a−1) y^(b−1)/B(a,b); d²I/dx² / dI/dx = (a−1)/x − (b−1)/y.
            let density = (a >= 10 && b >= 10)
                ? betaPrefix(a, b, x, y) / (x * y)
                : exp((a - 1) * log(x) + (b - 1) * log(y) - logBetaAB)
            return HalleyTerms(residual: residual, derivative: density, curvature: (a - 1) / x - (b - 1) / y)
        }
        return (root, 1 - root)
    }
}
