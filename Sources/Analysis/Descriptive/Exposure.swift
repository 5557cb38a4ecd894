import Foundation

/// A calendar month, used to state how much of a year a period covers.
public struct YearMonth: Sendable, Codable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1 … 12.
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Months since year 0, for ordering and differences.
    var index: Int { year * 12 + (month - 1) }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.index < rhs.index }

    /// "2024-09".
    public var description: String { String(format: "%04d-%02d", year, month) }
}

/// Exposure (observation time) and rates per year.
public enum Exposure {
    /// Years covered by the months from `start` through `end`, both included, counted in whole
    /// months: 2024-01 … 2024-09 is 9/12 = 0.75 years; 2001-01 … 2011-12 is 11 years.
    ///
    /// - Throws: `AnalysisError.invalidPeriod` when a month is outside 1–12 or `end` precedes `start`.
    public static func years(from start: YearMonth, through end: YearMonth) throws -> Double {
        for value in [start, end] where !(1...12).contains(value.month) {
            throw AnalysisError.invalidPeriod(description: "month \(value.month) of \(value.year) is not between 1 and 12")
        }
        guard end >= start else {
            throw AnalysisError.invalidPeriod(description: "\(end) comes before \(start)")
        }
        return Double(end.index - start.index + 1) / 12
    }

    /// Years covered by whole calendar years `first` … `last`, both included.
    public static func years(first: Int, last: Int) throws -> Double {
        try years(from: YearMonth(year: first, month: 1), through: YearMonth(year: last, month: 12))
    }

    /// Events per year: count / exposure in years.
    ///
    /// - Throws: `AnalysisError.invalidExposure` for a non-positive or non-finite exposure,
    ///   `.invalidCount` for a negative count.
    public static func ratePerYear(count: Int, exposureYears: Double) throws -> Double {
        guard count >= 0 else { throw AnalysisError.invalidCount(statistic: "A rate per year", count: count) }
        guard exposureYears > 0 && exposureYears.isFinite else {
            throw AnalysisError.invalidExposure(statistic: "A rate per year", exposure: exposureYears)
        }
        return Double(count) / exposureYears
    }
}
