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

/// Encodes one strip of rows: filters each row, tokenises it into literals and zero runs, then
/// writes one dynamic Huffman block. Works on raw buffers: these loops run millions of times per
/// figure.
private struct StripEncoder {
    let width: Int
    let alpha: Bool
    let channels: Int

    /// Tokens: a literal byte is its value (< 256); a match of length L (distance 1) is 0x8000 | L.
    private var tokens: UnsafeMutablePointer<UInt16>
    private var tokenCount = 0
    /// Where the deflate bytes go; large enough for any token stream (see `zlibStream`).
    private let output: UnsafeMutablePointer<UInt8>
    private let histogram: UnsafeMutablePointer<UInt32>
    /// `DeflateTables.lengthSymbol`, copied: reading a global table in the hot loop costs a lazy
    /// initialisation check on every access.
    private let lengthSymbol: UnsafeMutablePointer<UInt16>
    private var run = 0
    private var s1: UInt64 = 1, s2: UInt64 = 0
    private var length = 0

    init(width: Int, alpha: Bool, tokens: UnsafeMutablePointer<UInt16>, output: UnsafeMutablePointer<UInt8>) {
        self.width = width
        self.alpha = alpha
        channels = alpha ? 4 : 3
        self.tokens = tokens
        self.output = output
        // 286 symbols, plus three more lanes of 256 literal counters after them, lane k at
        // 256·k + 30 (see `tokenise`).
        histogram = .allocate(capacity: 286 + 3 * 256)
        histogram.initialize(repeating: 0, count: 286 + 3 * 256)
        lengthSymbol = .allocate(capacity: 259)
        DeflateTables.lengthSymbol.withUnsafeBufferPointer { lengthSymbol.initialize(from: $0.baseAddress!, count: 259) }
    }

    func release() {
        histogram.deallocate()
        lengthSymbol.deallocate()
    }

