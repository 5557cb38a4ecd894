import Foundation

/// Tick positions chosen by the extended Wilkinson algorithm: Talbot, Lin & Hanrahan (2010),
/// "An Extension of Wilkinson's Algorithm for Positioning Tick Labels on Axes", IEEE InfoVis.
///
/// It scores candidate label sets on simplicity (nice step multiples, zero included), coverage (the
/// labels span the data without much overshoot) and density (close to the wanted count), and prunes
/// the search with upper bounds on each score, so only a few hundred candidates are evaluated.
struct TickSearch: Sendable {
    /// Nice step multipliers, most preferred first. Talbot et al. also allow 3, but steps of 0.3
    /// or 30 read as odd in print (editors send them back), so labels count in 1s, 2s, 2.5s, 4s and 5s.
    public var niceSteps: [Double] = [1, 5, 2, 2.5, 4]
    /// Weights of simplicity, coverage, density and legibility.
    public var weights: (simplicity: Double, coverage: Double, density: Double, legibility: Double) = (0.25, 0.2, 0.5, 0.05)
    /// Only steps that are whole numbers (years, counts of things).
    public var integerSteps = false
    /// Labels must enclose the data range (useful when the axis is extended to the outer ticks).
    public var onlyLoose = false

    /// A search; integer steps for counts and years, loose labels to enclose the data.
    public init(integerSteps: Bool = false, onlyLoose: Bool = false) {
        self.integerSteps = integerSteps
        self.onlyLoose = onlyLoose
    }

    /// The chosen ticks: from `first` to `last` every `step`.
    public struct Result: Equatable, Sendable {
        /// The lowest tick.
        public var first: Double
        /// The highest tick.
        public var last: Double
        /// The distance between ticks.
        public var step: Double
        /// Every tick value, computed so steps do not accumulate rounding errors.
        public var values: [Double] {
            let count = Int(((last - first) / step).rounded()) + 1
            // Computed from the index, not by repeated addition, so 0.1-steps do not accumulate error.
            return (0..<max(count, 0)).map { i in
                let v = first + Double(i) * step
                return abs(v) < step * 1e-9 ? 0 : v
            }
        }
    }

    /// Ticks for the data range `lower...upper`, aiming at `targetCount` labels.
    public func ticks(from lower: Double, to upper: Double, targetCount: Int) -> Result? {
        guard lower.isFinite, upper.isFinite else { return nil }
        var dmin = lower, dmax = upper
        if dmax - dmin < 1e-12 {
            // A degenerate range: widen around the value so that the search has something to cover.
            let pad = dmin == 0 ? 1 : abs(dmin) * 0.1
            dmin -= pad
            dmax += pad
        }
        let m = max(targetCount, 2)
        var best: Result?
        var bestScore = -2.0
        let w = weights
        let qCount = Double(niceSteps.count)

        var j = 1.0
        outer: while j < 50 {
            for (qIndex, q) in niceSteps.enumerated() {
                let maxSimplicity = 1 - Double(qIndex) / (qCount - 1) - j + 1
                if w.simplicity * maxSimplicity + w.coverage + w.density + w.legibility < bestScore { break outer }
                var k = 2.0
                while k < 100 {
                    let maxDensity = k >= Double(m) ? 2 - (k - 1) / (Double(m) - 1) : 1
                    if w.simplicity * maxSimplicity + w.coverage + w.density * maxDensity + w.legibility < bestScore { break }
                    let delta = (dmax - dmin) / (k + 1) / j / q
                    var z = ceil(log10(delta))
                    while z < 400 {
                        let step = j * q * pow(10, z)
                        let maxCoverage = coverageMax(dmin, dmax, step * (k - 1))
                        if w.simplicity * maxSimplicity + w.coverage * maxCoverage + w.density * maxDensity + w.legibility < bestScore { break }
                        if (integerSteps && (step < 1 || abs(step - step.rounded()) > 1e-9)) || !isNice(j * q) {
                            z += 1
                            continue
                        }
                        let minStart = floor(dmax / step) * j - (k - 1) * j
                        let maxStart = ceil(dmin / step) * j
                        if minStart <= maxStart {
                            var start = minStart
                            while start <= maxStart {
                                let lmin = start * (step / j)
                                let lmax = lmin + step * (k - 1)
                                let s = simplicity(qIndex: qIndex, qCount: qCount, j: j, lmin: lmin, lmax: lmax, step: step)
                                let c = coverage(dmin, dmax, lmin, lmax)
                                let g = density(k: k, m: Double(m), dmin, dmax, lmin, lmax)
                                let score = w.simplicity * s + w.coverage * c + w.density * g + w.legibility
                                let loose = lmin <= dmin + step * 1e-9 && lmax >= dmax - step * 1e-9
                                if score > bestScore && (!onlyLoose || loose) {
                                    bestScore = score
                                    best = Result(first: lmin, last: lmax, step: step)
                                }
                                start += 1
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        return best
    }

    /// Whether labelling every j-th of steps q gives a step a reader counts in: 1, 2, 2.5, 4 or 5
    /// times a power of ten (j = 2 over steps of 4 would give 8; j = 3 anything gives 3s).
    private func isNice(_ multiple: Double) -> Bool {
        let mantissa = multiple / pow(10, floor(log10(multiple) + 1e-12))
        return niceSteps.contains { abs($0 - mantissa) < 1e-9 } || abs(mantissa - 1) < 1e-9
    }

    private func simplicity(qIndex: Int, qCount: Double, j: Double, lmin: Double, lmax: Double, step: Double) -> Double {
        let eps = 1e-10
        let remainder = lmin.truncatingRemainder(dividingBy: step)
        let zeroIncluded = (abs(remainder) < eps || step - abs(remainder) < eps) && lmin <= 0 && lmax >= 0
        return 1 - Double(qIndex) / (qCount - 1) - j + (zeroIncluded ? 1 : 0)
    }

    private func coverage(_ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }

    private func coverageMax(_ dmin: Double, _ dmax: Double, _ span: Double) -> Double {
        let range = dmax - dmin
        guard span > range else { return 1 }
        let half = (span - range) / 2
        return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
    }

    private func density(k: Double, m: Double, _ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = (k - 1) / (lmax - lmin)
        let rt = (m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / rt, rt / r)
    }
}
