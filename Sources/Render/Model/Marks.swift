/// Marks are the data-carrying shapes of a panel, in data coordinates: for a band (category) axis a
/// coordinate is the category's index, for other axes it is the data value. Colours are resolved
/// when the mark is made (by a chart kind or by hand), so the layout does no data-to-colour work.
public enum Mark: Sendable {
    case bar(BarMark)
    case line(LineMark)
    case point(PointMark)
    case area(AreaMark)
    case rule(RuleMark)
    case text(TextMark)
    case range(RangeMark)
    case tile(TileMark)
}

/// Which way bars and ranges run.
public enum Orientation: String, Codable, Sendable {
    /// Categories along x, values up the y axis.
    case vertical
    /// Categories down the y axis, values along x.
    case horizontal
}

/// Line patterns; with `Theme.distinguishesSeriesByDash` each series gets its own, for grey-scale print.
public enum DashStyle: String, Codable, Sendable, CaseIterable {
    case solid, dashed, dotted, dashDot

    /// Dash lengths in multiples of the line width, so patterns scale with the stroke.
    var pattern: [Double] {
        switch self {
        case .solid: return []
        case .dashed: return [4, 2.5]
        case .dotted: return [1, 2]
        case .dashDot: return [4, 2, 1, 2]
        }
    }
}

/// Marker shapes for points and line markers, so groups stay apart without colour.
public enum MarkerShape: String, Codable, Sendable, CaseIterable {
    case circle, square, diamond, triangle
}

/// Bars on a band axis: grouped, stacked or single.
public struct BarMark: Sendable {
    /// One bar (or one segment of a stack).
    public struct Bar: Sendable {
        /// Category index on the band axis.
        public var position: Double
        /// Value where the bar starts (0, or the top of the segment below in a stack).
        public var from: Double
        /// Value where the bar ends.
        public var to: Double
        /// The bar's colour.
        public var fill: Color
        /// Shift of the bar centre within its band, in bandwidths (grouped bars use ±).
        public var offset: Double
        /// Bar thickness in bandwidths.
        public var thickness: Double
        /// Printed at the bar's end when set.
        public var label: String?
        /// Lines over the fill, so series differ by more than hue (greyscale print).
        public var pattern: FillPattern
        /// The value is a lower bound ("more than 1,300"): the bar is drawn open (outlined, lightly
        /// filled) with an arrow past its end, so it does not read as an exact figure.
        public var isLowerBound: Bool

        /// A bar from `from` to `to` at category `position`.
        public init(position: Double, from: Double = 0, to: Double, fill: Color, offset: Double = 0, thickness: Double = 1, label: String? = nil,
                    pattern: FillPattern = .solid, isLowerBound: Bool = false) {
            self.position = position
            self.from = from
            self.to = to
            self.fill = fill
            self.offset = offset
            self.thickness = thickness
            self.label = label
            self.pattern = pattern
            self.isLowerBound = isLowerBound
        }
    }

    /// The bars, in painting order.
    public var bars: [Bar]
    /// Vertical bars rise from the x axis; horizontal bars run along it.
    public var orientation: Orientation
    /// A hairline around each bar; nil for none. Stacked segments use the background colour so
    /// neighbouring segments stay apart in grey-scale print.
    public var outline: Color?

    /// Bars with one orientation and outline.
    public init(bars: [Bar], orientation: Orientation = .vertical, outline: Color? = nil) {
        self.bars = bars
        self.orientation = orientation
        self.outline = outline
    }
}

/// A data point whose y may be missing: a nil breaks the line instead of dropping to zero.
public struct DataPoint: Sendable, Equatable, Codable {
    /// The position along x.
    public var x: Double
    /// The value; nil is a gap that breaks the line.
    public var y: Double?
    /// A point of a line.
    public init(x: Double, y: Double?) {
        self.x = x
        self.y = y
    }
}

/// A line through points; nil values break it into runs.
public struct LineMark: Sendable {
    /// How the line joins points.
    public enum Curve: String, Sendable, Codable {
        case linear
        /// Holds each value until the next x (cumulative counts).
        case stepAfter
    }

    /// The points, in x order.
    public var points: [DataPoint]
    /// The line's colour.
    public var color: Color
    /// Stroke width in points; nil takes the theme's data line width.
    public var width: Double?
    /// The line's pattern.
    public var dash: DashStyle
    /// Straight segments, or steps that hold each value.
    public var curve: Curve
    /// Markers at the data points, so series stay apart without colour.
    public var marker: MarkerShape?
    /// For a stepped line: the x up to which the last value holds. Without it a change at the last
    /// point would be drawn as a bare vertical stub on the plot's edge.
    public var holdsUntil: Double?

