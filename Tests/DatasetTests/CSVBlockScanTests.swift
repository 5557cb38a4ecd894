import Testing
@testable import Dataset
import TestSupport
import Support

/// The reader finds the end of unquoted fields from a bit mask of 64 bytes at a time (delimiters,
/// quotes and control bytes below 0x0E, the last checked against the byte table). These tests
/// compare it with a plain byte-by-byte reading of generated files whose fields fall across those
/// blocks and across read chunks, with tabs and other control bytes that must stay text.
@Suite struct CSVBlockScanTests {
    /// Inputs come from a seeded generator, so a failure can be replayed.
    typealias Generator = SplitMix64

    /// Unquoted text: letters, digits, spaces, tabs, the other control bytes a field may hold
    /// (0x01–0x0D but LF and CR), multi-byte UTF-8, and lengths from empty to past two blocks.
    static func unquoted(_ random: inout Generator) -> [UInt8] {
        let alphabet: [[UInt8]] = [[UInt8(ascii: "a")], [UInt8(ascii: "7")], [UInt8(ascii: " ")], [0x09], [0x01], [0x0B], [0x0C],
                                   [UInt8(ascii: "-")], [UInt8(ascii: ".")], Array("é".utf8), Array("–".utf8), [0x7F]]
        let length = [0, 1, 2, 3, 5, 8, 13, 63, 64, 65, 130][random.below(11)]
        var bytes: [UInt8] = []
        while bytes.count < length { bytes += alphabet[random.below(alphabet.count)] }
        return bytes
    }

    /// A field's text and how it is written: quoted (with commas, doubled quotes, CR and LF) or not.
    static func field(_ random: inout Generator) -> (text: [UInt8], written: [UInt8]) {
        if random.below(5) > 0 {
            let text = unquoted(&random)
            return (text, text)
        }
        var text: [UInt8] = []
        for _ in 0..<random.below(6) {
            switch random.below(5) {
            case 0: text += Array(",".utf8)
            case 1: text += Array("\"".utf8)
            case 2: text += Array("\r\n".utf8)
            case 3: text += Array("\n".utf8)
            default: text += unquoted(&random)
            }
        }
        var written: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text {
            written.append(byte)
            if byte == UInt8(ascii: "\"") { written.append(byte) }
        }
        written.append(UInt8(ascii: "\""))
        return (text, written)
    }

    /// A generated file of `rows` rows of `columns` fields, its expected fields, and each row's first line.
    static func file(seed: UInt64, rows: Int, columns: Int, delimiter: UInt8, lineEnd: [UInt8])
        -> (bytes: [UInt8], fields: [[String]], lines: [Int]) {
        var random = Generator(state: seed)
        var bytes: [UInt8] = []
        var fields: [[String]] = []
        var lines: [Int] = []
        var line = 1
        for _ in 0..<rows {
            var row: [String] = []
            lines.append(line)
            for column in 0..<columns {
                if column > 0 { bytes.append(delimiter) }
                var (text, written) = field(&random)
                // A row of one empty field would be a blank line: give it text.
                if columns == 1 && written.isEmpty { (text, written) = (Array("x".utf8), Array("x".utf8)) }
                bytes += written
                line += text.filter { $0 == UInt8(ascii: "\n") }.count
                row.append(String(decoding: text, as: UTF8.self))
            }
            bytes += lineEnd
            line += 1
            fields.append(row)
        }
        return (bytes, fields, lines)
    }

    /// Seed, columns a row and delimiter of each generated file.
    static let files: [(seed: UInt64, columns: Int, delimiter: UInt8)] = [
        (1, 40, UInt8(ascii: ",")), (2, 3, UInt8(ascii: ",")), (3, 135, UInt8(ascii: ",")), (4, 17, UInt8(ascii: ";")), (5, 1, UInt8(ascii: ",")),
    ]

    @Test(arguments: 0..<5)
    func readsGeneratedFilesAsAPlainReadingDoes(file: Int) throws {
        let (seed, columns, delimiter) = CSVBlockScanTests.files[file]
        for lineEnd in [Array("\n".utf8), Array("\r\n".utf8)] {
            let generated = CSVBlockScanTests.file(seed: seed, rows: 300, columns: columns, delimiter: delimiter, lineEnd: lineEnd)
            let inMemory = try CSVReader(bytes: generated.bytes, file: "g.csv", delimiter: delimiter).readAll()
            #expect(inMemory.map(\.fields) == generated.fields)
            #expect(inMemory.map(\.line) == generated.lines)
            // Read in chunks that cut rows and 64-byte blocks at every kind of place.
            let folder = try TemporaryFolder()
            let path = try folder.write("g.csv", generated.bytes)
            for chunk in [61, 64, 100, 4096] {
                let chunked = try CSVReader(path: path, displayName: "g.csv", delimiter: delimiter, chunkSize: chunk).readAll()
                #expect(chunked == inMemory, "chunk size \(chunk)")
            }
        }
    }

    @Test func errorsInsideABlockKeepTheirColumn() throws {
        // The stray quote and the NUL sit after 70 ordinary bytes, past the first 64-byte block.
        let prefix = String(repeating: "a,", count: 35)
        let suffix = String(repeating: "d,", count: 60) + "d\n"
        for (text, message, column) in [(prefix + "b\"c" + suffix, "a quote inside an unquoted field", 72),
                                         (prefix + "b\u{0}c" + suffix, "NUL byte in the text", 72)] {
            do {
                _ = try CSVReader(bytes: Array(("h\n" + text).utf8), file: "e.csv").readAll()
                Issue.record("no error for \(message)")
            } catch let diagnostic as Diagnostic {
                #expect(diagnostic.message == message)
                #expect(diagnostic.location.line == 2)
                #expect(diagnostic.location.column == column)
            }
        }
    }

