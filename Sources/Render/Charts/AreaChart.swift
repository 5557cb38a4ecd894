/// Filled areas over time: one series, several stacked (counts that add up), stacked as shares of
/// each x's total, or overlapping. A missing value interrupts its area, and in a stack every layer
/// above it too, since an unknown layer leaves the ones above it without a floor.
public struct AreaChart: ChartKind, Equatable {
    /// One filled area: a value per x.
    public struct Series: Codable, Sendable, Equatable {
        /// The series' name in the legend.
        public var name: String
        /// Values aligned with the chart's x; nil interrupts the area.
        public var values: [Double?]
        /// A series.
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// Positions along x (years), in order.
    public var x: [Double]
    /// The areas, bottom of the stack first.
    public var series: [Series]
    /// Overlapping (`grouped`), stacked, or stacked as shares (`filled`).
    public var arrangement: BarChart.Arrangement
    /// What x measures; nil for years.
    public var xTitle: String?
    /// What y measures, with its unit.
    public var yTitle: String?
    /// How y ticks print numbers (shares always print as percentages).
    public var yFormat: NumberFormat

    /// An area chart.
    public init(text: ChartText = ChartText(), x: [Double], series: [Series], arrangement: BarChart.Arrangement = .stacked,
                xTitle: String? = nil, yTitle: String? = nil, yFormat: NumberFormat = .grouped) {
        self.text = text
        self.x = x
        self.series = series
        self.arrangement = arrangement
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.yFormat = yFormat
    }

    /// Each series' lower and upper edge at every x, after stacking or scaling to shares.
    func layers() -> [(lower: [Double?], upper: [Double?])] {
        let stacked = arrangement != .grouped && series.count > 1 || arrangement == .filled
        var floor = [Double?](repeating: 0, count: x.count)
        let totals = x.indices.map { i -> Double? in
            let values = series.map { i < $0.values.count ? $0.values[i] : nil }
            // A share needs every part known: one unknown part leaves the total unknown.
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            let total = values.reduce(0.0) { $0 + $1! }
            return total > 0 ? total : nil
        }
        return series.map { s in
            let values = x.indices.map { i -> Double? in
                guard i < s.values.count, let v = s.values[i], v.isFinite else { return nil }
                if arrangement == .filled { return totals[i].map { v / $0 } }
                return v
            }
            guard stacked else { return (values.map { $0 == nil ? nil : 0 }, values) }
            let lower = floor
            let upper = zip(floor, values).map { f, v -> Double? in
                guard let f, let v else { return nil }
                return f + v
            }
            floor = upper
            return (lower, upper)
        }
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        let layers = self.layers()
        let overlapping = arrangement == .grouped && series.count > 1
        var marks: [Mark] = []
        // Stacked layers take the bar patterns in a print-safe theme; overlapping areas are told
        // apart by their outlines, which patterns on translucent fills would muddle.
        let patterned = theme.distinguishesSeriesByPattern && series.count > 1 && !overlapping
        for (i, layer) in layers.enumerated() {
            let color = theme.palette.color(i)
            marks.append(.area(AreaMark(x: x, lower: layer.lower, upper: layer.upper, fill: overlapping ? color.withAlpha(0.35) : color,
                                        pattern: patterned ? FillPattern.forSeries(i) : .solid)))
            if overlapping {
                marks.append(.line(LineMark(points: zip(x, layer.upper).map { DataPoint(x: $0, y: $1) }, color: color)))
            }
        }
        let filled = arrangement == .filled
        var yd = Domain.of(layers.flatMap { $0.upper.compactMap { $0 } }, includingZero: true) ?? 0...1
        if filled { yd = min(yd.lowerBound, 0)...max(yd.upperBound, 1) }
        let xd = Domain.of(x) ?? 0...1
        let xAxis = Axis(scale: .year(xd), title: xTitle)
        let yAxis = Axis(scale: .linear(yd), title: yTitle, format: filled ? .percent : yFormat, grid: true,
                         extendsToTicks: !filled, showsLine: false)
        marks.append(.rule(RuleMark(axis: .y, value: 0, color: theme.axisColor, width: theme.axisLineWidth)))
        var legend: Legend?
        if series.count > 1 {
            // Top of the stack first, as the areas read from top to bottom.
            let order = overlapping ? Array(series.indices) : Array(series.indices.reversed())
            legend = Legend(entries: order.map {
                Legend.Entry(label: series[$0].name,
                             swatch: patterned ? .patterned(theme.palette.color($0), FillPattern.forSeries($0)) : .box(theme.palette.color($0)))
            })
        }
        return Chart(text: text, panels: [Panel(x: xAxis, y: yAxis, marks: marks)], legend: legend)
    }
}

extension AreaChart {
    /// The kind's name in specs and on the command line.
    public static let name = "area"
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.groups()
    /// The channels a table can map to (`ChartChannel`).
    public static let channels: Set<ChartChannel> = [.x, .y, .color, .position]

    /// One area per series along the years, stacked unless the binding asks otherwise.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        let years = binding.xValues.compactMap(\.number)
        guard binding.xIsTime, years.count == binding.xValues.count else {
            throw ChartBindingError("an area chart runs along a time or number axis; put a year, date or number column on x")
        }
        let cells = binding.cells()
        let series = binding.seriesOrMeasure.map { name in
            Series(name: name ?? binding.yTitle, values: binding.xValues.map { cells[$0, name]?.y })
        }
        let arrangement: BarChart.Arrangement
        switch binding.position {
        case .dodge: arrangement = .grouped
        case .fill: arrangement = .filled
        case .stack, nil: arrangement = .stacked
        }
        self.init(x: years, series: series, arrangement: arrangement, xTitle: binding.xTitle, yTitle: binding.yTitle)
    }

    private enum Keys: String, CodingKey { case x, series, arrangement, xTitle, yTitle, yFormat }

    /// Reads the flat spec fields; those with defaults may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), x: try c.decode([Double].self, forKey: .x),
                  series: try c.decode([Series].self, forKey: .series), arrangement: try c.value(.arrangement, or: .stacked),
                  xTitle: try c.decodeIfPresent(String.self, forKey: .xTitle), yTitle: try c.decodeIfPresent(String.self, forKey: .yTitle),
                  yFormat: try c.value(.yFormat, or: .grouped))
    }
}
