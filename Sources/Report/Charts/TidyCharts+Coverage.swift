import Dataset
import Support

/// A schema's coverage (`coverage: {from, to}`) enforced on charts, as `trend --csv` enforces it:
/// the table speaks for those dates only, so a row dated outside them is refused with the reason,
/// never drawn (and never counted, which would make a year the data do not cover look like 0).
extension TidyCharts {
    /// Whether `column` is the table's time, which the coverage dates: a date column (year, month or
    /// day), or an integer column called or titled "year".
    func isTime(_ column: TidyColumn) -> Bool {
        if column.type.isDate { return true }
        guard column.type == .integer else { return false }
        return column.name.lowercased() == "year" || column.title?.lowercased() == "year"
    }

    /// Refuses the first of `rows` whose `column` lies outside the schema's coverage.
    func checkCoverage(of column: TidyColumn, rows: [Int]) throws {
        guard let coverage = table.coverage, coverage.from != nil || coverage.to != nil, isTime(column) else { return }
        for r in rows {
            guard let cell = column.cells[r], let (first, last) = days(of: cell) else { continue }
            let before = coverage.from.map { last < $0.earliestDay } ?? false
            let after = coverage.to.map { first > $0.latestDay } ?? false
            guard before || after else { continue }
            let span = [coverage.from?.description ?? "…", coverage.to?.description ?? "…"].joined(separator: "–")
            throw Diagnostic(rowLocation(r),
                             "\(column.name) \(cell) lies outside the coverage the schema states (\(span)); the table does not speak for it, "
                                 + "so it is neither drawn nor counted",
                             hint: "correct the row, widen coverage (from, to) in the schema if the data do reach it, or remove the row")
        }
    }

    /// The first and last day a time cell stands for.
    private func days(of cell: TidyValue) -> (DayDate, DayDate)? {
        switch cell {
        case .date(let date): return (date.earliestDay, date.latestDay)
        case .integer(let year):
            return (DayDate(year: year, month: 1, day: 1), DayDate(year: year, month: 12, day: 31))
        default: return nil
        }
    }
}
