import Analysis
import Dataset
import Foundation

extension TidyTable {
    /// A corpus event table (attacks, exercises, documents) as a tidy table, so its columns map to
    /// channels like any table's (`chart bar --table attacks --x year --y count --color country`).
    /// One row per event; with `perCountry`, one row per event and country (an exercise held in two
    /// countries counts for each), as the corpus's own split by country counts. Columns: id, date,
    /// year, country (English names), kind, and killed and wounded where the table states them.
    /// The source line is the corpus's for the events' sources.
    public init(events: FilteredEvents, corpus: Corpus, perCountry: Bool) {
        let table = events.table
        var rows: [(event: Event, country: String?)] = []
        for event in events.events {
            if perCountry {
                for code in event.countries { rows.append((event, corpus.countryName(code))) }
            } else {
                rows.append((event, event.countries.isEmpty ? nil : event.countries.map(corpus.countryName).joined(separator: ", ")))
            }
        }
        var columns = [
            TidyColumn(name: "id", title: "ID", type: .string, cells: rows.map { .string($0.event.id) }),
            TidyColumn(name: "date", title: "Date", type: .date(.day), cells: rows.map { .date($0.event.date) }),
            TidyColumn(name: "year", title: "Year", type: .integer, cells: rows.map { .integer($0.event.year) }),
            TidyColumn(name: "country", title: "Country", type: .string, cells: rows.map { $0.country.map(TidyValue.string) }),
            TidyColumn(name: "kind", title: "Kind", type: .string, cells: rows.map { $0.event.kind.map(TidyValue.string) }),
        ]
        for (name, value) in [("killed", \Event.killed), ("wounded", \Event.wounded)] where events.events.contains(where: { $0[keyPath: value] != nil }) {
            columns.append(TidyColumn(name: name, title: name.capitalized, type: .integer, cells: rows.map { $0.event[keyPath: value].map(TidyValue.integer) }))
        }
        let sourceIDs = events.events.compactMap(\.sourceID)
        self.init(name: table.name, file: URL(fileURLWithPath: table.name + ".csv"), displayName: "--table \(table.name)", columns: columns,
                  title: table.title, source: SourceLine.text(for: sourceIDs, corpus: corpus))
        rowNames = rows.map(\.event.id)
    }
}
