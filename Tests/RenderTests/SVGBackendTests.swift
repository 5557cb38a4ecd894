import Foundation
import Testing
@testable import Render
@testable import RenderSVG
@testable import RenderCairo

/// The native SVG backend against the Cairo one: the same scene must hold the same texts (as real
/// `<text>` elements) and, drawn by librsvg, look like Cairo's PNG of it.
@Suite("Native SVG backend") struct SVGBackendTests {
    static let dpi = 300.0
    /// Tolerances for the RMS (in 0…255 levels) between Cairo's PNG and librsvg's drawing of the
    /// native SVG at 300 dpi, measured on the twelve sample charts (November 2026, cairo 1.16,
    /// librsvg 2.54):
    /// - Without text the two agree to RMS 0.05–0.28 (anti-aliasing of edges only): shapes,
    ///   colours, dashes, markers, hatching and gradients must match, so the bound is tight.
    /// - With text, whole images differ by RMS 7.3–13.8 (the most for the slope chart, which is
    ///   mostly labels), and 4 × 4-pixel block averages by 3.1–5.1:
    ///   both draw through cairo 1.16, which snaps each glyph to the pixel grid, and the two place
    ///   glyph runs a fraction of a pixel apart (at 600 dpi the ink bands coincide row for row).
    /// - Text moved by half a point gives RMS 35 and block RMS 21 (`comparisonIsSensitive`), so the
    ///   bounds below sit well under any real layout error.
    static let shapeTolerance = 0.5
    static let pixelTolerance = 15.0
    static let blockTolerance = 6.5

    /// Letters only: line breaks become spaces in the SVG, and wrapped CJK breaks between characters.
    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    static func svg(_ scene: Scene, renderer: ChartRenderer, options: RenderOptions = RenderOptions()) throws -> Data {
        try SVGBackend(textMeasurer: renderer.textMeasurer).render(scene, as: .svg, options: options)
    }

    @Test("each chart kind: well-formed XML, every label a <text> element", arguments: SampleCharts.all.map(\.name))
    func textElements(name: String) throws {
        let sample = SampleCharts.all.first { $0.name == name }!.chart
        let renderer = ChartRenderer()
        let scene = renderer.layout(sample.figure(theme: .paper)).scene
        let parsed = try ParsedSVG(try Self.svg(scene, renderer: renderer))

        let chart = sample.chart(theme: .paper)
        let title = try #require(chart.title, "every sample chart has a title")
        let axisTitles = chart.panels.flatMap { [$0.x.title, $0.y.title] }.compactMap { $0 }
        let tickLabels = scene.textRuns().filter { $0.groups.contains("tick-labels") }.map(\.run.text)
        // A chart whose axes all have explicit empty ticks (the slope chart labels its ends instead) has none.
        let hasTicks = chart.panels.contains { [$0.x, $0.y].contains { axis in axis.ticks.map { !$0.isEmpty } ?? true } }
        #expect(tickLabels.isEmpty != hasTicks, "\(name): tick labels \(hasTicks ? "missing" : "unexpected")")
        let texts = Set(parsed.texts.map(Self.squeezed))
        for label in [title] + axisTitles + tickLabels {
            #expect(texts.contains(Self.squeezed(label)), "\(name): no <text> holds \"\(label)\"")
        }
        // Every text run of the scene, and nothing else, is one <text>.
        #expect(parsed.texts.map(Self.squeezed).sorted() == scene.textRuns().map { Self.squeezed($0.run.text) }.sorted())
        #expect(parsed.root["width"] == SVGMarkup.number(scene.size.width) + "pt")
        #expect(parsed.root["height"] == SVGMarkup.number(scene.size.height) + "pt")
        #expect(parsed.root["viewBox"] == "0 0 \(SVGMarkup.number(scene.size.width)) \(SVGMarkup.number(scene.size.height))")
        #expect(Set(parsed.ids).count == parsed.ids.count, "\(name): ids repeat")
        #expect(parsed.ids.contains("plot") || parsed.ids.contains("marks"), "\(name): groups keep their names as ids")
        for attributes in parsed.textAttributes {
            #expect(attributes["font-family"]?.hasPrefix("'Liberation Sans', 'Arial', 'Helvetica', 'DejaVu Sans'") == true)
            #expect(attributes["xml:lang"] != nil)
        }
    }

