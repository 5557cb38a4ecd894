import Foundation

/// A slopegraph: two periods side by side, one line per category from its value in the first to its
/// value in the second, a dot at each end, and the name and value written at both ends, so both the
/// ranking in each period and each change read at a glance. End labels are nudged apart vertically
/// (no leader lines) so they never collide; the period names stand as column heads.
public struct SlopeChart: ChartKind, Equatable {
    /// The kind's name in specs and on the command line.
    public static let name = "slope"
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.periodRates

    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// The category names, written at both ends of their lines.
    public var categories: [String]
    /// Values in the first period, aligned with `categories`; nil leaves the category out of that column.
    public var start: [Double?]
    /// Values in the second period.
    public var end: [Double?]
    /// The column heads: the periods' names.
    public var startLabel: String
    /// The second column's head.
    public var endLabel: String
    /// What the values measure, e.g. "Attacks per year"; written under the chart.
    public var valueTitle: String?
    /// How the end labels print values.
    public var valueFormat: NumberFormat

    /// A slopegraph of `categories` from `start` to `end`.
    public init(text: ChartText = ChartText(), categories: [String], start: [Double?], end: [Double?], startLabel: String,
                endLabel: String, valueTitle: String? = nil, valueFormat: NumberFormat = .grouped) {
        self.text = text
        self.categories = categories
        self.start = start
        self.end = end
        self.startLabel = startLabel
        self.endLabel = endLabel
        self.valueTitle = valueTitle
        self.valueFormat = valueFormat
    }

    /// Rates per period (x) and category (series); exactly two periods.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        let periods = try binding.twoPeriods(kind: "slope")
        self.init(categories: periods.categories, start: periods.start, end: periods.end, startLabel: periods.startLabel,
                  endLabel: periods.endLabel, valueTitle: binding.yTitle)
    }

    /// Room above the highest value for the column heads, as a share of the value range.
    static let headRoom = 0.16

    /// The drawn end labels: "name value" on the left, "value name" on the right.
    func labels() -> (start: [String], end: [String]) {
        func label(_ i: Int, _ values: [Double?], nameFirst: Bool) -> String {
            guard let v = Self.value(values, i) else { return "" }
            let number = valueFormat.format(v, step: Self.labelStep(abs(v)))
            return nameFirst ? "\(categories[i])  \(number)" : "\(number)  \(categories[i])"
        }
        return (categories.indices.map { label($0, start, nameFirst: true) }, categories.indices.map { label($0, end, nameFirst: false) })
    }

    /// Two significant digits for small rates, whole numbers from 10 up: 0.36, 1.2, 42; zero is "0".
    static func labelStep(_ magnitude: Double) -> Double {
        magnitude >= 10 || magnitude == 0 ? 1 : magnitude >= 1 ? 0.1 : 0.01
    }

    static func value(_ values: [Double?], _ i: Int) -> Double? {
        i < values.count ? values[i].flatMap { $0.isFinite ? $0 : nil } : nil
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        let color = theme.palette.color(0)
        var lines: [Mark] = []
        var startDots: [PointMark.Point] = [], endDots: [PointMark.Point] = []
        var startItems: [TextMark.Item] = [], endItems: [TextMark.Item] = []
        let (startText, endText) = labels()
        for i in categories.indices {
            let a = Self.value(start, i), b = Self.value(end, i)
            if let a, let b {
                lines.append(.line(LineMark(points: [DataPoint(x: 0, y: a), DataPoint(x: 1, y: b)], color: color,
                                            width: theme.dataLineWidth)))
            }
            if let a {
                startDots.append(PointMark.Point(x: 0, y: a))
                startItems.append(TextMark.Item(x: 0, y: a, text: startText[i]))
            }
            if let b {
                endDots.append(PointMark.Point(x: 1, y: b))
                endItems.append(TextMark.Item(x: 1, y: b, text: endText[i]))
            }
        }
        var domain = Domain.of((start + end).compactMap { $0 }) ?? 0...1
        let headTop = domain.upperBound + (domain.upperBound - domain.lowerBound) * Self.headRoom
        domain = domain.lowerBound...headTop
        let gap = theme.gap * 0.5
        let size = theme.markerSize * 1.2
        let marks: [Mark] = lines + [
            .point(PointMark(points: startDots, color: color, size: size, outline: theme.background)),
            .point(PointMark(points: endDots, color: color, size: size, outline: theme.background)),
            .text(TextMark(items: startItems, anchor: .right, offset: (-gap - size / 2, 0), separatesVertically: true,
                           keepsInsideFigure: true)),
            .text(TextMark(items: endItems, anchor: .left, offset: (gap + size / 2, 0), separatesVertically: true,
                           keepsInsideFigure: true)),
            // Column heads stand over the label columns, level with the top of the plot.
            .text(TextMark(items: [TextMark.Item(x: 0, y: headTop, text: startLabel)], anchor: TextAnchor(.right, .top),
                           offset: (-gap - size / 2, 0), color: theme.secondaryTextColor, keepsInsideFigure: true)),
            .text(TextMark(items: [TextMark.Item(x: 1, y: headTop, text: endLabel)], anchor: .topLeft,
                           offset: (gap + size / 2, 0), color: theme.secondaryTextColor, keepsInsideFigure: true)),
        ]
        // The columns sit at the plot's edges; the layout reserves room beside them for the widest
        // label on each side from the measured text (`TextMark.keepsInsideFigure`).
        let x = Axis(scale: .linear(0...1), title: valueTitle, ticks: [], showsLine: false,
                     showsLabels: false)
        let y = Axis(scale: .linear(domain), ticks: [], showsLine: false, showsLabels: false)
        return Chart(text: text, panels: [Panel(x: x, y: y, marks: marks)])
    }
}

// Flat, default-tolerant decoding: the title fields sit beside the kind's own fields.

extension SlopeChart {
    private enum Keys: String, CodingKey { case categories, start, end, startLabel, endLabel, valueTitle, valueFormat }

    /// Reads `categories`, `start`, `end`, `startLabel`, `endLabel` and the optional fields.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try ChartText(from: decoder), categories: try c.decode([String].self, forKey: .categories),
                  start: try c.decode([Double?].self, forKey: .start), end: try c.decode([Double?].self, forKey: .end),
                  startLabel: try c.decode(String.self, forKey: .startLabel), endLabel: try c.decode(String.self, forKey: .endLabel),
                  valueTitle: try c.decodeIfPresent(String.self, forKey: .valueTitle), valueFormat: try c.value(.valueFormat, or: .grouped))
    }
}
