/// Running totals that rise in steps at each event, e.g. cumulative counts of agreements signed or
/// attacks recorded. Each series starts at zero.
public struct CumulativeChart: ChartKind, Equatable {
    /// Something that happened at x, counted `amount` times.
    public struct Occurrence: Decodable, Sendable, Equatable {
        /// When it happened (a decimal year).
        public var x: Double
        /// How much the total grows at `x` (1 for a single event).
        public var amount: Double
        /// An occurrence.
        public init(x: Double, amount: Double = 1) {
            self.x = x
            self.amount = amount
        }
    }

    /// One running total.
    public struct Series: Decodable, Sendable, Equatable {
        /// The series' name in the legend.
        public var name: String
        /// The occurrences, in any order.
        public var occurrences: [Occurrence]
        /// A series.
        public init(name: String, occurrences: [Occurrence]) {
            self.name = name
            self.occurrences = occurrences
        }
    }

    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// The running totals, in legend order.
    public var series: [Series]
    /// What x measures; nil for years.
    public var xTitle: String?
    /// What the running total counts.
    public var yTitle: String?
    /// Vertical event lines.
    public var events: [EventNote]
    /// Where the x axis starts and ends; nil fits the occurrences.
    public var xRange: ClosedRange<Double>?

    /// A cumulative chart.
    public init(text: ChartText = ChartText(), series: [Series], xTitle: String? = nil, yTitle: String? = nil,
                events: [EventNote] = [], xRange: ClosedRange<Double>? = nil) {
        self.text = text
        self.series = series
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.events = events
        self.xRange = xRange
    }

    /// The step-line series: totals after each distinct x, starting from zero at the axis start.
    func lineSeries(start: Double, end: Double) -> [LineChart.Series] {
        series.map { s in
            var totals: [Double: Double] = [:]
            for o in s.occurrences where o.amount.isFinite && o.x.isFinite { totals[o.x, default: 0] += o.amount }
            var running = 0.0
            var points = [DataPoint(x: start, y: 0)]
            for x in totals.keys.sorted() {
                running += totals[x]!
                points.append(DataPoint(x: x, y: running))
            }
            // Carry the final total to the end of the axis so the last step is visible.
            if let last = points.last, last.x < end { points.append(DataPoint(x: end, y: running)) }
            return LineChart.Series(name: s.name, points: points)
        }
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        let xs = series.flatMap { $0.occurrences.map(\.x) }
        var range = xRange ?? Domain.of(xs) ?? 0...1
        // Start at the beginning of the first year, so the first record is a step up from zero
        // rather than a vertical stub on the plot's left edge.
        if xRange == nil, range.lowerBound != range.lowerBound.rounded(.down) { range = range.lowerBound.rounded(.down)...range.upperBound }
        let lines = lineSeries(start: range.lowerBound, end: range.upperBound)
        let panel = LineChart.panel(series: lines, theme: theme, xScale: .year, yScale: .linear, xTitle: xTitle, yTitle: yTitle,
                                    yFormat: .grouped, includesZero: true, showsMarkers: false, stepped: true,
                                    xDomain: range, yDomain: nil, events: events, notes: [])
        return Chart(text: text, panels: [panel], legend: LineChart.legend(lines, theme: theme, showsMarkers: false))
    }
}

extension CumulativeChart {
    /// The kind's name in specs and on the command line.
    public static let name = "cumulative"
    /// Event notes are drawn on its time axis.
    public static let drawsEventNotes = true
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.occurrences()

    /// One step line per series, in the binding's series order, counting records as they occur.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        var bySeries: [String?: [Occurrence]] = [:]
        for row in binding.rows {
            guard let x = row.x.number else { continue }
            bySeries[row.series, default: []].append(Occurrence(x: x))
        }
        let series = binding.seriesOrMeasure.compactMap { name in
            bySeries[name].map { Series(name: name ?? binding.yTitle, occurrences: $0) }
        }
        let measure = binding.yTitle.prefix(1).lowercased() + binding.yTitle.dropFirst()
        self.init(series: series, yTitle: "Cumulative \(measure)", events: binding.events)
    }
}

// Flat, default-tolerant decoding: the title fields sit beside the kind's own fields (not nested
// under `text`), and any field with a default may be omitted.

extension CumulativeChart {
    private enum Keys: String, CodingKey { case series, xTitle, yTitle, events, xRange }

    /// Reads the flat spec fields; those with defaults may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), series: try c.decode([Series].self, forKey: .series),
                  xTitle: try c.decodeIfPresent(String.self, forKey: .xTitle), yTitle: try c.decodeIfPresent(String.self, forKey: .yTitle),
                  events: try c.value(.events, or: []), xRange: try c.decodeIfPresent(ClosedRange<Double>.self, forKey: .xRange))
    }
}

extension CumulativeChart.Occurrence {
    private enum Keys: String, CodingKey { case x, amount }

    /// Reads the flat spec fields; those with defaults may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(x: try c.decode(Double.self, forKey: .x), amount: try c.value(.amount, or: 1))
    }
}
