import Foundation
import Testing
@testable import Dataset
import TestSupport

/// `scobrief import gtd` run as a user runs it: the real binary, its exit status and its output.
@Suite struct ImportCommandTests {
    static let binary: String = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("scobrief").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return PackagePaths.root + "/.build/debug/scobrief"
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func scobrief(_ arguments: [String], in directory: String = PackagePaths.root) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ImportCommandTests.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["SCOBRIEF_DATA"] = nil
        process.environment = environment
        let scratch = try TemporaryFolder(prefix: "scobrief-gtd")
        _ = FileManager.default.createFile(atPath: scratch.file("out"), contents: nil)
        _ = FileManager.default.createFile(atPath: scratch.file("err"), contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("out")))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("err")))
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus, stdout: scratch.contents("out") ?? "", stderr: scratch.contents("err") ?? "")
    }

    @Test func importsSummarisesAndValidates() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        let input = try folder.write("globalterrorismdb_0522dist.csv", GTDImportCountsTests.sample.bytes)
        let run = try scobrief(["import", "gtd", input, "--countries", "sco-members", "--from", "1992", "-o", folder.file("out/attacks.csv")])
        // The folder does not exist yet: a clear error, nothing written.
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: the folder"))
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        let ok = try scobrief(["import", "gtd", input, "--countries", "sco-members", "--from", "1992", "-o", folder.file("out/attacks.csv"),
                               "--summary-by", "year,country", "--format", "csv"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stderr.contains("rows read                                        5,000"))
        #expect(ok.stderr.contains("filtered out by country"))
        #expect(ok.stderr.contains("excluded: country name not mapped"))
        #expect(ok.stdout.hasPrefix("year,country,name,incidents,killed,killed_unknown,wounded,wounded_unknown\n"))
        let members = Set(SyntheticTruth.memberSince.keys)
        let expected = SyntheticTruth.cells(GTDImportCountsTests.sample.records) { members.contains($0.expectedCode ?? "") && $0.year >= 1992 }
        let printed = ok.stdout.split(separator: "\n").dropFirst().filter { $0.first?.isNumber == true }
        #expect(printed.count == expected.count)
        for line in printed {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let cell = expected[GTDYearCountry(year: Int(cells[0])!, country: cells[1])]
            #expect(cell == SyntheticTruth.Cell(incidents: Int(cells[3])!, killed: Int(cells[4])!, killedUnknown: Int(cells[5])!,
                                                wounded: Int(cells[6])!, woundedUnknown: Int(cells[7])!), "\(line)")
        }
        let validate = try scobrief(["datasets", "validate", folder.file("out")])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("no problems"))
    }

    @Test func quietPrintsNothingOnACleanFile() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        var file = GTDFileBuilder()
        file.add("200503070001")
        let input = try folder.write("gtd.csv", file.bytes)
        let run = try scobrief(["import", "gtd", input, "-o", folder.file("attacks.csv"), "--quiet"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.isEmpty)
        // The stamp beside the table lets a later --input read it without checking every cell again.
        #expect(folder.entries() == ["attacks.csv", "attacks.csv.import-stamp", "gtd.csv", "sources.csv"])
    }

    @Test func badInputFailsWithLocationAndLeavesNoOutput() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        var file = GTDFileBuilder()
        file.add("200503070001")
        file.add("200503070002", killed: "many")
        let input = try folder.write("gtd.csv", file.bytes)
        let strict = try scobrief(["import", "gtd", input, "-o", folder.file("attacks.csv"), "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("gtd.csv:3:"))
        #expect(strict.stderr.contains(": error: 'nkill' must be a number of people or blank (unknown), got 'many'"))
        #expect(folder.entries() == ["gtd.csv"])

        let lenient = try scobrief(["import", "gtd", input, "-o", folder.file("attacks.csv")])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("gtd.csv:3:"))
        #expect(lenient.stderr.contains(": warning: 'nkill' must be"))
        #expect(lenient.stderr.contains("malformed rows (left out)                            1"))

        let missing = try scobrief(["import", "gtd", folder.file("nope.csv"), "-o", folder.file("x.csv")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.csv: error: no such file"))

        let badOption = try scobrief(["import", "gtd", input, "-o", folder.file("x.csv"), "--encoding", "latin9"])
        #expect(badOption.status != 0)
        #expect(badOption.stderr.contains("--encoding must be auto, utf-8 or windows-1252"))
        #expect(!folder.entries().contains("x.csv"))
    }
}