    /// Reads `bytes` in memory and from a file in chunks that move the 64-byte blocks against the
    /// rows; every reading must give the same rows, or the same error.
    static func readEveryWay(_ bytes: [UInt8], limits: CSVLimits = .default, delimiter: UInt8 = UInt8(ascii: ",")) throws
        -> [Result<[CSVRecord], Diagnostic>] {
        func attempt(_ read: () throws -> [CSVRecord]) -> Result<[CSVRecord], Diagnostic> {
            do { return .success(try read()) } catch let diagnostic as Diagnostic { return .failure(diagnostic) } catch {
                return .failure(Diagnostic(SourceLocation(file: "?"), "\(error)"))
            }
        }
        var results = [attempt { try CSVReader(bytes: bytes, file: "e.csv", limits: limits, delimiter: delimiter).readAll() }]
        let folder = try TemporaryFolder()
        let path = try folder.write("e.csv", bytes)
        for chunk in [61, 64, 100, 4096] {
            results.append(attempt { try CSVReader(path: path, displayName: "e.csv", limits: limits, delimiter: delimiter, chunkSize: chunk).readAll() })
        }
        return results
    }

    /// A row's first `offset` bytes as unquoted fields ending in a delimiter (one empty field when
    /// the offset is odd, then "x," pairs), and how many fields that is.
    static func prefix(_ offset: Int) -> (text: String, fields: Int) {
        (String(repeating: ",", count: offset % 2) + String(repeating: "x,", count: offset / 2), offset % 2 + offset / 2)
    }

    /// The errors of an unquoted field (a stray quote, a NUL, a field over the size limit, one
    /// column too many) keep their message, line and column wherever the field starts in its block.
    @Test func unquotedFieldErrorsAtEveryOffsetOfABlock() throws {
        let suffix = String(repeating: ",d", count: 60) + "\n"
        for offset in 0..<140 {
            let (before, fields) = CSVBlockScanTests.prefix(offset)
            var cases: [(field: String, limits: CSVLimits, message: String, column: Int)] = [
                ("b\"c", .default, "a quote inside an unquoted field", offset + 2),
                ("b\u{0}c", .default, "NUL byte in the text", offset + 2),
                (String(repeating: "z", count: 17), CSVLimits(maxFieldBytes: 16), "a field longer than the limit of 16 bytes", offset + 1),
            ]
            if fields > 0 { cases.append(("y", CSVLimits(maxColumns: fields), "more than \(fields) columns in one row", offset + 1)) }
            for (field, limits, message, column) in cases {
                for result in try CSVBlockScanTests.readEveryWay(Array(("h\n" + before + field + suffix).utf8), limits: limits) {
                    guard case .failure(let diagnostic) = result else {
                        Issue.record("no error for \(message) at offset \(offset)")
                        continue
                    }
                    #expect(diagnostic.message == message, "offset \(offset)")
                    #expect(diagnostic.location.line == 2, "offset \(offset)")
                    #expect(diagnostic.location.column == column, "\(message) at offset \(offset)")
                }
            }
            // At the limits themselves the row reads.
            let exact = "h\n" + before + String(repeating: "z", count: 16) + suffix
            for result in try CSVBlockScanTests.readEveryWay(Array(exact.utf8), limits: CSVLimits(maxFieldBytes: 16)) {
                let expected = Array(repeating: "", count: offset % 2) + Array(repeating: "x", count: offset / 2)
                    + [String(repeating: "z", count: 16)] + Array(repeating: "d", count: 60)
                #expect(try result.get().last?.fields == expected, "offset \(offset)")
            }
            let full = "h\n" + before + "y\n"
            for result in try CSVBlockScanTests.readEveryWay(Array(full.utf8), limits: CSVLimits(maxColumns: fields + 1)) {
                let expected = Array(repeating: "", count: offset % 2) + Array(repeating: "x", count: offset / 2) + ["y"]
                #expect(try result.get().last?.fields == expected, "offset \(offset)")
            }
        }
    }

    /// With a tab as the delimiter (a byte that is also among the control bytes of the block
    /// mask), fields of every width up to past a block read as written, quoted ones holding tabs too.
    @Test func tabSeparatedFieldsOfEveryWidth() throws {
        var random = Generator(state: 9)
        var bytes: [UInt8] = []
        var rows: [[String]] = []
        for _ in 0..<200 {
            var row: [String] = []
            for column in 0..<(1 + random.below(30)) {
                if column > 0 { bytes.append(0x09) }
                let width = random.below(75)
                if random.below(6) == 0 {
                    let text = String(repeating: "q", count: width) + "\t,\n"
                    bytes += Array(("\"" + text + "\"").utf8)
                    row.append(text)
                } else {
                    let text = String((0..<width).map { Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
                    bytes += Array(text.utf8)
                    row.append(text)
                }
            }
            if row == [""] { bytes += Array("e".utf8); row = ["e"] }
            bytes += random.below(2) == 0 ? [0x0A] : [0x0D, 0x0A]
            rows.append(row)
        }
        for result in try CSVBlockScanTests.readEveryWay(bytes, delimiter: 0x09) {
            #expect(try result.get().map(\.fields) == rows)
        }
    }
}
