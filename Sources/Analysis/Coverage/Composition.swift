import Dataset

/// A change in the set of states a status filter selects: states that gained or lost the status.
public struct CompositionChange: Sendable, Hashable {
    /// The day of the change, as the membership table gives it.
    public var date: PartialDate
    /// Codes of the states that gained the status on `date`.
    public var joined: [String]
    /// Codes of the states that lost it.
    public var left: [String]
}

extension FilteredEvents {
    /// The period a trend runs over: the one asked for; without one, for a status filter, from the
    /// year the first state held that status to the coverage's end (before the SCO existed no state
    /// was a member, and a run of such zeros would only measure the organisation's founding);
    /// otherwise nil (the coverage's years).
    public var defaultPeriod: Period? {
        if let period = filter.period { return period }
        guard filter.membersAsOf == nil, let statuses = filter.statusAtTime,
              let first = membership.filter({ statuses.contains($0.status.countsAs) }).map(\.from.year).min() else { return nil }
        let coverage = table.dataCoverage
        let start = max(first, coverage.firstMonth(for: coverageSelection).map { $0 / 12 } ?? first)
        guard let end = coverage.lastMonth.map({ $0 / 12 }), start <= end else { return nil }
        return try? Period(years: start, end)
    }

    /// The changes of the selected set within the period: for a status filter, the days on
    /// which states gained or lost that status (India and Pakistan became members on 2017-06-09).
    /// Empty when the set is fixed (`--members-as-of`, `--country`) or there is no status filter.
    public var compositionChanges: [CompositionChange] {
        guard filter.membersAsOf == nil, let statuses = filter.statusAtTime, let period = filter.period else { return [] }
        let first = period.start.earliestDay, last = period.end.latestDay
        // A move from one spell to the next with the same status (founding member to member) is no change.
        func holds(_ country: String, on day: DayDate) -> Bool {
            membership.contains { $0.country == country && $0.isActive(on: day) && statuses.contains($0.status.countsAs) }
        }
        var byDate: [PartialDate: CompositionChange] = [:]
        for spell in membership where statuses.contains(spell.status.countsAs) {
            if let selected = selectedCountries, !selected.contains(spell.country) { continue }
            let start = spell.from.earliestDay
            if first < start && start <= last, !holds(spell.country, on: DayDate.before(start)) {
                byDate[spell.from, default: CompositionChange(date: spell.from, joined: [], left: [])].joined.append(spell.country)
            }
            if let end = spell.to, first < end.earliestDay && end.earliestDay <= last, !holds(spell.country, on: end.earliestDay) {
                byDate[end, default: CompositionChange(date: end, joined: [], left: [])].left.append(spell.country)
            }
        }
        return byDate.values.sorted { $0.date < $1.date }.map { change in
            var change = change
            change.joined.sort()
            change.left.sort()
            return change
        }
    }

    /// What a reader must know about the set of states behind the counts: the changes a status
    /// filter lets through, or the fixed set `--members-as-of` holds.
    public var compositionNotes: [String] {
        let names = table.countryNames
        func list(_ codes: [String]) -> String {
            let named = codes.map { names[$0] ?? $0 }
            return named.count <= 1 ? named.joined() : named.dropLast().joined(separator: ", ") + " and " + named.last!
        }
        let statusWord = (filter.statusAtTime ?? [.member]).map { $0 == .dialoguePartner ? "dialogue partner" : $0.rawValue }.sorted().joined(separator: " or ")
        if let date = filter.membersAsOf {
            let fixed = (selectedCountries ?? []).sorted()
            return ["The set of states is held fixed: the \(fixed.count) that were \(statusWord)s on \(date.latestDay) "
                + "(\(list(fixed))), counted over the whole period whatever their status at the time of each event."]
        }
        let changes = compositionChanges
        guard !changes.isEmpty, let period = filter.period else { return [] }
        let described = changes.map { change in
            var parts: [String] = []
            if !change.joined.isEmpty { parts.append("\(list(change.joined)) joined") }
            if !change.left.isEmpty { parts.append("\(list(change.left)) left") }
            return "on \(change.date) \(parts.joined(separator: ", "))"
        }
        return ["The set of \(statusWord) states changed during \(period): \(described.joined(separator: "; ")). "
            + "Counts before and after a change cover different states, so a trend across it mixes a change in "
            + "membership with a change in events; --members-as-of DATE holds the set fixed."]
    }
}

extension DayDate {
    /// The day before `day`.
    static func before(_ day: DayDate) -> DayDate {
        if day.day > 1 { return DayDate(year: day.year, month: day.month, day: day.day - 1) }
        if day.month > 1 {
            return DayDate(year: day.year, month: day.month - 1, day: PartialDate.daysIn(month: day.month - 1, year: day.year))
        }
        return DayDate(year: day.year - 1, month: 12, day: 31)
    }
}

extension FilteredEvents {
    /// The note a count over these events needs when some rows stand for several events:
    /// the count is a lower bound. Nil when every row is one event.
    public var lowerBoundNote: String? {
        // The flag read in place: filtering copied each 100-byte event out of the array (a retain
        // and release of its strings), and a trend asks twice over 200,000 events.
        let several = allStamped?.severalEventIDs
            ?? events.withUnsafeBufferPointer { events in events.indices.filter { events[$0].standsForSeveral }.map { events[$0].id } }
        guard !several.isEmpty else { return nil }
        return "\(several.count == 1 ? "1 row stands" : "\(several.count) rows stand") for several events the source does not tell apart "
            + "(\(several.joined(separator: ", "))) and \(several.count == 1 ? "counts" : "count") as one: counts that include "
            + "\(several.count == 1 ? "it" : "them") are lower bounds."
    }
}
