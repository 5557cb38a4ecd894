import CCairo
import CDeflate
import Foundation
import Render

/// Writes cairo image surfaces as PNG, with the resolution recorded in a `pHYs` chunk so that
/// layout programs place a 300 dpi figure at its intended physical size.
///
/// Filters the scanlines itself (`PNGFilter`) and compresses them with libdeflate, rather than
/// through cairo's libpng writer: libpng's zlib at its default level is most of the time spent on
/// a 300 dpi figure, and cairo's writer has no `pHYs`. The choice of libdeflate, its level and the
/// filter rule were measured on the benchmark figures (README, "PNG encoding"; Scripts/bench-png).
enum PNGEncoder {
    ///
    /// With `consumingPixels` the scanlines are filtered into the surface's own pixel memory where
    /// they fit (opaque images), so the surface holds garbage afterwards: for a render's last use of its pixels.
    static func encode(_ surface: CairoSurface, dpi: Double, compression: PNGCompression, scratch: ScratchMemory,
                       compressors: DeflateCompressors, consumingPixels: Bool = false) throws -> Data {
        try encode(surface, dpi: dpi, filter: .subOrUpOrNone, deflate: .libdeflate(level: compression.level), scratch: scratch,
                   compressors: compressors, consumingPixels: consumingPixels)
    }

    /// Filtered scanlines compressed by a deflate library.
    static func encode(_ surface: CairoSurface, dpi: Double, filter: PNGFilterChoice, deflate: PNGDeflate,
                       scratch: ScratchMemory, compressors: DeflateCompressors, consumingPixels: Bool = false) throws -> Data {
        let rows = try filteredRows(surface, filter: filter, scratch: scratch, consumingPixels: consumingPixels)
        let height = Int(rows.header[4..<8].reduce(0) { $0 << 8 | UInt32($1) })
        let stream = try deflate.zlibStream(rows.scanlines, rowLength: rows.scanlines.count / height, unfiltered: rows.unfiltered,
                                            scratch: scratch, compressors: compressors)
        return assemble(header: rows.header, dpi: dpi, idat: stream)
    }

    /// The IHDR data and the filtered scanlines (in `scratch`, valid until its next use) of an
    /// RGB24 or ARGB32 surface, in the colour type with the fewest channels that holds its pixels
    /// (`PNGColour`). With `consumingPixels`, an opaque image is filtered into its own pixel memory
    /// (see `encode`).
    static func filteredScanlines(_ surface: CairoSurface, filter: PNGFilterChoice, scratch: ScratchMemory,
                                  consumingPixels: Bool = false) throws -> (header: [UInt8], scanlines: UnsafeRawBufferPointer) {
        let rows = try filteredRows(surface, filter: filter, scratch: scratch, consumingPixels: consumingPixels)
        return (rows.header, rows.scanlines)
    }

    /// `filteredScanlines`, and for `subOrUpOrNone` the unfiltered rows beside them (see
    /// `PNGFilter.filter`), in `scratch` too.
    static func filteredRows(_ surface: CairoSurface, filter: PNGFilterChoice, scratch: ScratchMemory, consumingPixels: Bool = false)
        throws -> (header: [UInt8], scanlines: UnsafeRawBufferPointer, unfiltered: UnsafeMutableRawPointer?) {
        let s = surface.pointer
        cairo_surface_flush(s)
        let width = Int(cairo_image_surface_get_width(s)), height = Int(cairo_image_surface_get_height(s))
        let stride = Int(cairo_image_surface_get_stride(s)) / 4
        let format = cairo_image_surface_get_format(s)
        guard width > 0, height > 0, format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24,
              let data = cairo_image_surface_get_data(s) else { throw RenderError.pngEncoding("not an RGB24 or ARGB32 image surface") }
        let pixels = UnsafeRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * height)
        let colour = PNGColour.of(pixels, width: width, height: height, stride: stride, mayHaveAlpha: format == CAIRO_FORMAT_ARGB32)
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, colour.colourType, 0, 0, 0]  // 8 bits, colour type, deflate, adaptive filtering, no interlace
        let rowLength = width * colour.channels + 1
        let count = height * rowLength
        // In place only when a filtered row fits in a pixel row (at most 4 bytes a pixel and a
        // filter byte against 4 bytes a pixel): every colour type but RGBA.
        let inPlace = consumingPixels && rowLength <= 4 * stride
        let filtered = inPlace ? data : scratch.buffer("png-filtered", count: count, of: UInt8.self)
        let unfiltered = filter == .subOrUpOrNone ? scratch.buffer("png-unfiltered", count: count, of: UInt8.self) : nil
        PNGFilter.filter(pixels: pixels, width: width, height: height, stride: stride, colour: colour, choice: filter, into: filtered,
                         unfiltered: unfiltered)
        return (header, UnsafeRawBufferPointer(start: filtered, count: count), unfiltered.map { UnsafeMutableRawPointer($0) })
    }

    /// The PNG file in one allocation: signature, IHDR, pHYs, one IDAT holding `idat`, IEND.
    private static func assemble(header: [UInt8], dpi: Double, idat: UnsafeRawBufferPointer) -> Data {
        var data = Data(capacity: signature.count + idat.count + 128)
        data.append(contentsOf: signature)
        var small: [UInt8] = []
        appendChunk("IHDR", header, to: &small)
        appendChunk("pHYs", physicalSizeData(dpi: dpi), to: &small)
        small.appendBigEndian(UInt32(idat.count))
        small += Array("IDAT".utf8)
        data.append(contentsOf: small)
        data.append(contentsOf: idat)
        var tail: [UInt8] = []
        tail.appendBigEndian(CRC32.update(CRC32.checksum(Array("IDAT".utf8)), idat))
        appendChunk("IEND", [], to: &tail)
        data.append(contentsOf: tail)
        return data
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

    static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        png += typeBytes
        png += data
        png.appendBigEndian(CRC32.update(CRC32.checksum(typeBytes), data))
    }
}

/// CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320), computed by libdeflate.
enum CRC32 {
    /// The CRC of `bytes`.
    static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 { update(0, Array(bytes)) }

    /// The CRC of the bytes `crc` was computed over, followed by `bytes`.
    static func update(_ crc: UInt32, _ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBytes { update(crc, $0) } }

    static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        libdeflate_crc32(crc, bytes.baseAddress, bytes.count)
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
