import Dataset

extension GTDSummaryTable {
    /// The summary for scripts: one `summary` table (year as an integer, country code and name,
    /// incidents, the known killed and wounded sums and the incidents without a figure).
    public func output(of summary: some ImportTotals, corpus: Corpus) -> CommandOutput {
        let display = table(of: summary, corpus: corpus)
        var columns: [OutputTable.Column] = []
        if byYear { columns.append(.init("year", .integer)) }
        if byCountry { columns += [.init("country", .text, title: "ISO 3166 code"), .init("name", .text, title: "country name")] }
        columns += [.init("incidents", .integer, unit: "incidents"), .init("killed", .integer, unit: "people"),
                    .init("killed_unknown", .integer, title: "incidents with killed unknown", unit: "incidents"),
                    .init("wounded", .integer, unit: "people"),
                    .init("wounded_unknown", .integer, title: "incidents with wounded unknown", unit: "incidents")]
        let rows: [[OutputTable.Value]] = display.rows.map { cells in
            zip(columns, cells).map { column, cell in
                switch (column.type, cell) {
                case (.integer, .text(let text)): return .integer(Int(text))
                case (_, .integer(let value)): return .integer(value)
                case (_, .text(let text)): return .text(text)
                default: return .null
                }
            }
        }
        var parameters: [(String, JSONValue)] = [("input", .string(summary.input)), ("countries", .string(summary.countryScope))]
        if let years = summary.yearScope { parameters.append(("years", .string(years))) }
        parameters.append(("summary_by", .array(([byYear ? "year" : nil, byCountry ? "country" : nil] as [String?]).compactMap { $0 }.map { .string($0) })))
        return CommandOutput(
            command: summary.summaryCommand, title: display.title ?? "import summary", parameters: parameters,
            coverage: [.init(table: "attacks", coverage: .complete, note: "Rows written by the import from \(summary.summaryCommand == "import gtd" ? "the GTD release " : "")\(summary.input).")],
            tables: [OutputTable(name: "summary", title: display.title ?? "import summary", columns: columns, rows: rows)],
            notes: display.notes)
    }
}
