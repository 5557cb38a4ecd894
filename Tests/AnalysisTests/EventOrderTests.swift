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