    /// A line.
    public init(points: [DataPoint], color: Color, width: Double? = nil, dash: DashStyle = .solid,
                curve: Curve = .linear, marker: MarkerShape? = nil) {
        self.points = points
        self.color = color
        self.width = width
        self.dash = dash
        self.curve = curve
        self.marker = marker
    }
}

/// Points (markers or bubbles), stored compactly for very large scatters.
public struct PointMark: Sendable {
    /// One point with its own size or colour, for building small marks.
    public struct Point: Sendable {
        /// The position along x.
        public var x: Double
        /// The position along y.
        public var y: Double
        /// Diameter in points; nil takes the mark's size.
        public var size: Double?
        /// This point's colour; nil takes the mark's.
        public var color: Color?
        /// A point.
        public init(x: Double, y: Double, size: Double? = nil, color: Color? = nil) {
            self.x = x
            self.y = y
            self.size = size
            self.color = color
        }
    }

    // Stored as parallel arrays: a 100,000-point scatter then takes 1.6 MB, not 8 MB of structs.
    /// Positions along x, one per point.
    public var x: [Double]
    /// Positions along y, aligned with `x`.
    public var y: [Double]
    /// Per-point diameters (bubbles); nil when every point has the mark's size.
    public var sizes: [Double?]?
    /// Per-point colours; nil when every point has the mark's colour.
    public var colors: [Color?]?
    /// The marker's shape.
    public var shape: MarkerShape
    /// The colour of every point without its own.
    public var color: Color
    /// Diameter in points; nil takes the theme's marker size.
    public var size: Double?
    /// Fill opacity; below 1 lets dense clouds show their density.
    public var opacity: Double
    /// An outline in this colour (e.g. white, to separate overlapping bubbles).
    public var outline: Color?

    /// Points from parallel arrays (the fast path for large scatters).
    public init(x: [Double], y: [Double], sizes: [Double?]? = nil, colors: [Color?]? = nil, shape: MarkerShape = .circle,
                color: Color, size: Double? = nil, opacity: Double = 1, outline: Color? = nil) {
        precondition(x.count == y.count, "x and y must have the same length")
        self.x = x
        self.y = y
        self.sizes = sizes
        self.colors = colors
        self.shape = shape
        self.color = color
        self.size = size
        self.opacity = opacity
        self.outline = outline
    }

    /// Points from individual points.
    public init(points: [Point], shape: MarkerShape = .circle, color: Color, size: Double? = nil,
                opacity: Double = 1, outline: Color? = nil) {
        let sizes = points.map(\.size), colors = points.map(\.color)
        self.init(x: points.map(\.x), y: points.map(\.y), sizes: sizes.contains { $0 != nil } ? sizes : nil,
                  colors: colors.contains { $0 != nil } ? colors : nil, shape: shape, color: color, size: size,
                  opacity: opacity, outline: outline)
    }

    /// How many points there are.
    public var count: Int { x.count }
}

/// A filled region between two curves, e.g. a confidence band. Where either bound is nil the band
/// is interrupted.
public struct AreaMark: Sendable {
    /// Positions along x.
    public var x: [Double]
    /// The band's lower edge at each x; nil interrupts the band.
    public var lower: [Double?]
    /// The band's upper edge at each x; nil interrupts the band.
    public var upper: [Double?]
    /// The band's colour (usually translucent).
    public var fill: Color
    /// Straight edges, or steps matching a stepped line.
    public var curve: LineMark.Curve
    /// Lines over the fill (the same patterns bars use), so stacked layers differ in grey too.
    public var pattern: FillPattern

    /// A band between two curves.
    public init(x: [Double], lower: [Double?], upper: [Double?], fill: Color, curve: LineMark.Curve = .linear, pattern: FillPattern = .solid) {
        self.x = x
        self.lower = lower
        self.upper = upper
        self.fill = fill
        self.curve = curve
        self.pattern = pattern
    }
}

/// A reference line across the panel at one value.
public struct RuleMark: Sendable {
    /// Which axis the rule marks a value of.
    public enum Axis: String, Sendable, Codable { case x, y }
    /// The axis whose value the rule marks (a y rule is horizontal).
    public var axis: Axis
    /// The value marked.
    public var value: Double
    /// The rule's colour; nil takes the theme's annotation colour.
    public var color: Color?
    /// Stroke width in points; nil takes the theme's.
    public var width: Double?
    /// The rule's pattern.
    public var dash: DashStyle

