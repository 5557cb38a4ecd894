import Foundation

extension SpecialFunctions {

    /// One evaluation for `solveIncreasing`: the residual f(x) − target, f'(x), and f''(x)/f'(x).
    struct HalleyTerms {
        var residual: Double
        var derivative: Double
        var curvature: Double
    }

    /// Root of an increasing function by Halley's method, safeguarded by a bracket
    /// [lower, upper] that shrinks with every evaluation. A step is replaced by bisection
    /// (geometric when the bracket spans orders of magnitude) when it would leave the
    /// bracket or when the residual failed to halve, so convergence is guaranteed while
    /// the usual case keeps Halley's cubic rate.
    static func solveIncreasing(start: Double, lower initialLower: Double, upper initialUpper: Double,
                                evaluate: (Double) -> HalleyTerms) -> Double {
        var lower = initialLower
        var upper = initialUpper
        var x = start
        var previousResidual = Double.infinity
        for _ in 0..<600 {
            let terms = evaluate(x)
            if terms.residual == 0 { return x }
            if terms.residual > 0 { upper = x } else { lower = x }
            var next = Double.nan
            if terms.derivative > 0 && terms.derivative.isFinite {
                let newton = terms.residual / terms.derivative
                let denominator = 1 - 0.5 * newton * terms.curvature
                let step = (denominator > 0.5 && denominator < 2) ? newton / denominator : newton
                next = x - step
                if abs(step) <= 2 * Double.ulpOfOne * abs(x) {
                    return (next > lower && next < upper) ? next : x
                }
            }
            let slow = abs(terms.residual) > 0.5 * abs(previousResidual)
            if !(next > lower && next < upper) || slow {
                if upper.isInfinite {
                    next = max(2 * x, x + 1)
                } else if lower > 0 && upper / lower > 4 {
                    next = (lower * upper).squareRoot()
                } else if lower == 0 && upper > 0 {
                    next = upper / 16
                } else {
                    next = 0.5 * (lower + upper)
                }
            }
            if upper.isFinite && upper - lower <= 4 * Double.ulpOfOne * abs(upper) { return x }
            previousResidual = terms.residual
            x = next
        }
        return x
    }
}
