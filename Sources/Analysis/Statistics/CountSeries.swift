import Foundation

/// A validated yearly count series for the log-linear models, with centred years.
struct CountSeries {
    let years: [Int]
    let counts: [Double]
    let logExposures: [Double]
    /// Years minus `centreYear`.
    let centredYears: [Double]
    /// Mean of the years; the intercept is reported at this year.
    let centreYear: Double

    var n: Int { years.count }

    init(statistic: String, years: [Int], counts: [Int], exposures: [Double]?) throws {
        guard years.count == counts.count else {
            throw AnalysisError.lengthMismatch(statistic: statistic, years: years.count, values: counts.count)
        }
        if let exposures, exposures.count != years.count {
            throw AnalysisError.lengthMismatch(statistic: statistic, years: years.count, values: exposures.count)
        }
        for (year, count) in zip(years, counts) where count < 0 {
            throw AnalysisError.negativeCount(statistic: statistic, year: year, count: count)
        }
        for exposure in exposures ?? [] where !(exposure > 0 && exposure.isFinite) {
            throw AnalysisError.invalidExposure(statistic: statistic, exposure: exposure)
        }
        let order = years.indices.sorted { years[$0] < years[$1] || (years[$0] == years[$1] && $0 < $1) }
        let sortedYears = order.map { years[$0] }
        guard sortedYears.count >= 3 else {
            throw AnalysisError.tooFewYears(statistic: statistic, needed: 3, got: sortedYears.count,
                                            firstYear: sortedYears.first, lastYear: sortedYears.last)
        }
        guard sortedYears.first != sortedYears.last else {
            throw AnalysisError.constantYears(statistic: statistic, year: sortedYears[0])
        }
        let sortedCounts = order.map { Double(counts[$0]) }
        guard sortedCounts.contains(where: { $0 > 0 }) else {
            throw AnalysisError.allCountsZero(statistic: statistic, years: sortedYears.count,
                                              firstYear: sortedYears[0], lastYear: sortedYears[sortedYears.count - 1])
        }
        // The likelihood keeps increasing towards an infinite slope when every event falls in the
        // first year (or every event in the last): the event-weighted mean year sits on the boundary.
        let yearsWithEvents = Set(zip(sortedYears, sortedCounts).filter { $0.1 > 0 }.map(\.0))
        if yearsWithEvents == [sortedYears[0]] || yearsWithEvents == [sortedYears[sortedYears.count - 1]] {
            throw AnalysisError.estimateAtInfinity(
                statistic: statistic,
                reason: "all events fall in \(yearsWithEvents.first!), the \(yearsWithEvents.first! == sortedYears[0] ? "first" : "last") year, so the fitted trend would be infinitely steep")
        }
        let centre = Double(sortedYears.reduce(0, +)) / Double(sortedYears.count)
        self.years = sortedYears
        self.counts = sortedCounts
        self.logExposures = exposures.map { e in order.map { log(e[$0]) } } ?? Array(repeating: 0, count: sortedYears.count)
        self.centreYear = centre
        self.centredYears = sortedYears.map { Double($0) - centre }
    }
}

/// Small dense linear algebra for 2- and 3-parameter fits.
enum SmallMatrix {
    /// Inverse of a symmetric positive-definite matrix by Gauss–Jordan elimination with
    /// partial pivoting; returns nil when singular.
    static func inverse(_ matrix: [[Double]]) -> [[Double]]? {
        let n = matrix.count
        var a = matrix
        var inv = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                  a[pivot][column] != 0, a[pivot][column].isFinite else { return nil }
            a.swapAt(column, pivot)
            inv.swapAt(column, pivot)
            let scale = a[column][column]
            for j in 0..<n {
                a[column][j] /= scale
                inv[column][j] /= scale
            }
            for row in 0..<n where row != column {
                let factor = a[row][column]
                if factor == 0 { continue }
                for j in 0..<n {
                    a[row][j] -= factor * a[column][j]
                    inv[row][j] -= factor * inv[column][j]
                }
            }
        }
        return inv
    }

    static func multiply(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
        matrix.map { row in zip(row, vector).reduce(0) { $0 + $1.0 * $1.1 } }
    }
}

/// log(y!) for a count.
func logFactorial(_ y: Double) -> Double {
    y < 2 ? 0 : SpecialFunctions.logGamma(y + 1)
}
