import Dataset

/// The words a user's table gives its numbers, so every output names the table's columns
/// ("Incidents (events)", "Region"), never the corpus's "attacks".
public struct CountLabels: Sendable, Hashable {
    /// The table's title, or its file name.
    public var table: String
    /// The time column's title ("Year").
    public var time: String
    /// What is counted, as a column title: the count column's title and unit ("Incidents (events)"),
    /// or "events (rows of survey.csv)" for a table of one row per event.
    public var count: String
    /// The unit a slope is per year of: the count column's unit, else its name ("incidents").
    public var unit: String
    /// The `--by` column's title ("Region"), when the counts are split by one.
    public var series: String?

    /// Labels for a table's counts.
    public init(table: String, time: String, count: String, unit: String, series: String? = nil) {
        self.table = table
        self.time = time
        self.count = count
        self.unit = unit
        self.series = series
    }
}

/// One row of a user's table as the analysis reads it: an optional series, a year and a count
/// (nil: a blank, unknown), with the line it came from for messages.
public struct CountObservation: Sendable, Hashable {
    /// The `--by` column's value; nil without `--by`.
    public var series: String?
    /// The year the count is for.
    public var year: Int
    /// nil when the cell is blank: unknown, never 0.
    public var count: Int?
    /// The line of the file the row starts on.
    public var line: Int

    /// One row's reading.
    public init(series: String? = nil, year: Int, count: Int?, line: Int) {
        self.series = series
        self.year = year
        self.count = count
        self.line = line
    }
}

/// One row of a table of events (one row per event): its series and date, nil where blank.
public struct EventObservation: Sendable, Hashable {
    /// The `--by` column's value; nil without `--by`, or when the cell is blank.
    public var series: String?
    /// nil when the date cell is blank: the event cannot be placed in time.
    public var date: PartialDate?
    /// The line of the file the row starts on.
    public var line: Int

    /// One event row's reading.
    public init(series: String? = nil, date: PartialDate?, line: Int) {
        self.series = series
        self.date = date
        self.line = line
    }
}

/// Counts per year from a user's own table, one series for all rows and one per `--by` value,
/// with every year that is unknown kept apart from the years that are zero.
///
/// Two kinds of table reach it. A **counts table** has one row per year (and series) with the count
/// in a column: a blank count is unknown, and a year in the table's range with no row is missing,
/// not zero, unless the schema states that the table is complete (`coverage: {complete: true}`),
/// in which case it is zero. A **table of events** has one row per event: a year in its range
/// with no row had no events (0), as in the corpus's event tables.
///
/// The trend and comparison statistics then run on the known years exactly as the corpus path
/// runs them (`TrendAnalysis.runTests`, `PeriodComparison.compare`), so the same counts give the
/// same numbers bit for bit.
public struct YearlyCountData: Sendable {
    /// Where the counts came from, which decides what an absent year means.
    public enum Origin: Sendable, Hashable {
        /// One row per year (and series) with a count column; `complete`: the schema says every
        /// year of the range is in the table, so a year with no row is zero.
        case countsTable(complete: Bool)
        /// One row per event, counted per year of the date column.
        case eventRows
    }

    /// One series: a name ("all" or a `--by` value) and its known counts by year.
    public struct Series: Sendable, Hashable {
        /// "all" or a `--by` value.
        public var name: String
        /// Counts for the years known; a year of the range absent here is unknown.
        public var counts: [Int: Int]
    }

    /// The table's words for its time, counts and series.
    public var labels: CountLabels
    /// A counts table or a table of events: what an absent year means.
    public var origin: Origin
    /// The years the table speaks for: its stated coverage, else its first to its last year with a row.
    public var range: ClosedRange<Int>
    /// "all" first, then one series per `--by` value in order of first appearance.
    public var series: [Series]
    /// Years of observation in each year (months ÷ 12) where a period in months cuts a year (event rows only).
    public var exposures: [Int: Double]
    /// The period asked for, if any; the years shown are its years.
    public var period: Period?
    /// What a reader must know: blanks left out, missing years, rows that could not be placed;
    /// each with the key a report translates it by.
    public var ownNotes: [OwnTableNote]
    /// The notes in English.
    public var notes: [String] { ownNotes.map(\.description) }
    /// A table of events' dates inside its range (before any period), so a comparison can count
    /// a period given in months; empty for a counts table.
    public var eventDates: [PartialDate] = []

    /// The years shown: the period's years when one was asked for, else the range.
    public var years: [Int] {
        if let period { return Array(period.firstYear...period.lastYear) }
        return Array(range)
    }

    /// Whether the counts are split by a column.
    public var isSplit: Bool { labels.series != nil }

    /// The years of a series with a known count, with their counts and exposures: the input of the tests.
    public func known(_ series: Series) -> (years: [Int], counts: [Int], exposures: [Double]) {
        let years = self.years.filter { series.counts[$0] != nil }
        return (years, years.map { series.counts[$0]! }, years.map { exposures[$0] ?? 1 })
    }

