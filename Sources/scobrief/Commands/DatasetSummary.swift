import Analysis
import Dataset

/// Row counts and year coverage per table.
struct DatasetSummary {
    let corpus: Corpus

    var table: ResultTable {
        let rows: [[ResultTable.Cell]] = corpus.catalog.tables.map { schema in
            let table = corpus.tables[schema.name]
            let years = table.map(yearRange) ?? nil
            return [
                .text(schema.name),
                .integer(table?.rows.count ?? 0),
                years.map { .text($0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)") } ?? .missing,
                .text(schema.coverage.rawValue),
                .text(schema.title),
            ]
        }
        return ResultTable(
            title: "SCOBrief corpus (\(corpus.directory))",
            columns: [.init("table"), .init("rows", alignment: .right), .init("years", alignment: .right), .init("coverage"), .init("title")],
            rows: rows)
    }

    /// The same summary for scripts: a `tables` table with the year span as two integers, and
    /// each table's coverage and coverage note as fields.
    var output: CommandOutput {
        let columns: [OutputTable.Column] = [
            .init("table", .text), .init("file", .text), .init("rows", .integer, unit: "rows"),
            .init("first_year", .integer, title: "first year with a dated row"), .init("last_year", .integer, title: "last year with a dated row"),
            .init("coverage", .text), .init("title", .text),
        ]
        let rows: [[OutputTable.Value]] = corpus.catalog.tables.map { schema in
            let table = corpus.tables[schema.name]
            let years = table.map(yearRange) ?? nil
            return [.text(schema.name), .text(schema.file), .integer(table?.rows.count ?? 0),
                    .integer(years?.lowerBound), .integer(years?.upperBound), .text(schema.coverage.rawValue), .text(schema.title)]
        }
        return CommandOutput(
            command: "datasets list", title: "SCOBrief corpus", parameters: [("data", .string(corpus.directory))],
            coverage: corpus.catalog.tables.map { .init(table: $0.name, coverage: $0.coverage, note: $0.coverageNote) },
            tables: [OutputTable(name: "tables", title: "Tables with row counts and year coverage", columns: columns, rows: rows)])
    }

    /// The span of every date in the table's date columns. Reference tables (countries, whose
    /// only dates are when former states ended) have no coverage in time.
    private func yearRange(_ table: Table) -> ClosedRange<Int>? {
        if table.schema.name == "countries" { return nil }
        let dateColumns = table.schema.columns.filter { $0.type == .date }.map(\.name)
        let years = table.rows.flatMap { row in dateColumns.compactMap { row.date($0)?.year } }
        guard let low = years.min(), let high = years.max() else { return nil }
        return low...high
    }
}
