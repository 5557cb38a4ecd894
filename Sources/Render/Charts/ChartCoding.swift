import Foundation

// Flat, default-tolerant Codable for the chart kinds: the title fields sit beside the kind's own
// fields (not nested under `text`), and any field with a default may be omitted.

extension BarChart {
    private enum Keys: String, CodingKey {
        case categories, series, values, arrangement, orientation, valueTitle, categoryTitle, valueFormat, showsValues, highlighted
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let valueTitle = try c.decodeIfPresent(String.self, forKey: .valueTitle)
        var series = try c.decodeIfPresent([Series].self, forKey: .series)
        if series == nil {
            // One series may be given as bare `values`.
            series = [Series(name: valueTitle ?? "", values: try c.decode([Double?].self, forKey: .values))]
        }
        self.init(text: try ChartText(from: decoder), categories: try c.decode([String].self, forKey: .categories), series: series!,
                  arrangement: try c.value(.arrangement, or: .grouped), orientation: try c.value(.orientation, or: .vertical),
                  valueTitle: valueTitle, categoryTitle: try c.decodeIfPresent(String.self, forKey: .categoryTitle),
                  valueFormat: try c.value(.valueFormat, or: .grouped), showsValues: try c.value(.showsValues, or: false),
                  highlighted: try c.value(.highlighted, or: []))
    }

    public func encode(to encoder: Encoder) throws {
        try text.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(categories, forKey: .categories)
        try c.encode(series, forKey: .series)
        try c.encode(arrangement, forKey: .arrangement)
        try c.encode(orientation, forKey: .orientation)
        try c.encodeIfPresent(valueTitle, forKey: .valueTitle)
        try c.encodeIfPresent(categoryTitle, forKey: .categoryTitle)
        try c.encode(valueFormat, forKey: .valueFormat)
        try c.encode(showsValues, forKey: .showsValues)
        try c.encode(highlighted, forKey: .highlighted)
    }
}

extension LineChart {
    private enum Keys: String, CodingKey {
        case series, xScale, yScale, xTitle, yTitle, yFormat, includesZero, events, notes, showsMarkers, stepped
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), series: try c.decode([Series].self, forKey: .series),
                  xScale: try c.value(.xScale, or: .year), yScale: try c.value(.yScale, or: .linear),
                  xTitle: try c.decodeIfPresent(String.self, forKey: .xTitle), yTitle: try c.decodeIfPresent(String.self, forKey: .yTitle),
                  yFormat: try c.value(.yFormat, or: .grouped), includesZero: try c.value(.includesZero, or: true),
                  events: try c.value(.events, or: []), notes: try c.value(.notes, or: []),
                  showsMarkers: try c.value(.showsMarkers, or: false), stepped: try c.value(.stepped, or: false))
    }

    public func encode(to encoder: Encoder) throws {
        try text.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(series, forKey: .series)
        try c.encode(xScale, forKey: .xScale)
        try c.encode(yScale, forKey: .yScale)
        try c.encodeIfPresent(xTitle, forKey: .xTitle)
        try c.encodeIfPresent(yTitle, forKey: .yTitle)
        try c.encode(yFormat, forKey: .yFormat)
        try c.encode(includesZero, forKey: .includesZero)
        try c.encode(events, forKey: .events)
        try c.encode(notes, forKey: .notes)
        try c.encode(showsMarkers, forKey: .showsMarkers)
        try c.encode(stepped, forKey: .stepped)
    }
}

extension CumulativeChart {
    private enum Keys: String, CodingKey { case series, xTitle, yTitle, events, xRange }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), series: try c.decode([Series].self, forKey: .series),
                  xTitle: try c.decodeIfPresent(String.self, forKey: .xTitle), yTitle: try c.decodeIfPresent(String.self, forKey: .yTitle),
                  events: try c.value(.events, or: []), xRange: try c.decodeIfPresent(ClosedRange<Double>.self, forKey: .xRange))
    }

    public func encode(to encoder: Encoder) throws {
        try text.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(series, forKey: .series)
        try c.encodeIfPresent(xTitle, forKey: .xTitle)
        try c.encodeIfPresent(yTitle, forKey: .yTitle)
        try c.encode(events, forKey: .events)
        try c.encodeIfPresent(xRange, forKey: .xRange)
    }
}

extension ScatterChart {
    private enum Keys: String, CodingKey {
        case points, xScale, yScale, xTitle, yTitle, xFormat, yFormat, pointSize, opacity, notes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), points: try c.decode([Point].self, forKey: .points),
                  xScale: try c.value(.xScale, or: .linear), yScale: try c.value(.yScale, or: .linear),
                  xTitle: try c.decodeIfPresent(String.self, forKey: .xTitle), yTitle: try c.decodeIfPresent(String.self, forKey: .yTitle),
                  xFormat: try c.value(.xFormat, or: .grouped), yFormat: try c.value(.yFormat, or: .grouped),
                  pointSize: try c.decodeIfPresent(Double.self, forKey: .pointSize), opacity: try c.value(.opacity, or: 0.75),
                  notes: try c.value(.notes, or: []))
    }

    public func encode(to encoder: Encoder) throws {
        try text.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(points, forKey: .points)
        try c.encode(xScale, forKey: .xScale)
        try c.encode(yScale, forKey: .yScale)
        try c.encodeIfPresent(xTitle, forKey: .xTitle)
        try c.encodeIfPresent(yTitle, forKey: .yTitle)
        try c.encode(xFormat, forKey: .xFormat)
        try c.encode(yFormat, forKey: .yFormat)
        try c.encodeIfPresent(pointSize, forKey: .pointSize)
        try c.encode(opacity, forKey: .opacity)
        try c.encode(notes, forKey: .notes)
    }
}

