import ArgumentParser
import Analysis
import Dataset
import Support

struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Counts by year or country, with trend tests and confidence intervals.",
        discussion: """
        Examples:
          scobrief trend --csv survey.csv --time year --count incidents --by region
          scobrief trend --csv events.csv --time date          (one row per event)

          scobrief trend attacks --from 2001 --to 2011 --test mann-kendall,poisson
          scobrief trend exercises --by year,country --format markdown
          scobrief trend attacks --status member --country RUS --country CHN
          scobrief trend attacks --status member --members-as-of 2001-06-15
        Years without events are counted as 0 in the trend tests; years outside the data's
        coverage, or in a known gap (the GTD's 1993), are left out and named in the notes.
        """
    )

    @Argument(help: ArgumentHelp("The table: \(EventTables.names.joined(separator: ", ")) (or --csv FILE for your own).", valueName: "table"))
    var table: String?

    @Option(help: ArgumentHelp("Group by year, country, kind, or a combination such as year,country (default year); with --csv, a column to split the counts by.", valueName: "keys"))
    var by: String?

    @Option(help: ArgumentHelp("First year (or YYYY-MM).", valueName: "year"))
    var from: String?

    @Option(help: ArgumentHelp("Last year (or YYYY-MM).", valueName: "year"))
    var to: String?

    @Option(name: .customLong("country"), help: ArgumentHelp("Only these countries (ISO 3166-1 alpha-3); repeat or separate with commas.", valueName: "ISO"))
    var countries: [String] = []

    @Option(help: ArgumentHelp("Only events in states of this SCO status at the time: member, observer, dialogue-partner.", valueName: "status"))
    var status: [String] = []

    @Option(name: .customLong("members-as-of"), help: ArgumentHelp("Hold the set of states fixed: those with --status (member by default) on this date, whatever their status at the time of each event.", valueName: "date"))
    var membersAsOf: String?

    @Flag(name: .customLong("assume-zero-outside-coverage"), help: "Count years outside the data's coverage (and in its gaps) as years with no events; recorded in the notes.")
    var assumeZeroOutsideCoverage = false

    @Option(name: .customLong("kind"), help: ArgumentHelp("Only events of this kind (exercise kind, document type).", valueName: "kind"))
    var kinds: [String] = []

    @Option(help: ArgumentHelp("Tests to run: \(TrendTest.allCases.map(\.rawValue).joined(separator: ", ")), or none.", valueName: "tests"))
    var test: String = "ols,mann-kendall,poisson"

    @Option(help: ArgumentHelp("Add a trailing mean over this many years (3 or 5, say) to yearly counts.", valueName: "years"))
    var rolling: Int?

    @Option(help: ArgumentHelp("Confidence level for intervals.", valueName: "level"))
    var level: Double = 0.95

    @Option(help: ArgumentHelp("Significance level at which Mann–Kendall calls a trend increasing or decreasing, and NB2 and quasi-Poisson are checked for agreement (independent of --level).", valueName: "alpha"))
    var alpha: Double = 0.05

    @OptionGroup(title: "Your own table") var own: OwnCountsOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var output: ResultOutputOptions

    /// Output options are checked before any work (a bad --test is reported by run, with its hint).
    func validate() throws {
        let tests = (try? TrendTest.parseList([test])) ?? [.ols]
        try output.check(tableNames: ["counts"] + (tests.isEmpty ? [] : ["tests"]))
    }

    func run() throws {
        try reportingFailures {
            if own.isActive { return try runOwnTable() }
            try own.check()
            guard let table else { throw ValidationError("name a table (\(EventTables.names.joined(separator: ", "))), or give your own with --csv FILE --time COLUMN") }
            let keys = try parseKeys(by ?? "year")
            let tests = try parseTests(test)
            // The table is read only through `EventTables`: a stamped import is read straight into events' fields.
            let corpus = try data.loadCorpus(only: [table, "membership"], columns: EventTables.columnsRead(table).map { [table: $0] } ?? [:],
                                             counted: [table])
            let eventTable = try EventTables.table(named: table, in: corpus)
            guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
            guard alpha > 0 && alpha < 1 else { throw ValidationError("--alpha must be between 0 and 1, e.g. 0.05") }
            let filter = EventFilter(
                period: try periodOption(from: from, to: to, within: eventTable.dataCoverage),
                countries: try countryOption(countries, corpus: corpus),
                statusAtTime: try statusOption(status),
                kinds: try kindOption(kinds, table: eventTable),
                membersAsOf: try membersAsOfOption(membersAsOf))
            let events = filter.apply(to: eventTable, membership: corpus.membership)
            if let refusal = TrendAnalysis.coverageRefusal(events, assumeZeroOutsideCoverage: assumeZeroOutsideCoverage) { throw refusal }
            let analysis = TrendAnalysis.run(events, by: keys, tests: tests, level: level, alpha: alpha,
                                             assumeZeroOutsideCoverage: assumeZeroOutsideCoverage)
            if let rolling, rolling < 2 || rolling > 50 { throw ValidationError("--rolling must be between 2 and 50 years") }
            if rolling != nil && keys != [.year] { throw ValidationError("--rolling works on yearly counts; use it with --by year") }
            var counts = analysis.countsTable(rollingWindow: rolling)
            counts.name = "counts"
            var display = [counts]
            if !tests.isEmpty {
                var testsTable = analysis.testsTable
                testsTable.name = "tests"
                display.append(testsTable)
            }
            try output.write(analysis.output(rollingWindow: rolling), display: display)
            // The process ends here: the table's records are left for the exit to reclaim.
            KeptUntilExit.keep((corpus, eventTable, events, analysis))
        }
    }

    /// `trend --csv`: the same tests on the user's own yearly counts, labelled with the table's columns.
    private func runOwnTable() throws {
        if let table { throw ValidationError("give a corpus table ('\(table)') or --csv FILE, not both") }
        try OwnCountsOptions.refuseCorpusOption("--country", given: !countries.isEmpty)
        try OwnCountsOptions.refuseCorpusOption("--status", given: !status.isEmpty)
        try OwnCountsOptions.refuseCorpusOption("--kind", given: !kinds.isEmpty)
        if !data.location.inputs.isEmpty { throw ValidationError("--input replaces a corpus table; with --csv it would be ignored") }
        let tests = try parseTests(test)
        guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
        guard alpha > 0 && alpha < 1 else { throw ValidationError("--alpha must be between 0 and 1, e.g. 0.05") }
        if let rolling, rolling < 2 || rolling > 50 { throw ValidationError("--rolling must be between 2 and 50 years") }
        if rolling != nil && by != nil { throw ValidationError("--rolling works on one yearly series; leave out --by") }
        let counts = try own.yearlyCounts(by: by, period: try periodOption(from: from, to: to), limits: data.limits,
                                          dataDirectory: data.directory)
        let analysis = OwnTrendAnalysis.run(counts, tests: tests, level: level, alpha: alpha)
        var countsTable = analysis.countsTable(rollingWindow: rolling)
        countsTable.name = "counts"
        var testsTable = analysis.testsTable
        testsTable.name = "tests"
        try output.write(analysis.output(rollingWindow: rolling), display: [countsTable] + (tests.isEmpty ? [] : [testsTable]))
    }

    /// The option's name goes in front of the shared parser's message, so the reader knows which option to fix.
    private func parseKeys(_ text: String) throws -> [GroupKey] {
        do { return try GroupKey.parseList(text) } catch { throw ValidationError("--by: \(error)") }
    }

    private func parseTests(_ text: String) throws -> [TrendTest] {
        do { return try TrendTest.parseList([text]) } catch { throw ValidationError("--test: \(error)") }
    }
}
