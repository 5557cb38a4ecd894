import Dataset
import Support

/// Reads the corpus tables that hold dated events into `EventTable`s.
public enum EventTables {
    /// The names `trend` and `chart` accept.
    public static let names = ["attacks", "exercises", "documents", "membership"]

    /// The table `name` of `corpus`, to count, chart or test. A table whose rows come from more
    /// than one origin (two datasets added with `TABLE+=FILE`, or a dataset added to the curated
    /// list) is refused: any count over it would add up events each source counts its own way.
    /// `allowingCombined` builds it anyway, for what does not count (the notes on the data used).
    public static func table(named name: String, in corpus: Corpus, allowingCombined: Bool = false) throws(AnalysisInputError) -> EventTable {
        guard let schema = corpus.catalog.table(named: name) else {
            throw .unknownTable(name, known: names)
        }
        if !allowingCombined {
            let origins = combinedOrigins(ofTable: name, in: corpus)
            if !origins.isEmpty { throw .combinedSources(table: name, origins: origins) }
        }
        func make(_ measure: MeasuredQuantity, _ events: [Event]) -> EventTable {
            make(measure, events: events, stamped: nil)
        }
        func make(_ measure: MeasuredQuantity, events: [Event], stamped: StampedAttacks?) -> EventTable {
            // A table imported from a complete dataset (GTD) is complete even though the curated
            // table of the same name is a list of examples: each row's source decides.
            let source = stamped.map(EventSource.init(stamped:))
            let (sourceIDs, yearSpan) = source.map(sourcesAndYears(of:)) ?? sourcesAndYears(of: events)
            let coverage = corpus.effectiveCoverage(ofTable: name, sourceIDs: sourceIDs)
            let dataCoverage = corpus.coverage(ofTable: name, sourceIDs: sourceIDs, years: yearSpan)
            // Rows imported from a dataset are not "named in the sources": say where they come from.
            let datasets = sourceIDs.compactMap { corpus.source(id: $0) }.filter(\.isDataset)
            let title = !datasets.isEmpty && datasets.count == sourceIDs.count
                ? "\(name.prefix(1).uppercased() + name.dropFirst()) in \(datasets.map(\.title).sorted().joined(separator: "; "))"
                : schema.title
            var table = if let source {
                EventTable(name: name, title: title, coverage: coverage.coverage, coverageNote: coverage.notes.joined(separator: " "),
                           measure: measure, source: source, dataCoverage: dataCoverage)
            } else {
                EventTable(name: name, title: title, coverage: coverage.coverage, coverageNote: coverage.notes.joined(separator: " "),
                           measure: measure, events: inDateOrder(events), dataCoverage: dataCoverage)
            }
            table.countryNames = Dictionary(corpus.countries.map { ($0.code, $0.nameEnglish) }, uniquingKeysWith: { first, _ in first })
            return table
        }
        switch name {
        case "attacks":
            if let stamped = corpus.tables[name]?.stampedAttacks {
                // Its events are made (`eventsInDateOrder`) only if asked for: counts read the records.
                return make(.eventsOccurred, events: [], stamped: stamped)
            }
            // One `[code]` array per country, shared by its events, rather than one per event.
            // The attacks' fields are read in place, not each attack copied out (and its eight
            // strings retained and released) first.
            var countryArrays: [String: [String]] = [:]
            var events: [Event] = []
            events.reserveCapacity(corpus.attacks.count)
            corpus.attacks.withUnsafeBufferPointer { attacks in
                for index in attacks.indices {
                    let code = attacks[index].country
                    let countries = countryArrays[code] ?? { countryArrays[code] = [code]; return [code] }()
                    var event = Event(id: attacks[index].id, date: attacks[index].date, countries: countries, kind: nil,
                                      killed: attacks[index].killed.count, wounded: attacks[index].wounded.count,
                                      sourceID: attacks[index].provenance.sourceID)
                    event.standsForSeveral = attacks[index].standsForSeveral
                    events.append(event)
                }
            }
            return make(.eventsOccurred, events)
        case "exercises":
            return make(.exercisesHeld, corpus.exercises.map { exercise in
                Event(id: exercise.id, date: exercise.start, countries: exercise.hosts, kind: exercise.kind,
                      sourceID: exercise.provenance.sourceID)
            })
        case "documents":
            return make(.documentsAdopted, corpus.documents.compactMap { document in
                // A document whose date was lost cannot be placed in time; it stays out of trends.
                document.date.map { date in
                    Event(id: document.id, date: date, countries: document.country.map { [$0] } ?? [], kind: document.type,
                          sourceID: document.provenance.sourceID)
                }
            })
        case "membership":
            return make(.other("membership changes"), corpus.membership.map { spell in
                Event(id: spell.id, date: spell.from, countries: [spell.country], kind: spell.status.rawValue,
                      sourceID: spell.provenance.sourceID)
            })
        default:
            throw .notEventTable(name, known: names)
        }
    }