    /// A rule across the plot at one value (a zero line, a threshold).
    public init(axis: Axis, value: Double, color: Color? = nil, width: Double? = nil, dash: DashStyle = .solid) {
        self.axis = axis
        self.value = value
        self.color = color
        self.width = width
        self.dash = dash
    }
}

/// Intervals drawn as line segments: error bars, or the bar of a dumbbell between two periods.
public struct RangeMark: Sendable {
    /// One interval at one position.
    public struct Segment: Sendable {
        /// Category index (or value) on the position axis.
        public var position: Double
        /// Where the interval starts.
        public var from: Double
        /// Where the interval ends.
        public var to: Double
        /// An interval.
        public init(position: Double, from: Double, to: Double) {
            self.position = position
            self.from = from
            self.to = to
        }
    }

    /// The intervals.
    public var segments: [Segment]
    /// `.vertical`: position on x, interval along y; `.horizontal`: position on y, interval along x.
    public var orientation: Orientation
    /// The intervals' colour.
    public var color: Color
    /// Stroke width in points; nil takes the theme's data line width.
    public var width: Double?
    /// Length of the end caps in points (0 for none).
    public var capLength: Double

    /// Intervals drawn as lines (dumbbells, error bars).
    public init(segments: [Segment], orientation: Orientation, color: Color, width: Double? = nil, capLength: Double = 0) {
        self.segments = segments
        self.orientation = orientation
        self.color = color
        self.width = width
        self.capLength = capLength
    }
}

/// Text placed at data coordinates.
public struct TextMark: Sendable {
    /// One text at one data position.
    public struct Item: Sendable {
        /// The position along x.
        public var x: Double
        /// The position along y.
        public var y: Double
        /// What is written.
        public var text: String
        /// An item of text.
        public init(x: Double, y: Double, text: String) {
            self.x = x
            self.y = y
            self.text = text
        }
    }

    /// The texts.
    public var items: [Item]
    /// Which point of each text's box sits at its position.
    public var anchor: TextAnchor
    /// Offset from the data position in points (x right, y down).
    public var offset: (dx: Double, dy: Double)
    /// The text colour; nil takes the theme's.
    public var color: Color?
    /// Nudge the items apart vertically, keeping their order, so that no two overlap (labels at the
    /// ends of a slopegraph's lines). Only layout knows the measured text heights, so it does this.
    public var separatesVertically: Bool
    /// The items may stand beside the plot (labels written outside the data positions, like a
    /// slopegraph's end labels): the layout narrows the plot until the widest item on each side fits
    /// inside the panel's cell, from the measured text, and draws the items unclipped. The plot
    /// shrinks, never the text; only layout knows the widths, so the chart model never measures.
    public var keepsInsideFigure: Bool
    /// Turn every item to read upwards from its position when any two would overlap level (the
    /// "n/a" marks of neighbouring missing bars on a narrow chart). Only for bottom-centred items.
    public var turnsWhenCrowded = false

    /// Items of text with one anchor, offset and colour.
    public init(items: [Item], anchor: TextAnchor = .center, offset: (dx: Double, dy: Double) = (0, 0), color: Color? = nil,
                separatesVertically: Bool = false, keepsInsideFigure: Bool = false) {
        self.items = items
        self.anchor = anchor
        self.offset = offset
        self.color = color
        self.separatesVertically = separatesVertically
        self.keepsInsideFigure = keepsInsideFigure
    }
}

/// Cells of a heat map on two band axes; a nil fill is a missing value, drawn hatched.
public struct TileMark: Sendable {
    /// One cell.
    public struct Tile: Sendable {
        /// Column index on the x band axis.
        public var column: Double
        /// Row index on the y band axis.
        public var row: Double
        /// The cell's colour; nil is a missing value, drawn hatched.
        public var fill: Color?
        /// A cell.
        public init(column: Double, row: Double, fill: Color?) {
            self.column = column
            self.row = row
            self.fill = fill
        }
    }

    /// The cells.
    public var tiles: [Tile]
    /// White gap between tiles in points.
    public var gap: Double

    /// Cells with a gap between them.
    public init(tiles: [Tile], gap: Double = 0.5) {
        self.tiles = tiles
        self.gap = gap
    }
}
