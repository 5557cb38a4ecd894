import Foundation
import Testing
@testable import Dataset
import TestSupport

/// `StampedAttacksReader` walks a file's separators 64 bytes at a time (`StructureBlocks`). These
/// tests rewrite a real import so that the cells it skips — plain, empty, quoted with commas,
/// doubled quotes, carriage returns and line breaks — end at every place in a block and span
/// blocks and chunks, and put each fault the reader refuses at every place in a block.
@Suite struct StampedAttacksLayoutTests {
    /// The rows of a CSV file as their fields' raw text (quotes kept), split where CSV splits.
    static func rawRows(_ bytes: [UInt8]) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field: [UInt8] = [], quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
                field.append(byte)
            } else if !quoted && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n")) {
                row.append(String(decoding: field, as: UTF8.self))
                field = []
                if byte == UInt8(ascii: "\n") {
                    rows.append(row)
                    row = []
                }
            } else {
                field.append(byte)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [String(decoding: field, as: UTF8.self)]) }
        return rows
    }

    /// Writes `rows` to `path` as an import writes a table, and stamps it again.
    static func write(_ rows: [[String]], to path: String, sourceID: String) throws -> ImportStamp {
        try Data(rows.map { $0.joined(separator: ",") + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
        #expect(ImportStamp.write(table: "attacks", sourceID: sourceID, file: path))
        return try #require(ImportStamp.recorded(for: path, table: "attacks"))
    }

    /// A skipped cell of the `k`th kind and length: plain, empty, quoted with commas, quoted
    /// with doubled quotes, a carriage return and a line break, or one quote character.
    static func cell(_ k: Int, required: Bool) -> String {
        let length = k % 131
        switch (k / 131 + k) % 5 {
        case 0: return "d" + String(repeating: "x", count: length)
        case 1: return "\"a" + String(repeating: ",a", count: length / 2) + "\""
        case 2: return "\"q\"\"" + String(repeating: "y", count: length) + "\r\n\"\"z\""
        case 3: return required ? "e" : ""
        default: return "\"\"\"\""
        }
    }

    @Test func skippedCellsEndingAnywhereInABlockAndSpanningBlocksReadAsValidated() throws {
        let folder = try StampedAttacksTests.gtdImport()
        let path = folder.file(StampedAttacksTests.table)
        let stamp = try #require(ImportStamp.recorded(for: path, table: "attacks"))
        let original = Self.rawRows(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        let header = original[0]
        let description = try #require(header.firstIndex(of: "description"))
        let notes = try #require(header.firstIndex(of: "notes"))
        let last = header.count - 1
        let rows = original.dropFirst().prefix(400).enumerated().map { index, row in
            var row = row
            row[description] = Self.cell(index, required: true)
            row[notes] = Self.cell(index * 7 + 3, required: false)
            row[last] = Self.cell(index * 13 + 5, required: false)
            return row
        }
        let restamped = try Self.write([header] + rows, to: path, sourceID: stamp.sourceID)
        try StampedAttacksTests.expectCountedEqualsValidated(path, rows: rows.count)

        let schema = try #require(ShippedCorpus.corpus.catalog.table(named: "attacks"))
        try StampedAttacksTests.expectChunkedReadsEqualOneRead(schema, path: path, stamp: restamped, chunkSizes: [1, 7, 63, 64, 65, 127, 1000])
    }

    /// A field too many or too few, a carriage return outside quotes, a NUL inside them, a quote
    /// inside an unquoted cell, text after a closing quote: each placed at every offset in a
    /// block (the description before it padded byte by byte), and each refused — while the same
    /// file without the fault, or with a carriage return inside quotes, is read.
    @Test func faultsAreRefusedWhereverTheyFallInABlock() throws {
        let folder = try StampedAttacksTests.gtdImport()
        let path = folder.file(StampedAttacksTests.table)
        let stamp = try #require(ImportStamp.recorded(for: path, table: "attacks"))
        let schema = try #require(ShippedCorpus.corpus.catalog.table(named: "attacks"))
        let original = Self.rawRows(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        let header = original[0]
        let description = try #require(header.firstIndex(of: "description"))
        let notes = try #require(header.firstIndex(of: "notes"))
        let last = header.count - 1
        let faults: [(name: String, refused: Bool, edit: (inout [String]) -> Void)] = [
            ("a field too many", true, { $0.append("x") }),
            ("a field too few", true, { $0.removeLast() }),
            ("a field too few before the last column read", true, { $0.removeSubrange(3...) }),
            ("a carriage return outside quotes", true, { $0[notes] = "a\rb" }),
            ("a NUL inside quotes", true, { $0[last] = "\"a\u{0}b\"" }),
            ("a quote inside an unquoted cell", true, { $0[notes] = "a\"b" }),
            ("text after a closing quote", true, { $0[notes] = "\"a\"b" }),
            ("a quoted id", true, { $0[0] = "\"\($0[0])\"" }),
            ("nothing", false, { _ in }),
            ("a carriage return inside quotes", false, { $0[notes] = "\"a\rb\"" }),
        ]
        for pad in 0..<64 {
            for fault in faults {
                var rows = Array(original.dropFirst().prefix(40))
                rows[20][description] = "d" + String(repeating: "x", count: pad)
                fault.edit(&rows[20])
                let restamped = try Self.write([header] + rows, to: path, sourceID: stamp.sourceID)
                let read = StampedAttacksReader.read(schema, path: path, stamp: restamped, limits: .default)
                #expect((read == nil) == fault.refused, "\(fault.name), padded by \(pad)")
                if !fault.refused { #expect(read?.count == rows.count) }
            }
        }
    }
}