    // MARK: - Counts tables

    /// Reads a counts table: one row per year (per series with `split`), the count in a column.
    ///
    /// - Parameters:
    ///   - coverage: the years the schema says the table covers; nil takes the rows' first to last year.
    ///   - complete: the schema states that the table is complete over its range.
    ///   - period: only these years; it must be whole years, since a year's count cannot be split.
    /// - Throws: `OwnTableError` for two rows of one year (and series), a row outside the stated
    ///   coverage, a blank series value, or a period in months.
    public static func countsTable(_ rows: [CountObservation], labels: CountLabels, complete: Bool,
                                   coverage: ClosedRange<Int>? = nil, period: Period? = nil) throws(OwnTableError) -> YearlyCountData {
        guard let first = rows.map(\.year).min(), let last = rows.map(\.year).max() else { throw .noRows(labels.table) }
        let range = coverage ?? first...last
        let split = labels.series != nil
        if let period {
            for year in period.firstYear...period.lastYear where period.exposure(inYear: year) < 1 {
                throw .partYearOfCounts(period: period.description, year: year, time: labels.time)
            }
        }
        var seen: [String: [Int: CountObservation]] = [:]
        var order: [String] = []
        var blanks: [(String, Int, Int)] = []
        for row in rows {
            if !range.contains(row.year) {
                throw .outsideCoverage(year: row.year, line: row.line, range: range, table: labels.table)
            }
            let name: String
            if split {
                guard let series = row.series else { throw .blankSeries(line: row.line, column: labels.series!) }
                name = series
            } else {
                name = "all"
            }
            if let earlier = seen[name]?[row.year] {
                throw .duplicateYear(year: row.year, series: split ? name : nil, lines: [earlier.line, row.line], labels: labels)
            }
            if seen[name] == nil { order.append(name) }
            seen[name, default: [:]][row.year] = row
            if row.count == nil { blanks.append((name, row.year, row.line)) }
        }
        func counts(_ name: String) -> [Int: Int] {
            var result: [Int: Int] = [:]
            for year in range {
                if let row = seen[name]?[year] {
                    if let count = row.count { result[year] = count }
                } else if complete {
                    result[year] = 0
                }
            }
            return result
        }
        var series = order.map { Series(name: $0, counts: counts($0)) }
        if split {
            // A year's total is known only when every series' count for it is.
            var total: [Int: Int] = [:]
            for year in range where series.allSatisfy({ $0.counts[year] != nil }) {
                total[year] = series.reduce(0) { $0 + $1.counts[year]! }
            }
            series.insert(Series(name: "all", counts: total), at: 0)
        }
        var data = YearlyCountData(labels: labels, origin: .countsTable(complete: complete), range: range, series: series,
                                   exposures: [:], period: period, ownNotes: [])
        data.ownNotes = data.countsTableNotes(blanks: blanks, complete: complete)
        return data
    }

    private func countsTableNotes(blanks: [(String, Int, Int)], complete: Bool) -> [OwnTableNote] {
        var notes: [OwnTableNote] = []
        if !blanks.isEmpty {
            let shown = blanks.prefix(5)
            let cells = shown.map { isSplit ? "\($0.1) \($0.0)" : "\($0.1)" }.joined(separator: ", ") + (blanks.count > 5 ? ", …" : "")
            let lines = shown.map { String($0.2) }.joined(separator: ", ")
            let one = blanks.count == 1
            notes.append(OwnTableNote(OwnTableNote.counted("own.note.blank-cells", blanks.count),
                                      ["n": String(blanks.count), "count": labels.count, "cells": cells, "lines": lines],
                                      english: "\(blanks.count) blank \(labels.count) cell\(one ? " is" : "s are") unknown, not 0, and left out of the tests: "
                                          + "\(cells) (line\(shown.count == 1 ? "" : "s") \(lines))."))
        }
        if complete {
            let (from, to) = (String(range.lowerBound), String(range.upperBound))
            notes.append(OwnTableNote("own.note.complete", ["table": labels.table, "from": from, "to": to],
                                      english: "The schema states that \(labels.table) is complete over \(from)–\(to): a year with no row counts as 0."))
        }
        let missing = missingYears()
        if !missing.isEmpty {
            let years = missing.map { name, years in (isSplit ? "\(name) " : "") + YearlyCountData.spans(years) }.joined(separator: "; ")
            notes.append(OwnTableNote(complete ? "own.note.missing-years" : "own.note.missing-years.not-complete", ["years": years],
                                      english: "Years with no known count are missing, not 0, and left out of the tests"
                                          + (complete ? "" : " (the schema does not state that the table is complete; add coverage: {complete: true} if a year without a row means none)")
                                          + ": \(years)."))
        }
        return notes
    }

    /// The years shown without a known count, per series.
    public func missingYears() -> [(String, [Int])] {
        series.compactMap { series in
            let missing = years.filter { series.counts[$0] == nil }
            return missing.isEmpty ? nil : (series.name, missing)
        }
    }

