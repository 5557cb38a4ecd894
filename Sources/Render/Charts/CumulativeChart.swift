/// Running totals that rise in steps at each event, e.g. cumulative counts of agreements signed or
/// attacks recorded. Each series starts at zero.
public struct CumulativeChart: ChartBuilding, Codable, Equatable {
    public struct Occurrence: Codable, Sendable, Equatable {
        public var x: Double
        /// How much the total grows at `x` (1 for a single event).
        public var amount: Double
        public init(x: Double, amount: Double = 1) {
            self.x = x
            self.amount = amount
        }
    }

    public struct Series: Codable, Sendable, Equatable {
        public var name: String
        public var occurrences: [Occurrence]
        public init(name: String, occurrences: [Occurrence]) {
            self.name = name
            self.occurrences = occurrences
        }
    }

    public var text: ChartText
    public var series: [Series]
    public var xTitle: String?
    public var yTitle: String?
    public var events: [EventNote]
    /// Where the x axis starts and ends; nil fits the occurrences.
    public var xRange: ClosedRange<Double>?

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

    public func chart(theme: Theme) -> Chart {
        let xs = series.flatMap { $0.occurrences.map(\.x) }
        let range = xRange ?? Domain.of(xs) ?? 0...1
        let lines = lineSeries(start: range.lowerBound, end: range.upperBound)
        let panel = LineChart.panel(series: lines, theme: theme, xScale: .year, yScale: .linear, xTitle: xTitle, yTitle: yTitle,
                                    yFormat: .grouped, includesZero: true, showsMarkers: false, stepped: true,
                                    xDomain: range, yDomain: nil, events: events, notes: [])
        return Chart(text: text, panels: [panel], legend: LineChart.legend(lines, theme: theme, showsMarkers: false))
    }
}
