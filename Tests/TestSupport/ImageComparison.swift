import Foundation
import Render
import RenderCairo

/// How far a rendered image is from its reference: the root mean square of the differences of
/// every channel (R, G, B, A) of every pixel, in levels of 0...255.
///
/// One number over the whole image, rather than a count of pixels past a per-pixel threshold,
/// so that many small differences and a few large ones both add up: a label moved by one pixel
/// changes the RMS of a chart by far more than the tolerance, while identical renders give 0.
package struct ImageComparison: Sendable, CustomStringConvertible {
    /// Root mean square channel difference, 0 for identical images (infinity when sizes differ).
    package let rms: Double
    /// Pixels in which any channel differs at all.
    package let differingPixels: Int
    /// Largest difference of one channel anywhere.
    package let largestChannelDifference: Int
    /// Whether both images have the same width and height.
    package let sameSize: Bool
    private let reference: RasterImage
    private let actual: RasterImage

    /// Compares `actual` with `reference`, channel by channel.
    package init(reference: RasterImage, actual: RasterImage) {
        self.reference = reference
        self.actual = actual
        sameSize = reference.width == actual.width && reference.height == actual.height
        guard sameSize else {
            rms = .infinity
            differingPixels = reference.width * reference.height
            largestChannelDifference = 255
            return
        }
        var sumOfSquares = 0.0, differing = 0, largest = 0
        for pixel in stride(from: 0, to: reference.rgba.count, by: 4) {
            var worst = 0
            for channel in 0..<4 {
                let d = abs(Int(reference.rgba[pixel + channel]) - Int(actual.rgba[pixel + channel]))
                sumOfSquares += Double(d * d)
                worst = max(worst, d)
            }
            if worst > 0 { differing += 1 }
            largest = max(largest, worst)
        }
        rms = reference.rgba.isEmpty ? 0 : (sumOfSquares / Double(reference.rgba.count)).squareRoot()
        differingPixels = differing
        largestChannelDifference = largest
    }

    /// The reference faded to light grey, with every differing pixel in red, the stronger the
    /// larger its difference, so the eye finds at once where the render moved.
    package func differenceImage() -> RasterImage {
        guard sameSize else { return actual }
        var out = [UInt8](repeating: 255, count: reference.rgba.count)
        for pixel in stride(from: 0, to: reference.rgba.count, by: 4) {
            var worst = 0
            for channel in 0..<4 {
                worst = max(worst, abs(Int(reference.rgba[pixel + channel]) - Int(actual.rgba[pixel + channel])))
            }
            if worst == 0 {
                let ink = reference.ink(x: (pixel / 4) % reference.width, y: (pixel / 4) / reference.width)
                let grey = UInt8(255 - Int(ink * 64))
                out[pixel] = grey; out[pixel + 1] = grey; out[pixel + 2] = grey
            } else {
                // Even a one-level change shows: red never drops below half strength.
                let fade = UInt8(max(0, 200 - worst * 2))
                out[pixel] = 255; out[pixel + 1] = fade / 2; out[pixel + 2] = fade / 2
            }
        }
        return RasterImage(width: reference.width, height: reference.height, rgba: out)
    }

    /// Writes the difference image and the actual render to `.build/test-diffs/` and returns the
    /// path of the difference image, to name in a failure message.
    package func writeDiagnosticImages(named name: String) -> String? {
        let folder = PackagePaths.root + "/.build/test-diffs"
        let stem = (name as NSString).deletingPathExtension
        let diffPath = folder + "/\(stem)-diff.png"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(PNGFile.encode(differenceImage())).write(to: URL(fileURLWithPath: diffPath))
            try Data(PNGFile.encode(actual)).write(to: URL(fileURLWithPath: folder + "/\(stem)-actual.png"))
            return diffPath
        } catch {
            return nil
        }
    }

    /// `rms 3.210, 1234 pixels differ, largest channel difference 200`.
    package var description: String {
        sameSize
            ? String(format: "rms %.3f, %d pixels differ, largest channel difference %d", rms, differingPixels, largestChannelDifference)
            : "size \(actual.width)×\(actual.height), reference \(reference.width)×\(reference.height)"
    }
}

/// A plain PNG writer for test images (stored deflate blocks, no compression): the diff images
/// are few and short-lived, so size does not matter, and the test support stays independent of
/// the renderer's own encoder, which is what the tests examine.
enum PNGFile {
    static func encode(_ image: RasterImage) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((image.width * 4 + 1) * image.height)
        for y in 0..<image.height {
            raw.append(0)   // filter: none
            raw += image.rgba[(y * image.width * 4)..<((y + 1) * image.width * 4)]
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += bigEndian(UInt32(image.width)) + bigEndian(UInt32(image.height))
        header += [8, 6, 0, 0, 0]   // 8 bits, RGBA, deflate, adaptive filtering, no interlace
        png += chunk("IHDR", header)
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        return png
    }

    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let final: UInt8 = offset + count == data.count ? 1 : 0
            out.append(final)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian(b << 16 | a)
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
