import CCairo
import Foundation
import Testing
@testable import Render
@testable import RenderCairo

/// Rows that repeat the row above are written as deflate by `RepeatedRows`, without libdeflate:
/// the PNG must still decode (through cairo's libpng and zlib, which check every code and the
/// checksum) to exactly the drawn pixels, whatever the width (every remainder of a row's zeros
/// after 258-byte matches), wherever the runs fall (first, last, between compressed rows) and
/// whether one or two cores compress the other rows.
@Suite("PNG repeated rows") struct PNGRepeatedRowsTests {
    let renderer = ChartRenderer()

    /// An image whose rows are noise except for runs that repeat the row above: rows
    /// `repeated` (half-open ranges) copy the row before them.
    func surface(width: Int, height: Int, repeated: [Range<Int>], alpha: Bool) throws -> CairoSurface {
        let format = alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24
        let surface = CairoSurface(cairo_image_surface_create(format, Int32(width), Int32(height)))
        try surface.check()
        cairo_surface_flush(surface.pointer)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer)) / 4
        let pixels = UnsafeMutableRawPointer(cairo_image_surface_get_data(surface.pointer)!).bindMemory(to: UInt32.self, capacity: stride * height)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for y in 0..<height {
            let row = pixels + y * stride
            if y > 0, repeated.contains(where: { $0.contains(y) }) {
                row.update(from: row - stride, count: width)
                continue
            }
            for x in 0..<width {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Few colours, so that libdeflate finds matches as in a chart; opaque unless alpha.
                let value = (UInt32(truncatingIfNeeded: state >> 61) &* 0x0024_4A6F) & 0x00FF_FFFF
                // Cairo's pixels are premultiplied: a half-transparent pixel's channels are at most 0x80.
                row[x] = alpha && x % 7 == 0 ? 0x8000_0000 | (value & 0x007F_7F7F) : 0xFF00_0000 | value
            }
            // Noise rows differ from the row above in their first pixel, even one pixel wide.
            row[0] = 0xFF00_0000 | UInt32(y &* 40_503 & 0x00FF_FFFF)
        }
        cairo_surface_mark_dirty(surface.pointer)
        return surface
    }

    @Test(arguments: [1, 2, 3, 85, 86, 87, 172, 173, 259, 600])
    func repeatedRowsRoundTrip(width: Int) throws {
        let height = 40
        // A run at the top (after row 0), runs between noise, and one to the last row (the final block).
        let runs = [1..<6, 8..<9, 10..<20, 22..<25, 30..<40]
        for alpha in [false, true] {
            let drawn = try surface(width: width, height: height, repeated: runs, alpha: alpha)
            let (_, scanlines) = try PNGEncoder.filteredScanlines(drawn, filter: .subOrUp, scratch: renderer.scratch)
            let segments = RepeatedRows.segments(scanlines, rowLength: scanlines.count / height, height: height)
            #expect(segments.filter(\.repeated).map(\.rows) == [1..<6, 10..<20, 30..<40], "width \(width)")
            let expected = RasterImage(surface: drawn)
            for compression in [PNGCompression.fast, .small] {
                let png = try PNGEncoder.encode(drawn, dpi: 300, compression: compression, scratch: renderer.scratch,
                                                compressors: renderer.compressors)
                #expect(try RasterImage(png: png) == expected, "width \(width) alpha \(alpha) \(compression)")
            }
        }
    }

    /// Enough compressed rows for two cores: the middle stretch is cut at a row, and the bytes are
    /// the same as from another renderer (so they do not depend on which core finished first).
    @Test func twoCoresRoundTripAndRepeat() throws {
        let drawn = try surface(width: 1200, height: 500, repeated: [50..<120, 300..<301, 400..<480], alpha: false)
        let expected = RasterImage(surface: drawn)
        let first = try PNGEncoder.encode(drawn, dpi: 300, compression: .fast, scratch: renderer.scratch, compressors: renderer.compressors)
        #expect(try RasterImage(png: first) == expected)
        let other = ChartRenderer()
        let second = try PNGEncoder.encode(drawn, dpi: 300, compression: .fast, scratch: other.scratch, compressors: other.compressors)
        #expect(first == second)
    }

    /// The hand-written blocks are valid deflate to the stream walker as well, and end where
    /// they say: a final block at the end, or a non-final one followed by an empty stored block.
    @Test func blocksWalkAsDeflate() {
        for zeros in [0, 1, 2, 3, 257, 258, 259, 260, 261, 516, 6023] {
            var final: [UInt8] = []
            RepeatedRows.appendBlock(rows: 3, rowLength: zeros + 2, final: true, to: &final)
            final.withUnsafeBytes { bytes in
                let block = DeflateJoin.finalBlock(of: bytes)
                #expect(block != nil, "\(zeros) zeros")
                #expect(block.map { ($0.end + 7) / 8 } == bytes.count, "\(zeros) zeros")
            }
            var open: [UInt8] = []
            RepeatedRows.appendBlock(rows: 2, rowLength: zeros + 2, final: false, to: &open)
            #expect(Array(open.suffix(4)) == [0x00, 0x00, 0xFF, 0xFF])
            #expect(RepeatedRows.matchLengths(zeros).reduce(0, +) == zeros)
            #expect(RepeatedRows.matchLengths(zeros).allSatisfy { $0 <= 258 && ($0 >= 3 || zeros < 3) })
        }
    }
}
