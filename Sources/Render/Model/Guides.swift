/// An axis: its scale and how it is labelled.
public struct Axis: Sendable {
    /// Maps data values to positions along the axis.
    public var scale: PositionScale
    /// What the axis measures, with its unit; nil for self-evident axes (years).
    public var title: String?
    /// How tick labels print numbers.
    public var format: NumberFormat
    /// Grid lines across the panel at each tick.
    public var grid: Bool
    /// Explicit tick values; nil lets the tick search choose.
    public var ticks: [Double]?
    /// Extend a numeric domain to the outermost ticks (bar values), instead of keeping the data
    /// range (time on x).
    public var extendsToTicks: Bool
    /// Whether band labels may be thinned (every k-th shown) when they do not fit. True for ordered
    /// categories such as years; false for names, where dropping a label would hide data.
    public var thinnable: Bool
    /// Draw the axis line (the baseline for bars).
    public var showsLine: Bool
    /// Hide tick labels (inner panels of small multiples).
    public var showsLabels: Bool
    /// The axis measures whole things (attacks, exercises, states): ticks fall on whole numbers
    /// only, so no axis reads "2.5 attacks" or steps by 0.3. The tick search respects it.
    public var wholeNumbers: Bool

    /// An axis; the format defaults to years on a year scale, grouped numbers otherwise.
    public init(scale: PositionScale, title: String? = nil, format: NumberFormat? = nil, grid: Bool = false,
                ticks: [Double]? = nil, extendsToTicks: Bool = false, thinnable: Bool? = nil,
                showsLine: Bool = true, showsLabels: Bool = true, wholeNumbers: Bool = false) {
        self.scale = scale
        self.wholeNumbers = wholeNumbers
        self.title = title
        if let format {
            self.format = format
        } else if case .year = scale {
            self.format = .year
        } else {
            self.format = .grouped
        }
        self.grid = grid
        self.ticks = ticks
        self.extendsToTicks = extendsToTicks
        if let thinnable {
            self.thinnable = thinnable
        } else if case .band(let b) = scale {
            self.thinnable = b.categories.allSatisfy { Double($0) != nil }
        } else {
            self.thinnable = true
        }
        self.showsLine = showsLine
        self.showsLabels = showsLabels
    }

    /// Whether values are all whole numbers, i.e. counts: chart kinds use it to set `wholeNumbers`
    /// on a value axis, so counts never get fractional ticks while rates keep theirs.
    public static func allWhole<S: Sequence>(_ values: S) -> Bool where S.Element == Double {
        var any = false
        for v in values where v.isFinite {
            guard v == v.rounded() else { return false }
            any = true
        }
        return any
    }
}

/// The key that explains colours, line styles or sizes.
public struct Legend: Sendable {
    /// Where the legend sits: above the plot, beside it, or below.
    public enum Placement: String, Sendable, Codable { case top, right, bottom }

    /// One entry: a swatch and its label.
    public struct Entry: Sendable {
        /// The series or group named.
        public var label: String
        /// What the entry looks like in the chart.
        public var swatch: Swatch
        /// An entry.
        public init(label: String, swatch: Swatch) {
            self.label = label
            self.swatch = swatch
        }
    }

    /// The little picture beside a legend label, drawn as the mark it stands for.
    public enum Swatch: Sendable {
        case box(Color)
        case line(Color, DashStyle, MarkerShape?)
        case point(Color, MarkerShape, diameter: Double)
        /// A line over a lighter band: a series with its interval.
        case lineWithBand(Color, band: Color)
        /// The hatch used for missing values.
        case missing
        /// A box in a colour with a fill pattern (bars of one series in a patterned theme).
        case patterned(Color, FillPattern)
        /// An open bar with an arrowhead: a value given only as a lower bound ("more than").
        case lowerBound(Color)
        /// A small "n/a" mark (in the report's language): a value the source does not report.
        case notReported(String = "n/a")
    }

    /// A heading over the entries; nil for none.
    public var title: String?
    /// The entries, in reading order.
    public var entries: [Entry]
    /// Where the legend goes.
    public var placement: Placement

    /// A legend.
    public init(title: String? = nil, entries: [Entry], placement: Placement = .top) {
        self.title = title
        self.entries = entries
        self.placement = placement
    }
}

/// A continuous colour key for heat maps.
public struct ColorBar: Sendable {
    /// The scale the bar shows.
    public var scale: ColorScale
    /// What the colours measure.
    public var title: String?
    /// How the bar's labels print numbers.
    public var format: NumberFormat
    /// Adds a hatched "No data" swatch next to the bar.
    public var showsMissing: Bool
    /// The colours stand for counts: labels only at whole numbers.
    public var wholeNumbers: Bool

    /// A colour bar.
    public init(scale: ColorScale, title: String? = nil, format: NumberFormat = .grouped, showsMissing: Bool = false,
                wholeNumbers: Bool = false) {
        self.scale = scale
        self.wholeNumbers = wholeNumbers
        self.title = title
        self.format = format
        self.showsMissing = showsMissing
    }
}

/// Notes placed on the data.
public enum Annotation: Sendable {
    /// A vertical line at `x` with a label at the top of the panel, e.g. "2017: India and Pakistan join".
    case event(x: Double, label: String)
    /// A label next to one data point, placed where it collides with nothing else.
    case point(x: Double, y: Double, label: String)
}
