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

    @Option(help: ArgumentHelp("Text encoding: auto (UTF-8, or Windows-1252 when a field is not valid UTF-8), utf-8 or windows-1252.", valueName: "encoding"))
    var encoding: String = "auto"

    @OptionGroup var common: ImportOutputOptions

    func validate() throws {
        guard GTDEncodingChoice(rawValue: encoding.lowercased()) != nil else {
            throw ValidationError("--encoding must be auto, utf-8 or windows-1252, not '\(encoding)'")
        }
    }

    func run() throws {
        try reportingFailures {
            InterruptCleanup.install()
            try OutputPath.check(common.output, extensions: ["csv"], what: "the imported table")
            let corpus = try common.data.loadCorpus(only: ["membership"])
            var options = GTDImportOptions()
            options.countries = common.countries.map(GTDCountrySelection.init(argument:)) ?? .all
            options.fromYear = common.from
            options.toYear = common.to
            options.encoding = GTDEncodingChoice(rawValue: encoding.lowercased()) ?? .auto
            options.strict = common.strict
            options.sourceID = common.sourceID
            options.limits = common.data.limits.csv
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let progress: GTDProgressDisplay? = common.quiet ? nil : GTDProgressDisplay(totalBytes: size)
            let result = try GTDImporter(corpus: corpus, options: options).importFile(input: file, output: common.output, progress: progress)
            common.report(result.summary, lines: result.summary.lines, problems: result.summary.problems,
                          unlisted: result.summary.unlistedMalformedRows, sourceID: result.release.sourceID,
                          sourcesPath: result.sourcesPath, corpus: corpus)
        }
    }
}
