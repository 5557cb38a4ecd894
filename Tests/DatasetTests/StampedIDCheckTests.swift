import Testing
@testable import Dataset

/// `StampedAttacksReader.isID` checks an id cell eight bytes at a time. It must accept exactly
/// what `CellParser` accepts for an id column (lower-case ASCII letters, digits, hyphens), for
/// every byte value at every place in cells of every length, whatever bytes follow the cell.
@Suite struct StampedIDCheckTests {
    static func isIDByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-")
    }

    @Test func everyByteAtEveryPlaceIsJudgedAsCellParserJudgesIt() {
        var checked = 0
        for count in 0...20 {
            for place in 0..<max(count, 1) {
                for (value, after) in (0...255).flatMap({ value in [UInt8(ascii: ","), UInt8(ascii: "a"), 0xFF].map { (value, $0) } }) {
                    // The cell "gtd-…" with one byte replaced, then eight bytes of another kind.
                    var bytes = Array("gtd-1970010200012345".utf8.prefix(count)) + [UInt8](repeating: after, count: 8)
                    if count > 0 { bytes[place] = UInt8(value) }
                    let expected = count > 0 && bytes[..<count].allSatisfy(Self.isIDByte)
                    let found = bytes.withUnsafeBufferPointer { StampedAttacksReader.isID($0.baseAddress!, count: count) }
                    if found != expected { Issue.record("length \(count), byte \(value) at \(place), then \(after): \(found)") }
                    checked += 1
                }
            }
        }
        #expect(checked == 162_048)
    }
}
