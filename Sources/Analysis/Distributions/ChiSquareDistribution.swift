import Foundation

/// The chi-square distribution with k degrees of freedom, Gamma(k/2, scale 2).
public struct ChiSquareDistribution: Sendable, Equatable {
    /// Degrees of freedom k > 0.
    public let degreesOfFreedom: Double

    /// - Precondition: `degreesOfFreedom > 0`.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "chi-square needs positive degrees of freedom")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(X ≤ x) = P(k/2, x/2).
    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : SpecialFunctions.regularizedGammaP(degreesOfFreedom / 2, x / 2)
    }

    /// P(X > x) = Q(k/2, x/2) (`scipy.stats.chi2.sf`).
    public func survival(_ x: Double) -> Double {
        x <= 0 ? 1 : SpecialFunctions.regularizedGammaQ(degreesOfFreedom / 2, x / 2)
    }

    /// The x with P(X ≤ x) = p (`scipy.stats.chi2.ppf`).
    public func quantile(_ p: Double) -> Double {
        2 * SpecialFunctions.inverseRegularizedGammaP(degreesOfFreedom / 2, p)
    }
}
