import Foundation

/// A deflate encoder specialised for filtered PNG scanlines of charts.
///
/// Chart images are mostly flat colour: after PNG's Sub or Up filter nearly every byte is zero.
/// This encoder compares whole pixels (4 bytes at a time), turns runs of zero bytes into
/// distance-1 matches and writes every other byte as a literal, with one dynamic Huffman table
/// per strip of rows. It skips zlib's general match search, which is what makes zlib spend tens of
/// milliseconds on a 300 dpi figure; the files are somewhat larger than zlib's best.
///
/// Images of 128 rows or more are cut into two strips, encoded independently (each ends
/// byte-aligned) and concatenated, so two threads can share the work. The cut does not depend on
/// whether they do, so neither do the bytes.
enum ScanlineDeflate {
    /// The zlib stream of the filtered image: the 2-byte header, then the deflate bytes of each
    /// strip (left in `scratch`, valid until its next use), then the big-endian Adler-32.
    static func zlibStream(pixels: UnsafePointer<UInt32>, width: Int, height: Int, stride: Int, alpha: Bool,
                           parallel: Bool, scratch: ScratchMemory) -> (strips: [UnsafeRawBufferPointer], adler: UInt32) {
        let stripCount = height >= 128 ? 2 : 1
        let bounds = (0...stripCount).map { $0 * height / stripCount }
        // At most one token per byte plus one per row (the filter type).
        let tokenCapacity = (0..<stripCount).map { (bounds[$0 + 1] - bounds[$0]) * (width * (alpha ? 4 : 3) + 1) + 16 }
        let tokenBuffers = (0..<stripCount).map { i in
            UInt(bitPattern: scratch.buffer("png-tokens-\(i)", count: tokenCapacity[i], of: UInt16.self))
        }
        // A token takes at most 21 bits (15-bit length code, 5 extra bits, 1-bit distance): three
        // bytes per token bound the output, with room for the block header.
        let outputBuffers = (0..<stripCount).map { i in
            UInt(bitPattern: scratch.buffer("png-deflate-\(i)", count: tokenCapacity[i] * 3 + 4096, of: UInt8.self))
        }
        let results = StripResults(count: stripCount)
        // The pixel buffer outlives this call and is only read; its address crosses to the workers.
        let address = UInt(bitPattern: pixels)
        let encode: @Sendable (Int) -> Void = { i in
            var encoder = StripEncoder(width: width, alpha: alpha, tokens: UnsafeMutablePointer<UInt16>(bitPattern: tokenBuffers[i])!,
                                       output: UnsafeMutablePointer<UInt8>(bitPattern: outputBuffers[i])!)
            defer { encoder.release() }
            let strip = encoder.encode(pixels: UnsafePointer<UInt32>(bitPattern: address)!, rows: bounds[i]..<bounds[i + 1],
                                       stride: stride, last: i == stripCount - 1)
            results.set(i, strip)
        }
        if stripCount > 1 && parallel {
            DispatchQueue.concurrentPerform(iterations: stripCount, execute: encode)
        } else {
            for i in 0..<stripCount { encode(i) }
        }
        var adler: UInt32 = 1
        var pieces: [UnsafeRawBufferPointer] = []
        for strip in results.all {
            pieces.append(UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: strip!.address), count: strip!.count))
            adler = adlerCombine(adler, strip!.adler, length: strip!.length)
        }
        return (pieces, adler)
    }

    /// An encoded strip: `count` bytes at `address` (in the scratch memory).
    struct Strip: Sendable {
        var address: UInt
        var count: Int
        var adler: UInt32
        var length: Int
    }

    /// Collects strips from worker threads.
    final class StripResults: @unchecked Sendable {
        private var strips: [Strip?]
        private let lock = NSLock()
        init(count: Int) { strips = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ strip: Strip) {
            lock.lock()
            strips[i] = strip
            lock.unlock()
        }
        var all: [Strip?] {
            lock.lock()
            defer { lock.unlock() }
            return strips
        }
    }

    static let adlerBase: UInt64 = 65521

    /// Adler-32 of two concatenated byte sequences from the checksums of each (as zlib's
    /// adler32_combine).
    static func adlerCombine(_ a: UInt32, _ b: UInt32, length: Int) -> UInt32 {
        let base = adlerBase
        let remainder = UInt64(length) % base
        var sum1 = UInt64(a & 0xFFFF)
        var sum2 = (remainder * sum1) % base
        sum1 += UInt64(b & 0xFFFF) + base - 1
        sum2 += UInt64(a >> 16) + UInt64(b >> 16) + base - remainder
        if sum1 >= base { sum1 -= base }
        if sum1 >= base { sum1 -= base }
        if sum2 >= base << 1 { sum2 -= base << 1 }
        if sum2 >= base { sum2 -= base }
        return UInt32(sum1 | (sum2 << 16))
    }
}
