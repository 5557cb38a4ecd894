/// A display list: everything a chart draws, in page points, in painting order. Layout produces it;
/// backends draw it without making decisions of their own, so every output format shows the same.
public struct Scene: Sendable {
    /// The figure size in points; the scene's coordinates run from (0, 0) to this.
    public var size: Size
    /// Filled behind everything; nil leaves the page (or a transparent PNG) showing.
    public var background: Color?
    /// What to draw, in painting order.
    public var items: [SceneItem]

    /// A scene of `size` with its background and items.
    public init(size: Size, background: Color?, items: [SceneItem]) {
        self.size = size
        self.background = background
        self.items = items
    }
}

/// One thing a scene draws. Backends draw each case with their own primitives.
public indirect enum SceneItem: Sendable {
    /// An axis-aligned rectangle (bars, tiles, backgrounds).
    case rect(Rect, Paint)
    /// Lines and outlines.
    case path(Path, Paint)
    /// One label, measured and placed by the layout.
    case text(TextRun)
    /// Many identical markers: drawn as one batch (the scatter of 100,000 points).
    case markers(MarkerBatch)
    /// A rectangle filled with a linear gradient through evenly spaced colours (a colour bar).
    case gradient(Rect, colors: [Color], vertical: Bool)
    /// A rectangle filled with diagonal hatching (missing values).
    case hatch(Rect, background: Color, line: Color)
    /// Items clipped to a rectangle.
    case clipped(Rect, [SceneItem])
    /// Items tagged with a name for inspection (e.g. "plot", "legend"); drawing ignores the name.
    case group(String, [SceneItem])
}

/// How a line is drawn: colour, width, dashes, caps and joins.
public struct Stroke: Hashable, Sendable {
    /// The shape of a line's open ends.
    public enum Cap: Sendable { case butt, round, square }
    /// The shape of a line's corners.
    public enum Join: Sendable { case miter, round, bevel }

    /// The line's colour.
    public var color: Color
    /// Width in points.
    public var width: Double
    /// Absolute dash lengths in points; empty for a solid line.
    public var dash: [Double]
    /// The ends of open lines.
    public var cap: Cap
    /// The corners of lines.
    public var join: Join

    /// A stroke; solid, butt-capped and mitred unless told otherwise.
    public init(color: Color, width: Double, dash: [Double] = [], cap: Cap = .butt, join: Join = .miter) {
        self.color = color
        self.width = width
        self.dash = dash
        self.cap = cap
        self.join = join
    }
}

/// How a shape is painted: filled, outlined, or both (fill first).
public struct Paint: Hashable, Sendable {
    /// The fill colour; nil for none.
    public var fill: Color?
    /// The outline; nil for none.
    public var stroke: Stroke?

    /// A paint with the given fill and outline.
    public init(fill: Color? = nil, stroke: Stroke? = nil) {
        self.fill = fill
        self.stroke = stroke
    }

    /// Filled, without an outline.
    public static func fill(_ color: Color) -> Paint { Paint(fill: color) }
    /// Outlined, without a fill.
    public static func stroke(_ stroke: Stroke) -> Paint { Paint(stroke: stroke) }
}

/// An outline in page points: straight lines, circular arcs and rectangles, in the forms every
/// vector format has (PDF, PostScript, SVG and cairo share them), so each backend draws a path
/// with its own primitives and they agree.
public struct Path: Sendable {
    /// One step of a path.
    public enum Element: Sendable {
        /// Starts a new sub-path at the point.
        case move(Point)
        /// A straight line from the current point.
        case line(Point)
        /// A circular arc from `startAngle` to `endAngle` (radians from the +x axis towards +y, so
        /// clockwise on the page; drawn in the direction of increasing angle, `endAngle` ≥
        /// `startAngle`). A straight line joins the current point, if there is one, to the arc's
        /// start; otherwise the arc starts a sub-path there. As cairo_arc and PostScript's arc.
        case arc(center: Point, radius: Double, startAngle: Double, endAngle: Double)
        /// A closed rectangular sub-path: from the origin along the width, down the height, back
        /// and closed (PDF's `re`, cairo_rectangle).
        case rect(Rect)
        /// A straight line back to the sub-path's start, closing it.
        case close
    }

    /// The steps, in drawing order.
    public var elements: [Element] = []

