import Foundation
import Testing
@testable import Render
@testable import RenderCairo

@Suite("PNG encoding") struct PNGEncodingTests {
    let renderer = ChartRenderer()

    /// Flat charts, a dense scatter and a transparent background: the fast encoder must decode
    /// (through cairo's libpng and zlib, which check every checksum) to exactly the pixels zlib's
    /// encoding of the same render gives.
    @Test(arguments: ["bar-stacked", "heatmap", "scatter", "multilingual"])
    func fastEncodingIsLossless(name: String) throws {
        let figure = SampleCharts.all.first { $0.name == name }!.chart.figure()
        for transparent in [false, true] {
            let fast = try renderer.render(figure, as: .png, options: RenderOptions(dpi: 150, transparentBackground: transparent))
            let zlib = try renderer.render(figure, as: .png, options: RenderOptions(dpi: 150, transparentBackground: transparent,
                                                                                     pngCompression: .zlib(level: 6)))
            let a = try RasterImage(png: fast), b = try RasterImage(png: zlib)
            #expect(a == b, "\(name) transparent=\(transparent): pixels differ")
            #expect(Double(fast.count) < Double(zlib.count) * 2.5, "fast encoding should stay within 2.5 times zlib's size")
        }
    }

    @Test func parallelAndSerialEncodingGiveTheSameBytes() throws {
        let figure = SampleCharts.scatter.figure(theme: .briefing)
        let parallel = try renderer.render(figure, as: .png, options: RenderOptions(dpi: 200, parallelEncoding: true))
        let serial = try renderer.render(figure, as: .png, options: RenderOptions(dpi: 200, parallelEncoding: false))
        #expect(parallel == serial)
    }

    @Test func adlerChecksumsCombine() {
        func adler(_ bytes: [UInt8]) -> UInt32 {
            var a: UInt32 = 1, b: UInt32 = 0
            for byte in bytes {
                a = (a + UInt32(byte)) % 65521
                b = (b + a) % 65521
            }
            return b << 16 | a
        }
        let first = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }, second = (0..<7_777).map { UInt8(truncatingIfNeeded: $0 * 13) }
        #expect(ScanlineDeflate.adlerCombine(adler(first), adler(second), length: second.count) == adler(first + second))
    }

    @Test func huffmanLengthsRespectTheLimit() {
        // Fibonacci frequencies give the deepest possible tree.
        var frequencies: [UInt32] = [1, 1]
        while frequencies.count < 30 { frequencies.append(frequencies[frequencies.count - 1] + frequencies[frequencies.count - 2]) }
        let lengths = Huffman.lengths(frequencies, limit: 15)
        #expect(lengths.max()! <= 15)
        // Kraft's inequality holds with equality for a complete prefix code.
        let kraft = lengths.reduce(0.0) { $0 + pow(2, -Double($1)) }
        #expect(abs(kraft - 1) < 1e-9)
    }
}
