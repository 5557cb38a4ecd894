import Foundation
import Render

/// Writes a `Scene` as SVG with real `<text>` elements (family, size, weight, style, anchor, colour
/// and language), so labels stay editable in Inkscape or Illustrator. Shapes, colours, dashes, caps,
/// joins, marker shapes, hatching and gradients are those Cairo draws (`SceneRenderer`), so the
/// native SVG and the Cairo PNG of a scene look the same.
///
/// SVG cannot wrap text, so each line of a wrapped run becomes a `<tspan>`, broken where
/// `textMeasurer` (the measurer the layout used) breaks it. Output is deterministic: the same scene
/// and options give the same bytes.
public struct SVGBackend: SceneBackend {
    /// Measures text as the layout did; the SVG backend asks it for line breaks only.
    public let textMeasurer: any TextMeasurer

    /// `textMeasurer` should be the one the scene was laid out with, so lines break where they did.
    public init(textMeasurer: any TextMeasurer) {
        self.textMeasurer = textMeasurer
    }

    /// The scene as an SVG document (UTF-8). Throws for any format but SVG and for an empty or
    /// non-finite page size.
    public func render(_ scene: Scene, as format: ImageFormat, options: RenderOptions) throws -> Data {
        guard format == .svg else { throw RenderError.unsupportedFormat(format, backend: "native SVG") }
        let size = scene.size
        guard size.width > 0, size.height > 0, size.width.isFinite, size.height.isFinite else { throw RenderError.invalidSize(size) }
        var writer = SVGWriter(measurer: textMeasurer)
        writer.document(scene, metadata: options.metadata)
        return Data(writer.out.utf8)
    }
}

/// One document being written: the text so far, the ids used, and the nesting depth for indentation.
private struct SVGWriter {
    let measurer: any TextMeasurer
    var out = ""
    private var usedIDs: Set<String> = []
    private var depth = 0
    /// Numbers the clip paths and gradients of this file.
    private var definitions = 0

    init(measurer: any TextMeasurer) {
        self.measurer = measurer
    }

    private typealias Attributes = [(String, String)]

    private func n(_ value: Double) -> String { SVGMarkup.number(value) }

    private mutating func line(_ text: String) {
        out += String(repeating: "  ", count: depth) + text + "\n"
    }

    private mutating func element(_ name: String, _ attributes: Attributes, content: String? = nil) {
        let attributeText = attributes.map { " \($0.0)=\"\(SVGMarkup.attribute($0.1))\"" }.joined()
        if let content {
            line("<\(name)\(attributeText)>\(content)</\(name)>")
        } else {
            line("<\(name)\(attributeText)/>")
        }
    }

