import Foundation
import Testing
import TestSupport

/// The commands end to end through the real binary: the generators' output imported, validated,
/// and used with `--input attacks=` by trend.
@Suite(.serialized) struct EventImportCommandTests {
    static var genEvents: String { (CLI.binary as NSString).deletingLastPathComponent + "/gen-events" }

    func generate(_ source: String, rows: Int, in folder: TemporaryFolder) throws -> String {
        let path = folder.file("\(source)-export.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.genEvents)
        process.arguments = [source, "-o", path, "--rows", String(rows), "--seed", "5"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return path
    }

    @Test func ucdpImportValidatesAndFeedsTrend() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-ucdp-cli")
        let input = try generate("ucdp-ged", rows: 3_000, in: folder)
        let output = folder.file("ucdp/attacks.csv")
        try FileManager.default.createDirectory(atPath: folder.file("ucdp"), withIntermediateDirectories: true)
        let imported = try CLI.run(["import", "ucdp-ged", input, "-o", output, "--type-of-violence", "3"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("filtered out by type"))
        let validated = try CLI.run(["datasets", "validate", folder.file("ucdp")])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let trend = try CLI.run(["trend", "attacks", "--input", "attacks=\(output)", "--from", "2001", "--to", "2011", "--format", "csv", "--table", "tests"])
        #expect(trend.status == 0, "\(trend.stderr)")
        #expect(trend.stdout.contains("mann_kendall"))
    }

    @Test func acledImportWithTheTerrorismSelection() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-acled-cli")
        let input = try generate("acled", rows: 3_000, in: folder)
        try FileManager.default.createDirectory(atPath: folder.file("acled"), withIntermediateDirectories: true)
        let output = folder.file("acled/attacks.csv")
        let imported = try CLI.run(["import", "acled", input, "-o", output, "--event-type", "Explosions/Remote violence",
                                    "--sub-event-type", "Suicide bomb,Remote explosive/landmine/IED", "--countries", "sco-members"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let sources = try String(contentsOfFile: folder.file("acled/sources.csv"), encoding: .utf8)
        #expect(sources.contains("KAZ=2018-01-01"))
        let validated = try CLI.run(["datasets", "validate", folder.file("acled")])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let wrong = try CLI.run(["import", "ucdp-ged", input, "-o", folder.file("wrong-attacks.csv")])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("this looks like an ACLED export"))
    }

    @Test func importEventsTakesABuiltInNameOrAFile() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-events-cli")
        let input = try generate("acled", rows: 500, in: folder)
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        let byName = try CLI.run(["import", "events", input, "--mapping", "acled", "--filter", "event-type=Riots", "-o", folder.file("out/attacks.csv")])
        #expect(byName.status == 0, "\(byName.stderr)")
        let bad = try CLI.run(["import", "events", input, "--mapping", "acled", "--filter", "type-of-violence=3", "-o", folder.file("out/attacks.csv")])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("has no filter 'type-of-violence'"))
    }
    /// `import events --mapping gtd --encoding windows-1252` reads a Windows-1252 export as
    /// `import gtd --encoding windows-1252` does; without --encoding the rows whose text is not
    /// UTF-8 are malformed, utf-8 stops at the first such byte, and an unknown encoding is refused.
    @Test func importEventsTakesAnEncoding() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-events-encoding")
        let input = folder.file("gtd-1252.csv")
        try PeriodsSpecTests.runTool("gen-gtd", ["-o", input, "--rows", "3000", "--seed", "5", "--encoding", "windows-1252"])
        for name in ["gtd", "events", "plain", "strict", "bad"] {
            try FileManager.default.createDirectory(atPath: folder.file(name), withIntermediateDirectories: true)
        }
        let gtd = try CLI.run(["import", "gtd", input, "--encoding", "windows-1252", "--source-id", "gtd-1252", "-o", folder.file("gtd/attacks.csv")])
        #expect(gtd.status == 0, "\(gtd.stderr)")
        let events = try CLI.run(["import", "events", input, "--mapping", "gtd", "--encoding", "windows-1252", "--source-id", "gtd-1252",
                                  "-o", folder.file("events/attacks.csv")])
        #expect(events.status == 0, "\(events.stderr)")
        let expected = try String(contentsOfFile: folder.file("gtd/attacks.csv"), encoding: .utf8)
        #expect(expected.unicodeScalars.contains { !$0.isASCII }, "some text decoded")
        #expect(try String(contentsOfFile: folder.file("events/attacks.csv"), encoding: .utf8) == expected)
        #expect(try String(contentsOfFile: folder.file("events/sources.csv"), encoding: .utf8).contains("(Windows-1252)"))

        let plain = try CLI.run(["import", "events", input, "--mapping", "gtd", "-o", folder.file("plain/attacks.csv")])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stderr.contains("is not valid UTF-8 text"), "\(plain.stderr)")
        let strict = try CLI.run(["import", "events", input, "--mapping", "gtd", "--encoding", "utf-8", "-o", folder.file("strict/attacks.csv")])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("use --encoding windows-1252"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("strict/attacks.csv")))
        let bad = try CLI.run(["import", "events", input, "--mapping", "gtd", "--encoding", "latin9", "-o", folder.file("bad/attacks.csv")])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--encoding must be auto, utf-8 or windows-1252, not 'latin9'"), "\(bad.stderr)")
    }
}
