import ArgumentParser
import Dataset
import Foundation
import Support

/// The event imports' run, over the options every import shares.
extension ImportOutputOptions {
    /// Runs the import of `file` with `mapping`, the type filters given, and prints the summary.
    func run(file: String, mapping: EventMapping, filters: [(option: String, values: [String])], command: String,
             encoding: GTDEncodingChoice? = nil) throws {
        try reportingFailures {
            try OutputPath.check(output, extensions: ["csv"], what: "the imported table")
            let corpus = try data.loadCorpus(only: ["membership"])
            var options = EventImportOptions()
            options.countries = countries.map(GTDCountrySelection.init(argument:)) ?? .all
            options.fromYear = from
            options.toYear = to
            options.strict = strict
            options.sourceID = sourceID
            options.limits = data.limits.csv
            options.filters = filters
            options.encoding = encoding
            let importer = EventImporter(corpus: corpus, mapping: mapping, options: options, command: command)
            try importer.checkOptions()
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let progress: GTDProgressDisplay? = quiet ? nil : GTDProgressDisplay(totalBytes: size, label: command.replacingOccurrences(of: "scobrief ", with: ""))
            let result = try importer.importFile(input: file, output: output, progress: progress)
            let summary = result.summary
            report(summary, lines: summary.lines, problems: summary.problems, unlisted: summary.unlistedMalformedRows,
                   sourceID: result.sourceID, sourcesPath: result.sourcesPath, corpus: corpus)
        }
    }
}

/// Splits `Suicide bomb,Remote explosive/landmine/IED` into the values to keep.
func filterValues(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

struct ImportUCDPGED: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucdp-ged",
        abstract: "Import a UCDP Georeferenced Event Dataset (GED) CSV export as an attacks table.",
        discussion: """
        Streams UCDP's GED export (e.g. GEDEvent_v25_1.csv) into a table with the columns of \
        SCOBrief's attacks table, through the built-in ucdp-ged mapping. Gleditsch–Ward numbers \
        (country_id) become ISO 3166-1 alpha-3 codes; the Soviet Union (365 before 26 December \
        1991), Yugoslavia and other former states keep their own codes. killed is UCDP's best \
        estimate, with low and high beside it; an event dated over a range keeps the narrowest \
        date that holds it and the range in date_approx. --type-of-violence 3 keeps one-sided \
        violence against civilians, the selection closest to terrorism; the filter is recorded in \
        the source row, with the release's coverage (first and last date).
        """)

    @Argument(help: ArgumentHelp("The GED CSV export.", valueName: "file"))
    var file: String

    @Option(name: .customLong("type-of-violence"), help: ArgumentHelp("Keep these types: 1 state-based, 2 non-state, 3 one-sided (comma-separated).", valueName: "types"))
    var typeOfViolence: String?

    @OptionGroup var common: ImportOutputOptions

    func run() throws {
        let filters = typeOfViolence.map { [(option: "type-of-violence", values: filterValues($0))] } ?? []
        try common.run(file: file, mapping: try BuiltInEventMappings.mapping(named: "ucdp-ged"), filters: filters, command: "scobrief import ucdp-ged")
    }
}

