import Analysis
import Dataset
import Support

/// What every block's `build` step shares: the corpus and its event tables, the placeholder
/// binding, the numbered references, and the figures and tables built so far.
final class BuildContext {
    let corpus: Corpus
    let metadata: ReportMetadata
    let store: EventTableStore
    let references: References
    /// The report's language: fixed words, country names, numbers.
    let localiser: Localiser
    let binding: TextBinding
    let charts: CorpusCharts
    let analyses: TableAnalyses
    /// The one reader of periods (`2001-2011`, `2024`, `latest-5`) for every block.
    let periods: PeriodContext
    /// The page's text width in points: the default width of a chart.
    let contentWidth: Double
    /// Where the block being built is written, for errors found while building it.
    var location: SourceLocation
    /// Problems found beside the one a block's build throws: every bad placeholder of a text after the first.
    let problems = DiagnosticCollector()
    /// Whether the block being built comes right after a heading (a sources block then needs none of its own).
    var followsHeading = false

    private(set) var figures: [BuiltFigure] = []
    private(set) var tables: [BuiltTable] = []
    private(set) var tablesUsed: [String] = []
    private(set) var headingCount = 0
    private var listCount = 0

    /// The spec's own tables (`tables:`).
    let ownTables: OwnTableStore

    init(corpus: Corpus, metadata: ReportMetadata, references: References, location: SourceLocation,
         ownTables: OwnTableStore = OwnTableStore()) {
        self.ownTables = ownTables
        self.corpus = corpus
        self.metadata = metadata
        self.store = EventTableStore(corpus: corpus)
        self.references = references
        self.localiser = references.localiser
        self.binding = TextBinding(evaluator: PlaceholderEvaluator(store: store, references: references.labels, localiser: references.localiser,
                                                                   ownTables: ownTables), problems: problems)
        var charts = CorpusCharts(store: store)
        charts.localiser = references.localiser
        self.charts = charts
        self.periods = PeriodContext(store: store)
        var analyses = TableAnalyses(store: store, periods: periods, ownTables: ownTables)
        analyses.localiser = references.localiser
        self.analyses = analyses
        self.contentWidth = metadata.pageSize.points.width - metadata.margins.inner - metadata.margins.outer
        self.location = location
    }

    /// Records that the report draws on a corpus table, for the "About the data" notes.
    func use(_ table: String) {
        if !tablesUsed.contains(table) { tablesUsed.append(table) }
    }

    /// Adds a figure and returns its index in the report's figures.
    func add(_ figure: BuiltFigure) -> Int {
        figures.append(figure)
        return figures.count - 1
    }

    /// Adds a table and returns its index in the report's tables.
    func add(_ table: BuiltTable) -> Int {
        tables.append(table)
        return tables.count - 1
    }

    /// The next list's number, so the items of one list can be told from the next's.
    func nextListNumber() -> Int {
        listCount += 1
        return listCount
    }

    /// The next heading's number, for anchors of headings without an id.
    func nextHeadingNumber() -> Int {
        headingCount += 1
        return headingCount
    }
}
