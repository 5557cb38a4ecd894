import Foundation

/// Points on two numeric axes, optionally coloured by group and with labelled points. Handles
/// large clouds (100,000 points) through the backend's batched markers.
public struct ScatterChart: ChartKind, Equatable {
    /// One point, optionally in a group (coloured and keyed).
    public struct Point: Codable, Sendable, Equatable {
        /// The point's x.
        public var x: Double
        /// The point's y.
        public var y: Double
        /// The group the point belongs to; nil for none.
        public var group: String?
        /// A magnitude drawn as the marker's area (a bubble); nil for the chart's point size.
        public var size: Double?
        /// A point.
        public init(x: Double, y: Double, group: String? = nil, size: Double? = nil) {
            self.x = x
            self.y = y
            self.group = group
            self.size = size
        }
    }

    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// The points.
    public var points: [Point]
    /// Linear or log x.
    public var xScale: ScaleKind
    /// Linear or log y.
    public var yScale: ScaleKind
    /// What x measures.
    public var xTitle: String?
    /// What y measures.
    public var yTitle: String?
    /// How x ticks print numbers.
    public var xFormat: NumberFormat
    /// How y ticks print numbers.
    public var yFormat: NumberFormat
    /// Marker diameter in points; nil takes the theme's.
    public var pointSize: Double?
    /// Below 1, overlapping points darken, showing density.
    public var opacity: Double
    /// Labelled points, placed so labels avoid each other.
    public var notes: [PointNote]
    /// What the points' sizes measure, for the size key; nil when points carry no size.
    public var sizeTitle: String?

    /// A scatter plot.
    public init(text: ChartText = ChartText(), points: [Point], xScale: ScaleKind = .linear, yScale: ScaleKind = .linear,
                xTitle: String? = nil, yTitle: String? = nil, xFormat: NumberFormat = .grouped, yFormat: NumberFormat = .grouped,
                pointSize: Double? = nil, opacity: Double = 0.75, notes: [PointNote] = [], sizeTitle: String? = nil) {
        self.text = text
        self.points = points
        self.xScale = xScale
        self.yScale = yScale
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.pointSize = pointSize
        self.opacity = opacity
        self.notes = notes
        self.sizeTitle = sizeTitle
    }

    /// Plain x and y arrays, one group.
    public init(text: ChartText = ChartText(), x: [Double], y: [Double], xTitle: String? = nil, yTitle: String? = nil,
                pointSize: Double? = nil, opacity: Double = 0.75) {
        self.init(text: text, points: zip(x, y).map { Point(x: $0, y: $1) }, xTitle: xTitle, yTitle: yTitle,
                  pointSize: pointSize, opacity: opacity)
    }

