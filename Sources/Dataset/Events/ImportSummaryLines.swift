import Foundation
import Support

/// The stderr summary every import prints (`import gtd`, `import ucdp-ged`, ...), written one way:
/// a heading with size, time and speed, then one aligned line per count, so every row read is
/// seen written or counted under one reason.
public struct ImportSummaryLines: Sendable {
    /// The lines so far.
    public private(set) var lines: [String]

    /// A summary headed `command: input (N MB[, detail]) in S s at R MB/s`.
    public init(command: String, input: String, inputBytes: Int, detail: String? = nil, seconds: Double) {
        let megabytes = Double(inputBytes) / 1_000_000
        let rate = seconds > 0 ? " at \(String(format: "%.0f", megabytes / seconds)) MB/s" : ""
        lines = ["\(command): \(input) (\(String(format: "%.1f", megabytes)) MB\(detail.map { ", \($0)" } ?? "")) in \(String(format: "%.2f", seconds)) s\(rate)"]
    }

    /// A count, its label padded and its number right-aligned, with an optional detail after it.
    public mutating func count(_ label: String, _ value: Int, _ detail: String = "") {
        let number = NumberText.grouped(value)
        lines.append("  " + label.padding(toLength: 44, withPad: " ", startingAt: 0)
                     + String(repeating: " ", count: max(0, 10 - number.count)) + number + (detail.isEmpty ? "" : "  " + detail))
    }

    /// The eight largest of `counts` in brackets (`(Yugoslavia: 12, …)`), or "" when there are none.
    public static func listed(_ counts: [String: Int]) -> String {
        guard !counts.isEmpty else { return "" }
        let top = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(8).map { "\($0.key): \(NumberText.grouped($0.value))" }
        return "(\(top.joined(separator: ", "))\(counts.count > 8 ? ", …" : ""))"
    }

    /// The former states kept under their own codes, and the columns the file lacked.
    public mutating func keptApart(historicalRows: [String: Int], missingColumns: [String]) {
        if !historicalRows.isEmpty {
            lines.append("  former states kept under their own codes: " + historicalRows.sorted { $0.key < $1.key }
                .map { "\($0.key) \(NumberText.grouped($0.value))" }.joined(separator: ", "))
        }
        if !missingColumns.isEmpty {
            lines.append("  columns missing from the file, written blank: \(missingColumns.joined(separator: ", "))")
        }
    }

    /// A line of its own.
    public mutating func append(_ line: String) {
        lines.append(line)
    }
}

/// What `--summary-by` tables read from an import's summary, whichever import made it.
public protocol ImportTotals: Sendable {
    /// The input file as given.
    var input: String { get }
    /// The countries kept, in words.
    var countryScope: String { get }
    /// The years kept, or nil for all.
    var yearScope: String? { get }
    /// Events, killed and wounded of the rows written, by year and country.
    var totals: [GTDYearCountry: GTDCasualtyTotals] { get }
    /// The command, for the output's `command` (`import gtd`).
    var summaryCommand: String { get }
    /// What was counted, for titles: `GTD incidents`, `UCDP Georeferenced Event Dataset (GED) events`.
    var summarySubject: String { get }
    /// Notes the source needs under a table by year (the GTD's lost 1993).
    var yearNotes: [String] { get }
}

extension GTDImportSummary: ImportTotals {
    public var summaryCommand: String { "import gtd" }
    public var summarySubject: String { "GTD incidents" }
    public var yearNotes: [String] { ["The GTD has no 1993 records: a missing year is not a year without attacks."] }
}
