import Testing
@testable import Analysis
import Dataset

/// `EventTables.inDateOrder` skips the sort when the events are already in order (as an import
/// writes them); either way the order is the sort's, ties on the date broken by id.
@Suite struct EventOrderTests {
    static func event(_ id: String, _ year: Int, _ month: Int? = nil, _ day: Int? = nil, countries: [String] = ["RUS"]) -> Event {
        Event(id: id, date: try! PartialDate(year: year, month: month, day: day), countries: countries)
    }

    static let events = [
        event("b", 2004, 9, 1), event("a", 2004, 9, 1), event("c", 2004), event("d", 2004, 9),
        event("e", 2001, 12, 31, countries: ["CHN", "KAZ"]), event("f", 2010, 1, 2), event("g", 2004, 9, 1),
    ]

    static func sorted(_ events: [Event]) -> [Event] { events.sorted { ($0.date, $0.id) < ($1.date, $1.id) } }

    @Test func eventsOutOfOrderAreSortedByDateThenID() {
        let ordered = EventTables.inDateOrder(Self.events)
        #expect(ordered == Self.sorted(Self.events))
        #expect(ordered.map(\.id) == ["e", "c", "d", "a", "b", "g", "f"])
    }

    @Test func eventsAlreadyInOrderComeBackAsTheyAre() {
        let ordered = Self.sorted(Self.events)
        #expect(EventTables.inDateOrder(ordered) == ordered)
        #expect(EventTables.inDateOrder([]) == [])
        #expect(EventTables.inDateOrder([Self.events[0]]) == [Self.events[0]])
    }

    /// Dates of every precision around month and year ends, and in far-apart years.
    static let dates: [PartialDate] = [1, 1969, 2000, 2004, 9999].flatMap { year in
        [try! PartialDate(year: year)] + [1, 2, 9, 12].flatMap { month in
            [try! PartialDate(year: year, month: month)]
                + [1, 2, 28, PartialDate.daysIn(month: month, year: year)].map { try! PartialDate(year: year, month: month, day: $0) }
        }
    }

    @Test func theOrderKeyOrdersAsDatesDo() {
        for a in Self.dates {
            for b in Self.dates {
                #expect((a.orderKey < b.orderKey) == (a < b), "\(a) \(b)")
                #expect((a.orderKey == b.orderKey) == (a == b), "\(a) \(b)")
            }
        }
    }

    /// 3,000 events on few dates, ids repeated and out of order within a date: the order is the
    /// stable sort's by date, then id, then position.
    @Test func manyEventsWithTiesSortAsTheStableSortDoes() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let events = (0..<3_000).map { index -> Event in
            var event = Event(id: "id-\(next(40))", date: Self.dates[next(12)], countries: [["RUS", "CHN", "KAZ"][next(3)]])
            event.killed = index
            return event
        }
        let expected = events.enumerated().sorted { a, b in
            if a.element.date != b.element.date { return a.element.date < b.element.date }
            if a.element.id != b.element.id { return a.element.id < b.element.id }
            return a.offset < b.offset
        }.map(\.element)
        let ordered = EventTables.inDateOrder(events)
        #expect(ordered == expected)
        #expect(ordered.map(\.killed) == expected.map(\.killed), "ties in file order")
    }

    @Test func sourcesAndYearsReadEveryEvent() {
        var events = Self.events
        events[1].sourceID = "gtd"
        events[2].sourceID = "gtd"
        events[3].sourceID = "ucdp"
        events[4].sourceID = "gtd"
        let (ids, years) = EventTables.sourcesAndYears(of: events)
        #expect(ids == ["gtd", "ucdp"])
        #expect(years == [2001, 2010])
        #expect(EventTables.sourcesAndYears(of: []).years.isEmpty)
    }
}
