import Foundation

/// What every chart kind offers: a `Chart` for a theme.
public protocol ChartBuilding: Sendable {
    func chart(theme: Theme) -> Chart
}

extension ChartBuilding {
    /// The chart as a figure at the theme's default size, or at the size given.
    public func figure(theme: Theme = .paper, width: Length? = nil, height: Length? = nil) -> Figure {
        Figure(chart: chart(theme: theme), theme: theme, width: width, height: height)
    }
}

/// Title, subtitle, source and caption, shared by every chart kind.
public struct ChartText: Codable, Sendable, Equatable {
    /// States the finding, not the variables.
    public var title: String?
    /// What, where, when and in which unit.
    public var subtitle: String?
    /// "Source: ..." line under the chart.
    public var source: String?
    /// Definitions and caveats under the source.
    public var caption: String?
    /// A heading over the legend's entries (what the colours stand for); nil keeps the kind's own.
    public var legendTitle: String?

    /// Chart text; every part is optional.
    public init(title: String? = nil, subtitle: String? = nil, source: String? = nil, caption: String? = nil, legendTitle: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.source = source
        self.caption = caption
        self.legendTitle = legendTitle
    }
}

/// A vertical event line, e.g. `EventNote(x: 2017, label: "2017: India and Pakistan join")`.
public struct EventNote: Codable, Sendable, Equatable {
    /// Where the line stands on the x axis (a year).
    public var x: Double
    /// The label printed at the line's top.
    public var label: String
    /// An event line.
    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}

/// A label attached to a data point.
public struct PointNote: Codable, Sendable, Equatable {
    /// The point's x.
    public var x: Double
    /// The point's y.
    public var y: Double
    /// The label placed beside the point.
    public var label: String
    /// A point label.
    public init(x: Double, y: Double, label: String) {
        self.x = x
        self.y = y
        self.label = label
    }
}

/// Numeric axis kinds a chart spec can ask for.
public enum ScaleKind: String, Codable, Sendable {
    case linear, log, year
}

enum Domain {
    /// The range of the finite values, optionally stretched to include zero; nil when empty.
    static func of<S: Sequence>(_ values: S, includingZero: Bool = false) -> ClosedRange<Double>? where S.Element == Double {
        var lower = Double.infinity, upper = -Double.infinity
        for v in values where v.isFinite {
            lower = min(lower, v)
            upper = max(upper, v)
        }
        guard lower <= upper else { return includingZero ? 0...1 : nil }
        if includingZero {
            lower = min(lower, 0)
            upper = max(upper, 0)
        }
        if lower == upper { upper = lower + 1 }
        return lower...upper
    }

    /// Widened by a fraction of the span on both sides (scatter plots, so edge points are whole).
    static func padded(_ d: ClosedRange<Double>, by fraction: Double) -> ClosedRange<Double> {
        let pad = (d.upperBound - d.lowerBound) * fraction
        return (d.lowerBound - pad)...(d.upperBound + pad)
    }

    /// A log domain padded by a fraction of its decades.
    static func paddedLog(_ d: ClosedRange<Double>, by fraction: Double) -> ClosedRange<Double> {
        let lo = log10(max(d.lowerBound, 1e-300)), hi = log10(max(d.upperBound, 1e-300))
        let pad = max(hi - lo, 0.3) * fraction
        return pow(10, lo - pad)...pow(10, hi + pad)
    }

    static func scale(_ kind: ScaleKind, _ d: ClosedRange<Double>) -> PositionScale {
        switch kind {
        case .linear: return .linear(d)
        case .log: return .log(d)
        case .year: return .year(d)
        }
    }
}

extension Chart {
    init(text: ChartText, panels: [Panel], legend: Legend? = nil, colorBar: ColorBar? = nil, columns: Int? = nil) {
        var legend = legend
        if let title = text.legendTitle { legend?.title = title }
        self.init(title: text.title, subtitle: text.subtitle, source: text.source, caption: text.caption,
                  panels: panels, columns: columns, legend: legend, colorBar: colorBar)
    }
}
