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
    /// figure. The rule PNGs were written with before `subOrUpOrNone`.
    case subOrUp = "sub|up"
    /// All five filters, the one with the smallest sum of absolute byte values taken as signed: the
    /// heuristic the PNG specification recommends (12.8) and libpng uses. Measured only
    /// (Scripts/bench-png): on the benchmark figures it costs 50–65 ms and saves at most 10%, and on
    /// the dense scatter it makes files larger.
    case minimumSum = "min-sum"
    /// The rule every PNG is written with: rows filtered as `subOrUp`, and beside them the same rows
    /// unfiltered (None); libdeflate then compresses each band of rows both ways and keeps the
    /// smaller (`PNGDeflate.segmentedZlibStream`). Unfiltered rows win where a chart's colours
    /// repeat exactly but not next to each other: a dense scatter's cloud (a few dozen colours
    /// with noise of a few levels, which Sub and Up turn into varied differences in all three
    /// channels), anti-aliased lines and text. Measured on the benchmark figures, 6–17% smaller
    /// files than `subOrUp` alone (README, "PNG encoding").
    case subOrUpOrNone = "sub|up|none"
}

/// A PNG colour type with 8-bit samples (PNG specification, 6.1), chosen per image: the fewest
/// channels that hold its pixels exactly.
enum PNGColour: Sendable, Equatable {
    /// Every pixel opaque and grey (red = green = blue): one byte a pixel (colour type 0).
    case grey
    /// Grey pixels, some not opaque (colour type 4).
    case greyAlpha
    /// Opaque colour (colour type 2).
    case rgb
    /// Colour, some pixels not opaque (colour type 6).
    case rgba

    /// The IHDR colour type.
    var colourType: UInt8 {
        switch self {
        case .grey: return 0
        case .greyAlpha: return 4
        case .rgb: return 2
        case .rgba: return 6
        }
    }

    /// Bytes per pixel.
    var channels: Int {
        switch self {
        case .grey: return 1
        case .greyAlpha: return 2
        case .rgb: return 3
        case .rgba: return 4
        }
    }

    var hasAlpha: Bool { self == .greyAlpha || self == .rgba }

    /// The colour type for cairo pixels: `mayHaveAlpha` for ARGB32 surfaces (RGB24 ones are
    /// opaque whatever their top byte holds). One pass, stopping once both colour and
    /// transparency are seen. Premultiplied grey stays grey when un-premultiplied (the same
    /// arithmetic on equal channels), so the test on cairo's pixels is exact.
    static func of(_ pixels: UnsafePointer<UInt32>, width: Int, height: Int, stride: Int, mayHaveAlpha: Bool) -> PNGColour {
        var grey = true, opaque = true
        for y in 0..<height {
            let row = pixels + y * stride
            if grey {
                // Branch-free accumulation over the row: red ≠ green or green ≠ blue anywhere.
                var colour: UInt32 = 0
                for x in 0..<width {
                    let p = row[x]
                    // (Swift's | and ^ share a precedence level: each difference is bracketed.)
                    colour |= (((p >> 16) ^ (p >> 8)) | ((p >> 8) ^ p)) & 0xFF
                }
                grey = colour == 0
            }
            if mayHaveAlpha && opaque {
                var alpha: UInt32 = 0xFF
                for x in 0..<width { alpha &= row[x] >> 24 }
                opaque = alpha == 0xFF
            }
            if !grey && (!mayHaveAlpha || !opaque) { break }
        }
        switch (grey, opaque || !mayHaveAlpha) {
        case (true, true): return .grey
        case (true, false): return .greyAlpha
        case (false, true): return .rgb
        case (false, false): return .rgba
        }
    }
}

/// Turns cairo's pixels into PNG's filtered scanlines: each row is a filter-type byte followed by
/// the filtered grey, grey-alpha, RGB or RGBA bytes, ready for deflate.
enum PNGFilter {
    /// The filtered scanlines of the image, `height · (width · channels + 1)` bytes written to
    /// `out`. ARGB32 pixels are un-premultiplied first when `colour` has alpha; otherwise the top
    /// byte is ignored.
    ///
    /// `out` may be the pixel memory itself (`pixels`, filtering in place, which saves a second
    /// image-sized buffer and the page faults of its first use) when a filtered row is no longer
    /// than a pixel row (`width · channels + 1 ≤ 4 · stride`): row y's output then ends before
    /// pixel row y + 1 begins, and the one pixel row read after it is overwritten, the row above,
    /// is kept in a copy.
    ///
    /// With `unfiltered` (for `subOrUpOrNone`), every row that does not repeat the row above is
    /// also written there unfiltered (filter type 0), at the same offset as in `out`; rows that
    /// repeat the row above are left unwritten there.
    static func filter(pixels: UnsafePointer<UInt32>, width: Int, height: Int, stride: Int, colour: PNGColour, choice: PNGFilterChoice,
                       into out: UnsafeMutablePointer<UInt8>, unfiltered: UnsafeMutablePointer<UInt8>? = nil) {
        let channels = colour.channels, alpha = colour.hasAlpha
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
        let subOrUp = choice == .subOrUp || choice == .subOrUpOrNone
        for y in 0..<height {
            let pixelRow = pixels + y * stride
            let row = out + y * (rowBytes + 1)
            // A row equal to the row above (most rows of a chart: margins, the inside of bars) is
            // Up with every byte zero, which is what the rule below picks for it: written directly,
            // without unpacking, counting or filtering it. `previous` and `above` stay as they are.
            if subOrUp, y > 0, memcmp(pixelRow, above, width * 4) == 0 {
                row[0] = 2
                (row + 1).initialize(repeating: 0, count: rowBytes)
                continue
            }
            unpack(pixelRow, width: width, colour: colour, into: current)
            if subOrUp {
                let up = y > 0 && upKeepsMorePixels(pixelRow, above: above, width: width, alpha: alpha)
                above.update(from: pixelRow, count: width)
                row[0] = up ? 2 : 1
                apply(up ? 2 : 1, current, previous, rowBytes: rowBytes, channels: channels, into: row + 1)
                if let unfiltered {
                    let plain = unfiltered + y * (rowBytes + 1)
                    plain[0] = 0
                    (plain + 1).update(from: current, count: rowBytes)
                }
            } else {
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
    static func apply(_ type: Int, _ current: UnsafePointer<UInt8>, _ previous: UnsafePointer<UInt8>, rowBytes: Int,
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

    /// Cairo's native-endian premultiplied ARGB to PNG's grey, grey-alpha, RGB or RGBA bytes,
    /// undoing the premultiplication where there is alpha.
    static func unpack(_ row: UnsafePointer<UInt32>, width: Int, colour: PNGColour, into out: UnsafeMutablePointer<UInt8>) {
        switch colour {
        case .rgba, .greyAlpha:
            let grey = colour == .greyAlpha
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
                if grey {
                    out[2 * x] = UInt8(b)
                    out[2 * x + 1] = UInt8(a)
                } else {
                    out[4 * x] = UInt8(r)
                    out[4 * x + 1] = UInt8(g)
                    out[4 * x + 2] = UInt8(b)
                    out[4 * x + 3] = UInt8(a)
                }
            }
        case .rgb:
            for x in 0..<width {
                let p = row[x]
                out[3 * x] = UInt8((p >> 16) & 0xFF)
                out[3 * x + 1] = UInt8((p >> 8) & 0xFF)
                out[3 * x + 2] = UInt8(p & 0xFF)
            }
        case .grey:
            for x in 0..<width { out[x] = UInt8(truncatingIfNeeded: row[x]) }
        }
    }
}
