import Foundation

/// A deflate encoder specialised for filtered PNG scanlines of charts.
///
/// Chart images are mostly flat colour: after PNG's Sub or Up filter nearly every byte is zero.
/// This encoder compares whole pixels (4 bytes at a time), turns runs of zero bytes into
/// distance-1 matches and writes every other byte as a literal, with one dynamic Huffman table
/// per strip of rows. It skips zlib's general match search, which is what makes zlib spend tens of
/// milliseconds on a 300 dpi figure; the files are somewhat larger than zlib's best.
///
/// Strips are encoded independently (each ends byte-aligned) and concatenated, so they can be
/// encoded in parallel; the result is the same whether or not they are.
enum ScanlineDeflate {
    /// The zlib stream (header, deflate blocks, Adler-32) of the filtered image.
    static func zlibStream(pixels: UnsafePointer<UInt32>, width: Int, height: Int, stride: Int, alpha: Bool,
                           parallel: Bool) -> [UInt8] {
        let stripCount = parallel && height >= 128 ? 2 : 1
        let bounds = (0...stripCount).map { $0 * height / stripCount }
        let results = StripResults(count: stripCount)
        // The pixel buffer outlives this call and is only read; its address crosses to the workers.
        let address = UInt(bitPattern: pixels)
        let encode: @Sendable (Int) -> Void = { i in
            var encoder = StripEncoder(width: width, alpha: alpha)
            let strip = encoder.encode(pixels: UnsafePointer<UInt32>(bitPattern: address)!, rows: bounds[i]..<bounds[i + 1],
                                       stride: stride, last: i == stripCount - 1)
            results.set(i, strip)
        }
        if stripCount > 1 {
            DispatchQueue.concurrentPerform(iterations: stripCount, execute: encode)
        } else {
            encode(0)
        }
        let strips = results.all
        var out: [UInt8] = [0x78, 0x01]
        var adler: UInt32 = 1
        for strip in strips {
            out += strip!.bytes
            adler = adlerCombine(adler, strip!.adler, length: strip!.length)
        }
        out.appendBigEndian(adler)
        return out
    }

    struct Strip: Sendable {
        var bytes: [UInt8]
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

/// Encodes one strip of rows: tokenises into literals and zero runs, then writes one dynamic
/// Huffman block.
private struct StripEncoder {
    let width: Int
    let alpha: Bool
    let channels: Int

    /// Tokens: a literal byte is its value (< 256); a match of length L (distance 1) is 0x10000 | L.
    private var tokens: [UInt32] = []
    private var histogram = [UInt32](repeating: 0, count: 286)
    private var run = 0
    private var s1: UInt64 = 1, s2: UInt64 = 0
    private var length = 0

    init(width: Int, alpha: Bool) {
        self.width = width
        self.alpha = alpha
        channels = alpha ? 4 : 3
    }

    mutating func encode(pixels: UnsafePointer<UInt32>, rows: Range<Int>, stride: Int, last: Bool) -> ScanlineDeflate.Strip {
        tokens.reserveCapacity(rows.count * 8)
        let straight = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * width)
        defer { straight.deallocate() }
        var current = straight, above = straight + width
        // PNG pixels: RGB24 ignores the top byte; ARGB32 is un-premultiplied first.
        let mask: UInt32 = alpha ? 0xFFFF_FFFF : 0x00FF_FFFF
        if rows.lowerBound > 0 { prepare(pixels + (rows.lowerBound - 1) * stride, into: above, mask: mask) }
        for y in rows {
            prepare(pixels + y * stride, into: current, mask: mask)
            let hasAbove = y > 0
            if hasAbove && memcmp(current, above, width * 4) == 0 {
                literal(2)
                run += width * channels
            } else {
                var sameAsAbove = 0, sameAsLeft = 0
                if hasAbove {
                    for x in 0..<width where current[x] == above[x] { sameAsAbove += 1 }
                    for x in 1..<max(width, 1) where current[x] == current[x - 1] { sameAsLeft += 1 }
                }
                let up = hasAbove && sameAsAbove > sameAsLeft
                literal(up ? 2 : 1)
                for x in 0..<width {
                    let p = current[x]
                    let reference: UInt32 = up ? above[x] : (x > 0 ? current[x - 1] : 0)
                    if p == reference {
                        run += channels
                        continue
                    }
                    byte(UInt8(truncatingIfNeeded: (p >> 16) &- (reference >> 16)))
                    byte(UInt8(truncatingIfNeeded: (p >> 8) &- (reference >> 8)))
                    byte(UInt8(truncatingIfNeeded: p &- reference))
                    if alpha { byte(UInt8(truncatingIfNeeded: (p >> 24) &- (reference >> 24))) }
                }
            }
            swap(&current, &above)
        }
        flushRun()
        return ScanlineDeflate.Strip(bytes: write(last: last), adler: UInt32((s2 % ScanlineDeflate.adlerBase) << 16 | (s1 % ScanlineDeflate.adlerBase)),
                                     length: length)
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

