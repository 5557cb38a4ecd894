import Foundation

/// A chart described as data, for building charts from YAML or JSON files. One flat mapping: the
/// `kind`, optional `theme` ("paper", "briefing"), size (`width`/`height` as "85mm", or
/// `column: singleColumn|doubleColumn`), the title fields, and the kind's own fields. Fields with
/// defaults may be left out. Example (YAML):
///
/// ```yaml
/// kind: bar
/// theme: paper
/// column: singleColumn
/// title: Attacks fell by half after 2014
/// categories: ["2013", "2014", "2015"]
/// values: [120, 180, 90]
/// valueTitle: Attacks
/// ```
public struct ChartSpec: Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case bar, line, cumulative, scatter, timeline, heatmap, dumbbell, smallMultiples
    }

    public enum Content: Sendable {
        case bar(BarChart)
        case line(LineChart)
        case cumulative(CumulativeChart)
        case scatter(ScatterChart)
        case timeline(TimelineChart)
        case heatmap(HeatMapChart)
        case dumbbell(DumbbellChart)
        case smallMultiples(SmallMultiplesChart)
    }

    public var content: Content
    public var theme: String?
    public var width: Length?
    public var height: Length?
    public var column: PaperWidth?

    public init(_ content: Content, theme: String? = nil, width: Length? = nil, height: Length? = nil, column: PaperWidth? = nil) {
        self.content = content
        self.theme = theme
        self.width = width
        self.height = height
        self.column = column
    }

    public var kind: Kind {
        switch content {
        case .bar: return .bar
        case .line: return .line
        case .cumulative: return .cumulative
        case .scatter: return .scatter
        case .timeline: return .timeline
        case .heatmap: return .heatmap
        case .dumbbell: return .dumbbell
        case .smallMultiples: return .smallMultiples
        }
    }

    public var builder: any ChartBuilding {
        switch content {
        case .bar(let c): return c
        case .line(let c): return c
        case .cumulative(let c): return c
        case .scatter(let c): return c
        case .timeline(let c): return c
        case .heatmap(let c): return c
        case .dumbbell(let c): return c
        case .smallMultiples(let c): return c
        }
    }

    public enum SpecError: Error, CustomStringConvertible {
        case unknownTheme(String)
        public var description: String {
            switch self {
            case .unknownTheme(let name): return "unknown theme \"\(name)\" (expected paper or briefing)"
            }
        }
    }

    /// The figure this spec describes. The width is `width`, else the `column` preset, else the
    /// theme's default.
    public func figure() throws -> Figure {
        let themeName = theme ?? "paper"
        guard let theme = Theme.named(themeName) else { throw SpecError.unknownTheme(themeName) }
        return builder.figure(theme: theme, width: width ?? column?.length, height: height)
    }

    private enum Keys: String, CodingKey { case kind, theme, width, height, column }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .bar: content = .bar(try BarChart(from: decoder))
        case .line: content = .line(try LineChart(from: decoder))
        case .cumulative: content = .cumulative(try CumulativeChart(from: decoder))
        case .scatter: content = .scatter(try ScatterChart(from: decoder))
        case .timeline: content = .timeline(try TimelineChart(from: decoder))
        case .heatmap: content = .heatmap(try HeatMapChart(from: decoder))
        case .dumbbell: content = .dumbbell(try DumbbellChart(from: decoder))
        case .smallMultiples: content = .smallMultiples(try SmallMultiplesChart(from: decoder))
        }
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        width = try c.decodeIfPresent(Length.self, forKey: .width)
        height = try c.decodeIfPresent(Length.self, forKey: .height)
        column = try c.decodeIfPresent(PaperWidth.self, forKey: .column)
    }

    public func encode(to encoder: Encoder) throws {
        switch content {
        case .bar(let x): try x.encode(to: encoder)
        case .line(let x): try x.encode(to: encoder)
        case .cumulative(let x): try x.encode(to: encoder)
        case .scatter(let x): try x.encode(to: encoder)
        case .timeline(let x): try x.encode(to: encoder)
        case .heatmap(let x): try x.encode(to: encoder)
        case .dumbbell(let x): try x.encode(to: encoder)
        case .smallMultiples(let x): try x.encode(to: encoder)
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(theme, forKey: .theme)
        try c.encodeIfPresent(width, forKey: .width)
        try c.encodeIfPresent(height, forKey: .height)
        try c.encodeIfPresent(column, forKey: .column)
    }
}

extension KeyedDecodingContainer {
    /// The value for `key`, or `fallback` when the key is absent, so specs can leave out defaults.
    func value<T: Decodable>(_ key: Key, or fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback()
    }
}
