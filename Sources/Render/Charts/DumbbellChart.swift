/// Two values per category joined by a line, e.g. attacks per year in 2001–2010 and 2011–2020
/// for each member state: the line's length and direction show the change.
public struct DumbbellChart: ChartKind, Equatable {
    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// The category labels, one row each.
    public var categories: [String]
    /// Values in the first period, aligned with `categories`.
    public var start: [Double?]
    /// Values in the second period.
    public var end: [Double?]
    /// The first period's name in the legend.
    public var startLabel: String
    /// The second period's name in the legend.
    public var endLabel: String
    /// What the values measure, e.g. "Attacks per year".
    public var valueTitle: String?
    /// How value ticks print numbers.
    public var valueFormat: NumberFormat
    /// Linear, or log when values span decades.
    public var scale: ScaleKind
    /// Order categories by their end value, largest first.
    public var sorted: Bool

    /// A dumbbell chart.
    public init(text: ChartText = ChartText(), categories: [String], start: [Double?], end: [Double?], startLabel: String,
                endLabel: String, valueTitle: String? = nil, valueFormat: NumberFormat = .grouped, scale: ScaleKind = .linear,
                sorted: Bool = true) {
        self.text = text
        self.categories = categories
        self.start = start
        self.end = end
        self.startLabel = startLabel
        self.endLabel = endLabel
        self.valueTitle = valueTitle
        self.valueFormat = valueFormat
        self.scale = scale
        self.sorted = sorted
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        var order = Array(categories.indices)
        func value(_ a: [Double?], _ i: Int) -> Double? { i < a.count ? a[i].flatMap { $0.isFinite ? $0 : nil } : nil }
        if sorted {
            order.sort { (value(end, $0) ?? value(start, $0) ?? -.infinity) > (value(end, $1) ?? value(start, $1) ?? -.infinity) }
        }
        let names = order.map { categories[$0] }
        let startColor = theme.palette.color(1), endColor = theme.palette.color(0)
        var segments: [RangeMark.Segment] = []
        var startPoints: [PointMark.Point] = [], endPoints: [PointMark.Point] = []
        for (row, i) in order.enumerated() {
            let a = value(start, i), b = value(end, i)
            if let a, let b { segments.append(RangeMark.Segment(position: Double(row), from: a, to: b)) }
            if let a { startPoints.append(PointMark.Point(x: a, y: Double(row))) }
            if let b { endPoints.append(PointMark.Point(x: b, y: Double(row))) }
        }
        let all = (start + end).compactMap { $0 }.filter { $0.isFinite && (scale != .log || $0 > 0) }
        var domain = Domain.of(all, includingZero: scale == .linear) ?? 0...1
        domain = scale == .log ? Domain.paddedLog(domain, by: 0.05) : domain
        let size = theme.markerSize * 1.5
        let marks: [Mark] = [
            .range(RangeMark(segments: segments, orientation: .horizontal, color: .gray(0.7), width: theme.dataLineWidth * 1.5)),
            .point(PointMark(points: startPoints, color: startColor, size: size, outline: theme.background)),
            .point(PointMark(points: endPoints, shape: .circle, color: endColor, size: size, outline: theme.background)),
        ]
        let x = Axis(scale: Domain.scale(scale, domain), title: valueTitle, format: valueFormat, grid: true,
                     extendsToTicks: scale == .linear, showsLine: false)
        let y = Axis(scale: .band(BandScale(categories: names, innerPadding: 0, outerPadding: 0.5)), showsLine: false)
        let legend = Legend(entries: [
            Legend.Entry(label: startLabel, swatch: .point(startColor, .circle, diameter: size)),
            Legend.Entry(label: endLabel, swatch: .point(endColor, .circle, diameter: size)),
        ])
        return Chart(text: text, panels: [Panel(x: x, y: y, marks: marks)], legend: legend)
    }
}

extension DumbbellChart {
    /// The kind's name in specs and on the command line.
    public static let name = "dumbbell"
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.periodRates

    /// One row per series from its rate in the first period to its rate in the second; exactly two periods.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        let periods = try binding.twoPeriods(kind: "dumbbell")
        self.init(categories: periods.categories, start: periods.start, end: periods.end, startLabel: periods.startLabel,
                  endLabel: periods.endLabel, valueTitle: binding.yTitle)
    }
}

// Flat, default-tolerant decoding: the title fields sit beside the kind's own fields (not nested
// under `text`), and any field with a default may be omitted.

extension DumbbellChart {
    private enum Keys: String, CodingKey { case categories, start, end, startLabel, endLabel, valueTitle, valueFormat, scale, sorted }

    /// Reads the flat spec fields; those with defaults may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), categories: try c.decode([String].self, forKey: .categories),
                  start: try c.decode([Double?].self, forKey: .start), end: try c.decode([Double?].self, forKey: .end),
                  startLabel: try c.decode(String.self, forKey: .startLabel), endLabel: try c.decode(String.self, forKey: .endLabel),
                  valueTitle: try c.decodeIfPresent(String.self, forKey: .valueTitle), valueFormat: try c.value(.valueFormat, or: .grouped),
                  scale: try c.value(.scale, or: .linear), sorted: try c.value(.sorted, or: true))
    }
}
