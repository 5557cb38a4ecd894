import Foundation

/// Where a rolling window sits relative to the position it is reported at.
public enum WindowAlignment: String, Sendable, Codable, Equatable {
    /// The window ends at the position: values i−w+1 … i (the first w−1 positions are `nil`).
    case trailing
    /// The window is centred on the position: values i−(w−1)/2 … i+(w−1)/2 (odd w only;
    /// the first and last (w−1)/2 positions are `nil`).
    case centred
}

/// Rolling sums and means over a fixed number of consecutive entries (e.g. 3- or 5-year
/// windows on a series with one entry per year). Incomplete windows give `nil` rather than
/// a sum over fewer years, so a 3-year sum is always a sum of three years.
public enum RollingWindow {
    /// Rolling sums, same length as `values`.
    ///
    /// - Throws: `AnalysisError.invalidWindow` for a window below 1, larger than the series,
    ///   or even with `.centred` alignment.
    public static func sums(_ values: [Double], window: Int, alignment: WindowAlignment = .trailing) throws -> [Double?] {
        guard window >= 1 else { throw AnalysisError.invalidWindow(window: window, reason: "it must be at least 1") }
        guard window <= values.count else {
            throw AnalysisError.invalidWindow(window: window, reason: "the series has only \(values.count) entries")
        }
        if alignment == .centred && window % 2 == 0 {
            throw AnalysisError.invalidWindow(window: window, reason: "a centred window needs an odd length")
        }
        var result = [Double?](repeating: nil, count: values.count)
        let shift = alignment == .trailing ? window - 1 : window / 2
        for end in (window - 1)..<values.count {
            // Summed afresh per window (not a running difference) so no rounding accumulates.
            var sum = 0.0
            for i in (end - window + 1)...end { sum += values[i] }
            result[end - window + 1 + shift] = sum
        }
        return result
    }

    /// Rolling means (sum / window), same conventions as `sums`.
    public static func means(_ values: [Double], window: Int, alignment: WindowAlignment = .trailing) throws -> [Double?] {
        try sums(values, window: window, alignment: alignment).map { $0.map { $0 / Double(window) } }
    }
}

/// Running totals.
public enum CumulativeSum {
    /// Cumulative sums: element i is values[0] + … + values[i].
    public static func of(_ values: [Double]) -> [Double] {
        var total = 0.0
        return values.map { value in
            total += value
            return total
        }
    }

    /// Cumulative sums of counts.
    public static func of(_ values: [Int]) -> [Int] {
        var total = 0
        return values.map { value in
            total += value
            return total
        }
    }
}
