import Foundation

/// Rows that repeat the row above, written as deflate without a compressor.
///
/// Why: most rows of a chart repeat the row above them (white margins, the inside of bars and
/// areas between grid lines: 905 of the 1,240 rows of the README's bar chart at 300 dpi). With the
/// Up filter such a row is a 2 followed by zeros, and runs of one byte are libdeflate's slowest
/// input: its match finder updates its hash chains at every one of the millions of positions, so
/// those rows took about three quarters of the chart's compression time. Their deflate encoding
/// is known in advance, so it is written here directly, in time proportional to the number of
/// rows, and libdeflate compresses only the other rows (`PNGDeflate.segmentedZlibStream`).
///
/// Each run becomes one dynamic-Huffman block (RFC 1951, 3.2.7) holding, per row: the literal 2,
/// the literal 0, then the rest of the zeros as matches at distance 1 (258 bytes each, and one
/// shorter match for what is left). About 8 bytes per row of 6,000: the size libdeflate reaches on
/// the same rows.
enum RepeatedRows {
    /// Runs shorter than this stay with the rows around them: a short run is cheap for libdeflate,
    /// and every run splits libdeflate's input and costs a block header.
    static let minimumRun = 4

    /// A stretch of the filtered scanlines: rows that repeat the one above, or other rows.
    struct Segment: Equatable {
        var rows: Range<Int>
        var repeated: Bool
    }

    /// Whether filtered row `row` (`rowLength` bytes with its filter byte) is Up with every byte
    /// zero: the row equals the row above.
    static func repeatsRowAbove(_ scanlines: UnsafeRawBufferPointer, row: Int, rowLength: Int) -> Bool {
        let start = row * rowLength
        guard scanlines[start] == 2 else { return false }
        var i = start + 1
        let end = start + rowLength
        // Eight bytes at a time; a differing row usually differs early.
        while i + 8 <= end {
            if scanlines.loadUnaligned(fromByteOffset: i, as: UInt64.self) != 0 { return false }
            i += 8
        }
        while i < end {
            if scanlines[i] != 0 { return false }
            i += 1
        }
        return true
    }

    /// The scanlines cut into runs of at least `minimumRun` repeated rows and the rows between
    /// them, in order, covering every row.
    static func segments(_ scanlines: UnsafeRawBufferPointer, rowLength: Int, height: Int) -> [Segment] {
        var segments: [Segment] = []
        var start = 0, row = 0
        while row < height {
            guard row > 0, repeatsRowAbove(scanlines, row: row, rowLength: rowLength) else {
                row += 1
                continue
            }
            var end = row + 1
            while end < height, repeatsRowAbove(scanlines, row: end, rowLength: rowLength) { end += 1 }
            if end - row >= minimumRun {
                if start < row { segments.append(Segment(rows: start..<row, repeated: false)) }
                segments.append(Segment(rows: row..<end, repeated: true))
                start = end
            }
            row = end
        }
        if start < height { segments.append(Segment(rows: start..<height, repeated: false)) }
        return segments
    }

    /// Appends the deflate encoding of `count` rows, each a 2 followed by `rowLength − 1` zeros:
    /// one block, final if `final`, else followed by an empty stored block so that the stream
    /// ends on a byte boundary and another compressor's output can follow (as in `DeflateJoin`).
    static func appendBlock(rows count: Int, rowLength: Int, final: Bool, to out: inout [UInt8]) {
        precondition(count > 0 && rowLength >= 2)
        // Per row: literal 2, literal 0, then `rowLength − 2` zeros copied from distance 1.
        let lengths = matchLengths(rowLength - 2)
        // The literal/length symbols used, most frequent first, and a complete prefix code over
        // them: lengths 1, 2, …, n − 1, n − 1 (a Huffman code for frequencies that halve).
        var symbols: [Int] = []
        var uses: [Int: Int] = [0: 1, 2: 1, 256: 0]
        for length in lengths { uses[lengthSymbol(length).symbol, default: 0] += 1 }
        symbols = uses.keys.sorted { (uses[$0]!, -$0) > (uses[$1]!, -$1) }
        var codeLength = [Int](repeating: 0, count: 286)
        for (rank, symbol) in symbols.enumerated() { codeLength[symbol] = min(rank + 1, symbols.count - 1) }
        let literalCodes = canonicalCodes(codeLength)

        var bits = BitWriter(out: out)
        bits.write(final ? 1 : 0, count: 1)
        bits.write(2, count: 2)  // dynamic Huffman codes
        writeCodeLengths(codeLength, distanceLengths: [1], to: &bits)
        let (literal2, literal0) = (literalCodes[2], literalCodes[0])
        // Distance 1 is the only distance code, one bit long (RFC 1951: a single code has one bit): code 0.
        for _ in 0..<count {
            bits.writeCode(literal2)
            bits.writeCode(literal0)
            for length in lengths {
                if length < 3 {
                    for _ in 0..<length { bits.writeCode(literal0) }
                    continue
                }
                let (symbol, extraBits, extra) = lengthSymbol(length)
                bits.writeCode(literalCodes[symbol])
                bits.write(extra, count: extraBits)
                bits.write(0, count: 1)
            }
        }
        bits.writeCode(literalCodes[256])
        if !final {
            // An empty stored block: header bits 000, padding to the byte, LEN 0, NLEN 0xFFFF.
            bits.write(0, count: 3)
        }
        out = bits.finish()
        if !final { out += [0x00, 0x00, 0xFF, 0xFF] }
    }

