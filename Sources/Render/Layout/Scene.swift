/// A display list: everything a chart draws, in page points, in painting order. Layout produces it;
/// backends draw it without making decisions of their own, so every output format shows the same.
public struct Scene: Sendable {
    public var size: Size
    public var background: Color?
    public var items: [SceneItem]

    public init(size: Size, background: Color?, items: [SceneItem]) {
        self.size = size
        self.background = background
        self.items = items
    }
}

public indirect enum SceneItem: Sendable {
    case rect(Rect, Paint)
    case path(Path, Paint)
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

public struct Stroke: Hashable, Sendable {
    public enum Cap: Sendable { case butt, round, square }
    public enum Join: Sendable { case miter, round, bevel }

    public var color: Color
    public var width: Double
    /// Absolute dash lengths in points; empty for a solid line.
    public var dash: [Double]
    public var cap: Cap
    public var join: Join

    public init(color: Color, width: Double, dash: [Double] = [], cap: Cap = .butt, join: Join = .miter) {
        self.color = color
        self.width = width
        self.dash = dash
        self.cap = cap
        self.join = join
    }
}

public struct Paint: Hashable, Sendable {
    public var fill: Color?
    public var stroke: Stroke?

    public init(fill: Color? = nil, stroke: Stroke? = nil) {
        self.fill = fill
        self.stroke = stroke
    }

    public static func fill(_ color: Color) -> Paint { Paint(fill: color) }
    public static func stroke(_ stroke: Stroke) -> Paint { Paint(stroke: stroke) }
}

/// An outline in page points: straight lines, circular arcs and rectangles, in the forms every
/// vector format has (PDF, PostScript, SVG and cairo share them), so each backend draws a path
/// with its own primitives and they agree.
public struct Path: Sendable {
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

    public var elements: [Element] = []

    public init() {}

    public init(polyline points: [Point]) {
        for (i, p) in points.enumerated() { elements.append(i == 0 ? .move(p) : .line(p)) }
    }

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    /// Appends a clockwise (on the page) circular arc; see `Element.arc`.
    public mutating func arc(center: Point, radius: Double, from startAngle: Double, to endAngle: Double) {
        elements.append(.arc(center: center, radius: radius, startAngle: startAngle, endAngle: endAngle))
    }
    /// Appends a closed rectangle as its own sub-path.
    public mutating func rect(_ r: Rect) { elements.append(.rect(r)) }
    public mutating func close() { elements.append(.close) }

    public static func segment(_ a: Point, _ b: Point) -> Path { Path(polyline: [a, b]) }
}

/// One text, positioned by an anchor point. Its box (`corners`, `bounds`) is known from the measured
/// size, so tests can check for overlaps from the layout alone.
public struct TextRun: Sendable {
    public enum Alignment: Sendable { case left, center, right, justify }

    public var text: String
    public var font: FontSpec
    public var color: Color
    public var position: Point
    public var anchor: TextAnchor
    /// Degrees, counter-clockwise as read on the page (90 = reading upwards).
    public var rotation: Double
    /// Lines wrap at this width, as they did when measured.
    public var wrapWidth: Double?
    public var alignment: Alignment
    /// Logical size before rotation, as measured.
    public var size: Size
    /// First baseline below the top of the box, as measured.
    public var baseline: Double
    /// BCP 47 language for shaping.
    public var language: String
    /// An outline in this colour behind the glyphs (labels drawn over data).
    public var halo: Color?

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
    public var shape: MarkerShape
    public var diameter: Double
    public var fill: Color
    public var outline: Stroke?
    public var centers: [Point]

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
