import Testing
@testable import Dataset

/// The table of ids written: each hash once, with the line it was first on, across its growth.
@Suite struct EventIDTableTests {
    @Test func repeatsAnswerTheFirstLineThroughGrowth() {
        var table = EventIDTable(capacity: 4)
        // Keys that share their high bits after the multiply are still told apart (linear probing),
        // and 0, the empty-slot marker, is an id hash like any other.
        let keys: [UInt64] = (1..<5000).map { UInt64($0) &* 0x1_0000_0001 } + [0, UInt64.max]
        for (line, key) in keys.enumerated() {
            #expect(table.insert(key, line: Int32(line + 2)) == nil, "key \(key) is new")
        }
        for (line, key) in keys.enumerated() {
            #expect(table.insert(key, line: 1) == Int32(line + 2), "key \(key) was first on line \(line + 2)")
        }
        #expect(table.insert(0x1234_5678, line: 9) == nil)
    }

    /// Numeric ids are keyed by value and length: equal texts meet, different texts (leading zeros
    /// included) do not, and no numeric key equals a hashed one.
    @Test func numericIdsAreKeyedExactlyAndApartFromHashedOnes() {
        func key(_ text: String, hash: UInt64 = 0xFFFF_FFFF_FFFF_FFFF) -> UInt64 {
            Array(text.utf8).withUnsafeBufferPointer { EventIDTable.key(record: $0, hash: hash) }
        }
        #expect(key("197001020001") == key("197001020001", hash: 7), "a numeric id's key does not depend on its hash")
        #expect(key("123") != key("0123"))
        #expect(key("1") != key("01"))
        #expect(key("0") != key("00"))
        #expect(key("99999999999999999") != key("9999999999999999"))
        #expect(key("12a") == 0x7FFF_FFFF_FFFF_FFFF, "not all digits: the hash, top bit clear")
        #expect(key("123456789012345678") == 0x7FFF_FFFF_FFFF_FFFF, "18 digits: the hash")
        #expect(key("") == 0x7FFF_FFFF_FFFF_FFFF)
        #expect(key("5") >> 63 == 1)
        // Ids that count up, as the GTD's do, through the table and its growth.
        var table = EventIDTable(capacity: 16)
        let ids = (0..<20_000).map { String(197_001_020_001 + $0 * 3 % 10_000 + $0 / 50 * 10_000) }
        #expect(Set(ids).count == ids.count)
        for (line, id) in ids.enumerated() { #expect(table.insert(key(id), line: Int32(line)) == nil) }
        for (line, id) in ids.enumerated() { #expect(table.insert(key(id), line: -1) == Int32(line)) }
    }
}
