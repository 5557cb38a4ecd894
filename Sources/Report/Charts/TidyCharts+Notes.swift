/// The notes under a chart of one's own table (rows left out, missing values skipped by an
/// aggregation), worded from the message catalogs (`own.figure.*`), so a Russian or Chinese report
/// says them in its language; English gives the sentences the command line has always printed.
extension TidyCharts {
    /// "2 rows with no year or region left out (lines 4 and 9)."
    func unplacedNote(_ rows: [Int], columns: [String]) -> String {
        localiser.text(counted("own.figure.unplaced", rows.count), ["n": String(rows.count), "columns": alternatives(columns), "rows": rowNames(rows)])
    }

    /// "1 row with no region left out of the panels (line 7)."
    func noPanelNote(_ rows: [Int], column: String) -> String {
        localiser.text(counted("own.figure.no-panel", rows.count), ["n": String(rows.count), "column": quoted(column), "rows": rowNames(rows)])
    }

    /// "3 missing spend values left out of the sums." (or means).
    func missingValuesNote(_ n: Int, column: String, measure: TidyMeasure) -> String {
        let what = if case .mean = measure { "means" } else { "sums" }
        return localiser.text(counted("own.figure.missing-in-\(what)", n), ["n": String(n), "column": quoted(column)])
    }

    /// "lines 3, 7 and 12", "line 4", "lines 1, 2, 3, 4, 5 and 3 more"; a corpus table's rows by
    /// their names ("rows atk-1 and atk-2"), in the chart's language.
    func rowNames(_ rows: [Int]) -> String {
        let names = table.rowNames
        let shown = rows.prefix(5).map { names?[$0] ?? String(table.rowLines[$0]) }
        let noun = names == nil ? "lines" : "rows"
        let separator = localiser.text("caveat.list-separator")
        let list = rows.count > 5 || shown.count == 1 ? shown.joined(separator: separator)
            : shown.dropLast().joined(separator: separator) + localiser.text("caveat.and") + shown.last!
        let more = rows.count > 5 ? localiser.text("own.rows.more.\(noun)", ["n": String(rows.count - 5)]) : ""
        return localiser.text("own.rows.\(shown.count == 1 ? String(noun.dropLast()) : noun)", ["list": list]) + more
    }

    /// Column names as the language quotes them, joined by "or": "year or region", "x, y or size".
    private func alternatives(_ columns: [String]) -> String {
        let quotedColumns = columns.map(quoted)
        guard quotedColumns.count > 1 else { return quotedColumns.joined() }
        return quotedColumns.dropLast().joined(separator: localiser.text("caveat.list-separator")) + localiser.text("caveat.or") + quotedColumns.last!
    }

    /// A column's name as the language quotes it (bare in English, «name» in Russian).
    private func quoted(_ column: String) -> String { localiser.text("own.column", ["name": column]) }

    /// `key.one` for one, `key.other` otherwise.
    private func counted(_ key: String, _ n: Int) -> String { "\(key).\(n == 1 ? "one" : "other")" }
}
