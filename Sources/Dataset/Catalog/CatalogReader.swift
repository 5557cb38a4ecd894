import Support

/// Turns catalog YAML into a `Catalog`, checking that it is self-consistent: every reference
/// points at a real column, every optional column says what a blank means.
struct CatalogReader {
    let document: YAMLDocument

    func read() throws(Diagnostic) -> Catalog {
        let root = try document.requireRoot(expected: "a catalog with 'version' and 'tables'")
        let top = try root.mapping(allowedKeys: ["version", "tables"])
        let version = try top.require("version", "the catalog format version, 1").int()
        guard version == 1 else {
            throw try top.require("version", "").error("catalog version \(version) is not supported; this SCOBrief reads version 1")
        }
        var tables: [TableSchema] = []
        var tableNodes: [YAMLNode] = []
        for node in try top.require("tables", "the list of tables").sequence() {
            let table = try readTable(node)
            if tables.contains(where: { $0.name == table.name }) {
                throw node.error("table '\(table.name)' is declared twice")
            }
            tables.append(table)
            tableNodes.append(node)
        }
        let catalog = Catalog(version: version, tables: tables)
        try checkReferences(catalog, tableNodes: tableNodes)
        return catalog
    }

    private func readTable(_ node: YAMLNode) throws(Diagnostic) -> TableSchema {
        let map = try node.mapping(allowedKeys: ["name", "file", "title", "description", "primary_key", "coverage", "coverage_note", "columns",
                                                 "covers_from", "covers_to", "gaps", "collection_breaks", "covers_from_by_country"])
        let name = try map.require("name", "the table's name").string()
        var columns: [ColumnSchema] = []
        for columnNode in try map.require("columns", "the table's columns").sequence() {
            let column = try readColumn(columnNode)
            if columns.contains(where: { $0.name == column.name }) {
                throw columnNode.error("column '\(column.name)' is declared twice in table '\(name)'")
            }
            columns.append(column)
        }
        let primaryKeyNode = try map.require("primary_key", "the column that identifies a row")
        let primaryKey = try primaryKeyNode.string()
        guard columns.contains(where: { $0.name == primaryKey }) else {
            throw primaryKeyNode.error("primary key '\(primaryKey)' is not a column of '\(name)'")
        }
        // The same keys and text forms as a source row's coverage columns (CoverageText).
        var coverageColumns: [String: String] = [:]
        for key in ["covers_from", "covers_to", "gaps", "collection_breaks", "covers_from_by_country"] {
            if let value = map[key] { coverageColumns[key] = try value.string() }
        }
        let coverageDates: CoverageDates?
        do {
            coverageDates = try CoverageText.dates(from: coverageColumns)
        } catch {
            throw node.error("table '\(name)': \(error)")
        }
        return TableSchema(
            name: name,
            file: try map.require("file", "the CSV file name").string(),
            title: try map.require("title", "a human-readable title").string(),
            description: try map["description"]?.string(),
            primaryKey: primaryKey,
            coverage: CoverageScope(rawValue: try map.require("coverage", "complete, illustrative or partial").choice(of: CoverageScope.allCases.map(\.rawValue)))!,
            coverageNote: try map.require("coverage_note", "what the table does and does not cover").string(),
            columns: columns,
            coverageDates: coverageDates)
    }

    private func readColumn(_ node: YAMLNode) throws(Diagnostic) -> ColumnSchema {
        let map = try node.mapping(allowedKeys: ["name", "type", "required", "description", "unit", "min", "max",
                                                 "values", "references", "qualifies", "blank", "stated_in_quote"])
        let name = try map.require("name", "the column's name").string()
        let typeNode = try map.require("type", "the column's type")
        let type = ColumnType(rawValue: try typeNode.choice(of: ColumnType.allCases.map(\.rawValue)))!
        let required = try map["required"]?.bool() ?? false
        var column = ColumnSchema(name: name, type: type, required: required)
        column.description = try map["description"]?.string()
        column.unit = try map["unit"]?.string()
        column.minimum = try map["min"]?.double()
        column.maximum = try map["max"]?.double()
        column.allowedValues = try map["values"]?.stringList() ?? []
        column.qualifies = try map["qualifies"]?.string()
        column.blankMeaning = try map["blank"]?.string()
        column.statedInQuote = try map["stated_in_quote"]?.bool() ?? false
        if let referenceNode = map["references"] {
            let parts = try referenceNode.string().split(separator: ".")
            guard parts.count == 2 else { throw referenceNode.error("expected table.column, e.g. sources.id") }
            column.references = ColumnReference(table: String(parts[0]), column: String(parts[1]))
        }
        if type == .enumeration && column.allowedValues.isEmpty {
            throw node.error("enum column '\(name)' needs 'values'")
        }
        if column.statedInQuote && ![.integer, .number, .date].contains(type) {
            throw node.error("'stated_in_quote' applies to integer, number and date columns; '\(name)' is \(type.rawValue)")
        }
        if type == .ref && column.references == nil {
            throw node.error("ref column '\(name)' needs 'references: table.column'")
        }
        if !required && column.blankMeaning == nil {
            throw node.error("optional column '\(name)' must say what a blank means ('blank: unknown', for example)")
        }
        return column
    }

    private func checkReferences(_ catalog: Catalog, tableNodes: [YAMLNode]) throws(Diagnostic) {
        for (table, node) in zip(catalog.tables, tableNodes) {
            for column in table.columns {
                if let reference = column.references {
                    guard let target = catalog.table(named: reference.table), target.column(named: reference.column) != nil else {
                        throw node.error("column '\(table.name).\(column.name)' references '\(reference)', which is not in the catalog")
                    }
                }
                if let qualified = column.qualifies, table.column(named: qualified) == nil {
                    throw node.error("column '\(table.name).\(column.name)' qualifies '\(qualified)', which is not a column of '\(table.name)'")
                }
                if (column.type == .country || column.type == .countryList), catalog.table(named: "countries") == nil {
                    throw node.error("column '\(table.name).\(column.name)' holds countries but the catalog has no 'countries' table")
                }
            }
        }
    }
}
