import ArgumentParser
import Analysis
import Dataset
import Foundation
import Support

/// Where the corpus is, and any table the user brings in its place, for commands that read it.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("The Datasets folder (default: found from the current folder, or $SCOBRIEF_DATA).", valueName: "dir"))
    var directory: String?

    @Option(name: .customLong("input"), help: ArgumentHelp(
        "Use your own file for a table, e.g. attacks=gtd/attacks.csv (from `scobrief import gtd`); a sources.csv beside it is read too. Repeatable.",
        valueName: "table=file"))
    var inputs: [String] = []

    @OptionGroup(title: "Input limits") var limits: LimitOptions

    /// The shipped corpus with the user's tables in place of the shipped ones; warnings go to stderr.
    /// `folder` (a report spec's `data:`) is read first: a folder with its own catalog.yaml is the
    /// whole corpus, otherwise each table file in it replaces the shipped table; `--input` comes last.
    func loadCorpus(folder: String? = nil) throws -> Corpus {
        var corpus = try DataLocation.loadShippedCorpus(explicit: directory, csvLimits: limits.csv, yamlLimits: limits.yaml)
        if let folder { corpus = try replacingTables(of: corpus, from: folder) }
        for input in inputs {
            let parts = input.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, corpus.catalog.table(named: parts[0]) != nil else {
                throw ValidationError("--input '\(input)' must be TABLE=FILE with a table of the catalog (\(corpus.catalog.tableNames.joined(separator: ", ")))")
            }
            guard FileManager.default.fileExists(atPath: parts[1]) else {
                throw Diagnostic(SourceLocation(file: parts[1]), "no such file", hint: "check the path given to --input")
            }
            corpus = try replacing(parts[0], in: corpus, withFile: parts[1])
        }
        return corpus
    }

    private func replacing(_ table: String, in corpus: Corpus, withFile path: String) throws -> Corpus {
        let (replaced, diagnostics) = corpus.replacingTable(table, withFile: path, limits: limits.csv)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        for warning in diagnostics { Terminal.error(warning.description) }
        return replaced
    }

    private func replacingTables(of shipped: Corpus, from folder: String) throws -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(SourceLocation(file: folder), "the spec's data folder does not exist",
                             hint: "data: names a folder relative to the spec; fix the path or remove the key")
        }
        let ownCatalog = DataLocation.catalogPath(in: folder)
        if FileManager.default.fileExists(atPath: ownCatalog) {
            let catalog = try Catalog.load(path: ownCatalog, limits: limits.yaml)
            let (corpus, diagnostics) = Corpus.load(directory: folder, catalog: catalog, limits: limits.csv)
            let errors = diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty { throw DiagnosticList(errors) }
            return corpus
        }
        // The sources.csv beside a table is merged by `replacingTable`, so it is replaced on its own only when alone.
        let present = shipped.catalog.tables.filter {
            FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0.file))
        }
        let tables = present.count > 1 ? present.filter { $0.name != "sources" } : present
        guard !tables.isEmpty else {
            throw Diagnostic(SourceLocation(file: folder), "the spec's data folder holds no table files",
                             hint: "name files as the catalog does: \(shipped.catalog.tables.map(\.file).joined(separator: ", "))")
        }
        var corpus = shipped
        for table in tables {
            corpus = try replacing(table.name, in: corpus, withFile: (folder as NSString).appendingPathComponent(table.file))
        }
        return corpus
    }
}

extension TableFormat: ExpressibleByArgument {}

struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: \(TableFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: TableFormat = .table
}
