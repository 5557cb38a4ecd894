/// Lines over time or another numeric x, each optionally with an interval band (a confidence
/// interval or a range), event lines and labelled points. Missing y values break the line.
public struct LineChart: ChartKind, Equatable {
    /// One line, optionally with an interval band.
    public struct Series: Decodable, Sendable, Equatable {
        /// The series' name in the legend.
        public var name: String
        /// The points, in x order; nil values break the line.
        public var points: [DataPoint]
        /// Lower and upper interval bounds, aligned with `points`; nil entries interrupt the band.
        public var lower: [Double?]?
        /// Upper interval bounds, aligned with `points`.
        public var upper: [Double?]?

        /// A series from points.
        public init(name: String, points: [DataPoint], lower: [Double?]? = nil, upper: [Double?]? = nil) {
            self.name = name
            self.points = points
            self.lower = lower
            self.upper = upper
        }

        /// A series from parallel arrays.
        public init(name: String, x: [Double], y: [Double?], lower: [Double?]? = nil, upper: [Double?]? = nil) {
            self.init(name: name, points: zip(x, y).map { DataPoint(x: $0, y: $1) }, lower: lower, upper: upper)
        }
    }

    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// The lines, in legend order.
    public var series: [Series]
    /// The x scale: years, linear or log.
    public var xScale: ScaleKind
    /// The y scale: linear or log.
    public var yScale: ScaleKind
    /// What x measures; nil for years.
    public var xTitle: String?
    /// What y measures, with its unit.
    public var yTitle: String?
    /// How y ticks print numbers.
    public var yFormat: NumberFormat
    /// Start the y axis at zero (counts); false fits the data.
    public var includesZero: Bool
    /// Vertical event lines.
    public var events: [EventNote]
    /// Labelled points.
    public var notes: [PointNote]
    /// Draw markers at the data points.
    public var showsMarkers: Bool
    /// Hold each value until the next x (counts that change in steps).
    public var stepped: Bool

    /// A line chart.
    public init(text: ChartText = ChartText(), series: [Series], xScale: ScaleKind = .year, yScale: ScaleKind = .linear,
                xTitle: String? = nil, yTitle: String? = nil, yFormat: NumberFormat = .grouped, includesZero: Bool = true,
                events: [EventNote] = [], notes: [PointNote] = [], showsMarkers: Bool = false, stepped: Bool = false) {
        self.text = text
        self.series = series
        self.xScale = xScale
        self.yScale = yScale
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.yFormat = yFormat
        self.includesZero = includesZero
        self.events = events
        self.notes = notes
        self.showsMarkers = showsMarkers
        self.stepped = stepped
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        let panel = LineChart.panel(series: series, theme: theme, xScale: xScale, yScale: yScale, xTitle: xTitle, yTitle: yTitle,
                                    yFormat: yFormat, includesZero: includesZero, showsMarkers: showsMarkers, stepped: stepped,
                                    xDomain: nil, yDomain: nil, events: events, notes: notes)
        return Chart(text: text, panels: [panel], legend: LineChart.legend(series, theme: theme, showsMarkers: showsMarkers))
    }

    static func legend(_ series: [Series], theme: Theme, showsMarkers: Bool) -> Legend? {
        guard series.count > 1 || series.contains(where: { $0.lower != nil }) else { return nil }
        return Legend(entries: series.enumerated().map { i, s in
            let color = theme.palette.color(i)
            let swatch: Legend.Swatch = s.lower != nil && s.upper != nil
                ? .lineWithBand(color, band: color.withAlpha(0.25))
                : .line(color, dash(i, theme), showsMarkers ? marker(i) : nil)
            return Legend.Entry(label: s.name, swatch: swatch)
        })
    }

    static func dash(_ i: Int, _ theme: Theme) -> DashStyle {
        theme.distinguishesSeriesByDash ? DashStyle.allCases[i % DashStyle.allCases.count] : .solid
    }

    static func marker(_ i: Int) -> MarkerShape { MarkerShape.allCases[i % MarkerShape.allCases.count] }

    static func xDomain(_ series: [Series]) -> ClosedRange<Double>? {
        Domain.of(series.flatMap { $0.points.map(\.x) })
    }

    static func yDomain(_ series: [Series], includesZero: Bool) -> ClosedRange<Double>? {
        var values: [Double] = []
        for s in series {
            values += s.points.compactMap(\.y)
            values += (s.lower ?? []).compactMap { $0 }
            values += (s.upper ?? []).compactMap { $0 }
        }
        return Domain.of(values, includingZero: includesZero)
    }

