import Dataset

extension OwnTrendAnalysis {
    /// The trend on a user's own table for scripts, in the shape the corpus path writes: a
    /// `counts` table with the table's own columns (snake_case, years as integers, blanks as null)
    /// and a `tests` table built by the corpus path's own builder.
    public func output(rollingWindow: Int? = nil) -> CommandOutput {
        // The counted column (and its rolling mean) carry the count's unit; the time and --by columns have none.
        let countColumns = Set([data.labels.count] + (rollingWindow.map { ["\($0)-year mean"] } ?? []))
        var counts = OwnTrendAnalysis.outputTable(countsTable(rollingWindow: rollingWindow), name: "counts",
                                                 unit: { countColumns.contains($0) ? data.labels.unit : nil })
        counts.declaredColumns = true
        // The rolling mean has the corpus path's name, whatever its window.
        if rollingWindow != nil { counts.columns[counts.columns.count - 1].name = "rolling_mean" }
        var tables = [counts]
        if !trends.isEmpty {
            tables.append(TrendAnalysis.testsOutput(trends, level: level, unit: data.labels.count, title: testsTable.title ?? "Trend tests"))
        }
        let parameters: [(String, JSONValue)] = [("table", .string(data.labels.table)), ("level", .number(level)), ("alpha", .number(alpha))]
        // The caveats (blank cells, missing years, part years) are the command's notes, as on the corpus path.
        return CommandOutput(command: "trend", title: countsTable(rollingWindow: rollingWindow).title ?? data.labels.table,
                             parameters: parameters, tables: tables,
                             notes: data.notes + (data.exposures.isEmpty ? [] : [exposureNote]))
    }

    /// A display table as typed columns: each cell keeps its full value (display digits dropped);
    /// a column's type is that of its known cells, and a text column of whole numbers (years) is an integer one.
    static func outputTable(_ table: ResultTable, name: String, unit: (String) -> String? = { _ in nil }) -> OutputTable {
        let types: [OutputTable.ValueType] = table.columns.indices.map { index in
            let known = table.rows.compactMap { index < $0.count ? $0[index] : nil }.filter { $0 != .missing }
            if known.allSatisfy({ if case .integer = $0 { return true }; if case .text(let text) = $0 { return Int(text) != nil }; return false }) { return .integer }
            if known.allSatisfy({ if case .text = $0 { return false }; if case .interval = $0 { return false }; return true }) { return .number }
            return .text
        }
        let columns = table.columns.enumerated().map { index, column in
            OutputTable.Column(snakeCase(column.title), types[index], title: column.title, unit: unit(column.title))
        }
        let rows: [[OutputTable.Value]] = table.rows.map { row in
            row.enumerated().map { index, cell in
                switch cell {
                case .missing: return .null
                case .integer(let value): return types[index] == .number ? .number(Double(value)) : .integer(value)
                case .number(let value, _), .estimate(let value), .pValue(let value): return .number(value)
                case .interval: return .text(cell.display)
                case .text(let text): return types[index] == .integer ? .integer(Int(text)) : .text(text)
                }
            }
        }
        return OutputTable(name: name, title: table.title ?? name, columns: columns, rows: rows, notes: table.notes)
    }

    private static func snakeCase(_ title: String) -> String {
        var result = ""
        for character in title.lowercased() {
            if character.isLetter || character.isNumber { result.append(character) }
            else if !result.hasSuffix("_") && !result.isEmpty { result.append("_") }
        }
        while result.hasSuffix("_") { result.removeLast() }
        // A name starts with a letter (a title such as "2024" would not be a valid key for scripts).
        if let first = result.first, !first.isLetter || !first.isASCII { result = "column_" + result }
        return result.isEmpty ? "column" : result
    }
}
