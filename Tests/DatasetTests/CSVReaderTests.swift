import Testing
@testable import Dataset
import TestSupport
import Support

private func rows(_ text: String, chunkSize: Int? = nil, limits: CSVLimits = .default) throws -> [CSVRecord] {
    try rows(Array(text.utf8), chunkSize: chunkSize, limits: limits)
}

private func rows(_ bytes: [UInt8], chunkSize: Int? = nil, limits: CSVLimits = .default) throws -> [CSVRecord] {
    if let chunkSize {
        let folder = try TemporaryFolder()
        let path = try folder.write("t.csv", bytes)
        return try withExtendedLifetime(folder) { try CSVReader(path: path, displayName: "t.csv", limits: limits, chunkSize: chunkSize).readAll() }
    }
    return try CSVReader(bytes: bytes, file: "t.csv", limits: limits).readAll()
}

private func failure(_ text: String) -> Diagnostic? {
    do {
        _ = try rows(text)
        return nil
    } catch let diagnostic as Diagnostic {
        return diagnostic
    } catch {
        Issue.record("unexpected error type \(error)")
        return nil
    }
}

@Suite struct CSVReaderTests {
    @Test func readsPlainRowsWithLineNumbers() throws {
        let records = try rows("a,b,c\n1,2,3\n4,,6\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["4", "", "6"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func readsQuotedFieldsWithCommasQuotesAndNewlines() throws {
        let records = try rows("id,text\n1,\"Moscow, Russia\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,x\n")
        #expect(records[1].fields == ["1", "Moscow, Russia"])
        #expect(records[2].fields == ["2", "say \"hi\""])
        #expect(records[3].fields == ["3", "two\nlines"])
        // The row after a quoted line break starts two physical lines later.
        #expect(records[4].line == 6)
    }

    @Test func acceptsCRLFAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,\"x\r\ny\"\r\n2,3\r\n".utf8)
        let records = try rows(bytes)
        #expect(records.map(\.fields) == [["a", "b"], ["1", "x\r\ny"], ["2", "3"]])
    }

    @Test func lastRowWithoutNewlineAndTrailingEmptyField() throws {
        #expect(try rows("a,b\n1,").map(\.fields) == [["a", "b"], ["1", ""]])
        #expect(try rows("a,b\n\"1\",\"2\"").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func emptyInputHasNoRows() throws {
        #expect(try rows("").isEmpty)
        #expect(try rows([0xEF, 0xBB, 0xBF]).isEmpty)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func rowsSpanningChunkBoundariesAreReadWhole(chunk: Int) throws {
        let text = "id,text\r\n1,\"a, \"\"quoted\"\"\r\nvalue\"\r\n22,plain text that is longer than a chunk\r\n333,\"\"\r\n"
        let expected = try rows(text)
        #expect(try rows(text, chunkSize: chunk) == expected)
        #expect(expected.map(\.line) == [1, 2, 4, 5])
    }

    @Test func unterminatedQuoteNamesWhereItOpened() throws {
        let problem = try #require(failure("a,b\n1,\"open\n2,3\n"))
        #expect(problem.location.line == 2)
        #expect(problem.location.column == 3)
        #expect(problem.message.contains("unterminated"))
    }

    @Test func quoteInsideUnquotedFieldIsRejected() throws {
        let problem = try #require(failure("a,b\n1,ab\"c\n"))
        #expect(problem.location.line == 2)
        #expect(problem.location.column == 5)
        #expect(problem.hint != nil)
    }

    @Test func textAfterClosingQuoteIsRejected() throws {
        let problem = try #require(failure("a,b\n1,\"x\"y\n"))
        #expect(problem.message.contains("after a closing quote"))
        #expect(problem.location.column == 6)
    }

    @Test func nulBytesAndUTF16AreRejected() throws {
        let nul = try #require(failure("a,b\n1,x\u{0}y\n"))
        #expect(nul.message.contains("NUL"))
        do {
            _ = try rows([0xFF, 0xFE, 0x61, 0x00])
            Issue.record("UTF-16 accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.message.contains("UTF-16"))
        }
    }

    @Test func invalidUTF8IsReportedWithItsField() throws {
        let bytes = Array("a,b\n1,".utf8) + [0xE9] + Array("t\u{e9}\n".utf8)
        do {
            _ = try rows(bytes)
            Issue.record("invalid UTF-8 accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.location.line == 2)
            #expect(diagnostic.location.column == 3)
            #expect(diagnostic.hint?.contains("WINDOWS-1252") == true)
        }
    }

    @Test func fieldSizeLimitNamesTheLimit() throws {
        let big = String(repeating: "x", count: 5000)
        do {
            _ = try rows("a\n\(big)\n", limits: CSVLimits(maxFieldBytes: 1000))
            Issue.record("oversized field accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.message.contains("1000 bytes"))
            #expect(diagnostic.hint?.contains("--max-field-bytes") == true)
        }
    }

    @Test func rowLimitNamesTheLimit() throws {
        do {
            _ = try rows("a\n1\n2\n3\n", limits: CSVLimits(maxRows: 2))
            Issue.record("row limit ignored")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.message.contains("more than 2 data rows"))
        }
    }

    @Test func writerRoundTripsAwkwardFields() throws {
        let fields = ["plain", "a, b", "say \"hi\"", "two\nlines", "", " padded "]
        let text = CSVWriter.line(fields)
        #expect(try rows(text).first?.fields == fields)
    }
}