    mutating func encode(pixels: UnsafePointer<UInt32>, rows: Range<Int>, stride: Int, last: Bool) -> ScanlineDeflate.Strip {
        let rowBytes = width * channels
        let straight = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * width)
        // The filtered row, with 8 spare zero bytes so zero runs can be skipped a word at a time.
        let filtered = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes + 8)
        defer {
            straight.deallocate()
            filtered.deallocate()
        }
        filtered.initialize(repeating: 0, count: rowBytes + 8)
        var current = straight, above = straight + width
        // PNG pixels: RGB24 ignores the top byte; ARGB32 is un-premultiplied first.
        let mask: UInt32 = alpha ? 0xFFFF_FFFF : 0x00FF_FFFF
        if rows.lowerBound > 0 { prepare(pixels + (rows.lowerBound - 1) * stride, into: above, mask: mask) }
        for y in rows {
            prepare(pixels + y * stride, into: current, mask: mask)
            let hasAbove = y > 0
            if hasAbove && memcmp(current, above, width * 4) == 0 {
                // Same as the row above: Up filter, all zeros.
                literal(2)
                addZeros(rowBytes)
            } else {
                var sameAsAbove = 0, sameAsLeft = 0
                // Branch-free counts (noisy rows would mispredict a branch per pixel).
                if hasAbove {
                    for x in 0..<width { sameAsAbove &+= current[x] == above[x] ? 1 : 0 }
                }
                for x in 1..<max(width, 1) { sameAsLeft &+= current[x] == current[x - 1] ? 1 : 0 }
                let up = hasAbove && sameAsAbove > sameAsLeft
                literal(up ? 2 : 1)
                if (up ? sameAsAbove : sameAsLeft) * 10 >= width * 9 {
                    // Mostly unchanged (a line or a label crossing white): visit only what changed.
                    sparse(current, reference: up ? above : nil)
                } else {
                    filter(current, reference: up ? above : nil, into: filtered)
                    tokenise(filtered, count: rowBytes)
                }
            }
            swap(&current, &above)
        }
        flushRun()
        let adler = UInt32((s2 % ScanlineDeflate.adlerBase) << 16 | (s1 % ScanlineDeflate.adlerBase))
        let count = write(last: last)
        return ScanlineDeflate.Strip(address: UInt(bitPattern: output), count: count, adler: adler, length: length)
    }

    /// Sub (reference nil: the pixel to the left) or Up (the row above), byte by byte. Separate
    /// loops for each filter and pixel size, so the compiler sees constant strides.
    private func filter(_ row: UnsafePointer<UInt32>, reference above: UnsafePointer<UInt32>?, into out: UnsafeMutablePointer<UInt8>) {
        @inline(__always)
        func store(_ p: UInt32, _ q: UInt32, _ o: UnsafeMutablePointer<UInt8>, alpha: Bool) {
            o[0] = UInt8(truncatingIfNeeded: (p >> 16) &- (q >> 16))
            o[1] = UInt8(truncatingIfNeeded: (p >> 8) &- (q >> 8))
            o[2] = UInt8(truncatingIfNeeded: p &- q)
            if alpha { o[3] = UInt8(truncatingIfNeeded: (p >> 24) &- (q >> 24)) }
        }
        switch (above, alpha) {
        case (let above?, false):
            for x in 0..<width { store(row[x], above[x], out + 3 * x, alpha: false) }
        case (let above?, true):
            for x in 0..<width { store(row[x], above[x], out + 4 * x, alpha: true) }
        case (nil, false):
            store(row[0], 0, out, alpha: false)
            for x in 1..<max(width, 1) { store(row[x], row[x - 1], out + 3 * x, alpha: false) }
        case (nil, true):
            store(row[0], 0, out, alpha: true)
            for x in 1..<max(width, 1) { store(row[x], row[x - 1], out + 4 * x, alpha: true) }
        }
    }

    /// Tokens for one filtered row, eight bytes at a time: an all-zero word extends the zero run,
    /// any other word becomes eight literals (zeros among them cost a bit or two each, since zero is
    /// the commonest symbol). Deciding per word rather than per byte keeps branches predictable on
    /// noisy rows (dense scatters), where per-byte decisions mispredict constantly.
    private mutating func tokenise(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        // Adler-32 eight bytes at a time: s2 gains 8·s1 plus the bytes weighted 8, 7, ..., 1.
        var a = s1, b = s2
        let raw = UnsafeRawPointer(bytes)
        var i = 0
        while i + 8 <= count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            var sum: UInt64 = 0, weighted: UInt64 = 0
            for k in 0..<8 {
                let v = (w >> UInt64(8 * k)) & 0xFF
                sum &+= v
                weighted &+= v &* UInt64(8 - k)
            }
            b &+= 8 &* a &+ weighted
            a &+= sum
            i += 8
        }
        while i < count {
            a &+= UInt64(bytes[i])
            b &+= a
            i += 1
        }
        s1 = a % ScanlineDeflate.adlerBase
        s2 = b % ScanlineDeflate.adlerBase
        length += count

        i = 0
        while i + 8 <= count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if w == 0 {
                run += 8
                i += 8
                continue
            }
            if run > 0 { flushRun() }
            let t = tokens + tokenCount
            for k in 0..<8 {
                let v = Int((w >> UInt64(8 * k)) & 0xFF)
                t[k] = UInt16(v)
                // Four interleaved histograms: consecutive equal bytes would otherwise wait on
                // each other's increment.
                histogram[(k & 3) &* 256 &+ (k & 3 == 0 ? 0 : 30) &+ v] &+= 1
            }
            tokenCount += 8
            i += 8
        }
        while i < count {
            let v = bytes[i]
            if v == 0 {
                run += 1
            } else {
                if run > 0 { flushRun() }
                tokens[tokenCount] = UInt16(v)
                tokenCount += 1
                histogram[Int(v)] &+= 1
            }
            i += 1
        }
    }

    /// A row that mostly repeats its reference: spans of unchanged pixels become zero runs (their
    /// checksum in closed form), and only changed pixels are filtered byte by byte.
    private mutating func sparse(_ row: UnsafePointer<UInt32>, reference above: UnsafePointer<UInt32>?) {
        var a = s1, b = s2
        var x = 0
        @inline(__always)
        func emit(_ v: UInt64, _ encoder: inout StripEncoder) {
            a &+= v
            b &+= a
            if v == 0 {
                encoder.run += 1
            } else {
                if encoder.run > 0 { encoder.flushRun() }
                encoder.tokens[encoder.tokenCount] = UInt16(v)
                encoder.tokenCount += 1
                encoder.histogram[Int(v)] &+= 1
            }
        }
        while x < width {
            var y = x
            if let above {
                while y < width && row[y] == above[y] { y += 1 }
            } else {
                while y < width && row[y] == (y > 0 ? row[y - 1] : 0) { y += 1 }
            }
            if y > x {
                let n = (y - x) * channels
                b &+= UInt64(n) &* a
                run += n
                x = y
                if x == width { break }
            }
            let p = row[x], q = above?[x] ?? (x > 0 ? row[x - 1] : 0)
            emit(UInt64(UInt8(truncatingIfNeeded: (p >> 16) &- (q >> 16))), &self)
            emit(UInt64(UInt8(truncatingIfNeeded: (p >> 8) &- (q >> 8))), &self)
            emit(UInt64(UInt8(truncatingIfNeeded: p &- q)), &self)
            if alpha { emit(UInt64(UInt8(truncatingIfNeeded: (p >> 24) &- (q >> 24))), &self) }
            x += 1
        }
        s1 = a % ScanlineDeflate.adlerBase
        s2 = b % ScanlineDeflate.adlerBase
        length += width * channels
    }

    /// A literal outside row data (the filter type byte), with its checksum update.
    @inline(__always)
    private mutating func literal(_ v: UInt8) {
        if run > 0 { flushRun() }
        tokens[tokenCount] = UInt16(v)
        tokenCount += 1
        histogram[Int(v)] &+= 1
        s1 = (s1 + UInt64(v)) % ScanlineDeflate.adlerBase
        s2 = (s2 + s1) % ScanlineDeflate.adlerBase
        length += 1
    }

    /// `n` zero bytes (a whole unchanged row): checksum in closed form, tokens when flushed.
    private mutating func addZeros(_ n: Int) {
        s2 = (s2 + UInt64(n) % ScanlineDeflate.adlerBase * s1) % ScanlineDeflate.adlerBase
        length += n
        run += n
    }

    /// Copies a row, keeping only the PNG-relevant bits; undoes premultiplication for alpha images.
    private func prepare(_ row: UnsafePointer<UInt32>, into out: UnsafeMutablePointer<UInt32>, mask: UInt32) {
        if !alpha {
            for x in 0..<width { out[x] = row[x] & mask }
            return
        }
        for x in 0..<width {
            let p = row[x]
            let a = p >> 24
            if a == 0 || a == 255 {
                out[x] = a == 0 ? 0 : p
                continue
            }
            let r = min(255, (((p >> 16) & 0xFF) * 255 + a / 2) / a)
            let g = min(255, (((p >> 8) & 0xFF) * 255 + a / 2) / a)
            let b = min(255, ((p & 0xFF) * 255 + a / 2) / a)
            out[x] = a << 24 | r << 16 | g << 8 | b
        }
    }

    /// Emits the pending zero run (already in the checksum): a literal zero, then distance-1
    /// matches copying it.
    private mutating func flushRun() {
        guard run > 0 else { return }
        let n = run
        run = 0
        if n < 4 {
            for _ in 0..<n {
                tokens[tokenCount] = 0
                tokenCount += 1
            }
            histogram[0] += UInt32(n)
            return
        }
        tokens[tokenCount] = 0
        tokenCount += 1
        histogram[0] += 1
        var remaining = n - 1
        while remaining >= 3 {
            var chunk = min(258, remaining)
            // Never leave 1 or 2 bytes, which a match cannot cover.
            if remaining - chunk > 0 && remaining - chunk < 3 { chunk -= 3 }
            tokens[tokenCount] = 0x8000 | UInt16(chunk)
            tokenCount += 1
            histogram[Int(lengthSymbol[chunk])] += 1
            remaining -= chunk
        }
        for _ in 0..<remaining {
            tokens[tokenCount] = 0
            tokenCount += 1
        }
        histogram[0] += UInt32(remaining)
    }

    /// One dynamic-Huffman block holding every token, then (unless last) an empty stored block so
    /// the strip ends on a byte boundary.
    /// Returns the number of bytes written to `output`.
    private mutating func write(last: Bool) -> Int {
        histogram[256] += 1
        var frequencies = Array(UnsafeBufferPointer(start: histogram, count: 286))
        for lane in 1..<4 {
            for v in 0..<256 { frequencies[v] += histogram[lane * 256 + 30 + v] }
        }
        let literalLengths = Huffman.lengths(frequencies, limit: 15)
        // Only distance 1 (symbol 0) is used; two 1-bit codes make a complete distance tree.
        let distanceLengths: [UInt8] = [1, 1]
        let literalCodes = Huffman.codes(literalLengths), distanceCodes = Huffman.codes(distanceLengths)

        var writer = BitWriter(buffer: output)
        writer.write(last ? 1 : 0, 1)
        writer.write(2, 2)
        Huffman.writeTables(literal: literalLengths, distance: distanceLengths, to: &writer)
        // Each symbol's code and length in one table: code in the low bits, length above bit 24.
        var packed = [UInt32](repeating: 0, count: 286)
        for i in 0..<286 { packed[i] = literalCodes[i] | UInt32(literalLengths[i]) << 24 }
        var matchPacked = [UInt64](repeating: 0, count: 259)
        var matchBits = [Int](repeating: 0, count: 259)
        for length in 3...258 {
            // A match: length symbol, its extra bits, then the 1-bit distance code, as one write.
            let symbol = Int(DeflateTables.lengthSymbol[length])
            let extra = Int(DeflateTables.lengthExtraBits[symbol - 257])
            let codeLength = Int(literalLengths[symbol])
            var value = UInt64(literalCodes[symbol])
            var bits = codeLength
            if extra > 0 {
                value |= UInt64(length - Int(DeflateTables.lengthBase[symbol - 257])) << UInt64(bits)
                bits += extra
            }
            value |= UInt64(distanceCodes[0]) << UInt64(bits)
            matchPacked[length] = value
            matchBits[length] = bits + 1
        }
        packed.withUnsafeBufferPointer { packed in
            matchPacked.withUnsafeBufferPointer { matchPacked in
                matchBits.withUnsafeBufferPointer { matchBits in
                    for i in 0..<tokenCount {
                        let token = tokens[i]
                        if token < 256 {
                            let entry = packed[Int(token)]
                            writer.write(UInt64(entry & 0xFF_FFFF), Int(entry >> 24))
                        } else {
                            let matchLength = Int(token & 0x7FFF)
                            writer.write(matchPacked[matchLength], matchBits[matchLength])
                        }
                    }
                    let end = packed[256]
                    writer.write(UInt64(end & 0xFF_FFFF), Int(end >> 24))
                }
            }
        }
        if !last {
            writer.write(0, 1)
            writer.write(0, 2)
            writer.alignToByte()
            writer.write(0x0000, 16)
            writer.write(0xFFFF, 16)
        }
        writer.alignToByte()
        return writer.count
    }
}

