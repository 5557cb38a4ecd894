import Testing
@testable import Dataset
import TestSupport

/// `StructureBlocks` finds a CSV file's separators (commas and line ends outside quotes) and the
/// bytes that make `StampedAttacksReader` refuse it from bit masks of 64 bytes at a time. These
/// tests compare it with a byte-by-byte reading of generated data whose separators, quotes,
/// doubled quotes, carriage returns and NUL bytes fall at every place in and across blocks.
@Suite struct StructureBlocksTests {
    /// Inputs come from a seeded generator, so a failure can be replayed.
    typealias Generator = SplitMix64

    /// What a byte-by-byte reading finds in `bytes` (a row's start at 0; `atEnd` adds the
    /// sentinel line end the reader puts after the file's last byte): the separators, and the
    /// first byte that makes the data refused.
    static func reference(_ bytes: [UInt8], atEnd: Bool) -> (separators: [Int], refusal: Int?) {
        let data = atEnd ? bytes + [UInt8(ascii: "\n")] : bytes
        var separators: [Int] = [], refusal: Int? = nil
        func refuse(_ position: Int) { refusal = min(refusal ?? position, position) }
        var inQuotes = false, atFieldStart = true, afterClosingQuote = false
        for (position, byte) in data.enumerated() {
            if inQuotes {
                if byte == UInt8(ascii: "\"") { inQuotes = false; afterClosingQuote = true } else if byte == 0 { refuse(position) }
                continue
            }
            if afterClosingQuote {
                afterClosingQuote = false
                // A doubled quote inside a quoted cell.
                if byte == UInt8(ascii: "\"") { inQuotes = true; continue }
                if byte != UInt8(ascii: ","), byte != UInt8(ascii: "\n") { refuse(position - 1) }
            }
            switch byte {
            case UInt8(ascii: "\""):
                // A quote that does not open a cell is refused; it still opens quotes, as the
                // prefix XOR counts it.
                if !atFieldStart { refuse(position) }
                inQuotes = true
                atFieldStart = false
            case UInt8(ascii: ","), UInt8(ascii: "\n"):
                separators.append(position)
                atFieldStart = true
            case UInt8(ascii: "\r"), 0:
                refuse(position)
                atFieldStart = false
            default:
                atFieldStart = false
            }
        }
        return (separators, refusal)
    }

