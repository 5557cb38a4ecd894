import Foundation
import Testing
@testable import Dataset
import TestSupport
import Support

/// UTF-8 and Windows-1252, given or detected.
@Suite struct GTDEncodingTests {
    /// A file whose only non-ASCII text is Windows-1252 ("Bogotá", "Señor", "€").
    var windows1252File: [UInt8] {
        var file = GTDFileBuilder()
        file.add("200503070001")
        file.add("200503070002", ["city": "Bogot\u{E1}", "summary": "\"Se\u{F1}or N\u{FA}\u{F1}ez, \u{20AC}5\""])
        return Array(file.text.data(using: .windowsCP1252)!)
    }

    @Test func windows1252IsDetectedWithoutRereading() throws {
        let (result, folder) = try importGTD(windows1252File)
        #expect(result.summary.encoding == .windows1252)
        #expect(result.summary.encodingNote?.contains("line 3") == true)
        let rows = outputRows(folder)
        #expect(rows[1].text("city") == "Bogotá")
        #expect(rows[1].text("summary") == "Señor Núñez, €5")
    }

    @Test func windows1252CanBeGiven() throws {
        var options = GTDImportOptions()
        options.encoding = .windows1252
        let (result, folder) = try importGTD(windows1252File, options: options)
        #expect(result.summary.encoding == .windows1252)
        #expect(result.summary.encodingNote == nil)
        #expect(outputRows(folder)[1].text("city") == "Bogotá")
    }

    @Test func utf8GivenOnAWindows1252FileIsAnError() throws {
        var options = GTDImportOptions()
        options.encoding = .utf8
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        do {
            _ = try importGTD(windows1252File, options: options, in: folder)
            Issue.record("should fail")
        } catch let error as Diagnostic {
            #expect(error.message == "'city' is not valid UTF-8 (byte 0xE1)")
            #expect(error.location.line == 3)
            #expect(error.location.column == 50, "the byte itself: city starts at 45, after Bogot")
            // import gtd detects the encoding by default, so leaving --encoding out is the fix.
            #expect(error.hint == "the file looks like Windows-1252, as older releases were distributed: use --encoding windows-1252, or leave --encoding out to detect it")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("out/attacks.csv")))
    }

    @Test func invalidBytesAfterValidUTF8RereadTheFile() throws {
        var text = GTDFileBuilder()
        text.add("200503070001", ["city": "Grozny"])
        text.add("200503070002", ["city": "Gr\u{F6}zny"])  // valid UTF-8 (ö), later read as Windows-1252
        var bytes = text.bytes
        bytes += Array("200503070003,2005,3,7,,0,,167,Russia,9,,Chechnya,Bogot".utf8) + [0xE1] + Array(String(repeating: ",", count: 122).utf8) + [0x0A]
        let (result, folder) = try importGTD(bytes)
        #expect(result.summary.encoding == .windows1252)
        #expect(result.summary.encodingNote?.contains("line 3 held text that was valid UTF-8") == true)
        #expect(result.summary.rowsWritten == 3)
        let cities = outputRows(folder).map { $0.text("city") }
        #expect(cities == ["Grozny", "GrÃ¶zny", "Bogotá"], "the whole file is read as Windows-1252")
    }

    @Test func windows1252Decoding() {
        func decode(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer { TextBytes.decodeWindows1252($0) } }
        #expect(decode([0x80, 0x93, 0x94, 0x97, 0xE9, 0xFF]) == "€“”—éÿ")
        #expect(decode([0x81, 0x41]) == "\u{81}A", "undefined bytes become C1 controls, never lost")
        #expect(decode(Array("plain".utf8)) == "plain")
    }

    @Test func utf8Validation() {
        func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { TextBytes.isValidUTF8($0) } }
        #expect(valid(Array("Грозный 乌鲁木齐 😀".utf8)))
        #expect(!valid([0xE9]))
        #expect(!valid([0xC0, 0xAF]), "overlong")
        #expect(!valid([0xED, 0xA0, 0x80]), "surrogate")
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]), "past U+10FFFF")
        #expect(!valid([0xE4, 0xB8]), "cut short")
    }

    /// ASCII runs are skipped eight bytes at a time: a bad or multi-byte sequence at every place
    /// before, inside and after such runs is judged as the standard library judges it.
    @Test func utf8ValidationAcrossASCIIRunsAgreesWithTheStandardLibrary() {
        let pieces: [[UInt8]] = [[0xE9], [0xC3, 0xA9], [0xE4, 0xB8], [0xE4, 0xB8, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0xA0, 0x80], [0x80]]
        for piece in pieces {
            for before in 0..<20 {
                for after in [0, 1, 7, 8, 9, 17] {
                    let bytes = Array(repeating: UInt8(ascii: "a"), count: before) + piece + Array(repeating: UInt8(ascii: "b"), count: after)
                    let expected = String(validating: bytes, as: UTF8.self) != nil
                    #expect(bytes.withUnsafeBufferPointer { TextBytes.isValidUTF8($0) } == expected, "\(piece) after \(before) bytes, \(after) after")
                }
            }
        }
    }
}