    /// The events of a stamped import read for counting (`StampedAttacks`), as the general path
    /// builds them from its attacks (one `[code]` array per country and one source string,
    /// shared), made in date order (`dateOrder`) rather than made and then moved.
    static func eventsInDateOrder(of stamped: StampedAttacks) -> [Event] {
        let countries = stamped.countryCodes.map { [$0] }
        let sourceID = stamped.sourceID
        var events: [Event] = []
        events.reserveCapacity(stamped.count)
        stamped.records.withUnsafeBufferPointer { records in
            // Made in the array's slot, not in a local copied in and then destroyed: that copy
            // retained and released the id, countries and source of every event once more.
            func append(_ index: Int) {
                events.append(Event(id: records[index].id, date: records[index].date, countries: countries[Int(records[index].country)],
                                    kind: nil, killed: records[index].killed, wounded: records[index].wounded, sourceID: sourceID))
                if records[index].standsForSeveral { events[events.count - 1].standsForSeveral = true }
            }
            if !stamped.inDateOrder, let order = dateOrder(count: records.count, date: { records[$0].date }, id: { records[$0].id }) {
                for index in order { append(index) }
            } else {
                for index in records.indices { append(index) }
            }
        }
        return events
    }

    /// The events ordered by date, then id, as a stable sort orders them (see `dateOrder`).
    static func inDateOrder(_ events: [Event]) -> [Event] {
        events.withUnsafeBufferPointer { buffer in
            dateOrder(count: buffer.count, date: { buffer[$0].date }, id: { buffer[$0].id }).map { $0.map { buffer[$0] } }
        } ?? events
    }

    /// The positions of `count` items in the order of a stable sort by date, then id; nil when
    /// they are in that order already. Items an import wrote come nearly in that order: one pass
    /// finds them in order. Otherwise one integer per item (the date's `orderKey`, then the
    /// position) is sorted, and only the runs of one date — a day's events, a handful — are
    /// ordered by id, so 200,000 items are neither moved at every step of a sort nor compared by
    /// id outside their day.
    @inline(__always)
    static func dateOrder(count: Int, date: (Int) -> PartialDate, id: (Int) -> String) -> [Int]? {
        @inline(__always) func before(_ a: Int, _ b: Int) -> Bool {
            let first = date(a), second = date(b)
            if first != second { return first < second }
            return id(a) < id(b)
        }
        if (1..<max(count, 1)).allSatisfy({ !before($0, $0 - 1) }) { return nil }
        var keys = (0..<count).map { UInt64(date($0).orderKey) << 32 | UInt64($0) }
        keys.sort()
        var order = keys.map { Int($0 & 0xFFFF_FFFF) }
        var start = 0
        while start < keys.count {
            let day = keys[start] >> 32
            var end = start + 1
            while end < keys.count && keys[end] >> 32 == day { end += 1 }
            // Positions rise within the run; the ids must not fall, else the run is sorted by
            // id, ties kept in file order as the stable sort kept them.
            if end - start > 1, (start + 1..<end).contains(where: { id(order[$0]) < id(order[$0 - 1]) }) {
                order[start..<end].sort { a, b in
                    let first = id(a), second = id(b)
                    return first != second ? first < second : a < b
                }
            }
            start = end
        }
        return order
    }