    private mutating func open(_ name: String, _ attributes: Attributes) {
        line("<\(name)\(attributes.map { " \($0.0)=\"\(SVGMarkup.attribute($0.1))\"" }.joined())>")
        depth += 1
    }

    private mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// An id not yet used in this file: `base`, else `base-2`, `base-3`, …
    private mutating func uniqueID(_ base: String) -> String {
        var id = base, k = 1
        while usedIDs.contains(id) {
            k += 1
            id = "\(base)-\(k)"
        }
        usedIDs.insert(id)
        return id
    }

    // MARK: Document

    mutating func document(_ scene: Scene, metadata: DocumentMetadata) {
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<!-- Generator: \(SVGMarkup.content(metadata.creator).replacingOccurrences(of: "--", with: "- -")) -->\n"
        let w = scene.size.width, h = scene.size.height
        // Cairo's miter limit is 10, SVG's default 4: set once on the root, where every shape inherits it.
        open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"), ("width", n(w) + "pt"), ("height", n(h) + "pt"),
                     ("viewBox", "0 0 \(n(w)) \(n(h))"), ("stroke-miterlimit", "10")])
        if let title = metadata.title { element("title", [], content: SVGMarkup.content(title)) }
        if let subject = metadata.subject { element("desc", [], content: SVGMarkup.content(subject)) }
        writeMetadata(metadata)
        if let background = scene.background {
            element("rect", [("id", uniqueID("background")), ("x", "0"), ("y", "0"), ("width", n(w)), ("height", n(h))] + fill(background))
        }
        draw(scene.items)
        close("svg")
    }

    /// Dublin Core in RDF, where Inkscape's Document Properties and Illustrator's File Info read it.
    private mutating func writeMetadata(_ metadata: DocumentMetadata) {
        open("metadata", [])
        open("rdf:RDF", [("xmlns:rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"), ("xmlns:dc", "http://purl.org/dc/elements/1.1/")])
        open("rdf:Description", [("rdf:about", "")])
        if let title = metadata.title { element("dc:title", [], content: SVGMarkup.content(title)) }
        if let author = metadata.author { element("dc:creator", [], content: SVGMarkup.content(author)) }
        if let subject = metadata.subject { element("dc:description", [], content: SVGMarkup.content(subject)) }
        for keyword in metadata.keywords { element("dc:subject", [], content: SVGMarkup.content(keyword)) }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        element("dc:date", [], content: formatter.string(from: metadata.effectiveDate))
        close("rdf:Description")
        close("rdf:RDF")
        close("metadata")
    }

    // MARK: Items

    private mutating func draw(_ items: [SceneItem]) {
        for item in items { draw(item) }
    }

    private mutating func draw(_ item: SceneItem) {
        switch item {
        case .rect(let r, let paint):
            element("rect", rectangle(r) + attributes(paint))
        case .path(let path, let paint):
            let d = pathData(path)
            if !d.isEmpty { element("path", [("d", d)] + attributes(paint)) }
        case .text(let run):
            drawText(run)
        case .markers(let batch):
            drawMarkers(batch)
        case .gradient(let r, let colors, let vertical):
            drawGradient(r, colors: colors, vertical: vertical)
        case .hatch(let r, let background, let line):
            drawHatch(r, background: background, line: line)
        case .clipped(let r, let inner):
            let clip = defineClip(r)
            open("g", [("clip-path", "url(#\(clip))")])
            draw(inner)
            close("g")
        case .group(let name, let inner):
            // The group's name as id and class, so an editor's layers panel shows "legend", "axes", …
            let base = SVGMarkup.identifier(name)
            open("g", [("id", uniqueID(base)), ("class", base)])
            draw(inner)
            close("g")
        }
    }

    /// x, y, width, height with a positive size (cairo accepts negative sizes, SVG draws nothing).
    private func rectangle(_ r: Rect) -> Attributes {
        let x = r.width < 0 ? r.x + r.width : r.x, y = r.height < 0 ? r.y + r.height : r.y
        return [("x", n(x)), ("y", n(y)), ("width", n(abs(r.width))), ("height", n(abs(r.height)))]
    }

    private func fill(_ color: Color) -> Attributes {
        var result = [("fill", SVGMarkup.rgb(color))]
        if let opacity = SVGMarkup.opacity(color) { result.append(("fill-opacity", opacity)) }
        return result
    }

    /// SVG's defaults are fill black and stroke none; Cairo's `apply(paint)` does neither unless asked.
    private func attributes(_ paint: Paint) -> Attributes {
        var result = paint.fill.map(fill) ?? [("fill", "none")]
        if let stroke = paint.stroke { result += attributes(stroke) }
        return result
    }

    private func attributes(_ stroke: Stroke) -> Attributes {
        var result = [("stroke", SVGMarkup.rgb(stroke.color))]
        if let opacity = SVGMarkup.opacity(stroke.color) { result.append(("stroke-opacity", opacity)) }
        result.append(("stroke-width", n(stroke.width)))
        if !stroke.dash.isEmpty { result.append(("stroke-dasharray", stroke.dash.map(n).joined(separator: " "))) }
        switch stroke.cap {
        case .butt: break
        case .round: result.append(("stroke-linecap", "round"))
        case .square: result.append(("stroke-linecap", "square"))
        }
        switch stroke.join {
        case .miter: break
        case .round: result.append(("stroke-linejoin", "round"))
        case .bevel: result.append(("stroke-linejoin", "bevel"))
        }
        return result
    }

    private func pathData(_ path: Path) -> String {
        var d = "", hasCurrentPoint = false
        for element in path.elements {
            switch element {
            case .move(let p):
                d += "M\(n(p.x)) \(n(p.y))"
                hasCurrentPoint = true
            case .line(let p):
                // Cairo treats a line with no current point as a move.
                d += (hasCurrentPoint ? "L" : "M") + "\(n(p.x)) \(n(p.y))"
                hasCurrentPoint = true
            case .arc(let center, let radius, let start, let end):
                // As cairo_arc: a line from the current point to the arc's start, then the arc
                // clockwise on the page (SVG's sweep flag 1), in pieces of at most half a turn
                // because one SVG arc cannot draw a full circle.
                var sweepEnd = end
                while sweepEnd < start { sweepEnd += 2 * .pi }
                func point(_ angle: Double) -> String {
                    "\(n(center.x + radius * cos(angle))) \(n(center.y + radius * sin(angle)))"
                }
                d += (hasCurrentPoint ? "L" : "M") + point(start)
                var from = start
                while from < sweepEnd {
                    let to = min(sweepEnd, from + .pi)
                    d += "A\(n(radius)) \(n(radius)) 0 0 1 " + point(to)
                    from = to
                }
                hasCurrentPoint = true
            case .rect(let r):
                d += "M\(n(r.x)) \(n(r.y))h\(n(r.width))v\(n(r.height))h\(n(-r.width))Z"
                hasCurrentPoint = true
            case .close:
                if hasCurrentPoint { d += "Z" }
            }
        }
        return d
    }

    private mutating func defineClip(_ r: Rect) -> String {
        definitions += 1
        let id = uniqueID("clip-\(definitions)")
        open("defs", [])
        open("clipPath", [("id", id)])
        element("rect", rectangle(r))
        close("clipPath")
        close("defs")
        return id
    }

    // MARK: Text

    /// One `<text>`: the anchor point and rotation become a transform, the first baseline sits
    /// `baseline` below the box's top (as Pango sets it), and further lines follow at the run's
    /// line pitch. A single line is anchored by the run's horizontal anchor, so an editor keeps a
    /// centred label centred; wrapped lines follow the run's alignment.
    private mutating func drawText(_ run: TextRun) {
        let lines = run.wrapWidth != nil || run.text.contains("\n")
            ? measurer.lines(of: run.text, font: run.font, wrapWidth: run.wrapWidth) : [run.text]
        guard !lines.isEmpty else { return }
        let offset = TextRun.anchorOffset(run.anchor, size: run.size, baseline: run.baseline)
        let horizontal: TextAnchor.Horizontal
        if lines.count == 1 {
            horizontal = run.anchor.horizontal
        } else {
            switch run.alignment {
            case .left, .justify: horizontal = .left
            case .center: horizontal = .center
            case .right: horizontal = .right
            }
        }
        let (anchor, localX): (String, Double)
        switch horizontal {
        case .left: (anchor, localX) = ("start", offset.x)
        case .center: (anchor, localX) = ("middle", offset.x + run.size.width / 2)
        case .right: (anchor, localX) = ("end", offset.x + run.size.width)
        }
        let localY = offset.y + run.baseline
        let pitch = run.size.height / Double(lines.count)
        // Without rotation the coordinates are absolute, which editors show as the text's position.
        let rotated = run.rotation != 0
        let x = rotated ? localX : run.position.x + localX
        let y = rotated ? localY : run.position.y + localY
        var attributes: Attributes = [("x", n(x)), ("y", n(y))]
        if rotated {
            // Cairo rotates by −rotation (counter-clockwise on the page); SVG's rotate has the same sense.
            attributes.append(("transform", "translate(\(n(run.position.x)) \(n(run.position.y))) rotate(\(n(-run.rotation)))"))
        }
        attributes += [("font-family", SVGMarkup.fontFamily(run.font.family, language: run.language)),
                       ("font-size", n(run.font.size))]
        if run.font.weight == .bold { attributes.append(("font-weight", "bold")) }
        if run.font.italic { attributes.append(("font-style", "italic")) }
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        attributes += fill(run.color)
        if let halo = run.halo {
            // Cairo strokes the glyph outlines in the halo colour and then fills them: paint-order.
            attributes += [("stroke", SVGMarkup.rgb(halo))]
            if let opacity = SVGMarkup.opacity(halo) { attributes.append(("stroke-opacity", opacity)) }
            attributes += [("stroke-width", n(max(1.5, run.font.size * 0.25))), ("stroke-linejoin", "round"),
                           ("paint-order", "stroke")]
        }
        attributes.append(("xml:lang", run.language))
        // SVG collapses runs of spaces unless told to keep them.
        if lines.contains(where: { $0.hasPrefix(" ") || $0.hasSuffix(" ") || $0.contains("  ") }) {
            attributes.append(("xml:space", "preserve"))
        }
        let content: String
        if lines.count == 1 {
            content = SVGMarkup.content(lines[0])
        } else {
            content = lines.enumerated().map { index, text in
                let position = index == 0 ? "x=\"\(n(x))\"" : "x=\"\(n(x))\" dy=\"\(n(pitch))\""
                return "<tspan \(position)>\(SVGMarkup.content(text))</tspan>"
            }.joined()
        }
        element("text", attributes, content: content)
    }

    // MARK: Markers

    /// Opaque markers without outline: one element each in a filled group (overlaps look the same
    /// as Cairo's single fill). Opaque with outline: one path, filled and then stroked as a whole,
    /// as Cairo does, so outlines lie above every fill. Translucent: one element each, filled and
    /// outlined in turn, so overlaps build up density as they do in Cairo.
    private mutating func drawMarkers(_ batch: MarkerBatch) {
        guard !batch.centers.isEmpty else { return }
        if batch.fill.alpha >= 1, let outline = batch.outline {
            let d = batch.centers.map { markerPath(batch, center: $0) }.joined()
            element("path", [("d", d)] + fill(batch.fill) + attributes(outline))
            return
        }
        open("g", [("class", "markers")] + fill(batch.fill) + (batch.outline.map(attributes) ?? []))
        for c in batch.centers {
            element("path", [("d", markerPath(batch, center: c))])
        }
        close("g")
    }

    /// A marker's outline at `c`: the shared geometry of `MarkerShape.path`, as Cairo draws it.
    private func markerPath(_ batch: MarkerBatch, center c: Point) -> String {
        pathData(batch.markerPath.translated(c.x, c.y))
    }

    // MARK: Gradient and hatch

    /// A linear gradient through evenly spaced stops, bottom to top when vertical (as Cairo's).
    private mutating func drawGradient(_ r: Rect, colors: [Color], vertical: Bool) {
        guard !colors.isEmpty else { return }
        definitions += 1
        let id = uniqueID("gradient-\(definitions)")
        let ends = vertical ? (r.x, r.maxY, r.x, r.y) : (r.x, r.y, r.maxX, r.y)
        open("defs", [])
        open("linearGradient", [("id", id), ("gradientUnits", "userSpaceOnUse"), ("x1", n(ends.0)), ("y1", n(ends.1)),
                                ("x2", n(ends.2)), ("y2", n(ends.3))])
        for (i, c) in colors.enumerated() {
            let offset = colors.count == 1 ? 0 : Double(i) / Double(colors.count - 1)
            var stop: Attributes = [("offset", n(offset)), ("stop-color", SVGMarkup.rgb(c))]
            if let opacity = SVGMarkup.opacity(c) { stop.append(("stop-opacity", opacity)) }
            element("stop", stop)
        }
        close("linearGradient")
        close("defs")
        element("rect", rectangle(r) + [("fill", "url(#\(id))")])
    }

    /// Diagonal lines 2.2 pt apart, 0.4 pt wide, clipped to the rectangle (Cairo's `drawHatch`).
    private mutating func drawHatch(_ r: Rect, background: Color, line: Color) {
        open("g", [("class", "hatch")])
        element("rect", rectangle(r) + fill(background))
        let clip = defineClip(r)
        var d = ""
        let spacing = 2.2
        var offset = -r.height
        while offset < r.width {
            d += "M\(n(r.x + offset)) \(n(r.maxY))L\(n(r.x + offset + r.height)) \(n(r.y))"
            offset += spacing
        }
        if !d.isEmpty {
            element("path", [("d", d), ("fill", "none"), ("clip-path", "url(#\(clip))")] + attributes(Stroke(color: line, width: 0.4)))
        }
        close("g")
    }
}
