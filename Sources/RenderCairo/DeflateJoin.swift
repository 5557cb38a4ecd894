import Foundation

/// Joins two raw deflate streams into one, so that two halves of a PNG's scanlines can be
/// compressed on two cores by libdeflate (which has no flush: each call ends its output with a
/// final block) and still make the single zlib stream an IDAT must hold.
///
/// The first stream's last block is found by walking its blocks, decoding each Huffman symbol
/// without producing output, as in zlib's `contrib/puff`. Its BFINAL bit is then cleared and the
/// second stream's bits are appended from the bit where the first one's end-of-block code ends.
/// The second half refers to nothing in the first, so the joined stream is valid deflate (RFC 1951).
enum DeflateJoin {
    /// Where a stream's final block starts and where its end-of-block code ends, in bits.
    struct FinalBlock: Equatable {
        var start: Int
        var end: Int
    }

    /// The final block of the raw deflate stream `bytes`, or nil if the stream is not valid deflate.
    static func finalBlock(of bytes: UnsafeRawBufferPointer) -> FinalBlock? {
        var reader = BitReader(bytes: bytes)
        while true {
            let start = reader.position
            guard let final = reader.bits(1), let type = reader.bits(2) else { return nil }
            switch type {
            case 0:
                reader.alignToByte()
                guard let length = reader.bits(16), let complement = reader.bits(16), length == ~complement & 0xFFFF,
                      reader.skip(length * 8) else { return nil }
            case 1:
                guard skipCodes(&reader, literals: fixedLiterals, distances: fixedDistances) else { return nil }
            case 2:
                guard let (literals, distances) = dynamicTables(&reader),
                      skipCodes(&reader, literals: literals, distances: distances) else { return nil }
            default:
                return nil
            }
            if final == 1 { return FinalBlock(start: start, end: reader.position) }
        }
    }

    /// `first` and `second` (raw deflate streams) as one raw deflate stream: `first` up to the end
    /// of its final block, made non-final, an empty stored block that brings the stream to a byte
    /// boundary, then `second` as it is (so its own end and padding stay where libdeflate put
    /// them, and a zlib trailer can follow). False when `first` is not valid deflate.
    static func join(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer, into out: inout [UInt8]) -> Bool {
        guard appendNonFinal(first, to: &out) else { return false }
        out.append(contentsOf: second)
        return true
    }

