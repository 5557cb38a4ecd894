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

/// Where a cumulative count starts: what a growth rate of "documents adopted" is a growth of.
public enum GrowthBase: String, Sendable, Codable, Equatable {
    /// The count of everything up to each year, from the first record on (the default): the
    /// legal base as it stood, with the 1996 agreement counted in 2001.
    case firstRecord = "first-record"
    /// Only the records inside the period are cumulated: growth of what the period added.
    case periodStart = "period-start"
}

/// A compound annual growth rate of a cumulative count, with the base it counts from.
public struct CumulativeGrowthResult: Sendable, Codable, Equatable {
    /// The compound rate of the cumulative count from `firstYear` to `lastYear`.
    public var growth: CompoundGrowthResult
    public var base: GrowthBase
    /// The first year whose records the cumulative count includes.
    public var baseYear: Int
    /// e.g. "cumulative count since the first record (1996)".
    public var baseDescription: String
}

extension GrowthRate {
    /// The compound annual growth of the cumulative count of yearly `counts` between `first`
    /// and `last` (inclusive years). With `.firstRecord` the cumulative count includes every
    /// record before `first` as well, so 2001–2017 grows from what existed in 2001, not from
    /// 2001's records alone; with `.periodStart` only the records from `first` on count.
    ///
    /// - Throws: `.invalidPeriod` when `first` ≥ `last`, `.nonPositiveStartingValue` when the
    ///   cumulative count is 0 at `first`, and the errors of `compoundAnnual`.
    public static func cumulative(years: [Int], counts: [Int], first: Int, last: Int,
                                  base: GrowthBase = .firstRecord) throws -> CumulativeGrowthResult {
        guard first < last else {
            throw AnalysisError.invalidPeriod(description: "a growth rate needs a period of at least two years; got \(first)–\(last)")
        }
        guard years.count == counts.count else {
            throw AnalysisError.lengthMismatch(statistic: "A cumulative growth rate", years: years.count, values: counts.count)
        }
        let records = zip(years, counts).filter { $0.1 > 0 }
        let earliest = records.map(\.0).min() ?? first
        let from = base == .firstRecord ? min(earliest, first) : first
        func cumulativeCount(through year: Int) -> Double {
            Double(records.filter { $0.0 >= from && $0.0 <= year }.reduce(0) { $0 + $1.1 })
        }
        let span = Array(first...last)
        let growth = try compoundAnnual(years: span, values: span.map(cumulativeCount(through:)))
        let description = base == .firstRecord
            ? "cumulative count since the first record (\(from))"
            : "cumulative count of the records from \(first) on"
        return CumulativeGrowthResult(growth: growth, base: base, baseYear: from, baseDescription: description)
    }
}
