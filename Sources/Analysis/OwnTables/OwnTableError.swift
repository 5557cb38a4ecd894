/// Why a user's own table cannot be counted or compared as asked, with what to do about it.
public enum OwnTableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The table has no row to count (after blanks were left out).
    case noRows(String)
    /// Two rows give a count for the same year (and series).
    case duplicateYear(year: Int, series: String?, lines: [Int], labels: CountLabels)
    /// A row lies outside the coverage the schema states.
    case outsideCoverage(year: Int, line: Int, range: ClosedRange<Int>, table: String)
    /// A counts table split by a column has a row with that column blank.
    case blankSeries(line: Int, column: String)
    /// A period in months over yearly counts: a year's count cannot be split.
    case partYearOfCounts(period: String, year: Int, time: String)
    /// A period's total needs every year's count, and one is unknown.
    case unknownYearsInPeriod(period: String, years: String, count: String)
    /// A period reaches beyond the years the table speaks for.
    case periodOutsideTable(period: String, range: ClosedRange<Int>, table: String)

    /// The line of the table the problem is on, when it is one row's.
    public var line: Int? {
        switch self {
        case let .duplicateYear(_, _, lines, _): return lines.last
        case let .outsideCoverage(_, line, _, _), let .blankSeries(line, _): return line
        default: return nil
        }
    }

    /// What is wrong, in one sentence.
    public var message: String {
        switch self {
        case let .noRows(table):
            return "\(table) has no row with a date to count"
        case let .duplicateYear(year, series, lines, labels):
            let which = series.map { " and \(labels.series ?? "series") \($0)" } ?? ""
            return "lines \(lines.map(String.init).joined(separator: " and ")) both give a count of \(labels.count) for \(year)\(which)"
        case let .outsideCoverage(year, _, range, table):
            return "this row is dated \(year), outside the coverage \(range.lowerBound)–\(range.upperBound) that \(table)'s schema states"
        case let .blankSeries(_, column):
            return "this row's \(column) is blank: a count must say which \(column) it is for"
        case let .partYearOfCounts(period, year, time):
            return "the period \(period) covers only part of \(year), but the table gives one count per \(time); a year's count cannot be split"
        case let .unknownYearsInPeriod(period, years, count):
            return "the total of \(count) over \(period) is unknown: \(years) \(years.contains(",") || years.contains("–") ? "have" : "has") no known count"
        case let .periodOutsideTable(period, range, table):
            return "the period \(period) reaches beyond \(table)'s years \(range.lowerBound)–\(range.upperBound); a year without data is unknown, not 0"
        }
    }

    /// How to fix it.
    public var hint: String {
        switch self {
        case .noRows: return "add rows, or fill in the time column"
        case let .duplicateYear(_, series, _, labels):
            return series == nil
                ? "each year needs one row; if the table has a row per group, name the group's column with --by (by: in a spec block, by= in a placeholder), or leave out --count (count:, count=) to count rows as events"
                : "each year and \(labels.series ?? "series") needs one row; sum the rows first, or leave out --count to count rows as events"
        case .outsideCoverage: return "correct the row or the schema's coverage"
        case .blankSeries: return "fill the cell, or leave out --by to count all rows together"
        case .partYearOfCounts: return "give whole years, e.g. 2001-2011"
        case .unknownYearsInPeriod: return "choose a period whose years all have a count, or fill in the missing rows"
        case let .periodOutsideTable(_, range, _): return "choose a period inside \(range.lowerBound)–\(range.upperBound)"
        }
    }

    /// "what is wrong (hint: how to fix it)", for messages without a location.
    public var description: String { "\(message) (hint: \(hint))" }
}
