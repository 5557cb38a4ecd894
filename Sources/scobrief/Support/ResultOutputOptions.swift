import ArgumentParser
import Analysis
import Foundation
import Support

/// How `trend`, `compare` and `datasets list` write their results: the format, one table by
/// name, and a file (or, for CSV of several tables, a folder). CSV holds one table a file, so
/// several tables without `--table` or a folder are an error that names the tables.
struct ResultOutputOptions: ParsableArguments {
    @Option(help: "Output format: \(TableFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: TableFormat = .table

    @Option(name: .customLong("table"), help: ArgumentHelp(
        "Only the table of this name (trend: counts, tests; compare: periods, comparison; datasets list: tables).", valueName: "name"))
    var table: String?

    @Option(name: [.customShort("o"), .customLong("output"), .customLong("output-file")], help: ArgumentHelp(
        "Write to this file instead of the terminal; with --format csv and several tables, to this folder (one NAME.csv a table).",
        valueName: "path"))
    var output: String?

    /// Checks the options against the tables the command will write, before any work: an unknown
    /// `--table`, several CSV tables with nowhere to put them, or a file name of the wrong kind.
    func check(tableNames: [String]) throws {
        if let table, !tableNames.contains(table) {
            let suggestion = Suggestion.closest(to: table, in: tableNames).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("--table: no table named '\(table)'\(suggestion); this command writes \(tableNames.joined(separator: ", "))")
        }
        let selected = table.map { [$0] } ?? tableNames
        if format == .csv && selected.count > 1 {
            guard let output, (output as NSString).pathExtension.lowercased() != "csv" else {
                throw ValidationError("--format csv writes one table a file, and this command writes \(selected.count) tables "
                    + "(\(selected.joined(separator: ", "))): add --table NAME for one of them, or -o FOLDER for all "
                    + "(\(selected.map { "FOLDER/\($0).csv" }.joined(separator: ", ")))")
            }
            try ResultOutputOptions.checkFolder(output)
            return
        }
        if let output {
            try OutputPath.check(output, extensions: format.fileExtensions, what: "--format \(format.rawValue) output")
        }
    }

    /// Writes `output` (for JSON and CSV) or `display` (for the other formats) where the options say.
    func write(_ output: CommandOutput, display: [ResultTable]) throws {
        try check(tableNames: output.tableNames)
        var typed = output
        var shown = display
        if let table {
            typed = output.only(table: table) ?? output
            let named = display.filter { $0.name == table }
            shown = named.isEmpty ? display.filter { $0.name == nil } : named
        }
        switch format {
        case .json:
            try emit(typed.json.text(), to: self.output)
        case .csv:
            if typed.tables.count == 1 {
                try emit(typed.tables[0].csv(), to: self.output)
            } else if let folder = self.output {
                try ResultOutputOptions.createFolder(folder)
                for table in typed.tables {
                    try AtomicFile.write(table.csv(), to: (folder as NSString).appendingPathComponent("\(table.name).csv"))
                }
            }
        case .table, .markdown, .latex:
            try emit(render(shown, as: format), to: self.output)
        }
    }

    private func emit(_ text: String, to path: String?) throws {
        if let path { try AtomicFile.write(text, to: path) } else { Terminal.output(text) }
    }

    /// Refuses a CSV folder that is a file, or whose parent is missing.
    private static func checkFolder(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Diagnostic(SourceLocation(file: path), "-o names a file, and CSV of several tables needs a folder",
                                 hint: "give a folder name, or --table NAME with a .csv file")
            }
            return
        }
        // A new folder named like another format's file (`-o counts.json`) is a mistaken format, not a folder.
        let suffix = (path as NSString).pathExtension.lowercased()
        if let format = TableFormat.allCases.first(where: { $0.fileExtensions.contains(suffix) }) {
            throw Diagnostic(SourceLocation(file: path), "-o names a .\(suffix) file, and --format csv of several tables writes a folder of .csv files",
                             hint: "for \(format.rawValue) add --format \(format.rawValue); for CSV give a folder name, or --table NAME with a .csv file")
        }
        try AtomicFile.checkDestination(path)
    }

    /// Makes the CSV folder if it is missing (its parent must exist); a file in its place is refused.
    private static func createFolder(_ path: String) throws {
        try checkFolder(path)
        guard !FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw Diagnostic(SourceLocation(file: path), "cannot create the folder: \(error.localizedDescription)",
                             hint: "check that the folder it goes in exists and can be written")
        }
    }
}
