import Support

/// Rules that involve more than one cell: date order, qualifiers without numbers,
/// overlapping membership spells.
enum RecordRules {
    /// `only` names the tables whose rows are checked (nil: all), so a table vouched for is not read.
    static func check(_ corpus: Corpus, only: Set<String>? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for table in corpus.tables.values.sorted(by: { $0.schema.name < $1.schema.name }) where only?.contains(table.schema.name) ?? true {
            diagnostics += qualifiersWithoutValues(table)
        }
        if let table = corpus.tables["exercises"] {
            diagnostics += dateOrder(table, from: "start_date", to: "end_date")
        }
        if let table = corpus.tables["indicators"] {
            diagnostics += dateOrder(table, from: "period_start", to: "period_end")
        }
        if let table = corpus.tables["sources"], table.schema.column(named: "covers_from") != nil {
            diagnostics += dateOrder(table, from: "covers_from", to: "covers_to")
        }
        if let table = corpus.tables["membership"] {
            diagnostics += dateOrder(table, from: "from", to: "to")
            diagnostics += overlappingSpells(table)
        }
        return diagnostics
    }

    /// A blank quote is allowed only on a row imported from an event dataset: its record id,
    /// not a passage of text, is its provenance. `tables` holds the sources the rows may cite
    /// (the folder's own, or the shipped ones).
    static func blankQuotes(in tables: [String: Table], checking names: [String]) -> [Diagnostic] {
        let datasetSources = Set(tables["sources"]?.rows.filter { $0.text("kind") == Source.datasetKind }.compactMap { $0.text("id") } ?? [])
        var diagnostics: [Diagnostic] = []
        for name in names.sorted() {
            guard let table = tables[name], let quote = table.schema.column(named: "quote"), !quote.required,
                  let quoteIndex = table.schema.columns.firstIndex(where: { $0.name == "quote" }),
                  let sourceIndex = table.schema.columns.firstIndex(where: { $0.name == "source_id" }) else { continue }
            // By column position, not name: these loops run over every row of an import.
            for row in table.rows where row[index: quoteIndex].isBlank {
                guard let source = row[index: sourceIndex].text, !datasetSources.contains(source) else { continue }
                diagnostics.append(Diagnostic(
                    RowLocation.of(table, row, column: "quote"),
                    "quote is blank but source '\(source)' is not a dataset",
                    hint: "quote the passage of the source that states the row's facts; only rows imported from a source of kind dataset may leave it blank"))
            }
        }
        return diagnostics
    }

    private static func qualifiersWithoutValues(_ table: Table) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, column) in table.schema.columns.enumerated() {
            guard let qualified = column.qualifies,
                  let qualifiedIndex = table.schema.columns.firstIndex(where: { $0.name == qualified }) else { continue }
            for row in table.rows where !row[index: index].isBlank && row[index: qualifiedIndex].isBlank {
                diagnostics.append(Diagnostic(
                    RowLocation.of(table, row, column: column.name),
                    "\(column.name) is '\(row.text(column.name) ?? "")' but \(qualified) is blank",
                    hint: "a qualifier needs a number; give the number or clear the qualifier"))
            }
        }
        return diagnostics
    }

    private static func dateOrder(_ table: Table, from: String, to: String) -> [Diagnostic] {
        table.rows.compactMap { row in
            guard let start = row.date(from), let end = row.date(to), end.latestDay < start.earliestDay else { return nil }
            return Diagnostic(RowLocation.of(table, row, column: to),
                              "\(to) \(end) is before \(from) \(start)",
                              hint: "swap the two dates if they were entered the wrong way round")
        }
    }

    private static func overlappingSpells(_ table: Table) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let byCountry = Dictionary(grouping: table.rows) { $0.countries("country").first ?? "" }
        for (country, rows) in byCountry.sorted(by: { $0.key < $1.key }) {
            let spells = rows.compactMap { row -> (Table.Row, DayDate, DayDate?)? in
                guard let from = row.date("from") else { return nil }
                return (row, from.earliestDay, row.date("to")?.earliestDay)
            }.sorted { $0.1 < $1.1 }
            for (previous, next) in zip(spells, spells.dropFirst()) {
                let previousEnd = previous.2
                if previousEnd == nil || next.1 < previousEnd! {
                    diagnostics.append(Diagnostic(
                        RowLocation.of(table, next.0, column: "from"),
                        "\(country) has two statuses at once: this spell starts before the spell on line \(previous.0.line) ends",
                        hint: "end the earlier spell (its 'to') on the date this one starts"))
                }
            }
        }
        return diagnostics
    }
}
