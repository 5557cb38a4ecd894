import ArgumentParser
import Analysis
import Dataset
import Report
import Support

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two periods: annual rates with exact intervals, their ratio and difference.",
        discussion: """
        Examples:
          scobrief compare --csv survey.csv --time year --count incidents --by region --period 2010-2012 --period 2018-2020

          scobrief compare attacks --period 2001-2011 --period 2024
          scobrief compare attacks --period 2001-2011 --with attacks-prevented --period 2024
          scobrief compare attacks --status member --members-as-of 2001-06-15 --period 2001-2011 --period 2024
        A period outside the data's coverage (after its last date) is refused; months in a known
        gap are left out of the period's exposure.
        A figure is a corpus table (attacks, exercises, documents) or an indicator reported in
        indicators.csv (attacks-prevented, crimes-prevented, ...). Figures that measure different
        things (attacks that happened, attacks prevented) or lists of named examples set against
        complete counts are refused, with the reason.
        """
    )

    @Argument(help: ArgumentHelp("The figure to compare (or --csv FILE for your own table).", valueName: "figure"))
    var figure: String?

    @Option(help: ArgumentHelp("Compare with this figure in the second period (default: the same figure).", valueName: "figure"))
    var with: String?

    @Option(help: ArgumentHelp("A period: 2024, 2001-2011, 2024-01..2024-09, latest or latest-N (the last N years with data). Give it twice.", valueName: "period"))
    var period: [String] = []

    @Option(name: .customLong("country"), help: ArgumentHelp("Only these countries (for corpus tables).", valueName: "ISO"))
    var countries: [String] = []

    @Option(help: ArgumentHelp("Only events in states of this SCO status at the time: member, observer, dialogue-partner (for corpus tables).", valueName: "status"))
    var status: [String] = []

    @Option(name: .customLong("members-as-of"), help: ArgumentHelp("Hold the set of states fixed for both periods: those with --status (member by default) on this date, e.g. 2001-06-15 (the founding six) or 2024-12-31.", valueName: "date"))
    var membersAsOf: String?

    @Flag(name: .customLong("assume-zero-outside-coverage"), help: "Count months outside the data's coverage as months with no events instead of refusing the period; recorded in the notes.")
    var assumeZeroOutsideCoverage = false

    @Option(help: ArgumentHelp("Confidence level for intervals.", valueName: "level"))
    var level: Double = 0.95

    @Option(help: ArgumentHelp("With --csv: the column a counts table's rows are split by (region); the periods compare the totals over it.", valueName: "column"))
    var by: String?

    @OptionGroup(title: "Your own table") var own: OwnCountsOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var output: ResultOutputOptions

    func validate() throws {
        guard period.count == 2 else {
            throw ValidationError("give exactly two periods, e.g. --period 2001-2011 --period 2024 (got \(period.count))")
        }
        guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, e.g. 0.95") }
        try output.check(tableNames: ["periods", "comparison"])
    }

    func run() throws {
        try reportingFailures {
            if own.isActive { return try runOwnTable() }
            try own.check()
            if by != nil { throw ValidationError("--by names a column of your own table; give the table with --csv FILE") }
            guard let figure else { throw ValidationError("name a figure (attacks, exercises, documents or an indicator), or give your own table with --csv FILE --time COLUMN") }
            let corpus = try data.loadCorpus()
            // The reports' period reader, so `latest` and `latest-N` work here as in a spec.
            let reader = PeriodContext(store: EventTableStore(corpus: corpus))
            let periods = [try reader.period(period[0], figure: figure), try reader.period(period[1], figure: with ?? figure)]
            let analysis = try ComparisonAnalysis.run(figure, periods[0], with ?? figure, periods[1], corpus: corpus,
                                                      countries: try countryOption(countries, corpus: corpus),
                                                      statusAtTime: try statusOption(status), level: level,
                                                      options: FigureResolver.CountOptions(membersAsOf: try membersAsOfOption(membersAsOf),
                                                                                           assumeZeroOutsideCoverage: assumeZeroOutsideCoverage))
            // One display table shows both results, so `--table` leaves it whole in the display formats.
            try output.write(analysis.output(), display: [analysis.table])
        }
    }

    /// `compare --csv`: the same statistics over the user's own table's counts.
    private func runOwnTable() throws {
        if let figure { throw ValidationError("give a corpus figure ('\(figure)') or --csv FILE, not both") }
        if with != nil { throw ValidationError("--with names a second corpus figure; with --csv both periods come from your table") }
        try OwnCountsOptions.refuseCorpusOption("--country", given: !countries.isEmpty)
        if !data.location.inputs.isEmpty { throw ValidationError("--input replaces a corpus table; with --csv it would be ignored") }
        let counts = try own.yearlyCounts(by: by, period: nil, limits: data.limits, dataDirectory: data.directory)
        let latest = { counts.range.upperBound }
        let reader = { (text: String) throws -> Period in
            try Period(parsing: text, latestYear: text.trimmingCharacters(in: .whitespaces).hasPrefix("latest") ? latest() : nil)
        }
        let analysis: ComparisonAnalysis
        do {
            analysis = try OwnComparison.run(counts, try reader(period[0]), try reader(period[1]), level: level)
        } catch let error as OwnTableError {
            throw Diagnostic(SourceLocation(file: own.csv!), error.message, hint: error.hint)
        }
        try output.write(analysis.output(), display: [analysis.table])
    }
}
