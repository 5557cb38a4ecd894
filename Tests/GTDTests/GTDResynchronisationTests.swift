import Foundation
import Testing
@testable import Dataset
import GTDSynthetic
import TestSupport
import Support

/// A GTD export with one quote left open: the import leaves out that record, counts it as
/// malformed, and keeps every other row; `--strict` stops at it.
@Suite struct GTDResynchronisationTests {
    static let sample = SyntheticSample(rows: 3_000, seed: 23)

    /// The sample with the closing quote of one record's first quoted field removed, and that
    /// record's index.
    static let planted: (bytes: [UInt8], index: Int) = {
        let bytes = sample.bytes
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        for index in 1_000..<(sample.records.count - 1) {
            let start = lineStarts[sample.records[index].line - 1], end = lineStarts[sample.records[index + 1].line - 1]
            guard let open = (start..<end - 1).first(where: { bytes[$0] == comma && bytes[$0 + 1] == quote }) else { continue }
            var i = open + 2
            while i < end {
                if bytes[i] == quote {
                    if bytes[i + 1] == quote { i += 2; continue }
                    var broken = bytes
                    broken.remove(at: i)
                    return (broken, index)
                }
                i += 1
            }
        }
        fatalError("the sample has no quoted field to break")
    }()

    @Test func everyOtherRowIsKept() throws {
        let (bytes, index) = Self.planted
        let (result, folder) = try importGTD(bytes)
        let summary = result.summary
        #expect(summary.rowsRead == Self.sample.records.count)
        #expect(summary.malformedRows == 1)
        #expect(summary.rowsAccounted == summary.rowsRead)
        let broken = Self.sample.records[index]
        let expected = SyntheticTruth.cells(Self.sample.records) { $0.eventID != broken.eventID }
        #expect(SyntheticTruth.cells(summary) == expected)
        let kept = Self.sample.records.filter { $0.expectedCode != nil && $0.eventID != broken.eventID }.count
        #expect(summary.rowsWritten == kept)
        let problem = try #require(summary.problems.first?.diagnostic)
        #expect(problem.location.line == broken.line, "the broken record's first line")
        #expect(problem.location.column != nil)
        #expect(problem.message.contains("row left out"))
        let output = try #require(folder.contents("out/attacks.csv"))
        #expect(!output.contains(broken.eventID))
    }

    @Test func strictStopsAtTheBrokenRecord() throws {
        var options = GTDImportOptions()
        options.strict = true
        let (bytes, index) = Self.planted
        do {
            _ = try importGTD(bytes, options: options)
            Issue.record("--strict should stop at the unclosed quote")
        } catch let error as Diagnostic {
            #expect(error.location.line == Self.sample.records[index].line)
            #expect(error.message.contains("never closed") || error.message.contains("after a closing quote"))
        }
    }
}