    /// Appends the raw deflate stream `stream` up to the end of its final block, made non-final,
    /// and an empty stored block that brings the output to a byte boundary, so that another
    /// stream can follow. False when `stream` is not valid deflate.
    static func appendNonFinal(_ stream: UnsafeRawBufferPointer, to out: inout [UInt8]) -> Bool {
        let first = stream
        guard let block = finalBlock(of: first) else { return false }
        let base = out.count
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: first[0..<((block.end + 7) / 8)]))
        out[base + block.start / 8] &= ~UInt8(1 << (block.start % 8))
        // The bits after the end-of-block code become the stored block's header: BFINAL 0, BTYPE
        // 00, both zero bits, then zero padding to the byte boundary.
        if block.end % 8 != 0 { out[out.count - 1] &= UInt8((1 << (block.end % 8)) - 1) }
        while out.count - base < (block.end + 3 + 7) / 8 { out.append(0) }
        out += [0x00, 0x00, 0xFF, 0xFF]  // LEN 0 and its complement
        return true
    }

    // MARK: - Walking the codes

    /// Bits of a byte buffer, least significant first, as deflate packs them.
    struct BitReader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func bits(_ count: Int) -> Int? {
            guard position + count <= bytes.count * 8 else { return nil }
            var value = 0
            for i in 0..<count {
                let at = position + i
                value |= Int((bytes[at >> 3] >> UInt8(at & 7)) & 1) << i
            }
            position += count
            return value
        }

        /// The next `count` bits (at most 17) without consuming them; zeros past the end.
        func peek(_ count: Int) -> Int {
            let byte = position >> 3
            var window = 0
            for i in 0..<3 where byte + i < bytes.count { window |= Int(bytes[byte + i]) << (8 * i) }
            return (window >> (position & 7)) & ((1 << count) - 1)
        }

        mutating func bit() -> Int? {
            guard position < bytes.count * 8 else { return nil }
            let value = Int((bytes[position >> 3] >> UInt8(position & 7)) & 1)
            position += 1
            return value
        }

        mutating func skip(_ count: Int) -> Bool {
            guard position + count <= bytes.count * 8 else { return false }
            position += count
            return true
        }

        mutating func alignToByte() { position = (position + 7) & ~7 }
    }

    /// A canonical Huffman code: a table of the codes up to `tableBits` long, indexed by the next
    /// bits of the stream, and counts per length with symbols in code order (puff's form) for
    /// longer codes.
    struct Huffman {
        static let tableBits = 9
        /// symbol << 4 | length for codes up to `tableBits` long; 0 where a longer code starts.
        var table = [UInt32](repeating: 0, count: 1 << Huffman.tableBits)
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        /// Nil for an over-subscribed set of lengths.
        init?(lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var left = 1
            for length in 1..<16 {
                left = left * 2 - counts[length]
                if left < 0 { return nil }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
            // Canonical codes (RFC 1951, 3.2.2), stored bit-reversed since the stream is read
            // least significant bit first.
            var next = [Int](repeating: 0, count: 16)
            var code = 0
            for length in 1..<16 {
                code = (code + counts[length - 1]) << 1
                next[length] = code
            }
            for (symbol, length) in lengths.enumerated() where length != 0 && length <= Huffman.tableBits {
                let value = next[length]
                next[length] += 1
                var reversed = 0
                for i in 0..<length { reversed |= ((value >> i) & 1) << (length - 1 - i) }
                for fill in stride(from: reversed, to: 1 << Huffman.tableBits, by: 1 << length) {
                    table[fill] = UInt32(symbol) << 4 | UInt32(length)
                }
            }
        }

        func decode(_ reader: inout BitReader) -> Int? {
            let entry = table[reader.peek(Huffman.tableBits)]
            if entry != 0 {
                return reader.skip(Int(entry & 15)) ? Int(entry >> 4) : nil
            }
            var code = 0, first = 0, index = 0
            for length in 1..<16 {
                guard let bit = reader.bit() else { return nil }
                code |= bit
                let count = counts[length]
                if code - first < count { return symbols[index + code - first] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            return nil
        }
    }

    private static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let fixedLiterals = Huffman(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })!
    private static let fixedDistances = Huffman(lengths: [Int](repeating: 5, count: 30))!

    /// Reads symbols up to and including end-of-block, skipping every extra bit.
    private static func skipCodes(_ reader: inout BitReader, literals: Huffman, distances: Huffman) -> Bool {
        while true {
            guard let symbol = literals.decode(&reader) else { return false }
            if symbol < 256 { continue }
            if symbol == 256 { return true }
            let length = symbol - 257
            guard length < lengthExtraBits.count, reader.skip(lengthExtraBits[length]),
                  let distance = distances.decode(&reader), distance < distanceExtraBits.count,
                  reader.skip(distanceExtraBits[distance]) else { return false }
        }
    }

    /// A dynamic block's literal/length and distance codes (RFC 1951, 3.2.7).
    private static func dynamicTables(_ reader: inout BitReader) -> (Huffman, Huffman)? {
        guard let hlit = reader.bits(5), let hdist = reader.bits(5), let hclen = reader.bits(4) else { return nil }
        let literalCount = hlit + 257, distanceCount = hdist + 1
        guard literalCount <= 286, distanceCount <= 30 else { return nil }
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<(hclen + 4) {
            guard let length = reader.bits(3) else { return nil }
            codeLengths[order[i]] = length
        }
        guard let lengthCode = Huffman(lengths: codeLengths) else { return nil }
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            guard let symbol = lengthCode.decode(&reader) else { return nil }
            switch symbol {
            case 0..<16:
                lengths.append(symbol)
            case 16:
                guard let last = lengths.last, let repeats = reader.bits(2) else { return nil }
                lengths += [Int](repeating: last, count: 3 + repeats)
            case 17:
                guard let repeats = reader.bits(3) else { return nil }
                lengths += [Int](repeating: 0, count: 3 + repeats)
            default:
                guard let repeats = reader.bits(7) else { return nil }
                lengths += [Int](repeating: 0, count: 11 + repeats)
            }
        }
        guard lengths.count == literalCount + distanceCount, lengths[256] != 0,
              let literals = Huffman(lengths: Array(lengths[0..<literalCount])),
              let distances = Huffman(lengths: Array(lengths[literalCount...])) else { return nil }
        return (literals, distances)
    }
}