    @Test("each chart kind: librsvg's drawing of the SVG matches Cairo's PNG", arguments: SampleCharts.all.map(\.name))
    func matchesCairo(name: String) throws {
        let sample = SampleCharts.all.first { $0.name == name }!.chart
        let renderer = ChartRenderer()
        let scene = renderer.layout(sample.figure(theme: .paper)).scene
        let (full, blocks, shapes) = try compare(scene, renderer: renderer, name: name)
        #expect(shapes <= Self.shapeTolerance, "\(name): without text, RMS \(shapes)")
        #expect(full <= Self.pixelTolerance, "\(name): RMS \(full)")
        #expect(blocks <= Self.blockTolerance, "\(name): RMS of 4 × 4 blocks \(blocks)")
    }

    @Test("the comparison notices text moved by one point")
    func comparisonIsSensitive() throws {
        let renderer = ChartRenderer()
        let scene = renderer.layout(SampleCharts.verticalBar.figure(theme: .paper)).scene
        let (w, h) = ChartRenderer.pixelSize(of: scene.size, dpi: Self.dpi)
        let cairo = try RasterImage(png: try renderer.render(scene, as: .png, options: RenderOptions(dpi: Self.dpi)))
        for (dx, dy) in [(1.0, 0.0), (0.0, 1.0), (0.5, 0.5)] {
            let moved = try RasterImage(png: try SVGRaster.rasterize(svg: try Self.svg(scene.movingText(dx: dx, dy: dy), renderer: renderer), width: w, height: h))
            let full = SVGRaster.rms(cairo, moved), blocks = SVGRaster.rms(cairo.downsampled(by: 4), moved.downsampled(by: 4))
            #expect(full > 2 * Self.pixelTolerance, "text moved by (\(dx), \(dy)) pt: RMS \(full)")
            #expect(blocks > 2 * Self.blockTolerance, "text moved by (\(dx), \(dy)) pt: block RMS \(blocks)")
        }
    }

    /// A scene with what the sample charts may lack: every marker shape opaque, translucent and
    /// outlined, hatching, a gradient, dashes with round caps, bevel joins, a negative-width
    /// rectangle, rotated text with a halo, and wrapped centred text.
    static func featureScene(_ renderer: ChartRenderer) -> Scene {
        let text = TextMaker(measurer: renderer.textMeasurer, language: "en")
        let font = FontSpec(family: Theme.defaultFontFamily, size: 9)
        var items: [SceneItem] = []
        for (i, shape) in MarkerShape.allCases.enumerated() {
            let x = 30 + Double(i) * 40
            let centers = (0..<4).map { Point(x: x + Double($0) * 4, y: 30 + Double($0) * 3) }
            items.append(.markers(MarkerBatch(shape: shape, diameter: 9, fill: Color(rgb: 0x0072B2), centers: centers)))
            items.append(.markers(MarkerBatch(shape: shape, diameter: 9, fill: Color(rgb: 0xD55E00, alpha: 0.5),
                                              centers: centers.map { Point(x: $0.x, y: $0.y + 25) })))
            items.append(.markers(MarkerBatch(shape: shape, diameter: 9, fill: Color(rgb: 0x009E73),
                                              outline: Stroke(color: .white, width: 0.8), centers: centers.map { Point(x: $0.x, y: $0.y + 50) })))
        }
        items.append(.hatch(Rect(x: 190, y: 20, width: 40, height: 30), background: .gray(0.95), line: .gray(0.5)))
        items.append(.gradient(Rect(x: 190, y: 60, width: 12, height: 50), colors: [Color(rgb: 0xFFFFCC), Color(rgb: 0xFD8D3C), Color(rgb: 0x800026)], vertical: true))
        items.append(.gradient(Rect(x: 210, y: 60, width: 50, height: 12), colors: [.white, Color(rgb: 0x0072B2, alpha: 0.6)], vertical: false))
        var zigzag = Path(polyline: [Point(x: 20, y: 130), Point(x: 60, y: 110), Point(x: 100, y: 135), Point(x: 140, y: 112)])
        zigzag.close()
        items.append(.path(zigzag, Paint(fill: Color(rgb: 0xF0E442, alpha: 0.7),
                                         stroke: Stroke(color: .black, width: 2, dash: [6, 3], cap: .round, join: .bevel))))
        items.append(.rect(Rect(x: 260, y: 130, width: -40, height: -15), Paint(stroke: Stroke(color: Color(rgb: 0xCC79A7), width: 1.5, join: .round))))
        items.append(.clipped(Rect(x: 150, y: 115, width: 30, height: 20), [.rect(Rect(x: 140, y: 105, width: 60, height: 40), .fill(.gray(0.3)))]))
        var rotated = text.run("Rotated with a halo", font: font, color: .black, at: Point(x: 280, y: 100), anchor: .center, rotation: 90)
        rotated.halo = Color(rgb: 0xFFD700)
        items.append(.group("labels", [
            .text(rotated),
            .text(text.run("A long note that wraps over several lines & keeps <markup> literal", font: font, color: .gray(0.25),
                           at: Point(x: 90, y: 145), anchor: .topCenter, wrapWidth: 120, alignment: .center)),
            .text(text.run("Right", font: font.bold, color: Color(rgb: 0x0072B2), at: Point(x: 300, y: 200), anchor: TextAnchor(.right, .baseline))),
        ]))
        return Scene(size: Size(width: 310, height: 210), background: .white, items: items)
    }

