import Foundation
import Testing
import TestSupport

/// The same input gives the same bytes, through the real binary: briefings, figure sets and every
/// chart format, with SOURCE_DATE_EPOCH set (without it, files carry the time they were made).
@Suite struct DeterminismTests {
    private func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "scobrief-determinism-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func briefingAndFigureSetAreByteIdentical() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for run in ["a", "b"] {
            let result = try CLI.run(["report", "Reports/paper-figures.yaml", "-o", "\(folder)/\(run).pdf",
                                      "--figures", "\(folder)/\(run)", "--quiet"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try bytes(folder + "/a.pdf") == bytes(folder + "/b.pdf"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/a").sorted()
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: folder + "/b").sorted()))
        for name in names {
            #expect(try bytes("\(folder)/a/\(name)") == bytes("\(folder)/b/\(name)"), "\(name) differs between runs")
        }
    }

    @Test(arguments: ["pdf", "png", "svg", "eps"])
    func chartsAreByteIdentical(format: String) throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for run in ["a", "b"] {
            let result = try CLI.run(["chart", "dumbbell", "--table", "attacks", "--by", "country", "--period", "2001-2011",
                                      "--period", "2012-2024", "-o", "\(folder)/\(run).\(format)"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try bytes("\(folder)/a.\(format)") == bytes("\(folder)/b.\(format)"))
    }

    @Test func sourceDateEpochDatesAChartPDF() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["chart", "attacks-per-year", "-o", folder + "/c.pdf"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.stderr)")
        let raw = String(decoding: try bytes(folder + "/c.pdf"), as: UTF8.self)
        // 1700000000 is 2023-11-14 22:13:20 UTC.
        #expect(raw.contains("/CreationDate (D:20231114221320") || raw.contains("/CreationDate (20231114221320"))
    }
}
