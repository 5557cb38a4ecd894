import Analysis
import ArgumentParser
import Dataset
import Support

/// The options every import shares (`import gtd`, `ucdp-ged`, `acled`, `events`): the output, the
/// selection by year and country, strictness, the summary and its format, the source id and the
/// corpus with its limits. One group, so the imports cannot drift apart.
struct ImportOutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The table to write (e.g. out/attacks.csv).", valueName: "out.csv"))
    var output: String

    @Option(help: ArgumentHelp(
        "Keep events in: sco-members (members at the end of membership.csv), sco-members-at-date (members on the event's date), or ISO codes such as RUS,CHN,KAZ. Default: every country.",
        valueName: "selection"))
    var countries: String?

    @Option(help: ArgumentHelp("Keep events from this year on.", valueName: "year"))
    var from: Int?

    @Option(help: ArgumentHelp("Keep events up to this year.", valueName: "year"))
    var to: Int?

    @Flag(help: "Stop at the first malformed row instead of counting it and going on.")
    var strict = false

    @Flag(help: "No progress display and no summary; problems are still reported.")
    var quiet = false

    @Option(name: .customLong("summary-by"), help: ArgumentHelp(
        "Also print events, killed and wounded (with counts of unknown figures) of the rows written, grouped by: year, country, or year,country.",
        valueName: "keys"))
    var summaryBy: String?

    @OptionGroup var format: FormatOptions

    @Option(name: .customLong("source-id"), help: ArgumentHelp("The id of the release's sources row (default: the source's name and the file name).", valueName: "id"))
    var sourceID: String?

    @OptionGroup var data: CSVDataOptions

    func validate() throws {
        if let summaryBy, GTDSummaryTable(keys: summaryBy) == nil {
            throw ValidationError("--summary-by takes year, country or year,country, not '\(summaryBy)'")
        }
        if let sourceID, sourceID.isEmpty || !sourceID.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            throw ValidationError("--source-id must be lowercase letters, digits and hyphens, like the catalog's ids")
        }
    }

    /// Prints what an import did: its problems, the summary on stderr unless --quiet, and the
    /// `--summary-by` table on stdout in the chosen format.
    func report(_ totals: some ImportTotals, lines: [String], problems: [GTDImportProblem], unlisted: Diagnostic?,
                sourceID: String, sourcesPath: String, corpus: Corpus) {
        for problem in problems { Terminal.error(problem.description) }
        if let unlisted { Terminal.error(unlisted.description) }
        if !quiet {
            for line in lines { Terminal.error(line) }
            Terminal.error("  wrote \(output) and the source row '\(sourceID)' in \(sourcesPath)")
        }
        if let summaryBy, let grouping = GTDSummaryTable(keys: summaryBy) {
            switch format.format {
            case .json: Terminal.output(grouping.output(of: totals, corpus: corpus).json.text())
            case .csv: Terminal.output(grouping.output(of: totals, corpus: corpus).tables[0].csv())
            default: Terminal.output(grouping.table(of: totals, corpus: corpus).rendered(as: format.format))
            }
        }
    }
}
