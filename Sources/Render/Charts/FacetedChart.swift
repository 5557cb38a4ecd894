/// Small multiples of any kind that draws values per x or one point per row (bar in every position,
/// line, step, area, scatter, heat map): one panel per value of a column, each drawn by the same
/// kind from its own rows. Panels share their numeric scales (and a heat map's colours), so a
/// taller bar is a larger value in every panel; each panel is labelled with its value, and the
/// grid wraps into rows. Only the bottom row prints x labels and only the first column y labels.
/// Built from data by the table path (`TidyCharts`), not read from spec files.
public struct FacetedChart: ChartKind {
    /// One panel: its label and the chart of its rows.
    public struct Facet: Sendable {
        /// The panel's label, the facet column's value.
        public var title: String
        /// The chart of the panel's rows; its first panel is used.
        public var chart: any ChartKind
        /// A panel.
        public init(title: String, chart: any ChartKind) {
            self.title = title
            self.chart = chart
        }
    }

    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// The panels, in reading order.
    public var facets: [Facet]
    /// Columns of the grid; nil chooses from the panel count.
    public var columns: Int?

    /// Panels of one kind on shared scales.
    public init(text: ChartText = ChartText(), facets: [Facet], columns: Int? = nil) {
        self.text = text
        self.facets = facets
        self.columns = columns
    }

    /// The grid's column count, as the layout chooses it.
    private var columnCount: Int {
        let n = facets.count
        return max(1, min(columns ?? (n <= 3 ? n : Int(Double(n).squareRoot().rounded(.up))), max(n, 1)))
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        let charts = sharingColours(facets.map(\.chart)).map { $0.chart(theme: theme) }
        var panels: [Panel] = zip(facets, charts).compactMap { facet, chart in
            guard var panel = chart.panels.first else { return nil }
            panel.title = facet.title
            return panel
        }
        // One numeric scale per axis across panels: the union of the panels' domains.
        if let shared = Self.union(panels.map(\.x.scale)) { for i in panels.indices { panels[i].x.scale = panels[i].x.scale.withDomain(shared) } }
        if let shared = Self.union(panels.map(\.y.scale)) { for i in panels.indices { panels[i].y.scale = panels[i].y.scale.withDomain(shared) } }
        let n = panels.count, cols = columnCount
        let rows = (n + cols - 1) / cols
        for i in panels.indices {
            let row = i / cols
            // A panel with none below it in its column carries the x labels; the first column the y labels.
            if !(row == rows - 1 || i + cols >= n) {
                panels[i].x.showsLabels = false
                panels[i].x.title = nil
            }
            if i % cols != 0 {
                panels[i].y.showsLabels = false
                panels[i].y.title = nil
            }
        }
        var colorBar = charts.lazy.compactMap(\.colorBar).first
        colorBar?.showsMissing = charts.contains { $0.colorBar?.showsMissing == true }
        return Chart(text: text, panels: panels, legend: charts.lazy.compactMap(\.legend).first, colorBar: colorBar, columns: cols)
    }

    /// Heat maps share one colour scale over every panel's values.
    private func sharingColours(_ charts: [any ChartKind]) -> [any ChartKind] {
        let values = charts.compactMap { $0 as? HeatMapChart }.flatMap { $0.values.joined().compactMap { $0 }.filter(\.isFinite) }
        guard let low = values.min(), let high = values.max() else { return charts }
        return charts.map { chart in
            guard var heat = chart as? HeatMapChart else { return chart }
            heat.valueDomain = low...high
            return heat
        }
    }

    /// The union of numeric domains of the same kind of scale; nil for categories (each panel is
    /// given every category already) or scales of mixed kinds.
    static func union(_ scales: [PositionScale]) -> ClosedRange<Double>? {
        guard let first = scales.first, !first.isBand else { return nil }
        var low = first.domain.lowerBound, high = first.domain.upperBound
        for scale in scales.dropFirst() {
            switch (first, scale) {
            case (.linear, .linear), (.log, .log), (.year, .year): break
            default: return nil
            }
            low = min(low, scale.domain.lowerBound)
            high = max(high, scale.domain.upperBound)
        }
        return low...high
    }
}

extension FacetedChart {
    /// The kind's name in messages; it is not a spec kind of its own (a spec asks for `facet:`).
    public static let name = "faceted"
    /// The statistic of the panels' data.
    public static let statistic = ChartStatistic.groups()
    /// No channels of its own: it is made from another kind's panels.
    public static let channels: Set<ChartChannel> = []

    /// Facets are made from the panels' own bindings (`init(facets:)`), not from one binding.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        throw ChartBindingError("faceted charts are built one panel per value of the --facet column")
    }

    /// Facets are built from data, not read from spec files.
    public init(from decoder: Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a faceted chart is asked for with facet: COLUMN on a kind that draws a table"))
    }
}