    /// An empty path.
    public init() {}

    /// An open line through `points` in order.
    public init(polyline points: [Point]) {
        for (i, p) in points.enumerated() { elements.append(i == 0 ? .move(p) : .line(p)) }
    }

    /// Starts a new sub-path at `p`.
    public mutating func move(to p: Point) { elements.append(.move(p)) }
    /// Appends a straight line to `p`.
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    /// Appends a clockwise (on the page) circular arc; see `Element.arc`.
    public mutating func arc(center: Point, radius: Double, from startAngle: Double, to endAngle: Double) {
        elements.append(.arc(center: center, radius: radius, startAngle: startAngle, endAngle: endAngle))
    }
    /// Appends a closed rectangle as its own sub-path.
    public mutating func rect(_ r: Rect) { elements.append(.rect(r)) }
    /// Closes the current sub-path with a line back to its start.
    public mutating func close() { elements.append(.close) }

    /// A single straight line from `a` to `b`.
    public static func segment(_ a: Point, _ b: Point) -> Path { Path(polyline: [a, b]) }
}

/// One text, positioned by an anchor point. Its box (`corners`, `bounds`) is known from the measured
/// size, so tests can check for overlaps from the layout alone.
public struct TextRun: Sendable {
    /// How the lines of a wrapped text are aligned within its width.
    public enum Alignment: Sendable { case left, center, right, justify }

    /// The text, which may hold line breaks.
    public var text: String
    /// Family, size, weight and style.
    public var font: FontSpec
    /// The glyphs' colour.
    public var color: Color
    /// The anchor point on the page.
    public var position: Point
    /// Which point of the text's box sits at `position`.
    public var anchor: TextAnchor
    /// Degrees, counter-clockwise as read on the page (90 = reading upwards).
    public var rotation: Double
    /// Lines wrap at this width, as they did when measured.
    public var wrapWidth: Double?
    /// Line alignment within `wrapWidth`.
    public var alignment: Alignment
    /// Logical size before rotation, as measured.
    public var size: Size
    /// First baseline below the top of the box, as measured.
    public var baseline: Double
    /// BCP 47 language for shaping.
    public var language: String
    /// An outline in this colour behind the glyphs (labels drawn over data).
    public var halo: Color?

    /// A run as measured by the layout; `size` and `baseline` come from the backend's `TextMeasurer`.
    public init(text: String, font: FontSpec, color: Color, position: Point, anchor: TextAnchor, rotation: Double = 0,
                wrapWidth: Double? = nil, alignment: Alignment = .left, size: Size, baseline: Double, language: String = "en", halo: Color? = nil) {
        self.text = text
        self.font = font
        self.color = color
        self.position = position
        self.anchor = anchor
        self.rotation = rotation
        self.wrapWidth = wrapWidth
        self.alignment = alignment
        self.size = size
        self.baseline = baseline
        self.language = language
        self.halo = halo
    }
}

/// Identical markers at many centres; `diameter` in points.
public struct MarkerBatch: Sendable {
    /// The outline every marker of the batch has (see `MarkerShape.path`).
    public var shape: MarkerShape
    /// The width of each marker in points.
    public var diameter: Double
    /// The fill of every marker (its alpha builds up where markers overlap).
    public var fill: Color
    /// An outline drawn around each marker; nil for none.
    public var outline: Stroke?
    /// Where the markers go, in page points, in painting order.
    public var centers: [Point]

    /// A batch of `centers.count` identical markers.
    public init(shape: MarkerShape, diameter: Double, fill: Color, outline: Stroke? = nil, centers: [Point]) {
        self.shape = shape
        self.diameter = diameter
        self.fill = fill
        self.outline = outline
        self.centers = centers
    }
}

extension Scene {
    /// Every text run in the scene, with the names of the groups around it (outermost first).
    public func textRuns() -> [(groups: [String], run: TextRun)] {
        var result: [(groups: [String], run: TextRun)] = []
        func walk(_ items: [SceneItem], _ groups: [String]) {
            for item in items {
                switch item {
                case .text(let run): result.append((groups, run))
                case .clipped(_, let inner): walk(inner, groups)
                case .group(let name, let inner): walk(inner, groups + [name])
                default: break
                }
            }
        }
        walk(items, [])
        return result
    }
}