    @Test("every kind of scene item matches Cairo; wrapped text is one <text> with a <tspan> per line")
    func featureSceneMatchesCairo() throws {
        let renderer = ChartRenderer()
        let scene = Self.featureScene(renderer)
        let (full, blocks, shapes) = try compare(scene, renderer: renderer, name: "features")
        #expect(shapes <= Self.shapeTolerance, "without text, RMS \(shapes)")
        #expect(full <= Self.pixelTolerance, "RMS \(full)")
        #expect(blocks <= Self.blockTolerance, "RMS of 4 × 4 blocks \(blocks)")

        let data = try Self.svg(scene, renderer: renderer)
        let svg = String(decoding: data, as: UTF8.self)
        let parsed = try ParsedSVG(data)
        #expect(parsed.texts.count == 3)
        let note = "A long note that wraps over several lines & keeps <markup> literal"
        let lines = renderer.textMeasurer.lines(of: note, font: FontSpec(family: Theme.defaultFontFamily, size: 9), wrapWidth: 120)
        #expect(lines.count >= 3, "the note wraps: \(lines)")
        #expect(parsed.texts.contains(lines.joined(separator: " ")))
        #expect(parsed.elementCounts["tspan"] == lines.count)
        #expect(svg.contains("&amp; keeps") && svg.contains("&lt;markup&gt;"), "& and < are escaped")
        let rotatedAttributes = try #require(parsed.textAttributes.first { $0["transform"] != nil })
        #expect(rotatedAttributes["transform"] == "translate(280 100) rotate(-90)")
        #expect(rotatedAttributes["paint-order"] == "stroke")
        #expect(rotatedAttributes["stroke"] == "#FFD700")
        #expect(rotatedAttributes["text-anchor"] == "middle")
        let right = try #require(parsed.textAttributes.first { $0["font-weight"] == "bold" })
        #expect(right["text-anchor"] == "end" && right["x"] == "300")
        #expect(parsed.elementCounts["linearGradient"] == 2)
        #expect(parsed.elementCounts["clipPath"] == 2, "one for the clipped item, one for the hatching")
        #expect(Set(parsed.ids).count == parsed.ids.count)
    }

    @Test("the same scene gives the same bytes, from one backend or two")
    func deterministic() throws {
        let renderer = ChartRenderer()
        let scene = renderer.layout(SampleCharts.multilingual.figure(theme: .briefing)).scene
        // A fixed date: without SOURCE_DATE_EPOCH the renders could straddle a second.
        let options = RenderOptions(metadata: DocumentMetadata(date: DocumentMetadata.fixedCreationDate))
        let first = try Self.svg(scene, renderer: renderer, options: options)
        #expect(try Self.svg(scene, renderer: renderer, options: options) == first)
        let other = ChartRenderer()
        #expect(try Self.svg(other.layout(SampleCharts.multilingual.figure(theme: .briefing)).scene, renderer: other, options: options) == first)
        let svg = String(decoding: first, as: UTF8.self)
        #expect(svg.contains("xml:lang=\"zh-cn\""))
        #expect(svg.contains("'Noto Sans CJK SC'"))
    }

    @Test("a format other than SVG is refused")
    func otherFormats() throws {
        let renderer = ChartRenderer()
        let backend = SVGBackend(textMeasurer: renderer.textMeasurer)
        let scene = Self.featureScene(renderer)
        for format in [ImageFormat.png, .pdf, .eps] {
            #expect(throws: RenderError.self) { try backend.render(scene, as: format, options: RenderOptions()) }
        }
    }

