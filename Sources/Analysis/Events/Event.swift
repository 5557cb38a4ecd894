import Dataset
import Foundation

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
    /// The events, in date order (then id). A stamped import's are made from its records the
    /// first time they are asked for, and then kept: `trend` counts the records in place
    /// (`stamped`) and never makes them.
    public var events: [Event] {
        get { source.events }
        set { source = EventSource(events: newValue) }
    }
    /// Where the events come from. While they have not been replaced, the events of a stamped
    /// import are its records (`source.stamped`): counts, sums and notes over all of them read
    /// the records in place rather than 200,000 `Event`s made for them.
    private(set) var source: EventSource
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
        self.source = EventSource(events: events)
        self.dataCoverage = dataCoverage ?? Coverage.fromYearsOfData(events.lazy.map(\.year), scope: coverage, note: coverageNote)
    }

    /// A table of a stamped import's records, whose events are made only if asked for.
    init(name: String, title: String, coverage: CoverageScope, coverageNote: String, measure: MeasuredQuantity,
         source: EventSource, dataCoverage: Coverage) {
        self.name = name
        self.title = title
        self.coverage = coverage
        self.coverageNote = coverageNote
        self.measure = measure
        self.source = source
        self.dataCoverage = dataCoverage
    }
}

/// Where a table's events come from: made already, or a stamped import's records, made into
/// events once, on first use. A class, so every copy of the table (a report's store hands out
/// one per figure) shares the events made; the lock keeps that sound across threads.
final class EventSource: @unchecked Sendable {
    let stamped: StampedAttacks?
    private let lock = NSLock()
    private var made: [Event]?

    /// Whether the events have been made (always, for a table not read from a stamp).
    var hasMadeEvents: Bool {
        lock.lock()
        defer { lock.unlock() }
        return made != nil
    }

    /// A stamped import's first and last year (nil without records), and the ids of its rows
    /// that stand for several events, in the events' order: found in one pass over the records
    /// here, rather than in one each time a table, a count or a note asks (a trend asks five times).
    let stampedYears: ClosedRange<Int>?
    let severalEventIDs: [String]

    init(events: [Event]) {
        stamped = nil
        made = events
        stampedYears = nil
        severalEventIDs = []
    }

    init(stamped: StampedAttacks) {
        self.stamped = stamped
        var first = Int.max, last = Int.min
        var several: [Int] = []
        stamped.records.withUnsafeBufferPointer { records in
            for index in records.indices {
                let year = records[index].date.year
                if year < first { first = year }
                if year > last { last = year }
                if records[index].standsForSeveral { several.append(index) }
            }
            // In the order `EventTables.eventsInDateOrder` makes the events: by date, then id,
            // then file position; records in that order already stay in file order.
            if !stamped.inDateOrder {
                several.sort { a, b in
                    if records[a].date != records[b].date { return records[a].date < records[b].date }
                    if records[a].id != records[b].id { return records[a].id < records[b].id }
                    return a < b
                }
            }
        }
        stampedYears = first <= last ? first...last : nil
        severalEventIDs = several.map { stamped.records[$0].id }
    }

    var events: [Event] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let events = stamped.map(EventTables.eventsInDateOrder(of:)) ?? []
        made = events
        return events
    }
}