struct ImportACLED: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acled",
        abstract: "Import an ACLED CSV export as an attacks table.",
        discussion: """
        Streams an export from ACLED's data export tool into a table with the columns of \
        SCOBrief's attacks table, through the built-in acled mapping: iso (numeric ISO 3166) \
        becomes the alpha-3 code, event_date (2024-03-22 or 22 March 2024) the date at the \
        precision time_precision gives. --event-type "Explosions/Remote violence" --sub-event-type \
        "Suicide bomb,Remote explosive/landmine/IED" comes closest to terrorism. The source row \
        records the filters and ACLED's coverage, including the later start year of each region \
        (Central Asia, Russia and China from 2018), so comparisons before it are refused.
        """)

    @Argument(help: ArgumentHelp("The ACLED CSV export.", valueName: "file"))
    var file: String

    @Option(name: .customLong("event-type"), help: ArgumentHelp("Keep these event types (comma-separated).", valueName: "types"))
    var eventType: String?

    @Option(name: .customLong("sub-event-type"), help: ArgumentHelp("Keep these sub-event types (comma-separated).", valueName: "types"))
    var subEventType: String?

    @Option(name: .customLong("disorder-type"), help: ArgumentHelp("Keep these disorder types (comma-separated).", valueName: "types"))
    var disorderType: String?

    @OptionGroup var common: ImportOutputOptions

    func run() throws {
        var filters: [(option: String, values: [String])] = []
        if let eventType { filters.append(("event-type", filterValues(eventType))) }
        if let subEventType { filters.append(("sub-event-type", filterValues(subEventType))) }
        if let disorderType { filters.append(("disorder-type", filterValues(disorderType))) }
        try common.run(file: file, mapping: try BuiltInEventMappings.mapping(named: "acled"), filters: filters, command: "scobrief import acled")
    }
}

struct ImportEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Import any event CSV export as an attacks table, through a mapping file.",
        discussion: """
        The mapping (YAML) names the export's columns for each field of the attacks table, the \
        code table for its countries (gleditsch-ward, iso3166-numeric, iso3166-alpha3, or names \
        with their codes), the type filters it offers and what its coverage is; the README shows \
        one. --mapping ucdp-ged or acled uses a built-in mapping.
        """)

    @Argument(help: ArgumentHelp("The CSV export.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The mapping file (YAML), or the name of a built-in mapping (ucdp-ged, acled).", valueName: "map.yaml"))
    var mapping: String

    @Option(name: .customLong("filter"), help: ArgumentHelp("Keep rows whose filter has these values, e.g. event-type=Riots,Protests. Repeatable.", valueName: "option=values"))
    var filters: [String] = []

    @Option(help: ArgumentHelp("Text encoding: auto (UTF-8, or Windows-1252 when a field is not valid UTF-8), utf-8 or windows-1252. Without it, text must be UTF-8 and a row with other bytes is malformed.", valueName: "encoding"))
    var encoding: String?

    @OptionGroup var common: ImportOutputOptions

    // The mapping is YAML the user chooses, so its limits can be raised for a genuine large one.
    @OptionGroup(title: "Mapping limits") var yamlLimits: YAMLLimitOptions

    func validate() throws {
        if let encoding, GTDEncodingChoice(rawValue: encoding.lowercased()) == nil {
            throw ValidationError("--encoding must be auto, utf-8 or windows-1252, not '\(encoding)'")
        }
    }

    func run() throws {
        var parsed: [(option: String, values: [String])] = []
        for filter in filters {
            guard let equals = filter.firstIndex(of: "=") else {
                throw ValidationError("--filter takes option=values, e.g. event-type=Riots, not '\(filter)'")
            }
            parsed.append((String(filter[..<equals]), filterValues(String(filter[filter.index(after: equals)...]))))
        }
        var loaded: EventMapping?
        try reportingFailures {
            if BuiltInEventMappings.yaml[mapping] != nil && !FileManager.default.fileExists(atPath: mapping) {
                loaded = try BuiltInEventMappings.mapping(named: mapping)
            } else {
                guard let data = FileManager.default.contents(atPath: mapping) else {
                    throw Diagnostic(SourceLocation(file: mapping), "cannot read the mapping",
                                     hint: FileManager.default.fileExists(atPath: mapping) ? "check that it is readable"
                                         : "no file at this path; built-in mappings: \(BuiltInEventMappings.yaml.keys.sorted().joined(separator: ", "))")
                }
                loaded = try EventMapping(bytes: [UInt8](data), file: mapping, limits: yamlLimits.yaml)
            }
        }
        guard let loaded else { return }
        try common.run(file: file, mapping: loaded, filters: parsed, command: "scobrief import events",
                       encoding: encoding.flatMap { GTDEncodingChoice(rawValue: $0.lowercased()) })
    }
}
