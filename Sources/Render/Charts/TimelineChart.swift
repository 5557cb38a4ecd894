import Foundation

/// Events on a time axis in one lane per country (or other group); marker area grows with a
/// magnitude such as casualties, so a reader compares events by size.
public struct TimelineChart: ChartKind, Equatable {
    /// One dated event in a lane.
    public struct Event: Decodable, Sendable, Equatable {
        /// Decimal year (2017.5 is mid-2017).
        public var time: Double
        /// The lane (row) the event sits in, e.g. a country.
        public var lane: String
        /// Magnitude (e.g. people killed); nil when unknown, drawn as a small hollow marker.
        public var magnitude: Double?
        /// Printed next to the marker when set.
        public var label: String?

        /// An event at a decimal year.
        public init(time: Double, lane: String, magnitude: Double? = nil, label: String? = nil) {
            self.time = time
            self.lane = lane
            self.magnitude = magnitude
            self.label = label
        }

        /// An event on a calendar date (UTC).
        public init(date: Date, lane: String, magnitude: Double? = nil, label: String? = nil) {
            self.init(time: TimelineChart.decimalYear(date), lane: lane, magnitude: magnitude, label: label)
        }
    }

    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// The events.
    public var events: [Event]
    /// Lane order, top to bottom; nil lists lanes in order of first appearance.
    public var lanes: [String]?
    /// What the marker size shows ("Killed"), for the size key.
    public var magnitudeTitle: String?
    /// What the time axis shows; nil for years.
    public var timeTitle: String?
    /// Vertical event lines.
    public var notes: [EventNote]
    /// The size key's label for events of unknown magnitude, in the document's language.
    public var unknownMagnitudeLabel = "Unknown"

    /// A time line.
    public init(text: ChartText = ChartText(), events: [Event], lanes: [String]? = nil, magnitudeTitle: String? = nil,
                timeTitle: String? = nil, notes: [EventNote] = []) {
        self.text = text
        self.events = events
        self.lanes = lanes
        self.magnitudeTitle = magnitudeTitle
        self.timeTitle = timeTitle
        self.notes = notes
    }

    /// The decimal year of a date: 2017-07-02 is about 2017.5.
    public static func decimalYear(_ date: Date) -> Double {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let year = calendar.component(.year, from: date)
        let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1))!
        let next = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1))!
        return Double(year) + date.timeIntervalSince(start) / next.timeIntervalSince(start)
    }

    var laneOrder: [String] {
        if let lanes { return lanes }
        var seen = Set<String>(), order: [String] = []
        for e in events where seen.insert(e.lane).inserted { order.append(e.lane) }
        return order
    }

    /// Marker diameter for a magnitude: area proportional to the value, the largest event
    /// `maxDiameter` across.
    static func diameter(_ value: Double, largest: Double, maxDiameter: Double, minDiameter: Double) -> Double {
        guard largest > 0, value > 0 else { return minDiameter }
        return max(minDiameter, maxDiameter * (value / largest).squareRoot())
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        let lanes = laneOrder
        let largest = events.compactMap(\.magnitude).max() ?? 0
        let maxDiameter = theme.markerSize * 4, minDiameter = theme.markerSize * 0.8
        let color = theme.palette.color(0)
        // Largest first, so small markers stay visible on top of big ones.
        let known = events.filter { $0.magnitude != nil && lanes.contains($0.lane) }.sorted { $0.magnitude! > $1.magnitude! }
        let points = known.map { e in
            PointMark.Point(x: e.time, y: Double(lanes.firstIndex(of: e.lane)!),
                            size: TimelineChart.diameter(e.magnitude!, largest: largest, maxDiameter: maxDiameter, minDiameter: minDiameter))
        }
        var marks: [Mark] = [.point(PointMark(points: points, color: color, opacity: 0.6, outline: theme.background))]
        let unknown = events.filter { $0.magnitude == nil && lanes.contains($0.lane) }
        if !unknown.isEmpty {
            marks.append(.point(PointMark(points: unknown.map { PointMark.Point(x: $0.time, y: Double(lanes.firstIndex(of: $0.lane)!)) },
                                          color: .gray(0.55), size: minDiameter)))
        }
        let times = events.map(\.time)
        // Long spans round out to whole years; short ones (under three years, ticked by month)
        // get a small margin so the first and last markers are not cut by the plot edge.
        let domain = Domain.of(times).map { d -> ClosedRange<Double> in
            if d.upperBound - d.lowerBound < 2.5 {
                let pad = max((d.upperBound - d.lowerBound) * 0.05, 1.0 / 24)
                return (d.lowerBound - pad)...(d.upperBound + pad)
            }
            return (d.lowerBound.rounded(.down) - 0.5)...(d.upperBound.rounded(.up) + 0.5)
        } ?? 2000...2020
        let x = Axis(scale: .year(domain), title: timeTitle, grid: true, showsLine: true)
        let y = Axis(scale: .band(BandScale(categories: lanes, innerPadding: 0, outerPadding: 0.5)), grid: false, showsLine: false)
        // Lane guides: a hairline along each lane helps the eye from the label to its events.
        for (i, _) in lanes.enumerated() {
            marks.insert(.rule(RuleMark(axis: .y, value: Double(i), color: theme.gridColor, width: theme.gridLineWidth)), at: 0)
        }
        var annotations: [Annotation] = notes.map { .event(x: $0.x, label: $0.label) }
        for e in events where e.label != nil && lanes.contains(e.lane) {
            annotations.append(.point(x: e.time, y: Double(lanes.firstIndex(of: e.lane)!), label: e.label!))
        }
        let panel = Panel(x: x, y: y, marks: marks, annotations: annotations)
        return Chart(text: text, panels: [panel], legend: sizeLegend(largest: largest, maxDiameter: maxDiameter,
                                                                     minDiameter: minDiameter, color: color, hasUnknown: !unknown.isEmpty))
    }

    /// Three reference sizes at round values.
    private func sizeLegend(largest: Double, maxDiameter: Double, minDiameter: Double, color: Color, hasUnknown: Bool) -> Legend? {
        guard largest > 0 else { return nil }
        let top = TickSearch(integerSteps: Axis.allWhole(events.compactMap(\.magnitude))).ticks(from: 0, to: largest, targetCount: 3)
        var values = (top?.values ?? [largest]).filter { $0 > 0 && $0 <= largest }
        if values.count > 3 { values = Array(values.suffix(3)) }
        var entries = values.map { v in
            Legend.Entry(label: NumberFormat.grouped.format(v),
                         swatch: .point(color.withAlpha(0.6), .circle,
                                        diameter: TimelineChart.diameter(v, largest: largest, maxDiameter: maxDiameter, minDiameter: minDiameter)))
        }
        if hasUnknown { entries.append(Legend.Entry(label: unknownMagnitudeLabel, swatch: .point(.gray(0.55), .circle, diameter: minDiameter))) }
        return Legend(title: magnitudeTitle, entries: entries)
    }
}