/// Deflate's length codes (RFC 1951, 3.2.5).
enum DeflateTables {
    static let lengthBase: [UInt16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                                       131, 163, 195, 227, 258]
    static let lengthExtraBits: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Symbol (257...285) for each match length 0...258 (entries below 3 unused).
    static let lengthSymbol: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 259)
        for length in 3...258 {
            var symbol = 0
            while symbol + 1 < lengthBase.count && Int(lengthBase[symbol + 1]) <= length { symbol += 1 }
            table[length] = UInt16(257 + symbol)
        }
        return table
    }()
}

/// Bits packed least-significant first, as deflate wants, into a buffer the caller sized.
struct BitWriter {
    private let buffer: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var accumulator: UInt64 = 0
    private var pending = 0

    init(buffer: UnsafeMutablePointer<UInt8>) { self.buffer = buffer }

    /// Appends the low `bits` bits of `value` (at most 32).
    @inline(__always)
    mutating func write(_ value: UInt64, _ bits: Int) {
        accumulator |= value << UInt64(pending)
        pending += bits
        if pending >= 32 {
            UnsafeMutableRawPointer(buffer + count).storeBytes(of: UInt32(truncatingIfNeeded: accumulator).littleEndian, as: UInt32.self)
            count += 4
            accumulator >>= 32
            pending -= 32
        }
    }

