import Dataset
import Render

/// What a numeric channel shows: a column's values, or an aggregation over the rows that share
/// a position, asked for explicitly (`count`, `sum:COL`, `mean:COL`) so nothing is summed unasked.
public enum TidyMeasure: Sendable, Equatable, CustomStringConvertible {
    /// The column's value in each row.
    case column(String)
    /// How many rows share the position.
    case count
    /// The sum of the column's present values.
    case sum(String)
    /// The mean of the column's present values.
    case mean(String)

    /// Reads `count`, `sum:COL`, `mean:COL`, or a column's name.
    public init(parsing text: String) {
        if text == "count" { self = .count; return }
        for (prefix, make) in [("sum:", TidyMeasure.sum), ("mean:", TidyMeasure.mean)] where text.hasPrefix(prefix) {
            self = make(String(text.dropFirst(prefix.count)))
            return
        }
        self = .column(text)
    }

    /// The column read, if any.
    public var column: String? {
        switch self {
        case .column(let c), .sum(let c), .mean(let c): return c
        case .count: return nil
        }
    }

    /// True for count, sum and mean: several rows may share a position.
    public var aggregates: Bool {
        if case .column = self { return false }
        return true
    }

    /// As written on the command line.
    public var description: String {
        switch self {
        case .column(let c): return c
        case .count: return "count"
        case .sum(let c): return "sum:\(c)"
        case .mean(let c): return "mean:\(c)"
        }
    }
}

/// Every text of a chart of one's own data; nil keeps the default (axis titles from the schema's
/// title and unit, else the column's name; the source line from the schema's source).
public struct ChartTexts: Sendable, Equatable {
    /// The title (say the finding).
    public var title: String?
    /// A line under the title.
    public var subtitle: String?
    /// A note under the source line.
    public var note: String?
    /// The x axis title.
    public var xTitle: String?
    /// The y axis title.
    public var yTitle: String?
    /// The legend's heading.
    public var legendTitle: String?
    /// The source line, printed as given.
    public var source: String?
    /// No source line at all (journals that put sources in the caption).
    public var noSource: Bool

    /// Texts; all default.
    public init(title: String? = nil, subtitle: String? = nil, note: String? = nil, xTitle: String? = nil, yTitle: String? = nil,
                legendTitle: String? = nil, source: String? = nil, noSource: Bool = false) {
        self.title = title
        self.subtitle = subtitle
        self.note = note
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.legendTitle = legendTitle
        self.source = source
        self.noSource = noSource
    }
}

/// A chart of a table of one's own, by mapping its columns to the kind's channels
/// (`ChartChannel`): `chart bar --csv my.csv --x year --y value --color region --position dodge`.
public struct TidyChartRequest: Sendable {
    /// The kind to draw.
    public var kind: any ChartKind.Type
    /// The column along x (for dumbbell and slope: the column of the two periods).
    public var x: String?
    /// The measure on y: a column, `count`, `sum:COL` or `mean:COL`; for a heat map, the column of
    /// its rows; for dumbbell and slope, also two columns `A,B` (one per period).
    public var y: String?
    /// The column whose values are the series (or, for dumbbell and slope, the rows compared).
    public var color: String?
    /// A heat map's cell value: a column, `count`, `sum:COL` or `mean:COL`.
    public var fill: String?
    /// One panel per value of this column.
    public var facet: String?
    /// A magnitude drawn as size.
    public var size: String?
    /// Text printed beside each point.
    public var label: String?
    /// Stacked, side by side or shares; nil lets the kind choose.
    public var position: ChartBinding.Position?
    /// Horizontal bars.
    public var flip: Bool
    /// Every text.
    public var texts: ChartTexts
    /// `briefing` or `paper`.
    public var theme: String
    /// The figure's width; nil takes the theme's.
    public var width: Length?
    /// The figure's height; nil takes the theme's.
    public var height: Length?

    /// A request; only the kind is needed, the rest is checked against the kind's channels.
    public init(kind: any ChartKind.Type, x: String? = nil, y: String? = nil, color: String? = nil, fill: String? = nil,
                facet: String? = nil, size: String? = nil, label: String? = nil, position: ChartBinding.Position? = nil,
                flip: Bool = false, texts: ChartTexts = ChartTexts(), theme: String = "paper", width: Length? = nil, height: Length? = nil) {
        self.kind = kind
        self.x = x
        self.y = y
        self.color = color
        self.fill = fill
        self.facet = facet
        self.size = size
        self.label = label
        self.position = position
        self.flip = flip
        self.texts = texts
        self.theme = theme
        self.width = width
        self.height = height
    }

    /// The channels the request maps, each with what was given (nil for `--flip`), for the check
    /// against the kind's.
    var mappedChannels: [(ChartChannel, String?)] {
        let given: [(ChartChannel, String?)] = [(.x, x), (.y, y), (.color, color), (.fill, fill), (.facet, facet), (.size, size),
                                                (.label, label), (.position, position?.rawValue)]
        return given.filter { $0.1 != nil } + (flip ? [(.flip, nil)] : [])
    }
}
