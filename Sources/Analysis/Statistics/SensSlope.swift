import Foundation

/// Sen's (Theil–Sen) slope with its rank-based confidence interval.
public struct SensSlopeResult: Sendable, Codable, Equatable {
    /// Median of all pairwise slopes (y_j − y_i)/(x_j − x_i), per year.
    public var slope: Double
    /// median(y) − slope·median(year) (scipy's default `method='separate'`).
    public var intercept: Double
    /// Distribution-free interval for the slope (Sen 1968; Gilbert 1987 §16.5).
    public var interval: ConfidenceInterval
    /// Number of years.
    public var n: Int
    /// Number of pairwise slopes (pairs with different years).
    public var numberOfSlopes: Int
    /// Method name.
    public var method: String
}

/// Sen's slope estimator (Sen 1968; Theil 1950).
public enum SensSlope {
    /// Estimates the slope per year and its confidence interval.
    ///
    /// The interval follows Gilbert (1987) §16.5 in the form `scipy.stats.theilslopes`
    /// computes (Sen 1968, eq. 2.6), which this function matches exactly:
    /// with N slopes sorted ascending, z = Φ⁻¹((1−level)/2) (negative) and
    /// σ² = [n(n−1)(2n+5) − Σ t(t−1)(2t+5) over tied years − Σ over tied values]/18,
    /// the limits are the slopes at zero-based indices
    /// `max(round((N + zσ)/2) − 1, 0)` and `min(round((N − zσ)/2), N − 1)`,
    /// with `round` to nearest, ties to even (NumPy's rule).
    /// Years must be distinct here, so the tied-years term is zero.
    ///
    /// Memory is one `Double` per pair (n(n−1)/2: 14 KB for 60 years, 400 MB for 10,000
    /// points); order statistics are found by quickselect, so the cost is O(n²) time rather
    /// than O(n² log n).
    ///
    /// - Throws: `AnalysisError.tooFewYears` (fewer than 3 years), `.duplicateYear`,
    ///   `.lengthMismatch`, `.nonFiniteValue`, `.invalidLevel`.
    public static func estimate(years: [Int], values: [Double], level: Double = 0.95) throws -> SensSlopeResult {
        try validateLevel(level)
        let series = try YearlySeries(statistic: "Sen's slope", years: years, values: values,
                                      minimumYears: 3, distinctYears: true)
        let n = series.count
        let x = series.years.map(Double.init)
        let y = series.values
        var slopes = [Double]()
        slopes.reserveCapacity(n * (n - 1) / 2)
        for i in 0..<(n - 1) {
            for j in (i + 1)..<n {
                slopes.append((y[j] - y[i]) / (x[j] - x[i]))
            }
        }
        let count = slopes.count
        let nd = Double(n)
        let yTies = tieGroupSizes(y).reduce(0.0) { total, t in
            let td = Double(t)
            return total + td * (td - 1) * (2 * td + 5)
        }
        let sigma = max(0, (nd * (nd - 1) * (2 * nd + 5) - yTies) / 18).squareRoot()
        let z = NormalDistribution.quantile((1 - level) / 2)
        let upperIndex = min(Int(((Double(count) - z * sigma) / 2).rounded(.toNearestOrEven)), count - 1)
        let lowerIndex = max(Int(((Double(count) + z * sigma) / 2).rounded(.toNearestOrEven)) - 1, 0)
        var wanted = [lowerIndex, upperIndex, (count - 1) / 2, count / 2]
        wanted = Array(Set(wanted)).sorted()
        let orderStatistics = OrderStatistics.select(&slopes, ranks: wanted)
        let slope = 0.5 * (orderStatistics[(count - 1) / 2]! + orderStatistics[count / 2]!)
        let intercept = median(y) - slope * median(x)
        return SensSlopeResult(
            slope: slope, intercept: intercept,
            interval: ConfidenceInterval(lower: orderStatistics[lowerIndex]!, upper: orderStatistics[upperIndex]!, level: level),
            n: n, numberOfSlopes: count,
            method: "Sen's slope; rank-based interval of Sen (1968) / Gilbert (1987) §16.5 as in scipy.stats.theilslopes")
    }
}

/// k-th smallest elements by quickselect (Hoare 1961) with median-of-three pivots.
enum OrderStatistics {
    /// Returns the values at the given zero-based ranks (ascending) of `values`,
    /// partially reordering `values` in place. Each later rank searches only the part
    /// of the array right of the previous one.
    static func select(_ values: inout [Double], ranks: [Int]) -> [Int: Double] {
        var result: [Int: Double] = [:]
        var low = 0
        values.withUnsafeMutableBufferPointer { buffer in
            for rank in ranks.sorted() {
                let value = quickselect(buffer, low: low, high: buffer.count - 1, k: rank)
                result[rank] = value
                low = rank
            }
        }
        return result
    }

    private static func quickselect(_ a: UnsafeMutableBufferPointer<Double>, low initialLow: Int, high initialHigh: Int, k: Int) -> Double {
        var low = initialLow
        var high = initialHigh
        while high > low {
            let mid = low + (high - low) / 2
            // Median of three as the pivot, to avoid quadratic behaviour on sorted input.
            if a[mid] < a[low] { a.swapAt(mid, low) }
            if a[high] < a[low] { a.swapAt(high, low) }
            if a[high] < a[mid] { a.swapAt(high, mid) }
            let pivot = a[mid]
            var i = low
            var j = high
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return a[k]
            }
        }
        return a[k]
    }
}
