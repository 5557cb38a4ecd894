import Foundation
import Testing
@testable import Render
import RenderCairo
import TestSupport

@Suite("Markers") struct MarkerTests {
    /// Many markers go through the raster stamper; a few go through cairo paths. Both must draw the
    /// same picture.
    @Test func stampedMarkersMatchVectorMarkers() throws {
        var centers: [Point] = []
        for i in 0..<400 {
            centers.append(Point(x: 10 + Double(i % 20) * 9.37, y: 10 + Double(i / 20) * 7.13))
        }
        let color = Color(rgb: 0x0072B2, alpha: 0.7)
        let batch = MarkerBatch(shape: .circle, diameter: 5, fill: color, centers: centers)
        let clip = Rect(x: 20, y: 20, width: 150, height: 120)
        let stamped = Scene(size: Size(width: 200, height: 160), background: .white, items: [.clipped(clip, [.markers(batch)])])
        // Batches below the stamping threshold are drawn as vector paths.
        let small = stride(from: 0, to: centers.count, by: 100).map {
            SceneItem.markers(MarkerBatch(shape: .circle, diameter: 5, fill: color, centers: Array(centers[$0..<min($0 + 100, centers.count)])))
        }
        let vector = Scene(size: stamped.size, background: .white, items: [.clipped(clip, small)])
        let renderer = ChartRenderer()
        for dpi in [72.0, 300.0] {
            let a = try RasterImage(png: renderer.render(stamped, as: .png, options: RenderOptions(dpi: dpi)))
            let b = try RasterImage(png: renderer.render(vector, as: .png, options: RenderOptions(dpi: dpi)))
            let difference = ImageDifference(a, b, channelTolerance: 40)
            #expect(difference.differingFraction < 0.005, "at \(dpi) dpi: \(difference)")
            // Nothing is drawn outside the clip.
            #expect(a.ink(in: 0, 0, a.width, Int(19 * dpi / 72)) == 0)
        }
    }

    @Test func hundredThousandPointScatterRenders() throws {
        var points: [ScatterChart.Point] = []
        points.reserveCapacity(100_000)
        for i in 0..<100_000 {
            let t = Double(i)
            points.append(.init(x: (t * 0.618_033_988_75).truncatingRemainder(dividingBy: 1),
                                y: (t * 0.754_877_666_25).truncatingRemainder(dividingBy: 1)))
        }
        let png = try ChartRenderer().render(ScatterChart(points: points, pointSize: 1.5, opacity: 0.5).figure(), as: .png)
        let image = try RasterImage(png: png)
        #expect(image.width == 1004)
        // The cloud fills the plot: the middle of the image is well inked.
        let ink = image.ink(in: image.width / 3, image.height / 3, image.width / 2, image.height / 2)
        #expect(ink / Double((image.width / 6) * (image.height / 6)) > 0.3)
    }
}
