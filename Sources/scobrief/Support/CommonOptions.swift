import ArgumentParser
import Analysis

/// Where the shipped corpus is, for commands that read it.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("The Datasets folder (default: found from the current folder, or $SCOBRIEF_DATA).", valueName: "dir"))
    var directory: String?
}

extension TableFormat: ExpressibleByArgument {}

struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: \(TableFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: TableFormat = .table
}
