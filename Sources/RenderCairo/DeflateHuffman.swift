import Foundation

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