    mutating func alignToByte() {
        if pending % 8 != 0 { write(0, 8 - pending % 8) }
        while pending > 0 {
            buffer[count] = UInt8(truncatingIfNeeded: accumulator)
            count += 1
            accumulator >>= 8
            pending -= 8
        }
    }
}

/// Huffman code construction for deflate.
enum Huffman {
    /// Code lengths for symbol frequencies, no longer than `limit` bits. Symbols with frequency 0
    /// get length 0. Over-long codes are avoided by flattening the frequencies and rebuilding, which
    /// costs a little compression only for extremely skewed inputs.
    static func lengths(_ frequencies: [UInt32], limit: Int) -> [UInt8] {
        var frequencies = frequencies
        while true {
            let lengths = unlimitedLengths(frequencies)
            if (lengths.max() ?? 0) <= limit { return lengths }
            frequencies = frequencies.map { $0 == 0 ? 0 : max(1, $0 >> 1) }
        }
    }

    private static func unlimitedLengths(_ frequencies: [UInt32]) -> [UInt8] {
        var lengths = [UInt8](repeating: 0, count: frequencies.count)
        let used = frequencies.indices.filter { frequencies[$0] > 0 }
        if used.count == 1 {
            lengths[used[0]] = 1
            return lengths
        }
        guard used.count > 1 else { return lengths }
        // Nodes: leaves first, then internal nodes; a two-queue merge over sorted leaves.
        var weight = used.map { UInt64(frequencies[$0]) }
        var parent = [Int](repeating: -1, count: used.count * 2)
        let leaves = used.indices.sorted { (weight[$0], used[$0]) < (weight[$1], used[$1]) }
        var leafQueue = leaves[...]
        var internalQueue: [Int] = []
        var internalHead = 0
        func takeSmallest() -> Int {
            if let leaf = leafQueue.first, internalHead >= internalQueue.count || weight[leaf] <= weight[internalQueue[internalHead]] {
                leafQueue.removeFirst()
                return leaf
            }
            internalHead += 1
            return internalQueue[internalHead - 1]
        }
        while leafQueue.count + (internalQueue.count - internalHead) > 1 {
            let a = takeSmallest(), b = takeSmallest()
            let node = weight.count
            weight.append(weight[a] + weight[b])
            parent[a] = node
            parent[b] = node
            internalQueue.append(node)
        }
        for (leafIndex, symbol) in used.enumerated() {
            var depth = 0, node = leafIndex
            while parent[node] >= 0 {
                node = parent[node]
                depth += 1
            }
            lengths[symbol] = UInt8(depth)
        }
        return lengths
    }