    @Test("Backends.svgText: native SVG for .text, the original backend for .outlines and other formats")
    func backendChoice() throws {
        let figure = SampleCharts.verticalBar.figure(theme: .paper)
        let native = String(decoding: try Backends.cairo().svgText(.text).imageBackend(.svg).render(figure, as: .svg), as: UTF8.self)
        let outlines = String(decoding: try Backends.cairo().svgText(.outlines).imageBackend(.svg).render(figure, as: .svg), as: UTF8.self)
        #expect(native.contains("<text") && native.contains("Joint exercises became routine after 2009"))
        // Cairo writes each glyph once as a <symbol id="glyphN-M"> and places it with <use>.
        #expect(!outlines.contains("<text"))
        #expect(outlines.contains("id=\"glyph"))
        let png = try Backends.cairo().svgText(.text).imageBackend(.png).render(figure, as: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// RMS between Cairo's PNG and librsvg's drawing of the native SVG, for the whole scene and for
    /// the scene without text.
    func compare(_ scene: Scene, renderer: ChartRenderer, name: String) throws -> (full: Double, blocks: Double, shapes: Double) {
        let (w, h) = ChartRenderer.pixelSize(of: scene.size, dpi: Self.dpi)
        func both(_ scene: Scene, _ label: String) throws -> (Double, Double) {
            let cairoPNG = try renderer.render(scene, as: .png, options: RenderOptions(dpi: Self.dpi))
            let svg = try Self.svg(scene, renderer: renderer)
            let svgPNG = try SVGRaster.rasterize(svg: svg, width: w, height: h)
            let a = try RasterImage(png: cairoPNG), b = try RasterImage(png: svgPNG)
            try #require(a.width == b.width && a.height == b.height, "\(name): \(a.width)×\(a.height) against \(b.width)×\(b.height)")
            let rms = SVGRaster.rms(a, b)
            if ProcessInfo.processInfo.environment["SCOBRIEF_KEEP_SVG_RASTERS"] == "1" {
                let folder = SVGRaster.saveFailure(name: "\(name)-\(label)", cairo: cairoPNG, svg: svgPNG, a, b)
                try svg.write(to: folder.appendingPathComponent("native.svg"))
            }
            return (rms, SVGRaster.rms(a.downsampled(by: 4), b.downsampled(by: 4)))
        }
        let (full, blocks) = try both(scene, "full")
        return (full, blocks, try both(scene.withoutText, "shapes").0)
    }
}

/// `TextMeasurer.lines`: where a backend breaks a run into lines.
@Suite("Text lines") struct TextLinesTests {
    /// Every character 5 pt wide; only `measure` is given, so `lines` is the protocol's greedy default.
    struct FixedWidth: TextMeasurer {
        func measure(_ text: String, font: FontSpec, wrapWidth: Double?) -> TextMetrics {
            TextMetrics(width: Double(text.count) * 5, height: 10, baseline: 8, lineCount: 1)
        }
    }

    @Test func greedyDefaultFillsEachLine() {
        let font = FontSpec(family: "Test", size: 10)
        #expect(FixedWidth().lines(of: "aaa bbb ccc dd\nee", font: font, wrapWidth: 40) == ["aaa bbb", "ccc dd", "ee"])
        #expect(FixedWidth().lines(of: "aaa bbb", font: font, wrapWidth: nil) == ["aaa bbb"])
        #expect(FixedWidth().lines(of: "unbreakable-long-word x", font: font, wrapWidth: 20) == ["unbreakable-long-word", "x"])
    }

    @Test func pangoLinesAreTheLayoutsLines() {
        let measurer = PangoTextMeasurer()
        let font = FontSpec(family: Theme.defaultFontFamily, size: 9)
        let text = "Joint counter-terrorism exercises became routine after 2009, with Russia and China leading"
        let lines = measurer.lines(of: text, font: font, wrapWidth: 100)
        #expect(lines.count == measurer.measure(text, font: font, wrapWidth: 100).lineCount)
        #expect(lines.count >= 3)
        #expect(lines.joined(separator: " ") == text)
        for line in lines { #expect(measurer.measure(line, font: font).width <= 100, "\"\(line)\" is wider than the wrap width") }
        #expect(measurer.lines(of: "one\ntwo", font: font, wrapWidth: nil) == ["one", "two"])
        let chinese = measurer.lines(of: "上海合作组织成员国联合反恐演习", font: font, wrapWidth: 30)
        #expect(chinese.count > 1 && chinese.joined() == "上海合作组织成员国联合反恐演习")
    }
}