    /// The source ids the events cite, and their first and last year (all that
    /// `Coverage.fromYearsOfData` reads of the years), in one pass that reads those fields in
    /// place. An imported table cites one source throughout, so the set is only asked about a
    /// row whose id differs from the row before's.
    static func sourcesAndYears(of events: [Event]) -> (sourceIDs: Set<String>, years: [Int]) {
        var ids = Set<String>()
        var first = Int.max, last = Int.min
        var previous: String? = nil
        events.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let year = buffer[index].date.year
                if year < first { first = year }
                if year > last { last = year }
                if let id = buffer[index].sourceID, id != previous {
                    ids.insert(id)
                    previous = id
                }
            }
        }
        return (ids, first <= last ? [first, last] : [])
    }

    /// `sourcesAndYears(of:)` for a stamped import's records: the one source its stamp names (if
    /// it has a row), and its first and last year.
    static func sourcesAndYears(of source: EventSource) -> (sourceIDs: Set<String>, years: [Int]) {
        guard let stamped = source.stamped, let years = source.stampedYears else { return ([], []) }
        return (stamped.count > 0 ? [stamped.sourceID] : [], [years.lowerBound, years.upperBound])
    }

    /// The columns of table `name` that `table(named:in:)` and `combinedOrigins` read, for a command
    /// that only counts its events (`trend`): an imported table is then read for these alone. Nil
    /// for a table read whole. Keep in step with the `make` calls above.
    public static func columnsRead(_ name: String) -> Set<String>? {
        switch name {
        case "attacks": return ["id", "date", "country", "killed", "wounded", "source_id", "stands_for"]
        default: return nil
        }
    }

    /// The origins of table `name`'s rows when there are more than one, else none: each dataset
    /// source (an imported release) is an origin of its own, and the other sources together (the
    /// papers a curated list cites) are one. Only a table given with `TABLE+=FILE` can have two.
    public static func combinedOrigins(ofTable name: String, in corpus: Corpus) -> [TableOrigin] {
        guard let table = corpus.tables[name] else { return [] }
        let ids = table.distinctKeys(ofColumn: "source_id")
        let datasets = ids.filter { corpus.source(id: $0)?.isDataset == true }.sorted()
        guard !datasets.isEmpty else { return [] }
        let origins = datasets.map(TableOrigin.dataset) + (datasets.count < ids.count ? [.curatedList(table: name)] : [])
        return origins.count > 1 ? origins : []
    }
}

/// A request the analysis cannot answer as asked: an unknown table, column or period.
public enum AnalysisInputError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownTable(String, known: [String])
    case notEventTable(String, known: [String])
    case invalidPeriod(String, reason: String)
    case unknownCountry(String, suggestion: String?)
    case unknownIndicator(String, known: [String])
    case unknownKind(String, known: [String])
    case unknownStatus(String)
    /// A `--by` / `by:` word that is not a grouping key.
    case unknownGrouping(String, known: [String])
    /// A `--test` / `tests:` word that is not a trend test.
    case unknownTest(String, known: [String])
    /// An option the figure cannot use (a country filter on a reported total): refused rather than ignored.
    case notApplicable(option: String, figure: String, reason: String)
    /// A table whose rows come from several datasets (or a dataset and the curated list) added
    /// together with `TABLE+=FILE`: counting it would sum what each source counts differently.
    case combinedSources(table: String, origins: [TableOrigin])

    public var description: String {
        switch self {
        case let .unknownTable(name, known):
            let suggestion = Suggestion.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown table '\(name)'; expected one of: \(known.joined(separator: ", ")).\(suggestion)"
        case let .notEventTable(name, known):
            return "'\(name)' does not hold dated events to count; use one of: \(known.joined(separator: ", "))"
        case let .invalidPeriod(text, reason):
            return "bad period '\(text)': \(reason). Write a year (2024), a range of years (2001-2011) or of months (2024-01..2024-09)"
        case let .unknownCountry(code, suggestion):
            return "unknown country '\(code)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; use ISO 3166-1 alpha-3 codes listed in countries.csv")
        case let .unknownIndicator(name, known):
            let suggestion = Suggestion.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown indicator '\(name)'.\(suggestion) Known: \(known.joined(separator: ", "))"
        case let .unknownStatus(word):
            let suggestion = Suggestion.closest(to: word, in: ["member", "observer", "dialogue-partner"]).map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown status '\(word)'\(suggestion); use member, observer or dialogue-partner"
        case let .unknownGrouping(word, known):
            let suggestion = Suggestion.closest(to: word, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            return "'\(word)' is not a grouping\(suggestion); use \(known.joined(separator: ", ")) or a combination such as year,country"
        case let .unknownTest(word, known):
            let suggestion = Suggestion.closest(to: word, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            return "'\(word)' is not a trend test\(suggestion); use \(known.joined(separator: ", ")) or none"
        case let .notApplicable(option, figure, reason):
            return "\(option) cannot apply to '\(figure)': \(reason)"
        case let .unknownKind(kind, known):
            return "unknown kind '\(kind)'; this table's kinds are: \(known.joined(separator: ", "))"
        case let .combinedSources(table, origins):
            let datasets = origins.compactMap(\.datasetID)
            let fix = datasets.count > 1
                ? "compare them side by side in a report's compare table with sources: [\(datasets.joined(separator: ", "))], "
                    + "or give one source alone with --input \(table)=FILE"
                : "give the dataset alone with --input \(table)=FILE, which replaces the curated list instead of adding to it"
            return "the \(table) table adds together rows of \(origins.count) sources (\(origins.map(\.description).joined(separator: "; "))), "
                + "given with --input \(table)+=FILE: a count, chart or trend over it would sum events that each source counts its own way; "
                + fix
        }
    }
}