    /// One panel of lines; small multiples call this with shared domains.
    static func panel(series: [Series], theme: Theme, xScale: ScaleKind, yScale: ScaleKind, xTitle: String?, yTitle: String?,
                      yFormat: NumberFormat, includesZero: Bool, showsMarkers: Bool, stepped: Bool,
                      xDomain sharedX: ClosedRange<Double>?, yDomain sharedY: ClosedRange<Double>?,
                      events: [EventNote], notes: [PointNote], seriesColorOffset: Int = 0, title: String? = nil,
                      showsXLabels: Bool = true, showsYLabels: Bool = true) -> Panel {
        var marks: [Mark] = []
        let curve: LineMark.Curve = stepped ? .stepAfter : .linear
        for (i, s) in series.enumerated() {
            guard let lower = s.lower, let upper = s.upper else { continue }
            let color = theme.palette.color(i + seriesColorOffset)
            marks.append(.area(AreaMark(x: s.points.map(\.x), lower: lower, upper: upper, fill: color.withAlpha(0.22), curve: curve)))
        }
        for (i, s) in series.enumerated() {
            let index = i + seriesColorOffset
            marks.append(.line(LineMark(points: s.points, color: theme.palette.color(index), dash: dash(index, theme), curve: curve,
                                        marker: showsMarkers ? marker(index) : nil)))
        }
        var xd = sharedX ?? xDomain(series) ?? 0...1
        var yd = sharedY ?? yDomain(series, includesZero: includesZero && yScale != .log) ?? 0...1
        if yScale == .log { yd = Domain.paddedLog(yd, by: 0.02) }
        if xScale == .log { xd = Domain.paddedLog(xd, by: 0.02) }
        let x = Axis(scale: Domain.scale(xScale, xd), title: xTitle, showsLabels: showsXLabels)
        let y = Axis(scale: Domain.scale(yScale, yd), title: yTitle, format: yFormat, grid: true,
                     extendsToTicks: yScale != .log, showsLine: false, showsLabels: showsYLabels)
        var annotations: [Annotation] = events.map { .event(x: $0.x, label: $0.label) }
        annotations += notes.map { .point(x: $0.x, y: $0.y, label: $0.label) }
        if includesZero && yScale != .log && yd.lowerBound <= 0 && yd.upperBound >= 0 {
            marks.append(.rule(RuleMark(axis: .y, value: 0, color: theme.axisColor, width: theme.axisLineWidth)))
        }
        return Panel(title: title, x: x, y: y, marks: marks, annotations: annotations)
    }
}

extension LineChart {
    /// The kind's name in specs and on the command line.
    public static let name = "line"
    /// Event notes are drawn on its time axis.
    public static let drawsEventNotes = true
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.groups()

    /// One line per series along the years, with the interval band where the data carry one.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        let years = binding.xValues.compactMap(\.number)
        guard binding.xIsTime, years.count == binding.xValues.count else {
            throw ChartBindingError("a line chart runs along years; use x: year")
        }
        let cells = binding.cells()
        let series = binding.seriesOrMeasure.map { name -> Series in
            let rows = binding.xValues.map { cells[$0, name] }
            let band = rows.contains { $0?.lower != nil || $0?.upper != nil }
            return Series(name: name ?? binding.yTitle, x: years, y: rows.map { $0?.y },
                          lower: band ? rows.map { $0?.lower } : nil, upper: band ? rows.map { $0?.upper } : nil)
        }
        self.init(series: series, xScale: .year, xTitle: binding.xTitle, yTitle: binding.yTitle, events: binding.events)
    }
}

// Flat, default-tolerant decoding: the title fields sit beside the kind's own fields (not nested
// under `text`), and any field with a default may be omitted.

extension LineChart {
    private enum Keys: String, CodingKey {
        case series, xScale, yScale, xTitle, yTitle, yFormat, includesZero, events, notes, showsMarkers, stepped
    }

    /// Reads the flat spec fields; those with defaults may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), series: try c.decode([Series].self, forKey: .series),
                  xScale: try c.value(.xScale, or: .year), yScale: try c.value(.yScale, or: .linear),
                  xTitle: try c.decodeIfPresent(String.self, forKey: .xTitle), yTitle: try c.decodeIfPresent(String.self, forKey: .yTitle),
                  yFormat: try c.value(.yFormat, or: .grouped), includesZero: try c.value(.includesZero, or: true),
                  events: try c.value(.events, or: []), notes: try c.value(.notes, or: []),
                  showsMarkers: try c.value(.showsMarkers, or: false), stepped: try c.value(.stepped, or: false))
    }
}

extension LineChart.Series {
    private enum Keys: String, CodingKey { case name, points, x, y, lower, upper }

    /// Points as `points: [{x, y}]`, or as parallel `x` and `y` arrays.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let name = try c.decode(String.self, forKey: .name)
        let lower = try c.decodeIfPresent([Double?].self, forKey: .lower), upper = try c.decodeIfPresent([Double?].self, forKey: .upper)
        if let points = try c.decodeIfPresent([DataPoint].self, forKey: .points) {
            self.init(name: name, points: points, lower: lower, upper: upper)
        } else {
            self.init(name: name, x: try c.decode([Double].self, forKey: .x), y: try c.decode([Double?].self, forKey: .y),
                      lower: lower, upper: upper)
        }
    }
}
