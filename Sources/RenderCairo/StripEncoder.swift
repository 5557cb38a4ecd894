import Foundation

/// Encodes one strip of rows: filters each row, tokenises it into literals and zero runs, then
/// writes one dynamic Huffman block. Works on raw buffers: these loops run millions of times per
/// figure.
struct StripEncoder {
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
                // Pixels equal to their neighbour above / to the left, counted with arithmetic only
                // ((d | −d) >> 31 is 1 exactly when d ≠ 0), so the loops vectorise and noisy rows
                // do not mispredict a branch per pixel.
                var differentFromAbove: UInt32 = 0, differentFromLeft: UInt32 = 0
                if hasAbove {
                    for x in 0..<width {
                        let d = current[x] ^ above[x]
                        differentFromAbove &+= (d | (0 &- d)) >> 31
                    }
                }
                for x in 1..<max(width, 1) {
                    let d = current[x] ^ current[x - 1]
                    differentFromLeft &+= (d | (0 &- d)) >> 31
                }
                let sameAsAbove = hasAbove ? width - Int(differentFromAbove) : 0
                let sameAsLeft = max(width - 1, 0) - Int(differentFromLeft)
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
