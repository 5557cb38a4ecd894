import Foundation
import Testing
@testable import Render
@testable import RenderCairo

@Suite("PNG encoding") struct PNGEncodingTests {
    let renderer = ChartRenderer()

    /// The drawn pixels of a sample chart, as the surface PNGs are encoded from.
    func surface(_ name: String, dpi: Double = 150, transparent: Bool = false) throws -> CairoSurface {
        let figure = SampleCharts.all.first { $0.name == name }!.chart.figure()
        return try renderer.rasterise(renderer.layout(figure).scene, options: RenderOptions(dpi: dpi, transparentBackground: transparent))
    }

    /// Flat charts, a dense scatter, text in three scripts and a transparent background: every
    /// compression decodes (through cairo's libpng and zlib, which check every checksum, not
    /// through libdeflate) to exactly the pixels that were drawn.
    @Test(arguments: ["bar-stacked", "heatmap", "scatter", "multilingual"])
    func encodingIsLossless(name: String) throws {
        for transparent in [false, true] {
            let drawn = try surface(name, transparent: transparent)
            let expected = RasterImage(surface: drawn)
            for compression in [PNGCompression.fast, .small] {
                let png = try PNGEncoder.encode(drawn, dpi: 150, compression: compression, scratch: renderer.scratch,
                                                compressors: renderer.compressors)
                let decoded = try RasterImage(png: png)
                #expect(decoded == expected, "\(name) transparent=\(transparent) \(compression): pixels differ")
            }
        }
    }

    /// Each filter rule must round-trip alone, the five-filter rule included (it picks Average and
    /// Paeth on the scatter's noisy rows), with zlib as well as libdeflate.
    @Test(arguments: PNGFilterChoice.allCases)
    func everyFilterRuleRoundTrips(filter: PNGFilterChoice) throws {
        let drawn = try surface("scatter")
        let expected = RasterImage(surface: drawn)
        for deflate in [PNGDeflate.libdeflate(level: 1), .zlib(level: 1, strategy: .rle)] {
            let png = try PNGEncoder.encode(drawn, dpi: 150, filter: filter, deflate: deflate, scratch: renderer.scratch,
                                            compressors: renderer.compressors)
            #expect(try RasterImage(png: png) == expected, "\(filter) with \(deflate)")
        }
    }

    /// The five-filter rule does use more than Sub and Up where the image is noisy.
    @Test func minimumSumUsesAverageOrPaethOnTheScatter() throws {
        let drawn = try surface("scatter")
        let (header, scanlines) = try PNGEncoder.filteredScanlines(drawn, filter: .minimumSum, scratch: renderer.scratch)
        let width = Int(header[0..<4].reduce(0) { $0 << 8 | UInt32($1) }), height = Int(header[4..<8].reduce(0) { $0 << 8 | UInt32($1) })
        let rowBytes = width * [0: 1, 2: 3, 4: 2, 6: 4][header[9]]! + 1
        let types = Set((0..<height).map { scanlines[$0 * rowBytes] })
        #expect(types.isSubset(of: [0, 1, 2, 3, 4]))
        #expect(!types.isDisjoint(with: [3, 4]), "filter types used: \(types.sorted())")
    }

    /// Sizes stay where the measurements put them (README, "PNG encoding"): the default within 15%
    /// of zlib level 6 on the same filtered rows (level 2 measured 0–6% larger, level 1 2–4% more), and `.small` smaller.
    @Test(arguments: ["bar-stacked", "heatmap", "scatter"])
    func sizesStayNearZlibLevelSix(name: String) throws {
        let drawn = try surface(name, dpi: 300)
        func size(_ filter: PNGFilterChoice, _ deflate: PNGDeflate) throws -> Int {
            try PNGEncoder.encode(drawn, dpi: 300, filter: filter, deflate: deflate, scratch: renderer.scratch,
                                  compressors: renderer.compressors).count
        }
        let fast = try PNGEncoder.encode(drawn, dpi: 300, compression: .fast, scratch: renderer.scratch,
                                         compressors: renderer.compressors).count
        let small = try PNGEncoder.encode(drawn, dpi: 300, compression: .small, scratch: renderer.scratch,
                                          compressors: renderer.compressors).count
        let zlib6 = try size(.subOrUp, .zlib(level: 6, strategy: .standard))
        #expect(Double(fast) <= Double(zlib6) * 1.15, "\(name): fast \(fast) bytes, zlib 6 \(zlib6)")
        #expect(small < fast, "\(name): small \(small) bytes, fast \(fast)")
    }

    @Test func encodingIsDeterministic() throws {
        let figure = SampleCharts.scatter.figure(theme: .briefing)
        for compression in [PNGCompression.fast, .small] {
            let options = RenderOptions(dpi: 200, pngCompression: compression)
            let first = try renderer.render(figure, as: .png, options: options)
            _ = try ChartRenderer().render(SampleCharts.heatMap.figure(), as: .png, options: options)
            let second = try ChartRenderer().render(figure, as: .png, options: options)
            #expect(first == second, "\(compression)")
        }
    }

    @Test func crcMatchesTheStandardCheckValue() {
        // CRC-32/ISO-HDLC's check value: the CRC of the ASCII digits "123456789".
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.update(CRC32.checksum(Array("1234".utf8)), Array("56789".utf8)) == 0xCBF4_3926)
    }
}