    /// The groups in order of first appearance, which is their colour order.
    var groups: [String] {
        var seen = Set<String>(), order: [String] = []
        for p in points { if let g = p.group, seen.insert(g).inserted { order.append(g) } }
        return order
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        let groups = self.groups
        // One pass: keep drawable points, split by group, and find the ranges.
        var xs: [[Double]] = Array(repeating: [], count: max(groups.count, 1))
        var ys = xs
        // Bubbles: the marker's area is proportional to the size, the largest 3.5 markers across.
        let largest = points.compactMap(\.size).filter { $0.isFinite && $0 > 0 }.max()
        let bubbleDiameter = theme.markerSize * 3.5
        func diameter(_ size: Double) -> Double { bubbleDiameter * (max(size, 0) / largest!).squareRoot() }
        var sizes: [[Double?]] = Array(repeating: [], count: xs.count)
        if groups.isEmpty {
            xs[0].reserveCapacity(points.count)
            ys[0].reserveCapacity(points.count)
        }
        let groupIndex = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0) })
        var xLow = Double.infinity, xHigh = -Double.infinity, yLow = Double.infinity, yHigh = -Double.infinity
        for p in points {
            guard p.x.isFinite, p.y.isFinite, xScale != .log || p.x > 0, yScale != .log || p.y > 0 else { continue }
            let g = p.group.flatMap { groupIndex[$0] } ?? 0
            xs[g].append(p.x)
            ys[g].append(p.y)
            if largest != nil { sizes[g].append(p.size.map(diameter)) }
            xLow = min(xLow, p.x)
            xHigh = max(xHigh, p.x)
            yLow = min(yLow, p.y)
            yHigh = max(yHigh, p.y)
        }
        var marks: [Mark] = []
        for g in xs.indices {
            marks.append(.point(PointMark(x: xs[g], y: ys[g], sizes: largest == nil ? nil : sizes[g],
                                          shape: groups.isEmpty ? .circle : LineChart.marker(g),
                                          color: theme.palette.color(g), size: pointSize, opacity: opacity,
                                          outline: largest == nil ? nil : theme.background)))
        }
        let xd = xLow <= xHigh ? (xLow == xHigh ? (xLow - 0.5)...(xHigh + 0.5) : xLow...xHigh) : 0...1
        let yd = yLow <= yHigh ? (yLow == yHigh ? (yLow - 0.5)...(yHigh + 0.5) : yLow...yHigh) : 0...1
        let x = Axis(scale: Domain.scale(xScale, xScale == .log ? Domain.paddedLog(xd, by: 0.04) : Domain.padded(xd, by: 0.04)),
                     title: xTitle, format: xScale == .year ? .year : xFormat, grid: true, showsLine: true)
        let y = Axis(scale: Domain.scale(yScale, yScale == .log ? Domain.paddedLog(yd, by: 0.04) : Domain.padded(yd, by: 0.04)),
                     title: yTitle, format: yFormat, grid: true, showsLine: true)
        let panel = Panel(x: x, y: y, marks: marks, annotations: notes.map { .point(x: $0.x, y: $0.y, label: $0.label) })
        var entries: [Legend.Entry] = []
        if groups.count > 1 {
            entries = groups.enumerated().map { i, g in
                Legend.Entry(label: g, swatch: .point(theme.palette.color(i), LineChart.marker(i), diameter: theme.markerSize * 1.4))
            }
        }
        if let largest {
            // A key of two bubbles: the largest size and a quarter of it (half the diameter).
            let step = NumberFormat.naturalStep(largest / 4)
            entries += [largest, largest / 4].map { value in
                Legend.Entry(label: "\(sizeTitle.map { "\($0) " } ?? "")\(NumberFormat.grouped.format(value, step: step))",
                             swatch: .point(.gray(0.55), .circle, diameter: diameter(value)))
            }
        }
        return Chart(text: text, panels: [panel], legend: entries.isEmpty ? nil : Legend(entries: entries))
    }
}

extension ScatterChart {
    /// The kind's name in specs and on the command line.
    public static let name = "scatter"
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.pairs(x: "killed", y: "wounded")
    /// The channels a table can map to (`ChartChannel`).
    public static let channels: Set<ChartChannel> = [.x, .y, .color, .size, .label]

    /// One point per record with both measures, grouped by series.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        let points = binding.rows.compactMap { row -> Point? in
            guard let x = row.x.number, let y = row.y else { return nil }
            return Point(x: x, y: y, group: row.series, size: row.size)
        }
        let notes = binding.labelled ? binding.rows.compactMap { row -> PointNote? in
            guard let x = row.x.number, let y = row.y, let label = row.label else { return nil }
            return PointNote(x: x, y: y, label: label)
        } : []
        // Time on x (dates, or whole years) gets a year axis: "2010", never "2,010.0" or "2,012.5".
        self.init(points: points, xScale: binding.xIsTime ? .year : .linear, xTitle: binding.xTitle, yTitle: binding.yTitle, notes: notes,
                  sizeTitle: points.contains { $0.size != nil } ? binding.sizeTitle : nil)
    }
}

// Flat, default-tolerant decoding: the title fields sit beside the kind's own fields (not nested
// under `text`), and any field with a default may be omitted.

extension ScatterChart {
    private enum Keys: String, CodingKey {
        case points, xScale, yScale, xTitle, yTitle, xFormat, yFormat, pointSize, opacity, notes, sizeTitle
    }

    /// Reads the flat spec fields; those with defaults may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), points: try c.decode([Point].self, forKey: .points),
                  xScale: try c.value(.xScale, or: .linear), yScale: try c.value(.yScale, or: .linear),
                  xTitle: try c.decodeIfPresent(String.self, forKey: .xTitle), yTitle: try c.decodeIfPresent(String.self, forKey: .yTitle),
                  xFormat: try c.value(.xFormat, or: .grouped), yFormat: try c.value(.yFormat, or: .grouped),
                  pointSize: try c.decodeIfPresent(Double.self, forKey: .pointSize), opacity: try c.value(.opacity, or: 0.75),
                  notes: try c.value(.notes, or: []), sizeTitle: try c.decodeIfPresent(String.self, forKey: .sizeTitle))
    }
}