    /// `zeros` bytes as match lengths (3–258; a value under 3 stands for that many literal zeros).
    static func matchLengths(_ zeros: Int) -> [Int] {
        var lengths: [Int] = []
        var left = zeros
        while left > 0 {
            // 259 and 260 cannot end with a match of 1 or 2: take 256 or 257, leaving 3.
            let take = left >= 261 || left == 258 ? 258 : left >= 259 ? left - 3 : left
            lengths.append(take)
            left -= take
        }
        return lengths
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]

    /// The length symbol (257–285) of a match length, with its extra bits. A length under 3 is
    /// written as literal zeros and reported as symbol 0.
    static func lengthSymbol(_ length: Int) -> (symbol: Int, extraBits: Int, extra: Int) {
        guard length >= 3 else { return (0, 0, 0) }
        var index = lengthBase.count - 1
        while lengthBase[index] > length { index -= 1 }
        if length == 258 { index = 28 } else if index == 28 { index = 27 }
        return (257 + index, lengthExtra[index], length - lengthBase[index])
    }

    /// A code: its bits in the order they are written (reversed, deflate sends codes from their
    /// most significant bit), and its length.
    struct Code {
        var bits: UInt64
        var length: Int
    }

    /// Canonical Huffman codes for the given code lengths (RFC 1951, 3.2.2).
    static func canonicalCodes(_ lengths: [Int]) -> [Code] {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { counts[length] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1..<16 {
            code = (code + counts[length - 1]) << 1
            next[length] = code
        }
        return lengths.map { length in
            guard length > 0 else { return Code(bits: 0, length: 0) }
            let value = next[length]
            next[length] += 1
            var reversed: UInt64 = 0
            for i in 0..<length { reversed |= UInt64((value >> i) & 1) << UInt64(length - 1 - i) }
            return Code(bits: reversed, length: length)
        }
    }

    /// HLIT, HDIST, HCLEN, the code-length code and the code lengths of both alphabets.
    private static func writeCodeLengths(_ literalLengths: [Int], distanceLengths: [Int], to bits: inout BitWriter) {
        // The lengths as code-length symbols: 0–15 as themselves, runs of zeros as 17 (3–10) or 18 (11–138).
        var items: [(symbol: Int, extraBits: Int, extra: Int)] = []
        let all = literalLengths + distanceLengths
        var i = 0
        while i < all.count {
            guard all[i] == 0 else {
                items.append((all[i], 0, 0))
                i += 1
                continue
            }
            var run = 1
            while i + run < all.count, all[i + run] == 0, run < 138 { run += 1 }
            if run >= 11 {
                items.append((18, 7, run - 11))
            } else if run >= 3 {
                items.append((17, 3, run - 3))
            } else {
                run = 1
                items.append((0, 0, 0))
            }
            i += run
        }
        // A complete prefix code over the code-length symbols used (at most 7 bits long).
        let used = Set(items.map(\.symbol)).sorted()
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        if used.count == 1 {
            codeLengthLengths[used[0]] = 1
        } else {
            for (rank, symbol) in used.enumerated() { codeLengthLengths[symbol] = min(rank + 1, used.count - 1) }
        }
        let codeLengthCodes = canonicalCodes(codeLengthLengths)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var sent = order.count
        while sent > 4, codeLengthLengths[order[sent - 1]] == 0 { sent -= 1 }
        bits.write(literalLengths.count - 257, count: 5)
        bits.write(distanceLengths.count - 1, count: 5)
        bits.write(sent - 4, count: 4)
        for index in 0..<sent { bits.write(codeLengthLengths[order[index]], count: 3) }
        for item in items {
            bits.writeCode(codeLengthCodes[item.symbol])
            bits.write(item.extra, count: item.extraBits)
        }
    }

    /// Bits packed least significant first, as deflate stores them.
    struct BitWriter {
        var out: [UInt8]
        var buffer: UInt64 = 0
        var filled = 0

        init(out: [UInt8]) { self.out = out }

        mutating func write(_ value: Int, count: Int) {
            guard count > 0 else { return }
            buffer |= UInt64(value) << UInt64(filled)
            filled += count
            while filled >= 8 {
                out.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                filled -= 8
            }
        }

        mutating func writeCode(_ code: Code) { write(Int(code.bits), count: code.length) }

        /// The bytes, the last one padded with zero bits.
        mutating func finish() -> [UInt8] {
            if filled > 0 { out.append(UInt8(truncatingIfNeeded: buffer)) }
            buffer = 0
            filled = 0
            return out
        }
    }
}
