import Foundation

/// A validated yearly series, sorted by year (stable, so the caller's order of equal years is kept).
struct YearlySeries {
    let years: [Int]
    let values: [Double]

    var count: Int { years.count }
    var firstYear: Int? { years.first }
    var lastYear: Int? { years.last }

    /// Checks lengths, finiteness, the minimum length, and (optionally) distinct years.
    init(statistic: String, years: [Int], values: [Double], minimumYears: Int, distinctYears: Bool) throws {
        guard years.count == values.count else {
            throw AnalysisError.lengthMismatch(statistic: statistic, years: years.count, values: values.count)
        }
        let order = years.indices.sorted { years[$0] < years[$1] || (years[$0] == years[$1] && $0 < $1) }
        let sortedYears = order.map { years[$0] }
        let sortedValues = order.map { values[$0] }
        for (year, value) in zip(sortedYears, sortedValues) where !value.isFinite {
            throw AnalysisError.nonFiniteValue(statistic: statistic, year: year)
        }
        guard sortedYears.count >= minimumYears else {
            throw AnalysisError.tooFewYears(statistic: statistic, needed: minimumYears, got: sortedYears.count,
                                            firstYear: sortedYears.first, lastYear: sortedYears.last)
        }
        if distinctYears {
            for i in sortedYears.indices.dropFirst() where sortedYears[i] == sortedYears[i - 1] {
                throw AnalysisError.duplicateYear(statistic: statistic, year: sortedYears[i])
            }
        } else if let first = sortedYears.first, sortedYears.last == first {
            throw AnalysisError.constantYears(statistic: statistic, year: first)
        }
        self.years = sortedYears
        self.values = sortedValues
    }
}

func validateLevel(_ level: Double) throws {
    guard level > 0 && level < 1 else { throw AnalysisError.invalidLevel(level) }
}

/// Median of a non-empty array (mean of the two middle values when the count is even).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid])
}

/// Sizes of groups of equal values (only groups of two or more matter for tie corrections).
func tieGroupSizes(_ values: [Double]) -> [Int] {
    let sorted = values.sorted()
    var groups: [Int] = []
    var run = 1
    for i in sorted.indices.dropFirst() {
        if sorted[i] == sorted[i - 1] {
            run += 1
        } else {
            if run > 1 { groups.append(run) }
            run = 1
        }
    }
    if run > 1 { groups.append(run) }
    return groups
}
