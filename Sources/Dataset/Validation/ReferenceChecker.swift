import Support

/// Checks that values pointing at other tables exist there: source ids, country codes.
struct ReferenceChecker {
    let catalog: Catalog
    let tables: [String: Table]

    func check(tablesToCheck: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let countryCodes = Set(tables["countries"]?.keys ?? [])
        for name in tablesToCheck.sorted() {
            guard let table = tables[name] else { continue }
            // Cells are read by column position: a lookup by name for every cell of a 200,000-row
            // import was a tenth of its load time.
            for (index, column) in table.schema.columns.enumerated() {
                switch column.type {
                case .ref:
                    guard let reference = column.references, let target = tables[reference.table] else { continue }
                    let valid = Set(target.rows.compactMap { $0.key(reference.column) })
                    for row in table.rows + table.rejectedRows {
                        guard let value = row[index: index].text, !valid.contains(value) else { continue }
                        diagnostics.append(Diagnostic(
                            location(table, row, column),
                            "\(column.name) '\(value)' is not in \(target.schema.file)",
                            hint: Suggestion.closest(to: value, in: valid).map { "did you mean '\($0)'?" }
                                ?? "add a row for it to \(target.schema.file), or cite an existing one"))
                    }
                case .country, .countryList:
                    guard tables["countries"] != nil else { continue }
                    for row in table.rows + table.rejectedRows {
                        for code in row[index: index].countries where !countryCodes.contains(code) {
                            diagnostics.append(Diagnostic(
                                location(table, row, column),
                                "'\(code)' is not a country code listed in countries.csv",
                                hint: Suggestion.closest(to: code, in: countryCodes).map { "did you mean '\($0)'?" }
                                    ?? "add the country to countries.csv with its English, Russian and Chinese names"))
                        }
                    }
                default:
                    continue
                }
            }
        }
        return diagnostics
    }

    private func location(_ table: Table, _ row: Table.Row, _ column: ColumnSchema) -> SourceLocation {
        RowLocation.of(table, row, column: column.name)
    }
}

/// The location of a cell in a loaded table, for checks made after loading.
enum RowLocation {
    static func of(_ table: Table, _ row: Table.Row, column: String) -> SourceLocation {
        of(table: table.file, row, column: column)
    }

    static func of(table file: String, _ row: Table.Row, column: String) -> SourceLocation {
        guard let index = row.columnIndex[column], let position = row.position(ofColumn: index) else {
            return SourceLocation(file: file, line: row.line)
        }
        return SourceLocation(file: file, line: position.line, column: position.column)
    }
}
