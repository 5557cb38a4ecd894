import Analysis
import Dataset
import Render
import Support

/// `--facet COL`: one panel per value of a column, for every kind that draws values per x or one
/// point per row, with or without `--color`.
extension TidyCharts {
    /// Why `kind` cannot be split into panels (a clause after "which"), or nil when it can.
    public static func facetRefusal(_ kind: any ChartKind.Type) -> String? {
        if kind.channels.contains(.facet) { return nil }
        switch kind.statistic {
        case .groups, .pairs: return nil
        case .periodRates:
            return "already gives each --color row its own line between the two periods, so panels would only split those rows apart "
                + "and lose the one scale they are compared on"
        case .occurrences: return "it draws dated events of the corpus, not the rows of a table"
        }
    }

    /// The panels: each value of the facet column charted from its own rows by the same kind, on
    /// the x values and series of the whole table (so bars line up and a series keeps its colour),
    /// with the whole table's notes (rows left out, missing values) said once.
    func faceted(_ request: TidyChartRequest, by name: String, theme: Theme, notes: inout [String]) throws -> (any ChartKind, ResultTable) {
        let facetColumn = try column(name, for: "--facet")
        for (option, other) in [("--x", request.x), ("--color", request.color)] where other == name {
            throw refuse("--facet \(name) is also \(option); every panel would hold a single \(option == "--x" ? "position" : "series")",
                         hint: "split by another column, or leave --facet out")
        }
        try checkCoverage(of: facetColumn, rows: Array(facetColumn.cells.indices))
        var whole = request
        whole.facet = nil
        var ignored: [String] = []
        let (_, shared, _) = try single(whole, theme: theme, notes: &notes, checkingOverlap: false)
        let values = ordered(facetColumn.cells.compactMap { $0 }, type: facetColumn.type)
        let unplaced = facetColumn.cells.indices.filter { facetColumn.cells[$0] == nil }
        if !unplaced.isEmpty {
            notes.append(noPanelNote(unplaced, column: facetColumn.name))
        }
        var facets: [FacetedChart.Facet] = []
        var dataRows: [[ResultTable.Cell]] = []
        var dataColumns: [ResultTable.Column] = []
        for value in values {
            let rows = facetColumn.cells.indices.filter { facetColumn.cells[$0] == value }
            var panel = TidyCharts(table: table.subset(rows: rows))
            panel.localiser = localiser
            let (chart, _, data) = try panel.single(whole, theme: theme, notes: &ignored, sharing: shared)
            facets.append(FacetedChart.Facet(title: value.description, chart: chart))
            dataColumns = [ResultTable.Column(facetColumn.name)] + data.columns
            dataRows += data.rows.map { [.text(value.description)] + $0 }
        }
        return (FacetedChart(facets: facets), ResultTable(columns: dataColumns, rows: dataRows))
    }
}