    /// "1993, 1996–1998".
    public static func spans(_ years: [Int]) -> String {
        var parts: [String] = []
        var start = years.first, previous = years.first
        for year in years.dropFirst() + [Int.min] {
            if let p = previous, year == p + 1 { previous = year; continue }
            if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)–\(p)") }
            start = year
            previous = year
        }
        return parts.joined(separator: ", ")
    }

    // MARK: - Tables of events

    /// Counts a table of events (one row per event) per year of its date column, per series with `split`.
    /// A year of the range with no event is 0; a year of the period outside the range is unknown.
    /// A period in months cuts part-years, which the count models weigh by their exposure.
    ///
    /// - Parameter coverage: the years the schema says the table covers; nil takes the rows' first to last year.
    public static func eventRows(_ rows: [EventObservation], labels: CountLabels, coverage: ClosedRange<Int>? = nil,
                                 period: Period? = nil) throws(OwnTableError) -> YearlyCountData {
        let dated = rows.compactMap { $0.date == nil ? nil : $0 }
        guard let first = dated.map({ $0.date!.year }).min(), let last = dated.map({ $0.date!.year }).max() else {
            throw .noRows(labels.table)
        }
        let range = coverage ?? first...last
        let split = labels.series != nil
        var perSeries: [String: [Int: Int]] = [:]
        var order: [String] = []
        var total: [Int: Int] = [:]
        var undated = 0, uncertain = 0, blankSeries = 0, outside = 0
        var dates: [PartialDate] = []
        for row in rows {
            guard let date = row.date else { undated += 1; continue }
            if !range.contains(date.year) { outside += 1; continue }
            dates.append(date)
            if let period {
                switch period.contains(date) {
                case true?: break
                case false?: continue
                case nil: uncertain += 1; continue
                }
            }
            total[date.year, default: 0] += 1
            if split {
                guard let name = row.series else { blankSeries += 1; continue }
                if perSeries[name] == nil { order.append(name) }
                perSeries[name, default: [:]][date.year, default: 0] += 1
            }
        }
        func zeroFilled(_ counts: [Int: Int]) -> [Int: Int] {
            var result: [Int: Int] = [:]
            for year in range { result[year] = counts[year] ?? 0 }
            return result
        }
        var series = [Series(name: "all", counts: zeroFilled(total))]
        series += order.map { Series(name: $0, counts: zeroFilled(perSeries[$0]!)) }
        var exposures: [Int: Double] = [:]
        if let period {
            for year in period.firstYear...period.lastYear where period.exposure(inYear: year) < 1 {
                exposures[year] = period.exposure(inYear: year)
            }
        }
        var data = YearlyCountData(labels: labels, origin: .eventRows, range: range, series: series, exposures: exposures,
                                   period: period, ownNotes: [], eventDates: dates)
        var notes: [OwnTableNote] = []
        func rowsText(_ n: Int) -> String { "\(n) row\(n == 1 ? "" : "s")" }
        func verb(_ n: Int, _ one: String, _ other: String) -> String { n == 1 ? one : other }
        let (from, to) = (String(range.lowerBound), String(range.upperBound))
        if undated > 0 {
            notes.append(OwnTableNote(OwnTableNote.counted("own.note.undated", undated), ["n": String(undated), "time": labels.time],
                                      english: "\(rowsText(undated)) with a blank \(labels.time) cannot be placed in time and \(verb(undated, "is", "are")) left out."))
        }
        if outside > 0 {
            notes.append(OwnTableNote(OwnTableNote.counted("own.note.outside-coverage", outside), ["n": String(outside), "from": from, "to": to],
                                      english: "\(rowsText(outside)) dated outside the stated coverage \(from)–\(to) \(verb(outside, "is", "are")) left out."))
        }
        if uncertain > 0 {
            notes.append(OwnTableNote(OwnTableNote.counted("own.note.straddles", uncertain), ["n": String(uncertain)],
                                      english: "\(rowsText(uncertain)) dated only to a year or month that straddles the period \(verb(uncertain, "was", "were")) left out."))
        }
        if blankSeries > 0, let column = labels.series {
            notes.append(OwnTableNote(OwnTableNote.counted("own.note.blank-series", blankSeries), ["n": String(blankSeries), "column": column],
                                      english: "\(rowsText(blankSeries)) with a blank \(column) \(verb(blankSeries, "counts", "count")) in 'all' only."))
        }
        let missing = data.missingYears().first?.1 ?? []
        if !missing.isEmpty {
            let years = YearlyCountData.spans(missing)
            notes.append(OwnTableNote(OwnTableNote.counted("own.note.outside-years", missing.count), ["years": years, "from": from, "to": to],
                                      english: "\(years) \(verb(missing.count, "lies", "lie")) outside the table's years (\(from)–\(to)): unknown, not 0, and left out of the tests."))
        }
        data.ownNotes = notes
        return data
    }
}
