import ArgumentParser
import Analysis
import Dataset
import Foundation
import Support

struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List and validate the corpus and your own tables.",
        subcommands: [ListTables.self, ValidateTables.self]
    )
}

struct ListTables: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Tables with row counts, year coverage and coverage notes.")

    @OptionGroup var data: DataOptions
    @OptionGroup var output: ResultOutputOptions

    func validate() throws {
        try output.check(tableNames: ["tables"])
    }

    func run() throws {
        try reportingFailures {
            let corpus = try data.loadCorpus()
            let summary = DatasetSummary(corpus: corpus)
            var display = summary.table
            display.name = "tables"
            try output.write(summary.output, display: [display])
        }
    }
}

struct ValidateTables: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a folder of CSV tables against the catalog.",
        discussion: """
        With no folder, checks the shipped corpus. A folder with its own catalog.yaml is checked as a \
        complete corpus; otherwise each CSV named like a catalog table (attacks.csv, exercises.csv, ...) \
        is checked against the shipped catalog, and its source ids and country codes may refer to the \
        shipped sources and countries. Exits 0 when clean; otherwise prints every problem, one a line, and exits 1.
        """
    )

    @Argument(help: ArgumentHelp("The folder to check (default: the shipped Datasets).", valueName: "dir"))
    var folder: String?

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Also check every quote against the source documents in this folder.", valueName: "dir"))
    var seeds: String?

    @Flag(help: "Treat warnings as errors: with --seeds, a figure its quote does not state fails the check.")
    var strict = false

    @Flag(name: .customLong("write-digest"), help: ArgumentHelp(
        "When the folder (with its own catalog.yaml) is clean, record its files' SHA-256 in validated.sha256, so later loads of unchanged files skip these checks, and the checked catalog in catalog.compiled, read instead of the YAML while catalog.yaml is unchanged."))
    var writeDigest = false

    func validate() throws {
        if strict && seeds == nil {
            throw ValidationError("--strict has nothing to make strict without --seeds: its warnings come from checking figures against their quotes")
        }
    }

    func run() throws {
        try reportingFailures {
            let shippedDirectory = try DataLocation.datasetsDirectory(explicit: data.directory)
            let target = folder ?? shippedDirectory
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Diagnostic(SourceLocation(file: target), "not a folder", hint: "give the folder that holds the CSV files")
            }
            let ownCatalog = DataLocation.catalogPath(in: target)
            let corpus: Corpus
            var diagnostics: [Diagnostic]
            if FileManager.default.fileExists(atPath: ownCatalog) {
                let catalog = try Catalog.load(path: ownCatalog, limits: data.limits.yaml)
                (corpus, diagnostics) = Corpus.load(directory: target, catalog: catalog, limits: data.limits.csv)
            } else {
                let shipped = try DataLocation.loadShippedCorpus(explicit: shippedDirectory, csvLimits: data.limits.csv, yamlLimits: data.limits.yaml)
                (corpus, diagnostics) = Corpus.load(directory: target, catalog: shipped.catalog, fallback: shipped, requireAllTables: false,
                                                    limits: data.limits.csv)
                if corpus.tables.isEmpty {
                    diagnostics.append(Diagnostic(SourceLocation(file: target), "no table files found",
                                                  hint: "name files as the catalog does: \(shipped.catalog.tables.map(\.file).joined(separator: ", "))"))
                }
            }
            let hasOwnCatalog = FileManager.default.fileExists(atPath: ownCatalog)
            if writeDigest && !hasOwnCatalog {
                throw ValidationError("--write-digest records a whole corpus; \(target) has no catalog.yaml")
            }
            let current = hasOwnCatalog ? CorpusDigest.current(directory: target, catalog: corpus.catalog) : nil
            if let current, !writeDigest, let recorded = CorpusDigest.recorded(in: target) {
                let changed = recorded.differences(from: current)
                if !changed.isEmpty {
                    diagnostics.append(Diagnostic(SourceLocation(file: (target as NSString).appendingPathComponent(CorpusDigest.fileName)),
                                                  "out of date for \(changed.joined(separator: ", ")): loads check these files in full",
                                                  hint: "once the folder is clean, run `scobrief datasets validate --write-digest`", severity: .warning))
                }
            }
            var verifiedQuotes: QuoteVerifier.Outcome?
            if let seeds {
                let outcome = QuoteVerifier(seedsDirectory: seeds).verify(corpus)
                diagnostics += outcome.problems
                verifiedQuotes = outcome
            }
            if strict {
                diagnostics = diagnostics.map { var strictOne = $0; strictOne.severity = .error; return strictOne }
            }
            for diagnostic in diagnostics { Terminal.error(diagnostic.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            let rows = corpus.tables.values.reduce(0) { $0 + $1.rows.count }
            var summary = "\(target): \(corpus.tables.count) table\(corpus.tables.count == 1 ? "" : "s"), \(rows) valid rows"
            if let verifiedQuotes {
                summary += ", \(verifiedQuotes.verified) quotes found in their sources (\(verifiedQuotes.unverifiable) cite the public record)"
            }
            summary += errors == 0 ? ", no problems" : ", \(errors) problem\(errors == 1 ? "" : "s")"
            if warnings > 0 { summary += ", \(warnings) warning\(warnings == 1 ? "" : "s") (--strict makes them errors)" }
            if let current, writeDigest, errors == 0 {
                try current.write(to: target)
                try CompiledCatalog.write(corpus.catalog, to: target)
                summary += "; wrote \(CorpusDigest.fileName) and \(CompiledCatalog.fileName)"
            }
            Terminal.output(summary + "\n")
            if errors > 0 { throw ExitCode.failure }
        }
    }
}
