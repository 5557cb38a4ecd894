import Foundation
import Testing
@testable import Render
import RenderCairo
import TestSupport

/// The reference comparison must see a one-pixel move of a single label, and must show where.
@Suite("Image comparison") struct ImageComparisonTests {
    /// The visual regression tests' resolution, where one pixel is 72/110 pt.
    let dpi = VisualRegressionTests.dpi

    /// Moves the first text item (in painting order) right by `dx` points.
    func shiftingFirstLabel(_ items: [SceneItem], by dx: Double, done: inout Bool) -> [SceneItem] {
        items.map { item in
            guard !done else { return item }
            switch item {
            case .text(var run):
                done = true
                run.position.x += dx
                return .text(run)
            case let .group(name, children): return .group(name, shiftingFirstLabel(children, by: dx, done: &done))
            case let .clipped(rect, children): return .clipped(rect, shiftingFirstLabel(children, by: dx, done: &done))
            default: return item
            }
        }
    }

    @Test func oneLabelMovedByOnePixelExceedsTheTolerance() throws {
        let renderer = ChartRenderer()
        let scene = renderer.layout(SampleCharts.all.first { $0.name == "bar-vertical" }!.chart.figure(theme: .paper)).scene
        var moved = scene, done = false
        moved.items = shiftingFirstLabel(scene.items, by: 72 / dpi, done: &done)
        #expect(done)
        let options = RenderOptions(dpi: dpi)
        let reference = try RasterImage(png: renderer.render(scene, as: .png, options: options))
        let actual = try RasterImage(png: renderer.render(moved, as: .png, options: options))

        #expect(ImageComparison(reference: reference, actual: reference).rms == 0)
        let comparison = ImageComparison(reference: reference, actual: actual)
        // Measured RMS 3.7; the check wants a clear margin, not just a crossing.
        #expect(comparison.rms > 4 * References.rmsTolerance, "\(comparison)")

        // The difference image is red exactly where the pixels differ, and light elsewhere.
        let diff = comparison.differenceImage()
        var red = 0
        for y in 0..<diff.height {
            for x in 0..<diff.width {
                let p = diff.pixel(x: x, y: y)
                let differs = reference.pixel(x: x, y: y) != actual.pixel(x: x, y: y)
                if differs { #expect(p.r == 255 && p.g < 128, "pixel \(x),\(y)") ; red += 1 }
                else { #expect(p.r == p.g && p.g >= 191) }
            }
        }
        #expect(red == comparison.differingPixels)
        let path = try #require(comparison.writeDiagnosticImages(named: "image-comparison-self-test.png"))
        #expect(try RasterImage(contentsOf: URL(fileURLWithPath: path)) == diff)
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: path.replacingOccurrences(of: "-diff.png", with: "-actual.png"))
    }
}
