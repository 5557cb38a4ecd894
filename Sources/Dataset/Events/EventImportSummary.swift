import Foundation
import Support

/// What to import from an event export and how strictly.
public struct EventImportOptions: Sendable {
    public var countries: GTDCountrySelection = .all
    /// Keep events from this year on.
    public var fromYear: Int?
    /// Keep events up to this year.
    public var toYear: Int?
    /// Type filters: the mapping's option name (`type-of-violence`) → the values to keep.
    public var filters: [(option: String, values: [String])] = []
    /// Stop at the first malformed row instead of counting it and going on.
    public var strict = false
    /// How many malformed rows are reported one by one.
    public var reportLimit = 10
    /// The source id rows cite; by default the mapping's name and the file name.
    public var sourceID: String?
    public var limits: CSVLimits = .default
    /// The text encoding, as `import gtd --encoding` takes it (auto: UTF-8, or Windows-1252 when a
    /// field is not valid UTF-8). nil: text must be UTF-8, and a row with a field that is not is
    /// malformed (UCDP GED and ACLED publish UTF-8 only).
    public var encoding: GTDEncodingChoice?
    /// Whether the command detects the encoding when `--encoding` is left out (`import gtd`, auto
    /// by default), or reads strict UTF-8 then (`import events`): the hint for a bad byte says which.
    public var detectsEncodingByDefault = false

    public init() {}
}

/// What an import did, row by row: every row read is written or counted under one reason.
public struct EventImportSummary: Sendable {
    public var command: String
    /// The dataset's title from the mapping, for the `--summary-by` table's title.
    public var title: String = ""
    public var input: String
    public var inputBytes: Int
    public var countryScope: String
    public var yearScope: String?
    /// The type filters, in words: `type_of_violence 3 (one-sided violence against civilians)`.
    public var typeScope: [String] = []

    public var rowsRead = 0
    public var rowsWritten = 0
    public var filteredByYear = 0
    public var filteredByType = 0
    public var filteredByCountry = 0
    /// Partial dates during which the country's SCO status changed (with sco-members-at-date).
    public var ambiguousMembership = 0
    /// Rows whose country code the mapping's table does not know, by the code as written.
    public var unknownCodeRows = 0
    public var unknownCodes: [String: Int] = [:]
    /// Rows in a country countries.csv does not list (small territories), by code.
    public var unlistedRows = 0
    public var unlistedCodes: [String: Int] = [:]
    public var malformedRows = 0
    /// Values written blank because they were unusable (a latitude of 200, a flag of 7).
    public var clearedValues = 0
    /// The first malformed rows, with their lines.
    public var problems: [GTDImportProblem] = []
    /// Optional mapped columns the file lacks; their output columns stay blank.
    public var missingColumns: [String] = []
    /// Rows written per former state (code → rows), kept under their own code.
    public var historicalRows: [String: Int] = [:]
    /// Events, killed and wounded of the rows written, by year and country.
    public var totals: [GTDYearCountry: GTDCasualtyTotals] = [:]
    public var seconds: Double = 0
    /// The encoding the text was read in, when the import chose one (see `EventImportOptions.encoding`).
    public var encoding: GTDTextEncoding?
    /// How the encoding was chosen when it was detected rather than given.
    public var encodingNote: String?
    /// First and last day of the rows in the import's years (any type, any country).
    public var firstDate: DayDate?
    public var lastDate: DayDate?
    public var yearsWithRows: Set<Int> = []

    /// Rows accounted for; equals `rowsRead` after every import.
    public var rowsAccounted: Int {
        rowsWritten + filteredByYear + filteredByType + filteredByCountry + ambiguousMembership + unknownCodeRows + unlistedRows + malformedRows
    }

    public var overall: GTDCasualtyTotals { totals.values.reduce(GTDCasualtyTotals(), +) }

    /// Years between the first and the last row with no row at all: gaps, not quiet years.
    public var missingYears: [Int] {
        guard let first = firstDate?.year, let last = lastDate?.year, first < last else { return [] }
        return (first...last).filter { !yearsWithRows.contains($0) }
    }

    mutating func recordCoverage(_ day: DayDate) {
        if firstDate.map({ day < $0 }) ?? true { firstDate = day }
        if lastDate.map({ day > $0 }) ?? true { lastDate = day }
        yearsWithRows.insert(day.year)
    }

    /// A warning that more rows were left out than `problems` lists, or nil.
    public var unlistedMalformedRows: Diagnostic? {
        let listed = problems.filter { $0.kind == .rowLeftOut }.count
        guard malformedRows > listed else { return nil }
        return Diagnostic(SourceLocation(file: input), "\(malformedRows) malformed rows in all; only the first \(listed) are listed",
                          severity: .warning)
    }

    /// The summary printed on stderr after an import.
    public var lines: [String] {
        // The encoding is said when the import chose one, as import gtd says it.
        let detail = encoding.map { "\($0)\(encodingNote.map { "; \($0)" } ?? "")" }
        var summary = ImportSummaryLines(command: command, input: input, inputBytes: inputBytes, detail: detail, seconds: seconds)
        summary.count("rows read", rowsRead)
        summary.count("rows written", rowsWritten)
        if let yearScope { summary.count("filtered out by year", filteredByYear, "(kept \(yearScope))") }
        if !typeScope.isEmpty { summary.count("filtered out by type", filteredByType, "(kept \(typeScope.joined(separator: "; ")))") }
        if countryScope != "all countries" { summary.count("filtered out by country", filteredByCountry, "(kept \(countryScope))") }
        if ambiguousMembership > 0 { summary.count("excluded: SCO status changed within the date", ambiguousMembership) }
        summary.count("excluded: country code not in the code table", unknownCodeRows, ImportSummaryLines.listed(unknownCodes))
        if unlistedRows > 0 { summary.count("excluded: country not in countries.csv", unlistedRows, ImportSummaryLines.listed(unlistedCodes)) }
        summary.count("malformed rows (left out)", malformedRows)
        if clearedValues > 0 { summary.count("values written blank (unusable)", clearedValues) }
        summary.keptApart(historicalRows: historicalRows, missingColumns: missingColumns)
        let all = overall
        summary.append("  killed \(NumberText.grouped(all.killed)) (\(NumberText.grouped(all.killedUnknown)) events with no figure)")
        if let firstDate, let lastDate {
            summary.append("  coverage recorded: \(firstDate) to \(lastDate)\(missingYears.isEmpty ? "" : ", no rows in \(missingYears.map(String.init).joined(separator: ", "))")")
        }
        return summary.lines
    }
}

extension EventImportSummary: ImportTotals {
    public var summaryCommand: String { command.replacingOccurrences(of: "scobrief ", with: "") }
    public var summarySubject: String { "\(title) events" }
    public var yearNotes: [String] { missingYears.isEmpty ? [] : ["No rows in \(missingYears.map(String.init).joined(separator: ", ")): a year without rows is not a year without events."] }
}

/// The result of importing a file: the summary, and where the table and its source row went.
public struct EventImportResult: Sendable {
    public var summary: EventImportSummary
    public var sourceID: String
    public var outputPath: String
    public var sourcesPath: String
}
