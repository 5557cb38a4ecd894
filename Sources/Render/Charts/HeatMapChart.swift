/// A grid of values, e.g. attacks per year (columns) and country (rows), coloured on a sequential
/// or diverging colour map with a colour bar. Missing cells are hatched and keyed "No data".
public struct HeatMapChart: ChartKind, Equatable {
    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// Row labels, top to bottom.
    public var rows: [String]
    /// Column labels, left to right.
    public var columns: [String]
    /// `values[row][column]`; nil for missing.
    public var values: [[Double?]]
    /// nil takes the theme's sequential map (or diverging map when `midpoint` is set).
    public var colorMap: ColorMap?
    /// Centre of a diverging scale (e.g. 0 for changes).
    public var midpoint: Double?
    /// What the colours measure, shown over the colour bar.
    public var valueTitle: String?
    /// How the colour bar prints numbers.
    public var valueFormat: NumberFormat
    /// What the columns are; nil for years.
    public var columnTitle: String?
    /// The values the colour scale spans, when panels must share one (facets); nil spans this map's values.
    public var valueDomain: ClosedRange<Double>?

    /// A heat map.
    public init(text: ChartText = ChartText(), rows: [String], columns: [String], values: [[Double?]], colorMap: ColorMap? = nil,
                midpoint: Double? = nil, valueTitle: String? = nil, valueFormat: NumberFormat = .grouped, columnTitle: String? = nil) {
        self.text = text
        self.rows = rows
        self.columns = columns
        self.values = values
        self.colorMap = colorMap
        self.midpoint = midpoint
        self.valueTitle = valueTitle
        self.valueFormat = valueFormat
        self.columnTitle = columnTitle
    }

    /// The colour scale: the map over the values' range rounded out to ticks.
    func colorScale(theme: Theme) -> ColorScale {
        let finite = values.joined().compactMap { $0 }.filter(\.isFinite) + (valueDomain.map { [$0.lowerBound, $0.upperBound] } ?? [])
        var domain = Domain.of(finite, includingZero: midpoint == nil && (finite.min() ?? 0) >= 0) ?? 0...1
        // Round the ends out to tick values, so the colour bar starts and ends on a label.
        if let nice = TickSearch(integerSteps: Axis.allWhole(finite), onlyLoose: true).ticks(from: domain.lowerBound, to: domain.upperBound, targetCount: 5) {
            domain = nice.first...nice.last
        }
        if let midpoint {
            return .diverging(colorMap ?? theme.divergingMap, domain: domain, midpoint: midpoint)
        }
        return .sequential(colorMap ?? theme.sequentialMap, domain: domain)
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        let scale = colorScale(theme: theme)
        var tiles: [TileMark.Tile] = []
        var missing = false
        for (r, row) in values.enumerated() where r < rows.count {
            for (c, value) in row.enumerated() where c < columns.count {
                let fill = value.flatMap { $0.isFinite ? scale.color(for: $0) : nil }
                if fill == nil { missing = true }
                tiles.append(TileMark.Tile(column: Double(c), row: Double(r), fill: fill))
            }
        }
        // Rows shorter than `columns` are missing at the end.
        for r in rows.indices {
            let count = r < values.count ? values[r].count : 0
            for c in count..<max(count, columns.count) {
                missing = true
                tiles.append(TileMark.Tile(column: Double(c), row: Double(r), fill: nil))
            }
        }
        let x = Axis(scale: .band(BandScale(categories: columns, innerPadding: 0, outerPadding: 0)), title: columnTitle, showsLine: false)
        let y = Axis(scale: .band(BandScale(categories: rows, innerPadding: 0, outerPadding: 0)), showsLine: false)
        let gap = columns.count > 40 ? 0.25 : 0.5
        let panel = Panel(x: x, y: y, marks: [.tile(TileMark(tiles: tiles, gap: gap))])
        return Chart(text: text, panels: [panel],
                     colorBar: ColorBar(scale: scale, title: valueTitle, format: valueFormat, showsMissing: missing,
                                        wholeNumbers: Axis.allWhole(values.flatMap { $0.compactMap { $0 } })))
    }
}

extension HeatMapChart {
    /// The kind's name in specs and on the command line.
    public static let name = "heatmap"
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.groups(x: "year", series: "country")
    /// The channels a table can map to (`ChartChannel`).
    public static let channels: Set<ChartChannel> = [.x, .y, .fill]

    /// One row per series and one column per year; a cell with no records is zero.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        let cells = binding.cells()
        let values = binding.series.map { name in
            binding.xValues.map { x -> Double? in
                // No row: zero where the binding counts events, unknown in a measured table.
                guard let row = cells[x, name] else { return binding.absentIsZero ? 0 : nil }
                return row.count == 0 ? 0 : row.y
            }
        }
        self.init(rows: binding.series, columns: binding.categoryLabels, values: values, valueTitle: binding.yTitle,
                  columnTitle: binding.xTitle)
    }
}

// Flat, default-tolerant decoding: the title fields sit beside the kind's own fields (not nested
// under `text`), and any field with a default may be omitted.

extension HeatMapChart {
    private enum Keys: String, CodingKey { case rows, columns, values, colorMap, midpoint, valueTitle, valueFormat, columnTitle }

    /// Reads the flat spec fields; those with defaults may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), rows: try c.decode([String].self, forKey: .rows),
                  columns: try c.decode([String].self, forKey: .columns), values: try c.decode([[Double?]].self, forKey: .values),
                  colorMap: try c.decodeIfPresent(ColorMap.self, forKey: .colorMap), midpoint: try c.decodeIfPresent(Double.self, forKey: .midpoint),
                  valueTitle: try c.decodeIfPresent(String.self, forKey: .valueTitle), valueFormat: try c.value(.valueFormat, or: .grouped),
                  columnTitle: try c.decodeIfPresent(String.self, forKey: .columnTitle))
    }
}
