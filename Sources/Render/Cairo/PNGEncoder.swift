import CCairo
import CDeflate
import Foundation

/// Writes cairo image surfaces as PNG, with the resolution recorded in a `pHYs` chunk so that
/// layout programs place a 300 dpi figure at its intended physical size.
///
/// Encodes the pixels itself rather than through cairo's libpng writer, whose zlib compression at
/// the default level is most of the time spent on a 300 dpi figure. `.fast` (the default) uses
/// `ScanlineDeflate`; `.zlib` uses Sub/Up filters and zlib for smaller files. Falls back to cairo's
/// writer (inserting `pHYs`) if zlib is asked for and cannot be loaded.
enum PNGEncoder {
    static func encode(_ surface: CairoSurface, dpi: Double, compression: PNGCompression = .fast, parallel: Bool = true,
                       scratch: ScratchMemory = ScratchMemory()) throws -> Data {
        cairo_surface_flush(surface.pointer)
        if let bytes = encodeDirectly(surface.pointer, dpi: dpi, compression: compression, parallel: parallel, scratch: scratch) {
            return bytes
        }
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface.pointer, ByteSink.write, sink.opaque)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.pngEncoding(String(cString: cairo_status_to_string(status))) }
        return Data(insertingPhysicalSize(into: sink.bytes, dpi: dpi))
    }

    private static func encodeDirectly(_ surface: OpaquePointer, dpi: Double, compression: PNGCompression, parallel: Bool,
                                       scratch: ScratchMemory) -> Data? {
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let format = cairo_image_surface_get_format(surface)
        guard width > 0, height > 0, format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24,
              let data = cairo_image_surface_get_data(surface) else { return nil }
        let pixels = UnsafeRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * height)
        let hasAlpha = format == CAIRO_FORMAT_ARGB32 && !isOpaque(pixels, width: width, height: height, stride: stride)

        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, hasAlpha ? 6 : 2, 0, 0, 0]  // 8 bits, RGBA or RGB, deflate, adaptive filtering, no interlace

        switch compression {
        case .fast:
            let stream = ScanlineDeflate.zlibStream(pixels: pixels, width: width, height: height, stride: stride, alpha: hasAlpha,
                                                    parallel: parallel, scratch: scratch)
            var trailer: [UInt8] = []
            trailer.appendBigEndian(stream.adler)
            // zlib header: deflate, 32 KB window, no preset dictionary, fastest-compression flag.
            let zlibHeaderBytes: [UInt8] = [0x78, 0x01]
            return zlibHeaderBytes.withUnsafeBytes { zlibHeader in
                trailer.withUnsafeBytes { adler in
                    assemble(header: header, dpi: dpi, idat: [zlibHeader] + stream.strips + [adler])
                }
            }
        case .zlib(let level):
            guard let bytes = zlibCompressed(pixels, width: width, height: height, stride: stride, alpha: hasAlpha, level: level) else {
                return nil
            }
            return bytes.withUnsafeBytes { assemble(header: header, dpi: dpi, idat: [$0]) }
        }
    }

    /// Filtered scanlines compressed by a deflate library.
    static func encode(_ surface: CairoSurface, dpi: Double, filter: PNGFilterChoice, deflate: PNGDeflate,
                       scratch: ScratchMemory, compressors: DeflateCompressors) throws -> Data {
        let (header, scanlines) = try filteredScanlines(surface, filter: filter, scratch: scratch)
        let stream = try deflate.zlibStream(scanlines, scratch: scratch, compressors: compressors)
        return assemble(header: header, dpi: dpi, idat: [stream])
    }

    /// The IHDR data and the filtered scanlines (in `scratch`, valid until its next use) of an
    /// RGB24 or ARGB32 surface; RGBA only if some pixel is not opaque.
    static func filteredScanlines(_ surface: CairoSurface, filter: PNGFilterChoice, scratch: ScratchMemory) throws
        -> (header: [UInt8], scanlines: UnsafeRawBufferPointer) {
        let s = surface.pointer
        cairo_surface_flush(s)
        let width = Int(cairo_image_surface_get_width(s)), height = Int(cairo_image_surface_get_height(s))
        let stride = Int(cairo_image_surface_get_stride(s)) / 4
        let format = cairo_image_surface_get_format(s)
        guard width > 0, height > 0, format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24,
              let data = cairo_image_surface_get_data(s) else { throw RenderError.pngEncoding("not an RGB24 or ARGB32 image surface") }
        let pixels = UnsafeRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * height)
        let hasAlpha = format == CAIRO_FORMAT_ARGB32 && !isOpaque(pixels, width: width, height: height, stride: stride)
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, hasAlpha ? 6 : 2, 0, 0, 0]  // 8 bits, RGBA or RGB, deflate, adaptive filtering, no interlace
        let count = height * (width * (hasAlpha ? 4 : 3) + 1)
        let filtered = scratch.buffer("png-filtered", count: count, of: UInt8.self)
        PNGFilter.filter(pixels: pixels, width: width, height: height, stride: stride, alpha: hasAlpha, choice: filter, into: filtered)
        return (header, UnsafeRawBufferPointer(start: filtered, count: count))
    }

    /// The PNG file in one allocation: signature, IHDR, pHYs, one IDAT made of `idat` pieces, IEND.
    private static func assemble(header: [UInt8], dpi: Double, idat: [UnsafeRawBufferPointer]) -> Data {
        let idatLength = idat.reduce(0) { $0 + $1.count }
        var data = Data(capacity: signature.count + idatLength + 128)
        data.append(contentsOf: signature)
        var small: [UInt8] = []
        appendChunk("IHDR", header, to: &small)
        appendChunk("pHYs", physicalSizeData(dpi: dpi), to: &small)
        small.appendBigEndian(UInt32(idatLength))
        small += Array("IDAT".utf8)
        data.append(contentsOf: small)
        var crc = CRC32.update(0xFFFF_FFFF, Array("IDAT".utf8))
        for piece in idat {
            data.append(contentsOf: piece)
            crc = CRC32.update(crc, piece)
        }
        var tail: [UInt8] = []
        tail.appendBigEndian(crc ^ 0xFFFF_FFFF)
        appendChunk("IEND", [], to: &tail)
        data.append(contentsOf: tail)
        return data
    }

    /// Sub/Up-filtered scanlines compressed by zlib: smaller files, several times slower.
    private static func zlibCompressed(_ pixels: UnsafePointer<UInt32>, width: Int, height: Int, stride: Int, alpha hasAlpha: Bool,
                                       level: Int) -> [UInt8]? {
        guard Zlib.isAvailable else { return nil }
        let channels = hasAlpha ? 4 : 3
        let rowBytes = width * channels
        var filtered = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        let rows = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * rowBytes)
        defer { rows.deallocate() }
        rows.initialize(repeating: 0, count: 2 * rowBytes)
        var previous = rows, current = rows + rowBytes
        filtered.withUnsafeMutableBufferPointer { buffer in
            let out = buffer.baseAddress!
            for y in 0..<height {
                unpack(pixels + y * stride, width: width, alpha: hasAlpha, into: current)
                // Sub or Up, whichever gives the smaller sum of absolute (signed) differences: the
                // heuristic the PNG specification recommends.
                var sumSub = 0, sumUp = 0
                for i in 0..<rowBytes {
                    let left: UInt8 = i >= channels ? current[i - channels] : 0
                    sumSub &+= Int(Int8(bitPattern: current[i] &- left).magnitude)
                    sumUp &+= Int(Int8(bitPattern: current[i] &- previous[i]).magnitude)
                }
                let row = out + y * (rowBytes + 1)
                if y > 0 && sumUp < sumSub {
                    row[0] = 2
                    for i in 0..<rowBytes { row[1 + i] = current[i] &- previous[i] }
                } else {
                    row[0] = 1
                    for i in 0..<channels { row[1 + i] = current[i] }
                    for i in channels..<max(rowBytes, channels) { row[1 + i] = current[i] &- current[i - channels] }
                }
                swap(&previous, &current)
            }
        }
        return filtered.withUnsafeBufferPointer { Zlib.compress($0, level: level) }
    }

    private static func isOpaque(_ pixels: UnsafePointer<UInt32>, width: Int, height: Int, stride: Int) -> Bool {
        for y in 0..<height {
            let row = pixels + y * stride
            for x in 0..<width where row[x] >> 24 != 0xFF { return false }
        }
        return true
    }

    /// Cairo's native-endian premultiplied ARGB to PNG's RGB(A), undoing the premultiplication.
    private static func unpack(_ row: UnsafePointer<UInt32>, width: Int, alpha: Bool, into out: UnsafeMutablePointer<UInt8>) {
        if alpha {
            for x in 0..<width {
                let p = row[x]
                let a = (p >> 24) & 0xFF
                var r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                if a != 0 && a != 255 {
                    r = min(255, (r * 255 + a / 2) / a)
                    g = min(255, (g * 255 + a / 2) / a)
                    b = min(255, (b * 255 + a / 2) / a)
                }
                out[4 * x] = UInt8(r)
                out[4 * x + 1] = UInt8(g)
                out[4 * x + 2] = UInt8(b)
                out[4 * x + 3] = UInt8(a)
            }
        } else {
            for x in 0..<width {
                let p = row[x]
                out[3 * x] = UInt8((p >> 16) & 0xFF)
                out[3 * x + 1] = UInt8((p >> 8) & 0xFF)
                out[3 * x + 2] = UInt8(p & 0xFF)
            }
        }
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Pixels per metre in x and y, unit "metre" (300 dpi = 11811).
    static func physicalSizeData(dpi: Double) -> [UInt8] {
        let perMetre = UInt32((dpi / 0.0254).rounded())
        var data: [UInt8] = []
        data.appendBigEndian(perMetre)
        data.appendBigEndian(perMetre)
        data.append(1)
        return data
    }

    /// Inserts a `pHYs` chunk right after IHDR (which is always the first chunk, 8 + 25 bytes in).
    static func insertingPhysicalSize(into png: [UInt8], dpi: Double) -> [UInt8] {
        let afterHeader = 8 + 8 + 13 + 4
        guard png.count > afterHeader else { return png }
        var chunk: [UInt8] = []
        appendChunk("pHYs", physicalSizeData(dpi: dpi), to: &chunk)
        var result = Array(png[..<afterHeader])
        result += chunk
        result += png[afterHeader...]
        return result
    }

    static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        png += typeBytes
        png += data
        png.appendBigEndian(CRC32.checksum(typeBytes, data))
    }
}

/// CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        checksum(Array(bytes), [])
    }

    /// The CRC of `a` followed by `b`, without joining them.
    static func checksum(_ a: [UInt8], _ b: [UInt8]) -> UInt32 {
        let c = a.withUnsafeBytes { update(0xFFFF_FFFF, $0) }
        return b.withUnsafeBytes { update(c, $0) } ^ 0xFFFF_FFFF
    }

    /// Continues a CRC (start from 0xFFFFFFFF, finish by inverting) over more bytes.
    static func update(_ crc: UInt32, _ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBytes { update(crc, $0) } }

    static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        // libdeflate's crc32 works on the finished value (it inverts on entry and exit).
        if bytes.count > 4096 { return libdeflate_crc32(crc ^ 0xFFFF_FFFF, bytes.baseAddress, bytes.count) ^ 0xFFFF_FFFF }
        var c = crc
        table.withUnsafeBufferPointer { table in
            for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        }
        return c
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24))
        append(UInt8((v >> 16) & 0xFF))
        append(UInt8((v >> 8) & 0xFF))
        append(UInt8(v & 0xFF))
    }
}
