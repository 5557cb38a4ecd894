import Dataset

/// Which events to keep: a period, countries, the countries' SCO status at the time, a kind.
public struct EventFilter: Sendable {
    public var period: Period?
    public var countries: Set<String>?
    /// Keep events in states that held one of these statuses on the event's date.
    public var statusAtTime: Set<MembershipSpell.Status>?
    public var kinds: Set<String>?

    /// Reads status words as users write them (`member`, `observer`, `dialogue-partner`, each
    /// optionally comma-separated). Founding members count as members, so `founding-member`
    /// means `member`: a filter on founding members alone would never match a status at the time.
    public static func statuses(parsing words: [String]) throws(AnalysisInputError) -> Set<MembershipSpell.Status>? {
        let split = words.flatMap { $0.split(separator: ",").map(String.init) }
        guard !split.isEmpty else { return nil }
        var statuses = Set<MembershipSpell.Status>()
        for word in split {
            guard let status = MembershipSpell.Status(rawValue: word) else { throw .unknownStatus(word) }
            statuses.insert(status.countsAs)
        }
        return statuses
    }

    public init(period: Period? = nil, countries: Set<String>? = nil,
                statusAtTime: Set<MembershipSpell.Status>? = nil, kinds: Set<String>? = nil) {
        self.period = period
        self.countries = countries
        self.statusAtTime = statusAtTime
        self.kinds = kinds
    }

    /// The events kept, and how many could not be placed for sure (a date known only to its
    /// year, for a period that starts mid-year; a state whose status changed that month).
    public func apply(to table: EventTable, membership: [MembershipSpell] = []) -> FilteredEvents {
        var kept: [Event] = []
        var uncertain = 0
        let spellsByCountry = Dictionary(grouping: membership, by: \.country)
        for var event in table.events {
            if let kinds, !kinds.contains(event.kind ?? "") { continue }
            if let period {
                switch period.contains(event.date) {
                case true?: break
                case false?: continue
                case nil: uncertain += 1; continue
                }
            }
            if let countries {
                event.countries = event.countries.filter(countries.contains)
                if event.countries.isEmpty { continue }
            }
            if let statusAtTime {
                var placed: [String] = []
                var undecided = false
                for country in event.countries {
                    let spells = spellsByCountry[country] ?? []
                    let atStart = status(on: event.date.earliestDay, spells)
                    let atEnd = status(on: event.date.latestDay, spells)
                    let keepStart = atStart.map { statusAtTime.contains($0) } ?? false
                    let keepEnd = atEnd.map { statusAtTime.contains($0) } ?? false
                    if keepStart && keepEnd { placed.append(country) } else if keepStart != keepEnd { undecided = true }
                }
                if placed.isEmpty {
                    if undecided { uncertain += 1 }
                    continue
                }
                event.countries = placed
            }
            kept.append(event)
        }
        return FilteredEvents(table: table, events: kept, uncertain: uncertain, filter: self)
    }

    private func status(on day: DayDate, _ spells: [MembershipSpell]) -> MembershipSpell.Status? {
        spells.first { $0.isActive(on: day) }?.status.countsAs
    }
}

/// The result of a filter: the events kept, with the table they came from.
public struct FilteredEvents: Sendable {
    public var table: EventTable
    public var events: [Event]
    /// Events that might or might not belong (partial dates across a boundary); left out.
    public var uncertain: Int
    public var filter: EventFilter
}
