import Foundation

/// Special functions used by the statistics engine, implemented in Swift so
/// that results do not depend on the platform's libm beyond `log`, `exp`,
/// `log1p` and `erfc` (all correctly rounded to about one ulp on Linux and Darwin).
///
/// Accuracy targets are relative errors of a few ulp; the tests compare every
/// function against `scipy.special` at ≤ 1e-9 relative error (see
/// `Tests/AnalysisTests/SpecialFunctionTests.swift`).
public enum SpecialFunctions {

    /// Euler–Mascheroni constant γ.
    static let eulerGamma = 0.577_215_664_901_532_860_6

    /// ½·log(2π).
    static let halfLogTwoPi = 0.918_938_533_204_672_741_78

    /// ζ(k) − 1 for k = 2…41 (from `scipy.special.zetac`). Using ζ(k) − 1 instead
    /// of ζ(k) makes the series for log Γ(1+z) converge like (z/2)^k rather than z^k.
    private static let zetaMinusOne: [Double] = [
        0.6449340668482264, 0.2020569031595943, 0.08232323371113819, 0.03692775514336993,
        0.01734306198444914, 0.008349277381922827, 0.00407735619794434, 0.0020083928260822143,
        0.0009945751278180853, 0.0004941886041194645, 0.0002460865533080483, 0.00012271334757848915,
        6.124813505870483e-05, 3.058823630702049e-05, 1.528225940865187e-05, 7.637197637899763e-06,
        3.81729326499984e-06, 1.908212716553939e-06, 9.539620338727962e-07, 4.769329867878064e-07,
        2.38450502727733e-07, 1.1921992596531106e-07, 5.960818905125948e-08, 2.980350351465228e-08,
        1.4901554828365043e-08, 7.45071178983543e-09, 3.725334024788457e-09, 1.862659723513049e-09,
        9.313274324196682e-10, 4.656629065033784e-10, 2.3283118336765053e-10, 1.164155017270052e-10,
        5.820772087902701e-11, 2.9103850444971e-11, 1.4551921891041985e-11, 7.275959835057482e-12,
        3.637979547378651e-12, 1.818989650307066e-12, 9.094947840263888e-13, 4.547473783042154e-13,
    ]

    /// Σ_{k≥2} (−1)^k (ζ(k) − 1) z^k / k, for |z| ≤ 0.5 (Abramowitz & Stegun 6.1.33).
    private static func zetaSeries(_ z: Double) -> Double {
        var sum = 0.0
        var signedPower = z * z  // (−z)^k, which carries the (−1)^k sign
        for (index, zm1) in zetaMinusOne.enumerated() {
            let term = zm1 * signedPower / Double(index + 2)
            sum += term
            if abs(term) <= 1e-18 * abs(sum) { break }
            signedPower *= -z
        }
        return sum
    }

    /// log(1 + t) − t, accurate also when t is small (where the subtraction would cancel).
    ///
    /// For −0.5 ≤ t ≤ 1 uses log(1+t) = 2·atanh(u), u = t/(2+t), so that
    /// log(1+t) − t = −2u²/(1−u) + 2·Σ_{k≥1} u^(2k+1)/(2k+1), with |u| ≤ 1/3.
    public static func log1pMinusX(_ t: Double) -> Double {
        precondition(t > -1, "log1pMinusX needs t > -1")
        guard t >= -0.5 && t <= 1 else { return log1p(t) - t }
        let u = t / (2 + t)
        let u2 = u * u
        var power = u * u2
        var sum = 0.0
        var k = 3.0
        while true {
            let term = power / k
            sum += term
            if abs(term) <= 1e-18 * abs(sum) || k > 80 { break }
            power *= u2
            k += 2
        }
        return -2 * u2 / (1 - u) + 2 * sum
    }

    /// Stirling-series remainder μ(x) = log Γ(x) − [(x − ½)·log x − x + ½·log 2π], for x ≥ 10.
    ///
    /// Ten terms of the asymptotic series B₂ₖ/(2k(2k−1)x^(2k−1)); at x = 10 the first
    /// neglected term is below 1e-20, far under the rounding error of μ.
    static func stirlingRemainder(_ x: Double) -> Double {
        if x < 10 {
            return logGamma(x) - ((x - 0.5) * log(x) - x + halfLogTwoPi)
        }
        let coefficients: [Double] = [
            1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188,
            -691.0 / 360_360, 1.0 / 156, -3617.0 / 122_400, 43867.0 / 244_188, -174_611.0 / 125_400,
        ]
        let inverse = 1 / x
        let inverseSquared = inverse * inverse
        var sum = 0.0
        var power = inverse
        for c in coefficients {
            let term = c * power
            sum += term
            if abs(term) < 1e-19 * abs(sum) { break }
            power *= inverseSquared
        }
        return sum
    }

    /// Natural logarithm of the gamma function, log Γ(x), for x > 0.
    ///
    /// - Near 1 and 2 (the zeros of log Γ) a Taylor series in ζ(k) − 1 keeps full
    ///   relative accuracy (A&S 6.1.33); between 2.5 and 10 the recurrence
    ///   Γ(x) = (x−1)·Γ(x−1) steps down into that range without cancellation;
    ///   from 10 up the Stirling series is used.
    /// - For x < 0.5 the value follows from log Γ(x) = log Γ(1+x) − log x.
    public static func logGamma(_ x: Double) -> Double {
        precondition(x > 0, "logGamma is defined here for x > 0; got \(x)")
        if x.isInfinite { return .infinity }
        if x < 0.5 {
            return logGamma1p(x) - log(x)
        }
        if x < 1.5 {
            return logGamma1p(x - 1)
        }
        if x < 2.5 {
            let z = x - 2
            // log Γ(2+z) = log Γ(1+z) + log(1+z): the −log1p(z) inside log Γ(1+z) cancels exactly.
            return z * (1 - eulerGamma) + zetaSeries(z)
        }
        if x < 10 {
            var y = x
            var product = 1.0
            while y >= 2.5 {
                y -= 1
                product *= y
            }
            return logGamma(y) + log(product)
        }
        return (x - 0.5) * log(x) - x + halfLogTwoPi + stirlingRemainder(x)
    }

    /// log Γ(1 + z) for −0.5 ≤ z < 0.5, accurate near z = 0 where the result vanishes.
    static func logGamma1p(_ z: Double) -> Double {
        if abs(z) > 0.5 { return logGamma(1 + z) }
        return -log1pMinusX(z) - eulerGamma * z + zetaSeries(z)
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a+b), a, b > 0.
    ///
    /// When a or b is large the three log-gamma values are large and nearly cancel;
    /// the Stirling form keeps the large parts together analytically
    /// (DiDonato & Morris 1992, as in Boost's `beta`).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && b > 0, "logBeta needs a, b > 0")
        let small = min(a, b)
        let large = max(a, b)
        if small >= 10 {
            let sum = a + b
            return 0.5 * log(2 * Double.pi / sum)
                + (a - 0.5) * log(a / sum) + (b - 0.5) * log(b / sum)
                + stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(sum)
        }
        if large >= 10 {
            // log Γ(large) − log Γ(large+small) without forming either value.
            let sum = large + small
            let logRatio = (large - 0.5) * log1p(small / large) + small * log(sum) - small
                + stirlingRemainder(sum) - stirlingRemainder(large)
            return logGamma(small) - logRatio
        }
        return logGamma(a) + logGamma(b) - logGamma(a + b)
    }
}
