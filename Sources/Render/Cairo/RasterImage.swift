import CCairo
import Foundation

/// Decoded pixels of a PNG, read with cairo (no extra image library). Used to compare renders
/// with reference images and to inspect glyph ink.
package struct RasterImage: Sendable, Equatable {
    package var width: Int
    package var height: Int
    /// Straight (not premultiplied) RGBA, row by row, 4 bytes per pixel.
    package var rgba: [UInt8]

    package init(width: Int, height: Int, rgba: [UInt8]) {
        self.width = width
        self.height = height
        self.rgba = rgba
    }

    /// Decodes PNG bytes.
    package init(png: Data) throws {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader(Array(png))
        let read: cairo_read_func_t = { closure, data, length in
            let r = Unmanaged<Reader>.fromOpaque(closure!).takeUnretainedValue()
            let n = Int(length)
            guard r.offset + n <= r.bytes.count, let data else { return CAIRO_STATUS_READ_ERROR }
            r.bytes.withUnsafeBufferPointer { src in
                data.update(from: src.baseAddress! + r.offset, count: n)
            }
            r.offset += n
            return CAIRO_STATUS_SUCCESS
        }
        let surface = CairoSurface(cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque()))
        try withExtendedLifetime(reader) { try surface.check() }
        self.init(surface: surface)
    }

    /// Reads a PNG file.
    package init(contentsOf url: URL) throws {
        try self.init(png: try Data(contentsOf: url))
    }

    init(surface: CairoSurface) {
        let s = surface.pointer
        cairo_surface_flush(s)
        width = Int(cairo_image_surface_get_width(s))
        height = Int(cairo_image_surface_get_height(s))
        let stride = Int(cairo_image_surface_get_stride(s))
        let hasAlpha = cairo_image_surface_get_format(s) == CAIRO_FORMAT_ARGB32
        var out = [UInt8](repeating: 0, count: width * height * 4)
        if let data = cairo_image_surface_get_data(s) {
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride).bindMemory(to: UInt32.self, capacity: width)
                for x in 0..<width {
                    let p = row[x]
                    let a = hasAlpha ? (p >> 24) & 0xFF : 255
                    func channel(_ v: UInt32) -> UInt8 {
                        a == 0 ? 0 : a == 255 ? UInt8(v) : UInt8(min(255, (v * 255 + a / 2) / a))
                    }
                    let i = (y * width + x) * 4
                    out[i] = channel((p >> 16) & 0xFF)
                    out[i + 1] = channel((p >> 8) & 0xFF)
                    out[i + 2] = channel(p & 0xFF)
                    out[i + 3] = UInt8(a)
                }
            }
        }
        rgba = out
    }

    /// Straight RGBA of one pixel.
    package func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let i = (y * width + x) * 4
        return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3])
    }

    /// The top-left `width` × `height` pixels.
    package func cropped(width w: Int, height h: Int) -> RasterImage {
        let w = min(w, width), h = min(h, height)
        var out: [UInt8] = []
        out.reserveCapacity(w * h * 4)
        for y in 0..<h { out += rgba[(y * width * 4)..<((y * width + w) * 4)] }
        return RasterImage(width: w, height: h, rgba: out)
    }

    /// Darkness of a pixel composited on white, 0 (white) ... 1 (black).
    package func ink(x: Int, y: Int) -> Double {
        let p = pixel(x: x, y: y)
        let alpha = Double(p.a) / 255
        let gray = (Double(p.r) * 0.299 + Double(p.g) * 0.587 + Double(p.b) * 0.114) / 255
        return (1 - gray) * alpha
    }
}

/// How two images differ, counted per pixel: a pixel differs when any channel differs by more
/// than `channelTolerance`. Anti-aliasing changes (a different rasteriser, a font update) move
/// edge pixels by small amounts; a real change moves many pixels by a lot.
package struct ImageDifference: Sendable, CustomStringConvertible {
    package var differingPixels: Int
    package var totalPixels: Int
    package var largestChannelDifference: Int
    package var sameSize: Bool

    package var differingFraction: Double { totalPixels == 0 ? 0 : Double(differingPixels) / Double(totalPixels) }

    package init(_ a: RasterImage, _ b: RasterImage, channelTolerance: Int) {
        sameSize = a.width == b.width && a.height == b.height
        totalPixels = a.width * a.height
        differingPixels = sameSize ? 0 : totalPixels
        largestChannelDifference = sameSize ? 0 : 255
        guard sameSize else { return }
        for i in stride(from: 0, to: a.rgba.count, by: 4) {
            var worst = 0
            for c in 0..<4 { worst = max(worst, abs(Int(a.rgba[i + c]) - Int(b.rgba[i + c]))) }
            largestChannelDifference = max(largestChannelDifference, worst)
            if worst > channelTolerance { differingPixels += 1 }
        }
    }

    package var description: String {
        sameSize
            ? String(format: "%d of %d pixels differ (%.3f%%), largest channel difference %d", differingPixels, totalPixels,
                     differingFraction * 100, largestChannelDifference)
            : "images differ in size"
    }
}
