import Dataset

/// One dated thing that can be counted: an attack, an exercise, a document, a GTD incident.
///
/// The tables differ, but trends ask the same questions of each (how many a year, where,
/// of which kind), so each table is read into events once and every analysis runs on those.
public struct Event: Sendable, Hashable {
    public var id: String
    public var date: PartialDate
    /// Where it happened; several for an exercise held in two countries.
    public var countries: [String]
    /// The kind within its table: exercise kind, document type, attack description's category.
    public var kind: String?
    public var killed: Int?
    public var wounded: Int?
    public var sourceID: String?
    /// The row stands for several events (`stands_for: several-events`): counts including it are lower bounds.
    public var standsForSeveral = false

    public init(id: String, date: PartialDate, countries: [String], kind: String? = nil,
                killed: Int? = nil, wounded: Int? = nil, sourceID: String? = nil) {
        self.id = id
        self.date = date
        self.countries = countries
        self.kind = kind
        self.killed = killed
        self.wounded = wounded
        self.sourceID = sourceID
    }

    public var year: Int { date.year }
}

/// A table's events with what the table covers, which every statistic carries into its caveats.
public struct EventTable: Sendable {
    public var name: String
    public var title: String
    public var coverage: CoverageScope
    public var coverageNote: String
    /// What one event is, for messages and comparisons: "attack", "exercise".
    public var measure: MeasuredQuantity
    public var events: [Event]
    /// What the table covers in time: first and last date, gaps, collection breaks, later starts
    /// by country. Statistics leave uncovered years out rather than counting them as 0.
    public var dataCoverage: Coverage
    /// English names by country code, for notes that name states ("India and Pakistan joined").
    public var countryNames: [String: String] = [:]

    /// A table of `events`. Without `dataCoverage`, the years of the events stand for it.
    public init(name: String, title: String, coverage: CoverageScope, coverageNote: String, measure: MeasuredQuantity, events: [Event],
                dataCoverage: Coverage? = nil) {
        self.name = name
        self.title = title
        self.coverage = coverage
        self.coverageNote = coverageNote
        self.measure = measure
        self.events = events
        self.dataCoverage = dataCoverage ?? Coverage.fromYearsOfData(events.lazy.map(\.year), scope: coverage, note: coverageNote)
    }
}

