/// The ids an import has written, by a 64-bit key (`key(record:hash:)`), with the line each was
/// first on: open addressing over two flat arrays. The Dictionary it replaces hashed the hash again
/// with SipHash on every row (some 5% of a GTD import); the key is already a good hash, so a
/// multiply spreads it.
struct EventIDTable {
    /// Key 0 marks an empty slot; an id whose hash is 0 is kept in `zeroLine` instead.
    private var keys: [UInt64]
    private var lines: [Int32]
    private var shift: UInt64
    private var count = 0
    private var zeroLine: Int32?

    /// Room for `capacity` ids before the table grows (at three quarters full).
    init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) * 3 < max(capacity, 1) * 4 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        lines = [Int32](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// The key of a record id: for an id of 1 to 17 digits, its value and length with the top bit
    /// set (exact, and "0123" is not "123"); for any other, its hash (of the id as written to the
    /// output) with the top bit clear. The two kinds never meet.
    @inline(__always) static func key(record: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt64 {
        guard record.count >= 1 && record.count <= 17 else { return hash & ~(1 << 63) }
        var value: UInt64 = 0
        for byte in record {
            let digit = byte &- UInt8(ascii: "0")
            guard digit <= 9 else { return hash & ~(1 << 63) }
            value = value &* 10 &+ UInt64(digit)
        }
        return 1 << 63 | value << 5 | UInt64(record.count)
    }

    /// The slot to start probing at. The key's bits from 9 up, times 2^64/φ (Fibonacci hashing),
    /// choose a group of 16 slots, and bits 5–8 (the low bits of a numeric id's value) the slot in
    /// it: ids that count up (the GTD's date and serial number) fall on neighbouring slots, and the
    /// table is not read at a random place, a cache miss, on every row.
    @inline(__always) private func start(_ key: UInt64) -> Int {
        let group = Int(truncatingIfNeeded: ((key >> 9) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        return (group << 4 | Int(truncatingIfNeeded: (key >> 5) & 15)) & (keys.count - 1)
    }

    /// The line the id was first on; nil when it is new, after recording it on `line`.
    @inline(__always) mutating func insert(_ key: UInt64, line: Int32) -> Int32? {
        if key == 0 {
            if let first = zeroLine { return first }
            zeroLine = line
            return nil
        }
        let mask = keys.count - 1
        var slot = start(key)
        while true {
            let found = keys[slot]
            if found == key { return lines[slot] }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        lines[slot] = line
        count += 1
        if count * 4 > keys.count * 3 { grow() }
        return nil
    }

    @inline(never) private mutating func grow() {
        let oldKeys = keys, oldLines = lines
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        lines = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for index in oldKeys.indices where oldKeys[index] != 0 {
            var slot = start(oldKeys[index])
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            lines[slot] = oldLines[index]
        }
    }
}
