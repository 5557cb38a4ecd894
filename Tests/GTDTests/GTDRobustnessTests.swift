import Foundation
import Testing
@testable import Dataset
import GTDSynthetic
import TestSupport
import Support

/// The reader at every chunk boundary, and the import on damaged files: a summary or a
/// diagnostic every time, never a crash.
@Suite struct GTDRobustnessTests {
    /// Every row's fields, read with the given chunk size.
    func fields(_ path: String, chunkSize: Int) throws -> [[String]] {
        var rows: [[String]] = []
        try CSVReader(path: path, chunkSize: chunkSize).forEachRow { rows.append(try $0.strings()) }
        return rows
    }

    @Test func chunkBoundariesDoNotChangeTheRows() throws {
        let sample = SyntheticSample(rows: 300, seed: 21, lineEnding: .crlf)
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        let path = try folder.write("sample.csv", sample.bytes)
        let whole = try fields(path, chunkSize: sample.bytes.count + 1)
        #expect(whole.count == 301)
        for chunk in [64, 100, 1_021, 4_093] {
            #expect(try fields(path, chunkSize: chunk) == whole, "chunk \(chunk)")
        }
    }

    @Test func damagedFilesGiveASummaryOrADiagnostic() throws {
        let original = SyntheticSample(rows: 200, seed: 9).bytes
        var random = SyntheticRandom(seed: 99)
        let damage: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x00, 0xFF, 0xC3, 0x3B, 0x09, 0x30, 0x2D]
        var outcomes = (imported: 0, refused: 0)
        for round in 0..<150 {
            var bytes = original
            switch round % 3 {
            case 0:  // bytes replaced
                for _ in 0..<random.int(1...8) { bytes[random.int(0...(bytes.count - 1))] = random.pick(damage) }
            case 1:  // cut anywhere
                bytes = Array(bytes.prefix(random.int(0...(bytes.count - 1))))
            default:  // bytes inserted
                for _ in 0..<random.int(1...5) { bytes.insert(random.pick(damage), at: random.int(0...bytes.count)) }
            }
            do {
                let (result, _) = try importGTD(bytes)
                #expect(result.summary.rowsAccounted == result.summary.rowsRead)
                outcomes.imported += 1
            } catch let diagnostic as Diagnostic {
                #expect(!diagnostic.message.isEmpty)
                #expect(diagnostic.location.file.hasSuffix(".csv"))
                outcomes.refused += 1
            }
        }
        #expect(outcomes.imported > 0 && outcomes.refused > 0)
    }
}
