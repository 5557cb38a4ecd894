import Foundation
import Support

/// A year and a country: the cell of SCOBrief's tidy year × country tables.
public struct GTDYearCountry: Sendable, Hashable, Comparable {
    public var year: Int
    public var country: String

    public init(year: Int, country: String) {
        self.year = year
        self.country = country
    }

    public static func < (a: GTDYearCountry, b: GTDYearCountry) -> Bool {
        (a.year, a.country) < (b.year, b.country)
    }
}

/// Incidents and casualties of one cell. Unknown figures are counted, never added as 0.
public struct GTDCasualtyTotals: Sendable, Hashable {
    public var incidents = 0
    /// Sum of the known figures.
    public var killed = 0
    /// Incidents with no killed figure.
    public var killedUnknown = 0
    public var wounded = 0
    public var woundedUnknown = 0

    public init(incidents: Int = 0, killed: Int = 0, killedUnknown: Int = 0, wounded: Int = 0, woundedUnknown: Int = 0) {
        self.incidents = incidents
        self.killed = killed
        self.killedUnknown = killedUnknown
        self.wounded = wounded
        self.woundedUnknown = woundedUnknown
    }

    mutating func add(killed: Int?, wounded: Int?) {
        incidents += 1
        if let killed { self.killed += killed } else { killedUnknown += 1 }
        if let wounded { self.wounded += wounded } else { woundedUnknown += 1 }
    }

    public static func + (a: GTDCasualtyTotals, b: GTDCasualtyTotals) -> GTDCasualtyTotals {
        GTDCasualtyTotals(incidents: a.incidents + b.incidents, killed: a.killed + b.killed, killedUnknown: a.killedUnknown + b.killedUnknown,
                          wounded: a.wounded + b.wounded, woundedUnknown: a.woundedUnknown + b.woundedUnknown)
    }
}

/// One problem an import reports: a malformed row it left out, or a value it wrote blank.
/// The kind is a field, so nothing has to recognise it from the message's wording.
public struct GTDImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// What the import did about the problem.
    public enum Kind: Sendable, Hashable {
        /// The row was malformed and is not in the output (counted in `malformedRows`).
        case rowLeftOut
        /// The row was written with one unusable value blank (counted in `clearedValues`).
        case valueCleared
    }

    /// What the import did about it.
    public var kind: Kind
    /// Where and what, as printed (a warning).
    public var diagnostic: Diagnostic

    /// A problem of `kind` described by `diagnostic`.
    public init(_ kind: Kind, _ diagnostic: Diagnostic) {
        self.kind = kind
        self.diagnostic = diagnostic
    }

    /// The diagnostic's location in the input file.
    public var location: SourceLocation { diagnostic.location }
    /// The diagnostic's message.
    public var message: String { diagnostic.message }
    /// The diagnostic's hint.
    public var hint: String? { diagnostic.hint }
    /// The diagnostic's severity (a warning, since the import went on).
    public var severity: Diagnostic.Severity { diagnostic.severity }
    /// The diagnostic as printed.
    public var description: String { diagnostic.description }
}

/// What an import did, row by row: every row read is written or counted under one reason.
public struct GTDImportSummary: Sendable {
    public var input: String
    public var inputBytes: Int
    public var encoding: GTDTextEncoding
    /// How the encoding was chosen when it was detected rather than given.
    public var encodingNote: String?
    public var countryScope: String
    public var yearScope: String?

    public var rowsRead = 0
    public var rowsWritten = 0
    public var filteredByYear = 0
    public var filteredByCountry = 0
    /// Partial dates during which the country's SCO status changed (with sco-members-at-date).
    public var ambiguousMembership = 0
    /// Rows whose country name is not in `GTDCountryNames`.
    public var unmappedRows = 0
    public var unmappedNames: [String: Int] = [:]
    public var malformedRows = 0
    /// Values written blank because they were unusable (a latitude of 200, a success of 7).
    public var clearedValues = 0
    /// The first malformed rows and cleared values, with their lines.
    public var problems: [GTDImportProblem] = []
    /// Carried GTD columns the file lacked.
    public var missingColumns: [String] = []
    /// Rows written per former state (code → rows), kept under their own code.
    public var historicalRows: [String: Int] = [:]
    /// Incidents, killed and wounded of the rows written, by year and country.
    public var totals: [GTDYearCountry: GTDCasualtyTotals] = [:]
    public var seconds: Double = 0
    /// The earliest day of the first incident in the import's years (any country).
    public var firstDate: DayDate?
    /// The earliest day of the last incident in the import's years: the latest day the data are
    /// known to reach (a date known only to its year proves no more than its first day).
    public var lastDate: DayDate?
    /// Years with at least one incident (any country): a year between the first and the last
    /// without one is a gap in the release (the lost 1993), not a quiet year.
    public var yearsWithRows: Set<Int> = []

    public init(input: String, inputBytes: Int, encoding: GTDTextEncoding, countryScope: String, yearScope: String?) {
        self.input = input
        self.inputBytes = inputBytes
        self.encoding = encoding
        self.countryScope = countryScope
        self.yearScope = yearScope
    }

    /// Rows accounted for; equals `rowsRead` after every import.
    public var rowsAccounted: Int {
        rowsWritten + filteredByYear + filteredByCountry + ambiguousMembership + unmappedRows + malformedRows
    }

    public var overall: GTDCasualtyTotals { totals.values.reduce(GTDCasualtyTotals(), +) }

    /// A warning that more rows were left out than `problems` lists (only the first few are kept),
    /// or nil when every malformed row is listed.
    public var unlistedMalformedRows: Diagnostic? {
        let listed = problems.filter { $0.kind == .rowLeftOut }.count
        guard malformedRows > listed else { return nil }
        return Diagnostic(SourceLocation(file: input), "\(malformedRows) malformed rows in all; only the first \(listed) are listed",
                          severity: .warning)
    }

    /// The summary printed on stderr after an import.
    public var lines: [String] {
        var summary = ImportSummaryLines(command: "import gtd", input: input, inputBytes: inputBytes,
                                         detail: "\(encoding)\(encodingNote.map { "; \($0)" } ?? "")", seconds: seconds)
        summary.count("rows read", rowsRead)
        summary.count("rows written", rowsWritten)
        if let yearScope { summary.count("filtered out by year", filteredByYear, "(kept \(yearScope))") }
        if countryScope != "all countries" { summary.count("filtered out by country", filteredByCountry, "(kept \(countryScope))") }
        if ambiguousMembership > 0 || countryScope.contains("on the incident's date") {
            summary.count("excluded: SCO status changed within the date", ambiguousMembership, "(partial dates; see --countries sco-members-at-date)")
        }
        summary.count("excluded: country name not mapped", unmappedRows, ImportSummaryLines.listed(unmappedNames))
        summary.count("malformed rows (left out)", malformedRows)
        if clearedValues > 0 { summary.count("values written blank (unusable)", clearedValues) }
        summary.keptApart(historicalRows: historicalRows, missingColumns: missingColumns)
        let all = overall
        summary.append("  killed \(NumberText.grouped(all.killed)) (\(NumberText.grouped(all.killedUnknown)) incidents with no figure), "
                       + "wounded \(NumberText.grouped(all.wounded)) (\(NumberText.grouped(all.woundedUnknown)) with no figure)")
        if 1993 >= (totals.keys.map(\.year).min() ?? 9999) && 1993 <= (totals.keys.map(\.year).max() ?? 0) {
            summary.append("  note: the GTD has no 1993 records (lost); a year without rows is not a year without attacks")
        }
        return summary.lines
    }
}
