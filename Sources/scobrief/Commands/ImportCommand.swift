import ArgumentParser
import Analysis
import Dataset
import Foundation
import Support

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn event data into SCOBrief tables.",
        subcommands: [ImportGTD.self, ImportUCDPGED.self, ImportACLED.self, ImportEvents.self]
    )
}

struct ImportGTD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gtd",
        abstract: "Import a Global Terrorism Database CSV export as an attacks table.",
        discussion: """
        Streams START's GTD export (e.g. globalterrorismdb_0522dist.csv) into a table with the \
        columns of SCOBrief's attacks table, and adds a row naming the release file (kind dataset, \
        coverage complete) to the sources.csv beside the output. Name the output attacks.csv to \
        check it with `scobrief datasets validate DIR` or use it in place of the curated list.

        GTD's conventions are kept: a month or day of 0 leaves the date at year or month precision; \
        blank nkill/nwound stay blank (unknown, not 0); former states (Soviet Union, West Germany, \
        Yugoslavia, ...) keep their own codes and are never counted as a modern state. Rows that \
        cannot be imported are counted and the first few reported with their line; the summary on \
        stderr accounts for every row read. Nothing is written unless the import succeeds.
        """
    )

    @Argument(help: ArgumentHelp("The GTD CSV export.", valueName: "file"))
    var file: String

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The table to write (e.g. out/attacks.csv).", valueName: "out.csv"))
    var output: String

    @Option(help: ArgumentHelp(
        "Keep incidents in: sco-members (members at the end of membership.csv), sco-members-at-date (members on the incident's date), or ISO codes such as RUS,CHN,KAZ. Default: every country.",
        valueName: "selection"))
    var countries: String?

    @Option(help: ArgumentHelp("Keep incidents from this year on.", valueName: "year"))
    var from: Int?

    @Option(help: ArgumentHelp("Keep incidents up to this year.", valueName: "year"))
    var to: Int?

    @Option(help: ArgumentHelp("Text encoding: auto (UTF-8, or Windows-1252 when a field is not valid UTF-8), utf-8 or windows-1252.", valueName: "encoding"))
    var encoding: String = "auto"

    @Flag(help: "Stop at the first malformed row instead of counting it and going on.")
    var strict = false

    @Flag(help: "No progress display and no summary; problems are still reported.")
    var quiet = false

    @Option(name: .customLong("summary-by"), help: ArgumentHelp(
        "Also print incidents, killed and wounded (with counts of unknown figures) of the rows written, grouped by: year, country, or year,country.",
        valueName: "keys"))
    var summaryBy: String?

    @OptionGroup var format: FormatOptions

    @Option(name: .customLong("source-id"), help: ArgumentHelp("The id of the release's sources row (default: gtd- and the file name).", valueName: "id"))
    var sourceID: String?

    @OptionGroup var data: CSVDataOptions

    func validate() throws {
        guard GTDEncodingChoice(rawValue: encoding.lowercased()) != nil else {
            throw ValidationError("--encoding must be auto, utf-8 or windows-1252, not '\(encoding)'")
        }
        if let summaryBy, GTDSummaryTable(keys: summaryBy) == nil {
            throw ValidationError("--summary-by takes year, country or year,country, not '\(summaryBy)'")
        }
        if let sourceID, sourceID.isEmpty || !sourceID.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            throw ValidationError("--source-id must be lowercase letters, digits and hyphens, like the catalog's ids")
        }
    }

    func run() throws {
        try reportingFailures {
            InterruptCleanup.install()
            try OutputPath.check(output, extensions: ["csv"], what: "the imported table")
            let corpus = try data.loadCorpus(only: ["membership"])
            var options = GTDImportOptions()
            options.countries = countries.map(GTDCountrySelection.init(argument:)) ?? .all
            options.fromYear = from
            options.toYear = to
            options.encoding = GTDEncodingChoice(rawValue: encoding.lowercased()) ?? .auto
            options.strict = strict
            options.sourceID = sourceID
            options.limits = data.limits.csv
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let progress: GTDProgressDisplay? = quiet ? nil : GTDProgressDisplay(totalBytes: size)
            let result = try GTDImporter(corpus: corpus, options: options).importFile(input: file, output: output, progress: progress)
            let summary = result.summary
            for problem in summary.problems { Terminal.error(problem.description) }
            if let unlisted = summary.unlistedMalformedRows { Terminal.error(unlisted.description) }
            if !quiet {
                for line in summary.lines { Terminal.error(line) }
                Terminal.error("  wrote \(output) and the source row '\(result.release.sourceID)' in \(result.sourcesPath)")
            }
            if let summaryBy, let grouping = GTDSummaryTable(keys: summaryBy) {
                switch format.format {
                case .json: Terminal.output(grouping.output(of: summary, corpus: corpus).json.text())
                case .csv: Terminal.output(grouping.output(of: summary, corpus: corpus).tables[0].csv())
                default: Terminal.output(grouping.table(of: summary, corpus: corpus).rendered(as: format.format))
                }
            }
        }
    }
}
