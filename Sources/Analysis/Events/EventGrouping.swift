import Dataset

/// A sum of a count that is sometimes unknown: the total of the known values and how many
/// rows had none. A blank is never taken as 0.
public struct KnownSum: Sendable, Hashable, Codable {
    public var total: Int = 0
    public var knownRows: Int = 0
    public var unknownRows: Int = 0

    public init(total: Int = 0, knownRows: Int = 0, unknownRows: Int = 0) {
        self.total = total
        self.knownRows = knownRows
        self.unknownRows = unknownRows
    }

    public mutating func add(_ value: Int?) {
        if let value {
            total += value
            knownRows += 1
        } else {
            unknownRows += 1
        }
    }

    /// "1,021 (3 unknown)", the form tables print.
    public var display: String {
        unknownRows == 0 ? NumberText.grouped(total) : "\(NumberText.grouped(total)) (\(unknownRows) unknown)"
    }
}

/// What to group events by.
public enum GroupKey: String, Sendable, Hashable, CaseIterable {
    case year, country, kind
}

/// One group's totals.
public struct GroupTotals: Sendable, Hashable {
    /// One value per grouping key, in the order asked: ["2004", "RUS"].
    public var key: [String]
    public var count: Int
    public var killed: KnownSum
    public var wounded: KnownSum
}

struct GroupID: Hashable {
    var year: Int32
    var country: Int32
    var kind: Int32
}

extension GroupTotals {
    mutating func record(killed: Int?, wounded: Int?) {
        count += 1
        self.killed.add(killed)
        self.wounded.add(wounded)
    }
}

/// Counts and casualty sums per group, in key order.
public struct GroupedEvents: Sendable {
    public var keys: [GroupKey]
    public var groups: [GroupTotals]
    public var source: FilteredEvents

    /// The yearly count series (years with no events included as 0) for trend tests.
    public func yearlyCounts() -> (years: [Int], counts: [Int]) {
        guard let yearIndex = keys.firstIndex(of: .year) else { return ([], []) }
        var byYear: [Int: Int] = [:]
        for group in groups { byYear[Int(group.key[yearIndex])!, default: 0] += group.count }
        guard let first = byYear.keys.min(), let last = byYear.keys.max() else { return ([], []) }
        let years = Array(first...last)
        return (years, years.map { byYear[$0] ?? 0 })
    }
}

extension FilteredEvents {
    /// Groups the events. With `.year` among the keys, every year of the period (or of the data)
    /// appears, with 0 where nothing happened, so a trend sees the quiet years too.
    /// An event in two countries counts once in each country's group.
    public func grouped(by keys: [GroupKey]) -> GroupedEvents {
        let byYear = keys.contains(.year), byCountry = keys.contains(.country), byKind = keys.contains(.kind)
        var totals: [GroupID: GroupTotals]
        var countryNames: [String], kindNames: [String]
        // The first and last year of the events, asked for alone: with keys `[.year]`.
        let yearSpan: () -> (first: Int?, last: Int?)
        if let source = allStamped, let stamped = source.stamped,
           let counted = Self.stampedTotals(stamped, years: source.stampedYears, byYear: byYear, byCountry: byCountry, byKind: byKind) {
            (totals, countryNames, kindNames) = (counted.totals, counted.countryNames, counted.kindNames)
            yearSpan = { (counted.years?.lowerBound, counted.years?.upperBound) }
        } else {
            (totals, countryNames, kindNames) = eventTotals(byYear: byYear, byCountry: byCountry, byKind: byKind)
            yearSpan = {
                let years = events.map(\.year)
                return (years.min(), years.max())
            }
        }
        if keys == [.year] {
            let span = yearSpan()
            let first = filter.period?.firstYear ?? span.first
            let last = filter.period?.lastYear ?? span.last
            if let first, let last, first <= last {
                for year in first...last {
                    let id = GroupID(year: Int32(year), country: 0, kind: 0)
                    if totals[id] == nil { totals[id] = GroupTotals(key: [], count: 0, killed: KnownSum(), wounded: KnownSum()) }
                }
            }
        }
        var groups: [(GroupID, GroupTotals)] = Array(totals)
        groups.sort { a, b in
            for key in keys {
                switch key {
                case .year where a.0.year != b.0.year: return a.0.year < b.0.year
                case .country where a.0.country != b.0.country:
                    return countryNames[Int(a.0.country)] < countryNames[Int(b.0.country)]
                case .kind where a.0.kind != b.0.kind: return kindNames[Int(a.0.kind)] < kindNames[Int(b.0.kind)]
                default: continue
                }
            }
            return false
        }
        let named = groups.map { id, group -> GroupTotals in
            var group = group
            group.key = keys.map { key in
                switch key {
                case .year: return String(id.year)
                case .country: return countryNames[Int(id.country)]
                case .kind: return kindNames[Int(id.kind)]
                }
            }
            return group
        }
        return GroupedEvents(keys: keys, groups: named, source: self)
    }