    /// Every separator `StructureBlocks` hands out for `bytes`, placed at `offset` in a buffer
    /// with the reader's sentinel and padding after it.
    static func separators(_ bytes: [UInt8], offset: Int, atEnd: Bool) -> (separators: [Int], refusal: Int?) {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: offset + bytes.count + StructureBlocks.padding)
        defer { buffer.deallocate() }
        // Quotes before the data and garbage after it must not count.
        buffer.initialize(repeating: UInt8(ascii: "\""), count: offset + bytes.count + StructureBlocks.padding)
        buffer.advanced(by: offset).update(from: bytes, count: bytes.count)
        buffer[offset + bytes.count] = UInt8(ascii: "\n")
        var blocks = StructureBlocks(buffer, from: offset, limit: offset + bytes.count + (atEnd ? 1 : 0))
        var found: [Int] = []
        while let position = blocks.nextSeparator() { found.append(position - offset) }
        return (found, blocks.firstRefusal == .max ? nil : blocks.firstRefusal - offset)
    }

    /// Data of cells of every kind: plain, empty, quoted with commas, line breaks, carriage
    /// returns and doubled quotes, long enough to span blocks; and now and then a byte out of
    /// place (a stray quote, text after a closing quote, a carriage return or NUL outside
    /// quotes, a NUL inside them).
    static func data(_ random: inout Generator, faults: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        let fields = random.below(40)
        for field in 0..<fields {
            if field > 0 { bytes.append(random.below(6) == 0 ? UInt8(ascii: "\n") : UInt8(ascii: ",")) }
            let length = [0, 1, 2, 7, 62, 63, 64, 65, 100][random.below(9)]
            if random.below(3) == 0 {
                bytes.append(UInt8(ascii: "\""))
                for _ in 0..<length {
                    let pick = random.below(12)
                    bytes += pick == 0 ? Array("\"\"".utf8) : pick == 1 ? [UInt8(ascii: ",")] : pick == 2 ? [UInt8(ascii: "\n")]
                        : pick == 3 ? [UInt8(ascii: "\r")] : [UInt8(ascii: "x")]
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes += [UInt8](repeating: UInt8(ascii: "a"), count: length)
            }
            if faults && random.below(25) == 0 {
                let fault: [UInt8] = [[UInt8(ascii: "\"")], [UInt8(ascii: "\r")], [0], [UInt8(ascii: "b"), UInt8(ascii: "\"")]][random.below(4)]
                bytes.insert(contentsOf: fault, at: random.below(bytes.count + 1))
            }
        }
        return bytes
    }

    @Test func separatorsAndRefusalsEqualAByteByByteReading() {
        var random = Generator(state: 17)
        var refused = 0, accepted = 0
        for round in 0..<3000 {
            let bytes = Self.data(&random, faults: round % 2 == 1)
            for atEnd in [true, false] {
                let expected = Self.reference(bytes, atEnd: atEnd)
                let found = Self.separators(bytes, offset: round % 67, atEnd: atEnd)
                #expect(found.separators == expected.separators, "round \(round)")
                #expect(found.refusal == expected.refusal, "round \(round)")
                if expected.refusal == nil { accepted += 1 } else { refused += 1 }
            }
        }
        #expect(accepted > 1000 && refused > 1000, "both kinds generated: \(accepted) accepted, \(refused) refused")
    }

    /// Separators and quotes exactly at the ends and starts of blocks.
    @Test func separatorsAndQuotesAtBlockEnds() {
        for position in [0, 1, 62, 63, 64, 65, 126, 127, 128] {
            for separator in [UInt8(ascii: ","), UInt8(ascii: "\n")] {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 200)
                bytes[position] = separator
                let found = Self.separators(bytes, offset: 0, atEnd: true)
                #expect(found.separators == [position, 200], "at \(position)")
                #expect(found.refusal == nil)
                #expect(found.separators == Self.reference(bytes, atEnd: true).separators)
            }
            // A quoted cell opening just before, and closing just after, a block boundary, with a
            // doubled quote cut by it.
            var quoted = [UInt8](repeating: UInt8(ascii: "a"), count: 200)
            let open = max(position - 1, 0)
            quoted[open] = UInt8(ascii: "\"")
            if open > 0 { quoted[open - 1] = UInt8(ascii: ",") }
            quoted[open + 3] = UInt8(ascii: ",")
            quoted[open + 5] = UInt8(ascii: "\"")
            quoted[open + 6] = UInt8(ascii: "\"")
            quoted[open + 70] = UInt8(ascii: "\"")
            quoted[open + 71] = UInt8(ascii: ",")
            let found = Self.separators(quoted, offset: 3, atEnd: true)
            #expect(found.separators == Self.reference(quoted, atEnd: true).separators, "quoted from \(open)")
            #expect(found.refusal == nil)
            #expect(Self.reference(quoted, atEnd: true).refusal == nil)
            #expect(found.separators == (open > 0 ? [open - 1] : []) + [open + 71, 200])
        }
    }

    /// `nextLineEnd` hands out the line end after the separators handed out, with the commas
    /// before it, as the reader counts the columns it skips.
    @Test func lineEndsCountTheCommasBeforeThem() {
        var random = Generator(state: 5)
        for round in 0..<1000 {
            let bytes = Self.data(&random, faults: false)
            let expected = Self.reference(bytes, atEnd: true).separators
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + StructureBlocks.padding)
            defer { buffer.deallocate() }
            buffer.initialize(repeating: 0, count: bytes.count + StructureBlocks.padding)
            buffer.update(from: bytes, count: bytes.count)
            buffer[bytes.count] = UInt8(ascii: "\n")
            var blocks = StructureBlocks(buffer, from: 0, limit: bytes.count + 1)
            var index = 0
            while index < expected.count {
                // Some separators one by one, then the rest of the line counted.
                for _ in 0..<random.below(4) where index < expected.count {
                    #expect(blocks.nextSeparator() == expected[index], "round \(round)")
                    index += 1
                }
                guard index < expected.count else { break }
                let end = expected[index...].firstIndex { $0 == bytes.count || bytes[$0] == UInt8(ascii: "\n") }!
                let line = blocks.nextLineEnd()
                #expect(line?.position == expected[end], "round \(round)")
                #expect(line?.commas == end - index, "round \(round)")
                index = end + 1
            }
            #expect(blocks.nextSeparator() == nil)
            #expect(blocks.nextLineEnd() == nil)
        }
    }
}