extension TimelineChart {
    /// The kind's name in specs and on the command line.
    public static let name = "timeline"
    /// Event notes are drawn on its time axis.
    public static let drawsEventNotes = true
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.occurrences(series: "country")

    /// One mark per record in its series' lane, sized by the binding's size; busiest lanes first.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        let items = binding.rows.compactMap { row -> Event? in
            row.x.number.map { Event(time: $0, lane: row.series ?? binding.yTitle, magnitude: row.size) }
        }
        let lanes = Dictionary(grouping: items, by: \.lane).sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map(\.key)
        self.init(events: items, lanes: lanes, magnitudeTitle: binding.sizeTitle, notes: binding.events)
    }
}

// Flat, default-tolerant decoding: the title fields sit beside the kind's own fields (not nested
// under `text`), and any field with a default may be omitted.

extension TimelineChart {
    private enum Keys: String, CodingKey { case events, lanes, magnitudeTitle, timeTitle, notes }

    /// Reads the flat spec fields; those with defaults may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), events: try c.decode([Event].self, forKey: .events),
                  lanes: try c.decodeIfPresent([String].self, forKey: .lanes),
                  magnitudeTitle: try c.decodeIfPresent(String.self, forKey: .magnitudeTitle),
                  timeTitle: try c.decodeIfPresent(String.self, forKey: .timeTitle), notes: try c.value(.notes, or: []))
    }
}

extension TimelineChart.Event {
    private enum Keys: String, CodingKey { case time, date, lane, magnitude, label }

    /// `time` as a decimal year, or `date` as "YYYY-MM-DD".
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let time: Double
        if let t = try c.decodeIfPresent(Double.self, forKey: .time) {
            time = t
        } else {
            let text = try c.decode(String.self, forKey: .date)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd"
            guard let date = formatter.date(from: text) else {
                throw DecodingError.dataCorruptedError(forKey: .date, in: c, debugDescription: "expected YYYY-MM-DD, got \(text)")
            }
            time = TimelineChart.decimalYear(date)
        }
        self.init(time: time, lane: try c.decode(String.self, forKey: .lane), magnitude: try c.decodeIfPresent(Double.self, forKey: .magnitude),
                  label: try c.decodeIfPresent(String.self, forKey: .label))
    }
}