    /// Canonical codes (RFC 1951, 3.2.2), bit-reversed for least-significant-first writing.
    static func codes(_ lengths: [UInt8]) -> [UInt32] {
        var countPerLength = [UInt32](repeating: 0, count: 16)
        for l in lengths where l > 0 { countPerLength[Int(l)] += 1 }
        var next = [UInt32](repeating: 0, count: 16)
        var code: UInt32 = 0
        for bits in 1..<16 {
            code = (code + countPerLength[bits - 1]) << 1
            next[bits] = code
        }
        return lengths.map { l in
            guard l > 0 else { return 0 }
            let c = next[Int(l)]
            next[Int(l)] += 1
            var reversed: UInt32 = 0
            for i in 0..<Int(l) where c & (1 << UInt32(i)) != 0 { reversed |= 1 << UInt32(Int(l) - 1 - i) }
            return reversed
        }
    }

    /// The dynamic block header: HLIT, HDIST, HCLEN, the code-length code, and the run-length
    /// encoded code lengths of both trees.
    static func writeTables(literal: [UInt8], distance: [UInt8], to writer: inout BitWriter) {
        var literalCount = 286
        while literalCount > 257 && literal[literalCount - 1] == 0 { literalCount -= 1 }
        let distanceCount = distance.count
        let all = Array(literal[0..<literalCount]) + distance

        // Run-length encode with 16 (repeat previous 3–6), 17 (3–10 zeros), 18 (11–138 zeros).
        var symbols: [(symbol: Int, extra: Int, bits: Int)] = []
        var i = 0
        while i < all.count {
            let value = all[i]
            var n = 1
            while i + n < all.count && all[i + n] == value { n += 1 }
            if value == 0 && n >= 3 {
                let take = min(n, 138)
                symbols.append(take >= 11 ? (18, take - 11, 7) : (17, take - 3, 3))
                i += take
            } else if value != 0 && n >= 4 {
                symbols.append((Int(value), 0, 0))
                let take = min(n - 1, 6)
                symbols.append((16, take - 3, 2))
                i += 1 + take
            } else {
                symbols.append((Int(value), 0, 0))
                i += 1
            }
        }
        var frequencies = [UInt32](repeating: 0, count: 19)
        for s in symbols { frequencies[s.symbol] += 1 }
        let codeLengths = lengths(frequencies, limit: 7)
        let codeCodes = codes(codeLengths)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengthCount = 19
        while codeLengthCount > 4 && codeLengths[order[codeLengthCount - 1]] == 0 { codeLengthCount -= 1 }

        writer.write(UInt64(literalCount - 257), 5)
        writer.write(UInt64(distanceCount - 1), 5)
        writer.write(UInt64(codeLengthCount - 4), 4)
        for k in 0..<codeLengthCount { writer.write(UInt64(codeLengths[order[k]]), 3) }
        for s in symbols {
            writer.write(UInt64(codeCodes[s.symbol]), Int(codeLengths[s.symbol]))
            if s.bits > 0 { writer.write(UInt64(s.extra), s.bits) }
        }
    }
}
