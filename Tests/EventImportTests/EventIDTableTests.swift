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
}
