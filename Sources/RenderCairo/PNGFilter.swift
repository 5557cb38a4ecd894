import Foundation
import Render
#if canImport(Glibc)
import Glibc
#endif

/// How a PNG scanline's filter (PNG specification, 9.2: None, Sub, Up, Average, Paeth) is chosen.
/// The filter decides what the deflate stage sees, and so most of the file size: it is chosen
/// separately from the compressor so the two can be measured apart (Scripts/bench-png).
enum PNGFilterChoice: String, CaseIterable, Sendable {
    /// Sub or Up, whichever leaves more pixels equal to their reference: 3–7 ms for a 300 dpi
    /// figure. The rule every PNG is written with.
    case subOrUp = "sub|up"
    /// All five filters, the one with the smallest sum of absolute byte values taken as signed: the
    /// heuristic the PNG specification recommends (12.8) and libpng uses. Measured only
    /// (Scripts/bench-png): on the benchmark figures it costs 50–65 ms and saves at most 10%, and on
    /// the dense scatter it makes files larger.
    case minimumSum = "min-sum"
}

/// Turns cairo's pixels into PNG's filtered scanlines: each row is a filter-type byte followed by
/// the filtered RGB or RGBA bytes, ready for deflate.
enum PNGFilter {
    /// The filtered scanlines of the image, `height · (width · channels + 1)` bytes written to
    /// `out`. ARGB32 pixels are un-premultiplied first when `alpha` is set; otherwise the top byte
    /// is ignored.
    ///
    /// `out` may be the pixel memory itself (`pixels`, filtering in place, which saves a second
    /// image-sized buffer and the page faults of its first use) when a filtered row is no longer
    /// than a pixel row (`width · channels + 1 ≤ 4 · stride`): row y's output then ends before
    /// pixel row y + 1 begins, and the one pixel row read after it is overwritten, the row above,
    /// is kept in a copy.
    static func filter(pixels: UnsafePointer<UInt32>, width: Int, height: Int, stride: Int, alpha: Bool, choice: PNGFilterChoice,
                       into out: UnsafeMutablePointer<UInt8>) {
        let channels = alpha ? 4 : 3
        let rowBytes = width * channels
        let inPlace = UInt(bitPattern: out) == UInt(bitPattern: pixels)
        precondition(!inPlace || rowBytes + 1 <= 4 * stride, "filtered rows longer than pixel rows cannot be written in place")
        // Two straight rows (current and previous) plus five candidate rows for min-sum.
        let work = UnsafeMutablePointer<UInt8>.allocate(capacity: 7 * rowBytes)
        defer { work.deallocate() }
        work.initialize(repeating: 0, count: 7 * rowBytes)
        var previous = work, current = work + rowBytes
        let candidates = work + 2 * rowBytes
        // The unfiltered pixels of the row above, copied before its output may overwrite them.
        let above = UnsafeMutablePointer<UInt32>.allocate(capacity: max(width, 1))
        defer { above.deallocate() }
        for y in 0..<height {
            let pixelRow = pixels + y * stride
            let row = out + y * (rowBytes + 1)
            // A row equal to the row above (most rows of a chart: margins, the inside of bars) is
            // Up with every byte zero, which is what the rule below picks for it: written directly,
            // without unpacking, counting or filtering it. `previous` and `above` stay as they are.
            if choice == .subOrUp, y > 0, memcmp(pixelRow, above, width * 4) == 0 {
                row[0] = 2
                (row + 1).initialize(repeating: 0, count: rowBytes)
                continue
            }
            unpack(pixelRow, width: width, alpha: alpha, into: current)
            switch choice {
            case .subOrUp:
                let up = y > 0 && upKeepsMorePixels(pixelRow, above: above, width: width, alpha: alpha)
                above.update(from: pixelRow, count: width)
                row[0] = up ? 2 : 1
                apply(up ? 2 : 1, current, previous, rowBytes: rowBytes, channels: channels, into: row + 1)
            case .minimumSum:
                var best = 0, bestSum = Int.max
                for type in 0..<5 {
                    let candidate = candidates + type * rowBytes
                    apply(type, current, previous, rowBytes: rowBytes, channels: channels, into: candidate)
                    let sum = signedMagnitudeSum(candidate, count: rowBytes)
                    if sum < bestSum {
                        best = type
                        bestSum = sum
                    }
                }
                row[0] = UInt8(best)
                (row + 1).update(from: candidates + best * rowBytes, count: rowBytes)
            }
            swap(&previous, &current)
        }
    }

    /// Whether more pixels equal the pixel above than the pixel to the left.
    private static func upKeepsMorePixels(_ row: UnsafePointer<UInt32>, above: UnsafePointer<UInt32>, width: Int, alpha: Bool) -> Bool {
        let mask: UInt32 = alpha ? 0xFFFF_FFFF : 0x00FF_FFFF
        // (d | −d) >> 31 is 1 exactly when d ≠ 0: branch-free, so noisy rows do not mispredict.
        var differentFromAbove: UInt32 = 0, differentFromLeft: UInt32 = 0
        for x in 0..<width {
            let d = (row[x] ^ above[x]) & mask
            differentFromAbove &+= (d | (0 &- d)) >> 31
        }
        for x in 1..<max(width, 1) {
            let d = (row[x] ^ row[x - 1]) & mask
            differentFromLeft &+= (d | (0 &- d)) >> 31
        }
        return width - Int(differentFromAbove) > width - 1 - Int(differentFromLeft)
    }

    /// Filter `type` applied to `current` (with `previous` the unfiltered row above, zeros for the
    /// first row). Each filter is its own loop so the compiler sees constant strides.
    private static func apply(_ type: Int, _ current: UnsafePointer<UInt8>, _ previous: UnsafePointer<UInt8>, rowBytes: Int,
                              channels bpp: Int, into out: UnsafeMutablePointer<UInt8>) {
        let head = min(bpp, rowBytes)
        switch type {
        case 0:
            out.update(from: current, count: rowBytes)
        case 1:
            for i in 0..<head { out[i] = current[i] }
            for i in head..<rowBytes { out[i] = current[i] &- current[i - bpp] }
        case 2:
            for i in 0..<rowBytes { out[i] = current[i] &- previous[i] }
        case 3:
            for i in 0..<head { out[i] = current[i] &- previous[i] >> 1 }
            for i in head..<rowBytes { out[i] = current[i] &- UInt8((UInt16(current[i - bpp]) + UInt16(previous[i])) >> 1) }
        default:
            for i in 0..<head { out[i] = current[i] &- previous[i] }  // Paeth with a = c = 0 predicts b
            for i in head..<rowBytes {
                let a = Int(current[i - bpp]), b = Int(previous[i]), c = Int(previous[i - bpp])
                let pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - 2 * c)
                let predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                out[i] = current[i] &- UInt8(predictor)
            }
        }
    }

    private static func signedMagnitudeSum(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int {
        var sum = 0
        for i in 0..<count { sum &+= Int(Int8(bitPattern: bytes[i]).magnitude) }
        return sum
    }

    /// Cairo's native-endian premultiplied ARGB to PNG's RGB(A) bytes, undoing the premultiplication.
    static func unpack(_ row: UnsafePointer<UInt32>, width: Int, alpha: Bool, into out: UnsafeMutablePointer<UInt8>) {
        if alpha {
            for x in 0..<width {
                let p = row[x]
                let a = (p >> 24) & 0xFF
                var r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                if a == 0 {
                    r = 0; g = 0; b = 0
                } else if a != 255 {
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
}
