import Dataset
import Foundation
import Support

/// Reads a user's `TidyTable` as yearly counts: the columns named by `trend`/`compare --csv`
/// (`--time`, `--count`, `--by`) or a report's `time:`, `count:` and `by:`, each checked for its role.
public struct TidyTableCounts: Sendable {
    /// The table read.
    public var table: TidyTable
    /// The time column: integer years or dates.
    public var time: String
    /// The count column; nil reads each row as one event.
    public var count: String?
    /// The column that splits the counts into series.
    public var by: String?

    /// The columns to read; `role` names where each was asked for in messages ("--time", "time:").
    public init(table: TidyTable, time: String, count: String? = nil, by: String? = nil) {
        self.table = table
        self.time = time
        self.count = count
        self.by = by
    }

    /// The counts per year, within `period` when given. An unknown column lists the columns and the
    /// closest name; a column of the wrong type, a negative or fractional count, or a date finer than
    /// a year in a counts table is an error at the cell's line.
    public func yearlyCounts(period: Period? = nil, roles: (time: String, count: String, by: String) = ("--time", "--count", "--by")) throws -> YearlyCountData {
        let timeColumn = try table.column(named: time, for: roles.time)
        guard timeColumn.type == .integer || timeColumn.type.isDate else {
            throw Diagnostic(SourceLocation(file: table.displayName),
                             "\(roles.time) '\(time)' is \(timeColumn.type.article); it must hold years (2001) or dates (2001-06-30)",
                             hint: "name the column of years or dates\(Self.candidates(table, where: { $0 == .integer || $0.isDate }))")
        }
        let countColumn = try count.map { name throws(Diagnostic) in try table.column(named: name, for: roles.count) }
        if let countColumn, !countColumn.type.isNumeric {
            throw Diagnostic(SourceLocation(file: table.displayName),
                             "\(roles.count) '\(countColumn.name)' is \(countColumn.type.article); counts must be whole numbers",
                             hint: "name the column of counts\(Self.candidates(table, except: time, where: \.isNumeric)), or leave out \(roles.count) to count rows as events")
        }
        let byColumn = try by.map { name throws(Diagnostic) in try table.column(named: name, for: roles.by) }
        let labels = CountLabels(
            table: table.title ?? (table.displayName as NSString).lastPathComponent,
            // Rows of events dated to the day are counted per year: the column says which year.
            time: countColumn == nil && timeColumn.type.isDate && timeColumn.type != .date(.year) ? "year of \(timeColumn.displayTitle)" : timeColumn.displayTitle,
            count: countColumn?.displayTitle ?? "events (rows of \((table.displayName as NSString).lastPathComponent))",
            unit: countColumn.map { $0.unit ?? $0.title ?? $0.name } ?? "events",
            series: byColumn?.displayTitle)
        let coverage = Self.coverageYears(table)
        let complete = table.coverage?.complete ?? false
        let location = { (row: Int, column: String) in
            SourceLocation(file: table.displayName, line: table.rowLines[row], column: nil)
        }
        do {
            if let countColumn {
                var rows: [CountObservation] = []
                for row in 0..<table.rowCount {
                    guard let cell = timeColumn.cells[row] else {
                        throw Diagnostic(location(row, time), "the \(timeColumn.name) of this row is blank, so its count cannot be placed in a year",
                                         hint: "fill in the \(timeColumn.name), or remove the row")
                    }
                    let year = try Self.year(of: cell, column: timeColumn, countsTable: true, at: location(row, time))
                    var value: Int?
                    if let number = countColumn.cells[row]?.number {
                        guard number >= 0, number == number.rounded(), number < 1e15 else {
                            throw Diagnostic(location(row, countColumn.name), "\(countColumn.name) is \(TidyValue.number(number)) here; a count is a whole number, 0 or more",
                                             hint: "correct the cell, or leave it blank if the count is unknown")
                        }
                        value = Int(number)
                    }
                    rows.append(CountObservation(series: byColumn?.cells[row]?.description, year: year, count: value, line: table.rowLines[row]))
                }
                return try YearlyCountData.countsTable(rows, labels: labels, complete: complete, coverage: coverage, period: period)
            }
            var rows: [EventObservation] = []
            for row in 0..<table.rowCount {
                var date: PartialDate?
                if let cell = timeColumn.cells[row] {
                    date = try Self.date(of: cell, at: location(row, time))
                }
                rows.append(EventObservation(series: byColumn?.cells[row]?.description, date: date, line: table.rowLines[row]))
            }
            return try YearlyCountData.eventRows(rows, labels: labels, coverage: coverage, period: period)
        } catch let error as OwnTableError {
            throw Diagnostic(SourceLocation(file: table.displayName, line: error.line, column: nil), error.message, hint: error.hint)
        }
    }

    /// The years the schema's coverage states, when it states both ends.
    static func coverageYears(_ table: TidyTable) -> ClosedRange<Int>? {
        guard let from = table.coverage?.from?.year, let to = table.coverage?.to?.year, from <= to else { return nil }
        return from...to
    }

    /// ": year, date" — the columns that could fill a role, for hints.
    static func candidates(_ table: TidyTable, except taken: String? = nil, where fits: (TidyColumnType) -> Bool) -> String {
        let names = table.columns.filter { fits($0.type) && $0.name != taken }.map(\.name)
        return names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"
    }

    /// The year of a time cell; a counts table's time must be a year, since its counts are per year.
    static func year(of cell: TidyValue, column: TidyColumn, countsTable: Bool, at location: SourceLocation) throws -> Int {
        switch cell {
        case .integer(let year):
            _ = try date(of: cell, at: location)
            return year
        case .date(let date):
            if countsTable && date.precision != .year {
                throw Diagnostic(location, "\(column.name) is \(date) here, but a counts table gives one count per year",
                                 hint: "write the year alone (\(date.year)); counts per month or day must be summed to years first")
            }
            return date.year
        default:
            throw Diagnostic(location, "\(column.name) is not a year or date here")
        }
    }

    /// The date of a time cell: a date, or an integer year.
    static func date(of cell: TidyValue, at location: SourceLocation) throws -> PartialDate {
        switch cell {
        case .date(let date): return date
        case .integer(let year):
            do { return try PartialDate(year: year) } catch {
                throw Diagnostic(location, "\(year) is not a year SCOBrief can place (\(error))", hint: "write a four-digit year")
            }
        default:
            throw Diagnostic(location, "this cell is not a year or date")
        }
    }
}
