#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a country name's entry straight from the field's bytes (an open-addressing table keyed
/// by FNV-1a), so the row loop makes no String per row.
struct GTDCountryLookup {
    struct Entry {
        let name: [UInt8]
        let code: String
        let codeBytes: [UInt8]
        let isHistorical: Bool
    }

    let entries: [Entry]
    private let slots: [Int32]
    private let mask: Int

    init(names: [String: String], historicalCodes: Set<String>) {
        let sorted = names.sorted { $0.key < $1.key }
        entries = sorted.map { Entry(name: Array($0.key.utf8), code: $0.value, codeBytes: Array($0.value.utf8),
                                     isHistorical: historicalCodes.contains($0.value)) }
        var capacity = 16
        while capacity < entries.count * 4 { capacity *= 2 }
        mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        for (index, entry) in entries.enumerated() {
            var slot = entry.name.withUnsafeBufferPointer { GTDCountryLookup.hash($0) } & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(index)
        }
        self.slots = slots
    }

    /// The entry index for the name in `bytes`, or nil when the name is not known.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = GTDCountryLookup.hash(bytes) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            let name = entries[index].name
            if name.count == bytes.count {
                let equal = name.withUnsafeBufferPointer { stored in
                    bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
                }
                if equal { return index }
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