    @inline(__always)
    private mutating func byte(_ b: UInt8) {
        if b == 0 {
            run += 1
        } else {
            literal(b)
        }
    }

    @inline(__always)
    private mutating func literal(_ b: UInt8) {
        if run > 0 { flushRun() }
        tokens.append(UInt32(b))
        histogram[Int(b)] += 1
        s1 += UInt64(b)
        s2 += s1
        length += 1
        // Reduce well before UInt64 could overflow (s2 grows by at most 255·length² / 2).
        if length & 0xFFF == 0 {
            s1 %= ScanlineDeflate.adlerBase
            s2 %= ScanlineDeflate.adlerBase
        }
    }

    /// Emits the pending zero run: a literal zero, then distance-1 matches copying it.
    private mutating func flushRun() {
        guard run > 0 else { return }
        let n = run
        run = 0
        s1 %= ScanlineDeflate.adlerBase
        s2 = (s2 + UInt64(n) % ScanlineDeflate.adlerBase * s1) % ScanlineDeflate.adlerBase
        length += n
        if n < 4 {
            for _ in 0..<n { tokens.append(0) }
            histogram[0] += UInt32(n)
            return
        }
        tokens.append(0)
        histogram[0] += 1
        var remaining = n - 1
        while remaining >= 3 {
            var chunk = min(258, remaining)
            // Never leave 1 or 2 bytes, which a match cannot cover.
            if remaining - chunk > 0 && remaining - chunk < 3 { chunk -= 3 }
            tokens.append(0x10000 | UInt32(chunk))
            histogram[Int(DeflateTables.lengthSymbol[chunk])] += 1
            remaining -= chunk
        }
        for _ in 0..<remaining { tokens.append(0) }
        histogram[0] += UInt32(remaining)
    }

    /// One dynamic-Huffman block holding every token, then (unless last) an empty stored block so
    /// the strip ends on a byte boundary.
    private mutating func write(last: Bool) -> [UInt8] {
        histogram[256] += 1
        let literalLengths = Huffman.lengths(histogram, limit: 15)
        // Only distance 1 (symbol 0) is used; two 1-bit codes make a complete distance tree.
        var distanceLengths = [UInt8](repeating: 0, count: 2)
        distanceLengths[0] = 1
        distanceLengths[1] = 1
        let literalCodes = Huffman.codes(literalLengths), distanceCodes = Huffman.codes(distanceLengths)

        var writer = BitWriter(capacity: tokens.count * 4 + 4096)
        writer.write(last ? 1 : 0, 1)
        writer.write(2, 2)
        Huffman.writeTables(literal: literalLengths, distance: distanceLengths, to: &writer)
        let lengthSymbol = DeflateTables.lengthSymbol, lengthExtraBits = DeflateTables.lengthExtraBits,
            lengthBase = DeflateTables.lengthBase
        tokens.withUnsafeBufferPointer { tokens in
            literalCodes.withUnsafeBufferPointer { codes in
                literalLengths.withUnsafeBufferPointer { lengths in
                    for token in tokens {
                        if token < 256 {
                            writer.write(UInt64(codes[Int(token)]), Int(lengths[Int(token)]))
                        } else {
                            let matchLength = Int(token & 0xFFFF)
                            let symbol = Int(lengthSymbol[matchLength])
                            writer.write(UInt64(codes[symbol]), Int(lengths[symbol]))
                            let extra = Int(lengthExtraBits[symbol - 257])
                            if extra > 0 { writer.write(UInt64(matchLength - Int(lengthBase[symbol - 257])), extra) }
                            writer.write(UInt64(distanceCodes[0]), 1)
                        }
                    }
                    writer.write(UInt64(codes[256]), Int(lengths[256]))
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
        return writer.bytes()
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

/// Bits packed least-significant first, as deflate wants.
struct BitWriter {
    private var buffer: [UInt8]
    private var count = 0
    private var accumulator: UInt64 = 0
    private var pending = 0

    init(capacity: Int) { buffer = [UInt8](repeating: 0, count: capacity) }

    @inline(__always)
    mutating func write(_ value: UInt64, _ bits: Int) {
        accumulator |= value << UInt64(pending)
        pending += bits
        if pending >= 32 {
            if count + 8 > buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count + 64) }
            buffer.withUnsafeMutableBytes { raw in
                raw.storeBytes(of: UInt32(truncatingIfNeeded: accumulator).littleEndian, toByteOffset: count, as: UInt32.self)
            }
            count += 4
            accumulator >>= 32
            pending -= 32
        }
    }

    mutating func alignToByte() {
        if pending % 8 != 0 { write(0, 8 - pending % 8) }
        while pending > 0 {
            if count + 1 > buffer.count { buffer.append(0) }
            buffer[count] = UInt8(truncatingIfNeeded: accumulator)
            count += 1
            accumulator >>= 8
            pending -= 8
        }
    }

    func bytes() -> [UInt8] { Array(buffer[0..<count]) }
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
