import ArgumentParser
import Dataset
import Support

/// Bounds on the work one CSV input may cause, for every command that reads CSV.
/// The limits' own error messages name these flags, so a user who meets one knows how to raise it.
struct CSVLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-field-bytes"), help: ArgumentHelp(
        "Largest CSV field, in bytes (default \(CSVLimits.default.maxFieldBytes)).", valueName: "n"))
    var maxFieldBytes: Int?

    @Option(name: .customLong("max-columns"), help: ArgumentHelp(
        "Most columns in one CSV row (default \(CSVLimits.default.maxColumns)).", valueName: "n"))
    var maxColumns: Int?

    @Option(name: .customLong("max-rows"), help: ArgumentHelp("Most data rows in one CSV file (default: no limit).", valueName: "n"))
    var maxRows: Int?

    func validate() throws {
        try requirePositive([("--max-field-bytes", maxFieldBytes), ("--max-columns", maxColumns), ("--max-rows", maxRows)])
    }

    var csv: CSVLimits {
        var limits = CSVLimits.default
        if let maxFieldBytes { limits.maxFieldBytes = maxFieldBytes }
        if let maxColumns { limits.maxColumns = maxColumns }
        if let maxRows { limits.maxRows = maxRows }
        return limits
    }
}

/// Bounds on the work one YAML input (a catalog, a report spec) may cause, for the commands that
/// read YAML the user chooses; `import gtd` reads none, so it does not offer them.
struct YAMLLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-yaml-nodes"), help: ArgumentHelp(
        "Most YAML nodes read from one file, aliases counted each time they are used (default \(YAMLLimits.default.maxNodes)).", valueName: "n"))
    var maxYAMLNodes: Int?

    @Option(name: .customLong("max-yaml-depth"), help: ArgumentHelp(
        "Deepest nesting in a YAML file (default \(YAMLLimits.default.maxDepth)).", valueName: "n"))
    var maxYAMLDepth: Int?

    @Option(name: .customLong("max-yaml-bytes"), help: ArgumentHelp(
        "Largest YAML file, in bytes (default \(YAMLLimits.default.maxBytes)).", valueName: "n"))
    var maxYAMLBytes: Int?

    func validate() throws {
        try requirePositive([("--max-yaml-nodes", maxYAMLNodes), ("--max-yaml-depth", maxYAMLDepth), ("--max-yaml-bytes", maxYAMLBytes)])
    }

    var yaml: YAMLLimits {
        var limits = YAMLLimits.default
        if let maxYAMLNodes { limits.maxNodes = maxYAMLNodes }
        if let maxYAMLDepth { limits.maxDepth = maxYAMLDepth }
        if let maxYAMLBytes { limits.maxBytes = maxYAMLBytes }
        return limits
    }
}

/// The limits in force for one run: what the command's flags set, defaults for the rest.
struct InputLimits {
    var csv: CSVLimits
    var yaml: YAMLLimits
}

private func requirePositive(_ given: [(String, Int?)]) throws {
    for case let (flag, value?) in given where value < 1 {
        throw ValidationError("\(flag) must be a positive whole number, not \(value)")
    }
}
