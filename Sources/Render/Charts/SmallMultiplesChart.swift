/// One small line chart per group (e.g. per member state) on shared scales, so panels compare at
/// a glance. Inner panels omit repeated tick labels.
public struct SmallMultiplesChart: ChartKind, Equatable {
    /// One small panel.
    public struct Panel: Decodable, Sendable, Equatable {
        /// The panel's title.
        public var title: String
        /// The panel's lines.
        public var series: [LineChart.Series]
        /// A panel.
        public init(title: String, series: [LineChart.Series]) {
            self.title = title
            self.series = series
        }
    }

    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// The panels, in reading order.
    public var panels: [Panel]
    /// Columns of the grid; nil chooses from the panel count.
    public var columns: Int?
    /// What x measures; nil for years.
    public var xTitle: String?
    /// What y measures, on the shared y axis.
    public var yTitle: String?
    /// How y ticks print numbers.
    public var yFormat: NumberFormat
    /// Vertical event lines in every panel.
    public var events: [EventNote]

    /// Small multiples on shared axes.
    public init(text: ChartText = ChartText(), panels: [Panel], columns: Int? = nil, xTitle: String? = nil, yTitle: String? = nil,
                yFormat: NumberFormat = .grouped, events: [EventNote] = []) {
        self.text = text
        self.panels = panels
        self.columns = columns
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.yFormat = yFormat
        self.events = events
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        let all = panels.flatMap(\.series)
        let xd = LineChart.xDomain(all) ?? 0...1
        let yd = LineChart.yDomain(all, includesZero: true) ?? 0...1
        let n = panels.count
        let cols = max(1, min(columns ?? (n <= 3 ? n : Int(Double(n).squareRoot().rounded(.up))), max(n, 1)))
        let rows = (n + cols - 1) / cols
        let names = uniqueSeriesNames()
        let built = panels.enumerated().map { index, p -> Render.Panel in
            let column = index % cols, row = index / cols
            // Only the bottom panel of each column carries x labels, only the first column y labels.
            let bottom = row == rows - 1 || index + cols >= n
            let colored = p.series.map { s in (names.firstIndex(of: s.name) ?? 0, s) }
            var panel = LineChart.panel(series: colored.map(\.1), theme: theme, xScale: .year, yScale: .linear,
                                        xTitle: bottom ? xTitle : nil, yTitle: column == 0 ? yTitle : nil, yFormat: yFormat,
                                        includesZero: true, showsMarkers: false, stepped: false, xDomain: xd, yDomain: yd,
                                        events: events, notes: [], title: p.title, showsXLabels: bottom, showsYLabels: column == 0)
            // Colours follow the series name across panels, not its position within a panel.
            panel.marks = panel.marks.map { mark in
                guard case .line(var line) = mark, let match = colored.first(where: { $0.1.points == line.points }) else { return mark }
                line.color = theme.palette.color(match.0)
                line.dash = LineChart.dash(match.0, theme)
                return .line(line)
            }
            return panel
        }
        var legend: Legend?
        if names.count > 1 {
            legend = Legend(entries: names.enumerated().map { i, name in
                Legend.Entry(label: name, swatch: .line(theme.palette.color(i), LineChart.dash(i, theme), nil))
            })
        }
        return Chart(text: text, panels: built, legend: legend, columns: cols)
    }

    private func uniqueSeriesNames() -> [String] {
        var seen = Set<String>(), order: [String] = []
        for p in panels { for s in p.series where seen.insert(s.name).inserted { order.append(s.name) } }
        return order
    }
}

extension SmallMultiplesChart {
    /// The kind's name in specs and on the command line.
    public static let name = "smallMultiples"
    /// Event notes are drawn on its time axis.
    public static let drawsEventNotes = true
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.groups(x: "year", series: "country")
    /// The channels a table can map to (`ChartChannel`).
    public static let channels: Set<ChartChannel> = [.x, .y, .facet]

    /// One panel per series, its values along the years; a year with no records is zero when the
    /// binding counts, and a gap in a measured table.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        let cells = binding.cells()
        let years = binding.xValues.compactMap(\.number)
        let panels = binding.series.map { name in
            Panel(title: name, series: [LineChart.Series(name: binding.yTitle, x: years, y: binding.xValues.map { x -> Double? in
                // No row: zero where the binding counts events, unknown in a measured table.
                guard let row = cells[x, name] else { return binding.absentIsZero ? 0 : nil }
                return row.count == 0 ? 0 : row.y
            })])
        }
        self.init(panels: panels, xTitle: binding.xTitle, yTitle: binding.yTitle, events: binding.events)
    }
}

// Flat, default-tolerant decoding: the title fields sit beside the kind's own fields (not nested
// under `text`), and any field with a default may be omitted.

extension SmallMultiplesChart {
    private enum Keys: String, CodingKey { case panels, columns, xTitle, yTitle, yFormat, events }

    /// Reads the flat spec fields; those with defaults may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), panels: try c.decode([Panel].self, forKey: .panels),
                  columns: try c.decodeIfPresent(Int.self, forKey: .columns), xTitle: try c.decodeIfPresent(String.self, forKey: .xTitle),
                  yTitle: try c.decodeIfPresent(String.self, forKey: .yTitle), yFormat: try c.value(.yFormat, or: .grouped),
                  events: try c.value(.events, or: []))
    }
}
