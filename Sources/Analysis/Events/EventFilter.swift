import Dataset

/// Which events to keep: a period, countries, the countries' SCO status at the time, a kind.
public struct EventFilter: Sendable {
    public var period: Period?
    public var countries: Set<String>?
    /// Keep events in states that held one of these statuses on the event's date.
    public var statusAtTime: Set<MembershipSpell.Status>?
    public var kinds: Set<String>?
    /// Hold the set of states fixed: those that held `statusAtTime` (member when nil) on this day,
    /// counted over the whole period whatever their status at the time of each event.
    public var membersAsOf: PartialDate?

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
                statusAtTime: Set<MembershipSpell.Status>? = nil, kinds: Set<String>? = nil, membersAsOf: PartialDate? = nil) {
        self.period = period
        self.countries = countries
        self.statusAtTime = statusAtTime
        self.kinds = kinds
        self.membersAsOf = membersAsOf
    }

    /// The states that held one of `statuses` (member when nil) on `date`'s last day: the set
    /// `membersAsOf` fixes. A date given as a year means its last day (today's members for 2024).
    public static func states(holding statuses: Set<MembershipSpell.Status>?, on date: PartialDate,
                              membership: [MembershipSpell]) -> Set<String> {
        let wanted = statuses ?? [.member]
        return Set(membership.filter { $0.isActive(on: date.latestDay) && wanted.contains($0.status.countsAs) }.map(\.country))
    }

    /// The events kept, and how many could not be placed for sure (a date known only to its
    /// year, for a period that starts mid-year; a state whose status changed that month).
    public func apply(to table: EventTable, membership: [MembershipSpell] = []) -> FilteredEvents {
        var kept: [Event] = []
        var uncertain = 0
        let spellsByCountry = Dictionary(grouping: membership, by: \.country)
        // A fixed set replaces the status at the time: the same states all through the period.
        var filter = self
        if let date = membersAsOf {
            let fixed = EventFilter.states(holding: statusAtTime, on: date, membership: membership)
            filter.countries = countries.map { $0.intersection(fixed) } ?? fixed
            filter.statusAtTime = nil
        }
        let countries = filter.countries, statusAtTime = filter.statusAtTime
        // Nothing to filter: the table's events as they are, shared rather than copied one by one.
        if kinds == nil && period == nil && countries == nil && statusAtTime == nil {
            return FilteredEvents(table: table, kept: nil, uncertain: 0, filter: self, membership: membership,
                                  selectedCountries: countries)
        }
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
        return FilteredEvents(table: table, kept: kept, uncertain: uncertain, filter: self, membership: membership,
                              selectedCountries: countries)
    }

    private func status(on day: DayDate, _ spells: [MembershipSpell]) -> MembershipSpell.Status? {
        spells.first { $0.isActive(on: day) }?.status.countsAs
    }
}

/// The result of a filter: the events kept, with the table they came from.
public struct FilteredEvents: Sendable {
    public var table: EventTable
    /// The events kept: all the table's (nil), or those the filter kept.
    private var kept: [Event]?
    public var events: [Event] {
        get { kept ?? table.events }
        set { kept = newValue }
    }
    /// Events that might or might not belong (partial dates across a boundary); left out.
    public var uncertain: Int
    public var filter: EventFilter
    /// The membership spells the status filter read, for notes on changes of composition.
    public var membership: [MembershipSpell] = []
    /// The countries chosen by `--country` or `--members-as-of` (nil: not fixed).
    public var selectedCountries: Set<String>?

    init(table: EventTable, kept: [Event]?, uncertain: Int, filter: EventFilter, membership: [MembershipSpell],
         selectedCountries: Set<String>?) {
        self.table = table
        self.kept = kept
        self.uncertain = uncertain
        self.filter = filter
        self.membership = membership
        self.selectedCountries = selectedCountries
    }

    /// The stamped import's records when the events kept are all of them, as they are (no
    /// filter): counts, sums and notes then read the records in place, and no event is made.
    var allStamped: EventSource? { kept == nil && table.source.stamped != nil ? table.source : nil }

    /// The countries whose coverage applies: those chosen, else those that held the status
    /// at some time in the period, else nil (all countries).
    public var coverageSelection: Set<String>? {
        if let selectedCountries { return selectedCountries }
        guard let statuses = filter.statusAtTime else { return nil }
        let first = filter.period?.start.earliestDay, last = filter.period?.end.latestDay
        return Set(membership.filter { spell in
            statuses.contains(spell.status.countsAs)
                && (last.map { spell.from.earliestDay <= $0 } ?? true)
                && (first.map { day in spell.to.map { $0.earliestDay > day } ?? true } ?? true)
        }.map(\.country))
    }
}
