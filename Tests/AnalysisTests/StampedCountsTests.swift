import Testing
@testable import Analysis
@testable import Dataset

/// Counts over a stamped import read its records in place (`FilteredEvents.allStamped`), without
/// making an `Event` per row. Over records with partial dates, quiet years, unknown and zero
/// casualties, rows standing for several events, ids tied and falling within a day, in file order
/// and out of it, every grouping, the casualty sums, the lower-bound note and the trend's tables
/// equal what the general path computes over the same events made one by one.
@Suite struct StampedCountsTests {
    static func date(_ year: Int, _ month: Int? = nil, _ day: Int? = nil) -> PartialDate {
        try! PartialDate(year: year, month: month, day: day)
    }

    static func record(_ id: String, _ date: PartialDate, _ country: UInt16, killed: Int32 = -1, wounded: Int32 = -1,
                       several: Bool = false) -> StampedAttacks.Record {
        StampedAttacks.Record(id: id, date: date, country: country, standsForSeveral: several, killedValue: killed, woundedValue: wounded)
    }

    static let codes = ["RUS", "CHN", "KAZ", "AFG", "IND"]

    /// Out of date order; 1995–1997 and 2000 have no event.
    static let records: [StampedAttacks.Record] = [
        record("gtd-200409010003", date(2004, 9, 1), 0, killed: 3, wounded: 0, several: true),
        record("gtd-200409010001", date(2004, 9, 1), 1, killed: 0),
        record("gtd-200400000001", date(2004), 0, wounded: 7),
        record("gtd-200409000001", date(2004, 9), 2, killed: 12, wounded: 40, several: true),
        record("gtd-199412310001", date(1994, 12, 31), 3, killed: 1, wounded: 1),
        record("gtd-201001020001", date(2010, 1, 2), 4, several: true),
        record("gtd-200409010002", date(2004, 9, 1), 0, killed: 5, wounded: 2),
        record("gtd-200409010001", date(2004, 9, 1), 0, killed: 2, several: true),
        record("gtd-199801010001", date(1998, 1, 1), 1, killed: 0, wounded: 0),
        record("gtd-199800000001", date(1998), 3),
        record("gtd-200112000001", date(2001, 12), 2, killed: 9),
        record("gtd-200112000002", date(2001, 12), 2, killed: 1, wounded: 3),
    ]

    /// The same records in the order a stable sort by date, then id gives (as an import writes them).
    static var sortedRecords: [StampedAttacks.Record] {
        records.enumerated().sorted { a, b in
            (a.element.date, a.element.id, a.offset) < (b.element.date, b.element.id, b.offset)
        }.map(\.element)
    }

    /// The table read on the stamp, and the same events made one by one as a table of events.
    static func tables(_ records: [StampedAttacks.Record], inDateOrder: Bool) -> (stamped: EventTable, made: EventTable) {
        let stamped = StampedAttacks(sourceID: "gtd-2022", countryCodes: codes, records: records, inDateOrder: inDateOrder)
        let made = EventTable(name: "attacks", title: "Attacks", coverage: .complete, coverageNote: "", measure: .eventsOccurred,
                              events: EventTables.eventsInDateOrder(of: stamped))
        return (EventTable(name: "attacks", title: "Attacks", coverage: .complete, coverageNote: "", measure: .eventsOccurred,
                           source: EventSource(stamped: stamped), dataCoverage: made.dataCoverage), made)
    }

    /// Every grouping of one, two or three keys, in every order.
    static let groupings: [[GroupKey]] = {
        let all = GroupKey.allCases
        var result = all.map { [$0] }
        for a in all { for b in all where b != a { result.append([a, b]) } }
        for a in all { for b in all where b != a { for c in all where c != a && c != b { result.append([a, b, c]) } } }
        return result
    }()

    @Test(arguments: [false, true])
    func countsOnTheRecordsEqualCountsOnTheEvents(sorted: Bool) throws {
        let (stamped, made) = Self.tables(sorted ? Self.sortedRecords : Self.records, inDateOrder: sorted)
        let fast = EventFilter().apply(to: stamped), general = EventFilter().apply(to: made)
        #expect(fast.allStamped != nil && general.allStamped == nil)
        for keys in Self.groupings {
            #expect(fast.grouped(by: keys).groups == general.grouped(by: keys).groups, "\(keys)")
        }
        #expect(fast.grouped(by: [.year]).groups.map(\.key) == (1994...2010).map { [String($0)] }, "quiet years included")
        #expect(fast.grouped(by: [.year]).yearlyCounts() == general.grouped(by: [.year]).yearlyCounts())
        #expect(fast.casualties == general.casualties)
        #expect(fast.casualties.killed == KnownSum(total: 33, knownRows: 9, unknownRows: 3))
        let note = try #require(fast.lowerBoundNote)
        #expect(note == general.lowerBoundNote)
        #expect(note.hasPrefix("4 rows stand for several events"), "\(note)")
        #expect(!stamped.source.hasMadeEvents, "counted on the records; no event made")
        // Made on first use, equal to the events the table of events holds.
        #expect(stamped.events == made.events)
        #expect(stamped.source.hasMadeEvents)
    }

    /// The trend as `trend` runs it: counts and tests tables, notes and caveats, for the period
    /// of the data and for one given (which filters the events, and so goes the general way).
    @Test(arguments: [false, true])
    func theTrendOnTheRecordsEqualsTheTrendOnTheEvents(sorted: Bool) throws {
        let (stamped, made) = Self.tables(sorted ? Self.sortedRecords : Self.records, inDateOrder: sorted)
        for filter in [EventFilter(), EventFilter(period: try Period(years: 1998, 2004))] {
            for keys: [GroupKey] in [[.year], [.year, .country], [.country, .year], [.country], [.kind, .year]] {
                let fast = TrendAnalysis.run(filter.apply(to: stamped), by: keys, tests: [.ols, .mannKendall, .poisson])
                let general = TrendAnalysis.run(filter.apply(to: made), by: keys, tests: [.ols, .mannKendall, .poisson])
                #expect(fast.countsTable == general.countsTable, "\(keys)")
                #expect(fast.testsTable == general.testsTable, "\(keys)")
                #expect(fast.caveats == general.caveats)
                #expect(fast.caveats.contains { $0.hasPrefix("4 rows stand") } == (filter.period == nil))
            }
        }
    }

    /// No records: no groups, no casualties, no note, as for a table without events.
    @Test func noRecordsCountAsNoEvents() {
        let (stamped, made) = Self.tables([], inDateOrder: true)
        let fast = EventFilter().apply(to: stamped), general = EventFilter().apply(to: made)
        for keys in Self.groupings { #expect(fast.grouped(by: keys).groups == general.grouped(by: keys).groups) }
        #expect(fast.grouped(by: [.year]).groups.isEmpty)
        #expect(fast.casualties == general.casualties)
        #expect(fast.lowerBoundNote == nil && general.lowerBoundNote == nil)
    }
}
