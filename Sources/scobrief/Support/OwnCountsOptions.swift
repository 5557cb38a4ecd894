import ArgumentParser
import Analysis
import Dataset
import Foundation
import Support

/// `trend` and `compare` on a user's own tidy CSV instead of a corpus table: the file, its schema
/// and the columns to read. Without `--count`, every row is one event, counted per year of `--time`.
struct OwnCountsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Your own tidy CSV (one row per year, or one row per event) instead of a corpus table.", valueName: "file"))
    var csv: String?

    @Option(help: ArgumentHelp("Its Frictionless table schema (default: FILE.schema.json or .yaml beside the CSV, if there is one).", valueName: "file"))
    var schema: String?

    @Option(help: ArgumentHelp("With --csv: the column of years or dates.", valueName: "column"))
    var time: String?

    @Option(help: ArgumentHelp("With --csv: the column of counts per year; leave it out to count rows as events. A blank count, or a year with no row, is unknown and left out, unless the schema says the table is complete (coverage: {complete: true}).", valueName: "column"))
    var count: String?

    /// Whether the command reads the user's table.
    var isActive: Bool { csv != nil }

    /// Refuses the own-table options without `--csv`, and `--csv` without `--time`, naming the columns.
    func check() throws {
        guard csv != nil else {
            for (flag, value) in [("--schema", schema), ("--time", time), ("--count", count)] where value != nil {
                throw ValidationError("\(flag) reads your own table; give the table with --csv FILE")
            }
            return
        }
    }

    /// The table, read with its schema within `limits`.
    func read(limits: InputLimits, dataDirectory: String?) throws -> TidyTable {
        var reader = TidyTableReader(countryCodes: { try TidyTableReader.shippedCountryCodes(dataDirectory: dataDirectory) }, limits: limits.csv)
        reader.yamlLimits = limits.yaml
        let table = try reader.read(path: csv!, schemaPath: schema, displayName: csv!)
        return table
    }

    /// The table's yearly counts by the columns named, within `period`.
    func yearlyCounts(by: String?, period: Period?, limits: InputLimits, dataDirectory: String?) throws -> YearlyCountData {
        let table = try read(limits: limits, dataDirectory: dataDirectory)
        guard let time else {
            let dated = table.columns.filter { $0.type == .integer || $0.type.isDate }.map(\.name)
            throw ValidationError("--csv needs --time COLUMN, the column of years or dates"
                + (dated.isEmpty ? "; \(csv!) has none (its columns: \(table.columnNames.joined(separator: ", ")))" : ", e.g. --time \(dated[0]) (columns of years or dates: \(dated.joined(separator: ", ")))"))
        }
        return try TidyTableCounts(table: table, time: time, count: count, by: by).yearlyCounts(period: period)
    }

    /// Refuses a corpus-only option given with `--csv`: it would be silently ignored.
    static func refuseCorpusOption(_ flag: String, given: Bool) throws {
        if given {
            throw ValidationError("\(flag) filters the corpus tables; with --csv, filter your table before, or split it with --by COLUMN")
        }
    }
}