extension TimelineChart {
    private enum Keys: String, CodingKey { case events, lanes, magnitudeTitle, timeTitle, notes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), events: try c.decode([Event].self, forKey: .events),
                  lanes: try c.decodeIfPresent([String].self, forKey: .lanes),
                  magnitudeTitle: try c.decodeIfPresent(String.self, forKey: .magnitudeTitle),
                  timeTitle: try c.decodeIfPresent(String.self, forKey: .timeTitle), notes: try c.value(.notes, or: []))
    }

    public func encode(to encoder: Encoder) throws {
        try text.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(events, forKey: .events)
        try c.encodeIfPresent(lanes, forKey: .lanes)
        try c.encodeIfPresent(magnitudeTitle, forKey: .magnitudeTitle)
        try c.encodeIfPresent(timeTitle, forKey: .timeTitle)
        try c.encode(notes, forKey: .notes)
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

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(time, forKey: .time)
        try c.encode(lane, forKey: .lane)
        try c.encodeIfPresent(magnitude, forKey: .magnitude)
        try c.encodeIfPresent(label, forKey: .label)
    }
}

extension HeatMapChart {
    private enum Keys: String, CodingKey { case rows, columns, values, colorMap, midpoint, valueTitle, valueFormat, columnTitle }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), rows: try c.decode([String].self, forKey: .rows),
                  columns: try c.decode([String].self, forKey: .columns), values: try c.decode([[Double?]].self, forKey: .values),
                  colorMap: try c.decodeIfPresent(ColorMap.self, forKey: .colorMap), midpoint: try c.decodeIfPresent(Double.self, forKey: .midpoint),
                  valueTitle: try c.decodeIfPresent(String.self, forKey: .valueTitle), valueFormat: try c.value(.valueFormat, or: .grouped),
                  columnTitle: try c.decodeIfPresent(String.self, forKey: .columnTitle))
    }

    public func encode(to encoder: Encoder) throws {
        try text.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(rows, forKey: .rows)
        try c.encode(columns, forKey: .columns)
        try c.encode(values, forKey: .values)
        try c.encodeIfPresent(colorMap, forKey: .colorMap)
        try c.encodeIfPresent(midpoint, forKey: .midpoint)
        try c.encodeIfPresent(valueTitle, forKey: .valueTitle)
        try c.encode(valueFormat, forKey: .valueFormat)
        try c.encodeIfPresent(columnTitle, forKey: .columnTitle)
    }
}

extension DumbbellChart {
    private enum Keys: String, CodingKey { case categories, start, end, startLabel, endLabel, valueTitle, valueFormat, scale, sorted }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), categories: try c.decode([String].self, forKey: .categories),
                  start: try c.decode([Double?].self, forKey: .start), end: try c.decode([Double?].self, forKey: .end),
                  startLabel: try c.decode(String.self, forKey: .startLabel), endLabel: try c.decode(String.self, forKey: .endLabel),
                  valueTitle: try c.decodeIfPresent(String.self, forKey: .valueTitle), valueFormat: try c.value(.valueFormat, or: .grouped),
                  scale: try c.value(.scale, or: .linear), sorted: try c.value(.sorted, or: true))
    }

    public func encode(to encoder: Encoder) throws {
        try text.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(categories, forKey: .categories)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(startLabel, forKey: .startLabel)
        try c.encode(endLabel, forKey: .endLabel)
        try c.encodeIfPresent(valueTitle, forKey: .valueTitle)
        try c.encode(valueFormat, forKey: .valueFormat)
        try c.encode(scale, forKey: .scale)
        try c.encode(sorted, forKey: .sorted)
    }
}

extension SmallMultiplesChart {
    private enum Keys: String, CodingKey { case panels, columns, xTitle, yTitle, yFormat, events }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), panels: try c.decode([Panel].self, forKey: .panels),
                  columns: try c.decodeIfPresent(Int.self, forKey: .columns), xTitle: try c.decodeIfPresent(String.self, forKey: .xTitle),
                  yTitle: try c.decodeIfPresent(String.self, forKey: .yTitle), yFormat: try c.value(.yFormat, or: .grouped),
                  events: try c.value(.events, or: []))
    }

    public func encode(to encoder: Encoder) throws {
        try text.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(panels, forKey: .panels)
        try c.encodeIfPresent(columns, forKey: .columns)
        try c.encodeIfPresent(xTitle, forKey: .xTitle)
        try c.encodeIfPresent(yTitle, forKey: .yTitle)
        try c.encode(yFormat, forKey: .yFormat)
        try c.encode(events, forKey: .events)
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

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(points, forKey: .points)
        try c.encodeIfPresent(lower, forKey: .lower)
        try c.encodeIfPresent(upper, forKey: .upper)
    }
}

extension CumulativeChart.Occurrence {
    private enum Keys: String, CodingKey { case x, amount }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(x: try c.decode(Double.self, forKey: .x), amount: try c.value(.amount, or: 1))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(x, forKey: .x)
        try c.encode(amount, forKey: .amount)
    }
}
