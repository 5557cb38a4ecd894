import Foundation
import Testing
@testable import Render
@testable import RenderSVG

/// The native SVG backend against the Cairo one: the same scene must hold the same texts (as real
/// `<text>` elements) and, drawn by librsvg, look like Cairo's PNG of it.
@Suite("Native SVG backend") struct SVGBackendTests {
    static let dpi = 110.0

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
        #expect(!tickLabels.isEmpty, "\(name) has tick labels")
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
            #expect(attributes["font-family"]?.hasPrefix("'Liberation Sans', Arial, Helvetica") == true)
            #expect(attributes["xml:lang"] != nil)
        }
    }

    @Test("each chart kind: librsvg's drawing of the SVG matches Cairo's PNG", arguments: SampleCharts.all.map(\.name))
    func matchesCairo(name: String) throws {
        let sample = SampleCharts.all.first { $0.name == name }!.chart
        let renderer = ChartRenderer()
        let scene = renderer.layout(sample.figure(theme: .paper)).scene
        let (full, shapes) = try compare(scene, renderer: renderer, name: name)
        print("SVG-RMS \(name): full \(String(format: "%.3f", full)) shapes \(String(format: "%.3f", shapes))")
    }

    /// RMS between Cairo's PNG and librsvg's drawing of the native SVG, for the whole scene and for
    /// the scene without text.
    func compare(_ scene: Scene, renderer: ChartRenderer, name: String) throws -> (full: Double, shapes: Double) {
        let (w, h) = ChartRenderer.pixelSize(of: scene.size, dpi: Self.dpi)
        func both(_ scene: Scene, _ label: String) throws -> Double {
            let cairoPNG = try renderer.render(scene, as: .png, options: RenderOptions(dpi: Self.dpi))
            let svgPNG = try SVGRaster.rasterize(svg: try Self.svg(scene, renderer: renderer), width: w, height: h)
            let a = try RasterImage(png: cairoPNG), b = try RasterImage(png: svgPNG)
            try #require(a.width == b.width && a.height == b.height, "\(name): \(a.width)×\(a.height) against \(b.width)×\(b.height)")
            let rms = SVGRaster.rms(a, b)
            if ProcessInfo.processInfo.environment["SCOBRIEF_KEEP_SVG_RASTERS"] == "1" {
                SVGRaster.saveFailure(name: "\(name)-\(label)", cairo: cairoPNG, svg: svgPNG, a, b)
            }
            return rms
        }
        return (try both(scene, "full"), try both(scene.withoutText, "shapes"))
    }
}
