import ArgumentParser
import Analysis
import Dataset
import Foundation
import Support

/// Where the corpus is, and any table the user brings in its place: the options every command
/// that reads the corpus shares, without the input limits (which differ by command).
struct DataLocationOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("The Datasets folder (default: found from the current folder, or $SCOBRIEF_DATA).", valueName: "dir"))
    var directory: String?

    @Option(name: .customLong("input"), help: ArgumentHelp(
        "Use your own file for a table, e.g. attacks=gtd/attacks.csv (from `scobrief import gtd`); a sources.csv beside it is read too. attacks+=FILE adds the file's rows instead (several imported datasets, kept apart by a report table's sources:). Repeatable.",
        valueName: "table=file"))
    var inputs: [String] = []

    /// The shipped corpus with the user's tables in place of the shipped ones (a spec's `data:`
    /// folder, then `--input`; the rules are `CorpusOverlay`'s); warnings go to stderr. `only`
    /// names the tables the command reads (nil: all), so a problem in another table does not stop it.
    /// `columns` names, by table, the columns the command reads: an imported table given with
    /// `--input` whose stamp vouches for it is read for those only. `counted` names the tables the
    /// command reads only through `EventTables` (see `CorpusOverlay.countedTables`).
    func loadCorpus(folder: String? = nil, limits: InputLimits, only: Set<String>? = nil,
                    columns: [String: Set<String>] = [:], counted: Set<String> = []) throws -> Corpus {
        let shipped = try DataLocation.loadShippedCorpus(explicit: directory, csvLimits: limits.csv, yamlLimits: limits.yaml,
                                                         only: folder == nil ? only : nil)
        var overlay = CorpusOverlay(folder: folder, inputs: inputs, csvLimits: limits.csv, yamlLimits: limits.yaml)
        overlay.columns = columns
        overlay.countedTables = counted
        let (corpus, warnings) = try overlay.apply(to: shipped)
        for warning in warnings { Terminal.error(warning.description) }
        return corpus
    }
}

/// The corpus's location with both kinds of input limit, for commands that read CSV and YAML.
struct DataOptions: ParsableArguments {
    @OptionGroup var location: DataLocationOptions
    @OptionGroup(title: "Input limits") var csvLimits: CSVLimitOptions
    @OptionGroup(title: "Input limits") var yamlLimits: YAMLLimitOptions

    var directory: String? { location.directory }
    var limits: InputLimits { InputLimits(csv: csvLimits.csv, yaml: yamlLimits.yaml) }

    /// The corpus, read within the limits given (see `DataLocationOptions.loadCorpus`).
    func loadCorpus(folder: String? = nil, only: Set<String>? = nil, columns: [String: Set<String>] = [:],
                    counted: Set<String> = []) throws -> Corpus {
        try location.loadCorpus(folder: folder, limits: limits, only: only, columns: columns, counted: counted)
    }
}

/// The corpus's location with the CSV limits only, for `import gtd`, whose input is one CSV file.
/// The shipped catalog it also reads is read within the default YAML limits.
struct CSVDataOptions: ParsableArguments {
    @OptionGroup var location: DataLocationOptions
    @OptionGroup(title: "Input limits") var csvLimits: CSVLimitOptions

    var limits: InputLimits { InputLimits(csv: csvLimits.csv, yaml: .default) }

    /// The corpus, read within the limits given (see `DataLocationOptions.loadCorpus`). A catalog
    /// over a YAML limit is refused with a hint these commands can follow: they have no YAML flags.
    func loadCorpus(only: Set<String>? = nil) throws -> Corpus {
        do {
            return try location.loadCorpus(limits: limits, only: only)
        } catch let diagnostic as Diagnostic {
            throw withoutYAMLFlags(diagnostic)
        } catch let list as DiagnosticList {
            var list = list
            list.diagnostics = list.diagnostics.map(withoutYAMLFlags)
            throw list
        }
    }

    /// `diagnostic` with a hint that names a YAML limit flag replaced by what this command can do.
    private func withoutYAMLFlags(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let hint = diagnostic.hint, hint.contains("--max-yaml-") else { return diagnostic }
        var changed = diagnostic
        let folder = location.directory.map { "the --data folder \($0)" } ?? "the data folder"
        changed.hint = "an import reads the catalog within the default YAML limits (\(YAMLLimits.default.maxNodes) nodes, depth "
            + "\(YAMLLimits.default.maxDepth), \(YAMLLimits.default.maxBytes) bytes) and has no flag to raise them; check the catalog.yaml of "
            + "\(folder), or leave --data out to use the shipped catalog"
        return changed
    }
}

extension TableFormat: ExpressibleByArgument {
    /// The extensions a file written in this format may have (`-o` is checked against them).
    var fileExtensions: [String] {
        switch self {
        case .table: return ["txt"]
        case .csv: return ["csv"]
        case .json: return ["json"]
        case .markdown: return ["md", "markdown"]
        case .latex: return ["tex"]
        }
    }
}

struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: \(TableFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: TableFormat = .table
}
