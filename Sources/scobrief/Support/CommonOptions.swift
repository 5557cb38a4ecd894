import ArgumentParser
import Analysis
import Dataset
import Foundation

/// Where the corpus is, and any table the user brings in its place, for commands that read it.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("The Datasets folder (default: found from the current folder, or $SCOBRIEF_DATA).", valueName: "dir"))
    var directory: String?

    @Option(name: .customLong("input"), help: ArgumentHelp(
        "Use your own file for a table, e.g. attacks=gtd/attacks.csv (from `scobrief import gtd`); a sources.csv beside it is read too. Repeatable.",
        valueName: "table=file"))
    var inputs: [String] = []

    /// The shipped corpus with the user's tables in place of the shipped ones; warnings go to stderr.
    func loadCorpus() throws -> Corpus {
        var corpus = try DataLocation.loadShippedCorpus(explicit: directory)
        for input in inputs {
            let parts = input.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, corpus.catalog.table(named: parts[0]) != nil else {
                throw ValidationError("--input '\(input)' must be TABLE=FILE with a table of the catalog (\(corpus.catalog.tableNames.joined(separator: ", ")))")
            }
            guard FileManager.default.fileExists(atPath: parts[1]) else {
                throw Diagnostic(SourceLocation(file: parts[1]), "no such file", hint: "check the path given to --input")
            }
            let (replaced, diagnostics) = corpus.replacingTable(parts[0], withFile: parts[1])
            let errors = diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty { throw DiagnosticList(errors) }
            for warning in diagnostics { Terminal.error(warning.description) }
            corpus = replaced
        }
        return corpus
    }
}

extension TableFormat: ExpressibleByArgument {}

struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: \(TableFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: TableFormat = .table
}
