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

    /// The shipped corpus with the user's tables in place of the shipped ones (a spec's `data:`
    /// folder, then `--input`; the rules are `CorpusOverlay`'s); warnings go to stderr.
    func loadCorpus(folder: String? = nil) throws -> Corpus {
        let shipped = try DataLocation.loadShippedCorpus(explicit: directory, csvLimits: limits.csv, yamlLimits: limits.yaml)
        let overlay = CorpusOverlay(folder: folder, inputs: inputs, csvLimits: limits.csv, yamlLimits: limits.yaml)
        let (corpus, warnings) = try overlay.apply(to: shipped)
        for warning in warnings { Terminal.error(warning.description) }
        return corpus
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
