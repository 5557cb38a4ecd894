import Foundation

/// Compound annual growth rate between the first and last year of a series.
public struct CompoundGrowthResult: Sendable, Codable, Equatable {
    /// (last/first)^(1/years) − 1, e.g. 0.12 for 12% a year.
    public var rate: Double
    public var firstYear: Int
    public var lastYear: Int
    public var firstValue: Double
    public var lastValue: Double
    /// lastYear − firstYear.
    public var yearsApart: Int
    /// Method name.
    public var method: String
}

/// Growth from one observed year to the next.
public struct YearOnYearGrowth: Sendable, Codable, Equatable {
    public var year: Int
    public var previousYear: Int
    public var value: Double
    public var previousValue: Double
    /// value − previousValue.
    public var change: Double
    /// value/previousValue − 1; `nil` when the previous value is 0 (growth from nothing is undefined).
    public var growth: Double?
    /// Growth per year, (value/previousValue)^(1/gap) − 1, for steps spanning more than one
    /// year; equal to `growth` for consecutive years; `nil` when undefined.
    public var annualizedGrowth: Double?
}

/// Growth rates of yearly series.
public enum GrowthRate {
    /// Compound annual growth rate of a (typically cumulative) series, first → last year:
    /// CAGR = (V_last/V_first)^(1/(year_last − year_first)) − 1. Intermediate values do not
    /// enter; years are sorted first.
    ///
    /// - Throws: `AnalysisError.tooFewYears` (fewer than 2), `.constantYears`,
    ///   `.nonPositiveStartingValue` (the first value must be > 0), `.nonFiniteValue`,
    ///   `.lengthMismatch`, and `.nonPositiveStartingValue` for a negative last value.
    public static func compoundAnnual(years: [Int], values: [Double]) throws -> CompoundGrowthResult {
        let statistic = "A compound annual growth rate"
        let series = try YearlySeries(statistic: statistic, years: years, values: values, minimumYears: 2, distinctYears: false)
        let first = series.values[0]
        let last = series.values[series.count - 1]
        let firstYear = series.years[0]
        let lastYear = series.years[series.count - 1]
        guard first > 0 else {
            throw AnalysisError.nonPositiveStartingValue(statistic: statistic, year: firstYear, value: first)
        }
        guard last >= 0 else {
            throw AnalysisError.nonPositiveStartingValue(statistic: statistic, year: lastYear, value: last)
        }
        let span = lastYear - firstYear
        return CompoundGrowthResult(
            rate: pow(last / first, 1 / Double(span)) - 1,
            firstYear: firstYear, lastYear: lastYear, firstValue: first, lastValue: last, yearsApart: span,
            method: "Compound annual growth rate, (last/first)^(1/years) − 1")
    }

    /// Growth between each observed year and the previous observed year (years sorted;
    /// gaps allowed and annualised).
    ///
    /// - Throws: `.tooFewYears` (fewer than 2), `.duplicateYear`, `.nonFiniteValue`, `.lengthMismatch`.
    public static func yearOnYear(years: [Int], values: [Double]) throws -> [YearOnYearGrowth] {
        let series = try YearlySeries(statistic: "Year-on-year growth", years: years, values: values,
                                      minimumYears: 2, distinctYears: true)
        return (1..<series.count).map { i in
            let previous = series.values[i - 1]
            let value = series.values[i]
            let gap = series.years[i] - series.years[i - 1]
            let ratio = previous == 0 ? nil : value / previous
            let annualized: Double? = ratio.flatMap { r in
                if gap == 1 { return r - 1 }
                return r >= 0 ? pow(r, 1 / Double(gap)) - 1 : nil
            }
            return YearOnYearGrowth(year: series.years[i], previousYear: series.years[i - 1], value: value,
                                    previousValue: previous, change: value - previous,
                                    growth: ratio.map { $0 - 1 }, annualizedGrowth: annualized)
        }
    }
}