    /// The events' totals by `GroupID`, with the country and kind names the ids stand for.
    private func eventTotals(byYear: Bool, byCountry: Bool, byKind: Bool)
        -> (totals: [GroupID: GroupTotals], countryNames: [String], kindNames: [String]) {
        // Keys are interned to small integers so a million events group without a String per event.
        var countryIDs: [String: Int32] = [:], countryNames: [String] = []
        var kindIDs: [String: Int32] = [:], kindNames: [String] = []
        func intern(_ name: String, _ ids: inout [String: Int32], _ names: inout [String]) -> Int32 {
            if let id = ids[name] { return id }
            let id = Int32(names.count)
            ids[name] = id
            names.append(name)
            return id
        }
        var totals: [GroupID: GroupTotals] = [:]
        // The fields are read in place: copying each 120-byte event out of the array retained
        // and released its four strings and arrays, a tenth of a trend over 200,000 events.
        events.withUnsafeBufferPointer { events in
            for index in events.indices {
                let year = byYear ? Int32(events[index].date.year) : 0
                let kind = byKind ? intern(events[index].kind ?? "", &kindIDs, &kindNames) : 0
                let killed = events[index].killed, wounded = events[index].wounded
                func record(_ country: Int32) {
                    let id = GroupID(year: year, country: country, kind: kind)
                    totals[id, default: GroupTotals(key: [], count: 0, killed: KnownSum(), wounded: KnownSum())]
                        .record(killed: killed, wounded: wounded)
                }
                guard byCountry else { record(0); continue }
                for country in events[index].countries { record(intern(country, &countryIDs, &countryNames)) }
            }
        }
        return (totals, countryNames, kindNames)
    }

    /// `eventTotals` over a stamped import's records, read in place: no event is made, and no
    /// key hashed per row. Each record is one event in one country (its index into
    /// `countryCodes`, which are distinct) and of no kind (`""`, as an event's nil kind groups),
    /// so the totals fill a flat array indexed by year and country; only the groups with events
    /// become `GroupID`s, with the codes as the country names. The ids differ from those
    /// `eventTotals` interns, but the groups are sorted and named by the names, so the groups
    /// are the same. Nil (count the events) for a span of years × countries too wide to lay out.
    /// `years` are the records' first and last (`EventSource.stampedYears`).
    static func stampedTotals(_ stamped: StampedAttacks, years: ClosedRange<Int>?, byYear: Bool, byCountry: Bool, byKind: Bool)
        -> (totals: [GroupID: GroupTotals], countryNames: [String], kindNames: [String], years: ClosedRange<Int>?)? {
        guard let years else { return ([:], [], [], nil) }
        let countries = byCountry ? stamped.countryCodes.count : 1
        let yearCount = byYear ? years.count : 1
        guard countries > 0, yearCount.multipliedReportingOverflow(by: countries).partialValue <= 1 << 20 else { return nil }
        struct Cell {
            var count = 0
            var killed = KnownSum(), wounded = KnownSum()
        }
        var cells = [Cell](repeating: Cell(), count: yearCount * countries)
        let first = years.lowerBound
        stamped.records.withUnsafeBufferPointer { records in
            cells.withUnsafeMutableBufferPointer { cells in
                for index in records.indices {
                    let cell = (byYear ? (records[index].date.year - first) * countries : 0) + (byCountry ? Int(records[index].country) : 0)
                    cells[cell].count += 1
                    cells[cell].killed.add(records[index].killed)
                    cells[cell].wounded.add(records[index].wounded)
                }
            }
        }
        var totals: [GroupID: GroupTotals] = [:]
        for (index, cell) in cells.enumerated() where cell.count > 0 {
            let id = GroupID(year: byYear ? Int32(first + index / countries) : 0, country: byCountry ? Int32(index % countries) : 0, kind: 0)
            totals[id] = GroupTotals(key: [], count: cell.count, killed: cell.killed, wounded: cell.wounded)
        }
        return (totals, byCountry ? stamped.countryCodes : [], byKind ? [""] : [], years)
    }

    /// Killed and wounded over all kept events.
    public var casualties: (killed: KnownSum, wounded: KnownSum) {
        var killed = KnownSum(), wounded = KnownSum()
        if let stamped = allStamped?.stamped {
            // A stamped import's records read in place (see `stampedTotals`).
            stamped.records.withUnsafeBufferPointer { records in
                for index in records.indices {
                    killed.add(records[index].killed)
                    wounded.add(records[index].wounded)
                }
            }
            return (killed, wounded)
        }
        // Read in place, not each event copied out (see `grouped(by:)`).
        events.withUnsafeBufferPointer { events in
            for index in events.indices {
                killed.add(events[index].killed)
                wounded.add(events[index].wounded)
            }
        }
        return (killed, wounded)
    }
}

extension GroupKey {
    /// Reads a grouping as the CLI's `--by` and a report table's `by:` write it: `year`,
    /// `country`, `kind` or a comma-separated combination such as `year,country`.
    /// One parser for both, so they accept the same words and refuse the rest the same way.
    public static func parseList(_ text: String) throws(AnalysisInputError) -> [GroupKey] {
        var keys: [GroupKey] = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let key = GroupKey(rawValue: word) else { throw .unknownGrouping(word, known: allCases.map(\.rawValue)) }
            keys.append(key)
        }
        guard !keys.isEmpty else { throw .unknownGrouping(text, known: allCases.map(\.rawValue)) }
        return keys
    }
}
