/// Two values per category joined by a line, e.g. attacks per year in 2001–2010 and 2011–2020
/// for each member state: the line's length and direction show the change.
public struct DumbbellChart: ChartBuilding, Codable, Equatable {
    public var text: ChartText
    public var categories: [String]
    public var start: [Double?]
    public var end: [Double?]
    public var startLabel: String
    public var endLabel: String
    public var valueTitle: String?
    public var valueFormat: NumberFormat
    public var scale: ScaleKind
    /// Order categories by their end value, largest first.
    public var sorted: Bool

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
