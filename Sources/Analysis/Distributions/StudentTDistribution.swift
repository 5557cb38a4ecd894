import Foundation

/// Student's t distribution with ν degrees of freedom (ν > 0, not necessarily an integer).
public struct StudentTDistribution: Sendable, Equatable {
    /// Degrees of freedom ν.
    public let degreesOfFreedom: Double

    /// - Precondition: `degreesOfFreedom > 0`.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "Student t needs positive degrees of freedom")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T > |t|) through the incomplete beta function: with x = ν/(ν+t²),
    /// P(T > |t|) = ½·I_x(ν/2, ½) (A&S 26.7.1). Both x and 1 − x = t²/(ν+t²) are
    /// formed directly so neither tail loses accuracy.
    private func upperTail(_ absT: Double) -> Double {
        let nu = degreesOfFreedom
        let t2 = absT * absT
        let x = nu / (nu + t2)
        let y = t2 / (nu + t2)
        return 0.5 * SpecialFunctions.regularizedBetaPair(nu / 2, 0.5, x: x, y: y).value
    }

    /// P(T ≤ t) (`scipy.stats.t.cdf`).
    public func cdf(_ t: Double) -> Double {
        if t == 0 { return 0.5 }
        let tail = upperTail(abs(t))
        return t < 0 ? tail : 1 - tail
    }

    /// P(T > t) (`scipy.stats.t.sf`).
    public func survival(_ t: Double) -> Double {
        cdf(-t)
    }

    /// Two-sided p-value P(|T| ≥ |t|).
    public func twoSidedPValue(_ t: Double) -> Double {
        min(1, 2 * upperTail(abs(t)))
    }

    /// The t with P(T ≤ t) = p (`scipy.stats.t.ppf`), by inverting the incomplete beta
    /// relation above: solve I_x(ν/2, ½) = 2·min(p, 1−p) for x, then t = √(ν(1−x)/x).
    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability must be in [0, 1]")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let tail = min(p, 1 - p)
        let nu = degreesOfFreedom
        let solution = SpecialFunctions.inverseRegularizedBetaPair(nu / 2, 0.5, p: 2 * tail, q: 1 - 2 * tail)
        let t = (nu * solution.y / solution.x).squareRoot()
        return p < 0.5 ? -t : t
    }
}
