import CCairo
import Foundation
import Testing
import TestSupport
@testable import Render
@testable import RenderCairo

/// The PNG encoder's filters and colour types, checked against decoders that share no code with
/// it: a PNG decoder written here in Python (zlib for inflate and the checksums, the five filters
/// undone by hand as the PNG specification, 9.2, defines them) and cairo's libpng reader.
@Suite("PNG filters and colour types") struct PNGFilterTests {
    let renderer = ChartRenderer()

    /// Undoes filter `type` on one row (the PNG specification's reconstruction functions).
    static func unfilter(_ type: Int, _ row: [UInt8], previous: [UInt8], bpp: Int) -> [UInt8] {
        var out = row
        for i in 0..<row.count {
            let a = i >= bpp ? Int(out[i - bpp]) : 0, b = Int(previous[i]), c = i >= bpp ? Int(previous[i - bpp]) : 0
            let predictor: Int
            switch type {
            case 0: predictor = 0
            case 1: predictor = a
            case 2: predictor = b
            case 3: predictor = (a + b) / 2
            default:
                let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
            }
            out[i] = row[i] &+ UInt8(predictor)
        }
        return out
    }

    /// Every filter type, on rows of one to four channels and of one pixel or more (where Sub,
    /// Average and Paeth only ever see the zero left of the first pixel), with a zero row above
    /// the first: filtering then unfiltering gives the row back.
    @Test(arguments: [1, 2, 3, 4])
    func everyFilterTypeRoundTrips(channels: Int) {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func byte() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        for width in [1, 2, 7, 64] {
            let rowBytes = width * channels
            // Noise, a constant row and a ramp, so that differences wrap around in both directions.
            let rows: [[UInt8]] = [(0..<rowBytes).map { _ in byte() }, [UInt8](repeating: 255, count: rowBytes),
                                   (0..<rowBytes).map { UInt8(truncatingIfNeeded: $0 * 37) }, (0..<rowBytes).map { _ in byte() }]
            for type in 0..<5 {
                var previous = [UInt8](repeating: 0, count: rowBytes)
                for row in rows {
                    var filtered = [UInt8](repeating: 0, count: rowBytes)
                    row.withUnsafeBufferPointer { current in
                        previous.withUnsafeBufferPointer { above in
                            filtered.withUnsafeMutableBufferPointer { out in
                                PNGFilter.apply(type, current.baseAddress!, above.baseAddress!, rowBytes: rowBytes, channels: channels,
                                                into: out.baseAddress!)
                            }
                        }
                    }
                    #expect(Self.unfilter(type, filtered, previous: previous, bpp: channels) == row,
                            "filter \(type), \(channels) channels, width \(width)")
                    previous = row
                }
            }
        }
    }

    /// A surface of `width` × `height` pixels set by `pixel(x, y)` (cairo's premultiplied ARGB).
    func surface(width: Int, height: Int, alpha: Bool, pixel: (Int, Int) -> UInt32) throws -> CairoSurface {
        let surface = CairoSurface(cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, Int32(width), Int32(height)))
        try surface.check()
        cairo_surface_flush(surface.pointer)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer)) / 4
        let pixels = UnsafeMutableRawPointer(cairo_image_surface_get_data(surface.pointer)!).bindMemory(to: UInt32.self, capacity: stride * height)
        for y in 0..<height {
            for x in 0..<width { pixels[y * stride + x] = pixel(x, y) }
        }
        cairo_surface_mark_dirty(surface.pointer)
        return surface
    }

    /// Decodes `png` with the Python decoder: its colour type, the filter types its rows use, and
    /// its pixels as straight RGBA (as `RasterImage` holds them).
    static func decodeIndependently(_ png: Data) throws -> (colourType: Int, filters: Set<Int>, rgba: [UInt8]) {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.png"), output = folder.appendingPathComponent("out.rgba")
        try png.write(to: input)
        let printed = try ExternalTool.run("python3", ["-c", decoder, input.path, output.path])
        let fields = printed.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        return (fields.first ?? -1, Set(fields.dropFirst()), Array(try Data(contentsOf: output)))
    }

    /// A PNG decoder for 8-bit, non-interlaced files: checks every chunk's CRC, inflates IDAT
    /// with zlib (which checks the Adler-32) and undoes each row's filter; prints the colour type
    /// and the filter types used, and writes straight RGBA.
    static let decoder = #"""
    import struct, sys, zlib
    data = open(sys.argv[1], "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        assert zlib.crc32(kind + body) == struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])[0], kind
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    width, height, depth, ctype, _, _, interlace = ihdr
    assert depth == 8 and interlace == 0
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(idat)
    size = width * bpp
    assert len(raw) == height * (size + 1)
    previous, out, types = bytearray(size), bytearray(), set()
    for y in range(height):
        start = y * (size + 1)
        kind = raw[start]
        types.add(kind)
        row = bytearray(raw[start + 1:start + 1 + size])
        for i in range(size):
            a = row[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 0:
                p = 0
            elif kind == 1:
                p = a
            elif kind == 2:
                p = b
            elif kind == 3:
                p = (a + b) // 2
            elif kind == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            else:
                raise ValueError("filter type %d" % kind)
            row[i] = (row[i] + p) & 0xFF
        for x in range(width):
            px = row[x * bpp:(x + 1) * bpp]
            if ctype == 0:
                out += bytes([px[0]] * 3 + [255])
            elif ctype == 4:
                out += bytes([px[0]] * 3 + [px[1]])
            elif ctype == 2:
                out += px + b"\xff"
            else:
                out += px
        previous = row
    open(sys.argv[2], "wb").write(out)
    print(ctype, *sorted(types))
    """#

    /// Hand-made images in each colour type, one pixel wide and wider: grey ones are written with
    /// one channel (two with alpha), a single coloured pixel (the last one) makes the image RGB,
    /// and both decoders give back exactly the drawn pixels.
    @Test(arguments: [1, 3, 97])
    func colourTypeFollowsThePixels(width: Int) throws {
        let height = 12
        // Greys with every level in use across the rows, and bands that repeat the row above.
        func grey(_ x: Int, _ y: Int) -> UInt32 {
            let v = UInt32((x * 31 + (y / 3) * 67) & 0xFF)
            return 0xFF00_0000 | v << 16 | v << 8 | v
        }
        // Premultiplied: channels at most alpha.
        func translucentGrey(_ x: Int, _ y: Int) -> UInt32 {
            let a = UInt32((x * 13 + y * 29) & 0xFF), v = (grey(x, y) & 0xFF) * a / 255
            return a << 24 | v << 16 | v << 8 | v
        }
        let lastColoured = { (x: Int, y: Int, base: UInt32) -> UInt32 in
            x == width - 1 && y == height - 1 ? (base & 0xFF00_0000) | 0x0000_0100 | (base & 0x00FF_00FF) : base
        }
        let cases: [(String, Bool, (Int, Int) -> UInt32, UInt8)] = [
            ("grey RGB24", false, grey, 0),
            ("grey ARGB32 opaque", true, grey, 0),
            ("grey with alpha", true, translucentGrey, 4),
            ("one coloured pixel", false, { lastColoured($0, $1, grey($0, $1)) }, 2),
            ("colour with alpha", true, { x, y in
                let a = UInt32(y == 0 ? 0 : (x * 7 + y * 40) & 0xFF)
                return a << 24 | (a / 2) << 16 | (a / 3) << 8 | a
            }, 6),
        ]
        for (name, alpha, pixel, colourType) in cases {
            let drawn = try surface(width: width, height: height, alpha: alpha, pixel: pixel)
            let expected = RasterImage(surface: drawn)
            for compression in [PNGCompression.fast, .small] {
                let png = try PNGEncoder.encode(drawn, dpi: 300, compression: compression, scratch: renderer.scratch,
                                                compressors: renderer.compressors)
                let decoded = try Self.decodeIndependently(png)
                #expect(decoded.colourType == Int(colourType), "\(name), width \(width)")
                #expect(decoded.rgba == expected.rgba, "\(name), width \(width), \(compression): pixels differ (Python)")
                #expect(try RasterImage(png: png) == expected, "\(name), width \(width), \(compression): pixels differ (libpng)")
            }
        }
    }

    /// On a dense scatter the encoder keeps some bands unfiltered and others Sub/Up, the file
    /// decodes to the drawn pixels, and it is smaller than with Sub/Up alone: what the unfiltered
    /// bands are for.
    @Test func scatterMixesUnfilteredAndFilteredBands() throws {
        let figure = SampleCharts.scatter.figure(theme: .briefing)
        let drawn = try renderer.rasterise(renderer.layout(figure).scene, options: RenderOptions(dpi: 100))
        let expected = RasterImage(surface: drawn)
        let png = try PNGEncoder.encode(drawn, dpi: 100, compression: .fast, scratch: renderer.scratch, compressors: renderer.compressors)
        let decoded = try Self.decodeIndependently(png)
        #expect(decoded.colourType == 2)
        #expect(decoded.filters.contains(0) && !decoded.filters.isDisjoint(with: [1, 2]), "filter types \(decoded.filters.sorted())")
        #expect(decoded.rgba == expected.rgba)
        let subOrUp = try PNGEncoder.encode(drawn, dpi: 100, filter: .subOrUp, deflate: .libdeflate(level: PNGCompression.fast.level),
                                            scratch: renderer.scratch, compressors: renderer.compressors)
        #expect(png.count < subOrUp.count, "sub|up|none \(png.count) bytes, sub|up \(subOrUp.count)")
    }
}
