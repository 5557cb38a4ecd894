import Foundation
import Testing
import TestSupport

/// The limit flags that the limits' own hints name exist on every command that reads CSV or YAML,
/// and raising a limit lets a genuine input through.
@Suite struct LimitOptionsTests {
    static let csvFlags = ["--max-field-bytes", "--max-columns", "--max-rows"]
    static let yamlFlags = ["--max-yaml-nodes", "--max-yaml-depth", "--max-yaml-bytes"]

    @Test(arguments: [["datasets", "list"], ["datasets", "validate"], ["trend"], ["compare"], ["chart"], ["report"]])
    func everyReadingCommandHasTheLimitFlags(command: [String]) throws {
        let help = try CLI.run(command + ["--help"])
        for flag in Self.csvFlags + Self.yamlFlags {
            #expect(help.stdout.contains(flag), "\(command.joined(separator: " ")) lacks \(flag)")
        }
    }

    /// `import gtd` reads one CSV file, so its help lists the CSV limits and not the YAML ones.
    @Test func importListsOnlyTheCSVLimits() throws {
        let help = try CLI.run(["import", "gtd", "--help"])
        for flag in Self.csvFlags {
            #expect(help.stdout.contains(flag), "import gtd lacks \(flag)")
        }
        for flag in Self.yamlFlags {
            #expect(!help.stdout.contains(flag), "import gtd lists \(flag), which does not apply to it")
        }
    }

    /// `import events` reads a mapping the user writes (YAML): the hint of a mapping over a YAML
    /// limit names a flag the command has, and raising it lets the mapping through to its checks.
    @Test func importEventsRaisesTheMappingsYAMLLimits() throws {
        let help = try CLI.run(["import", "events", "--help"])
        for flag in Self.csvFlags + Self.yamlFlags {
            #expect(help.stdout.contains(flag), "import events lacks \(flag)")
        }
        let folder = try TemporaryFolder()
        let mapping = folder.file("map.yaml"), export = folder.file("export.csv"), output = folder.file("attacks.csv")
        try "a,b\n1,2\n".write(toFile: export, atomically: true, encoding: .utf8)
        let rows = (0..<200).map { "    c\($0): x" }.joined(separator: "\n")
        try "name: big\ntitle: Big\nfields:\n  notes:\n\(rows)\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["import", "events", export, "--mapping", mapping, "--max-yaml-nodes", "50", "-o", output])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("more than 50 YAML nodes") && refused.stderr.contains("--max-yaml-nodes"), "\(refused.stderr)")
        let raised = try CLI.run(["import", "events", export, "--mapping", mapping, "--max-yaml-nodes", "100000", "-o", output])
        #expect(!raised.stderr.contains("YAML nodes"), "the raised limit lets the mapping through: \(raised.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output), "a mapping that fails its checks writes nothing")
    }

    @Test func raisingTheRowLimitLetsTheCorpusThrough() throws {
        let refused = try CLI.run(["trend", "attacks", "--max-rows", "5"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("more than 5 data rows") && refused.stderr.contains("--max-rows"))
        let raised = try CLI.run(["trend", "attacks", "--max-rows", "100000"])
        #expect(raised.status == 0, "\(raised.stderr)")
    }

    @Test func raisingTheYAMLNodeLimitLetsALargeSpecThrough() throws {
        let refused = try CLI.run(["report", "-o", NSTemporaryDirectory() + "never-written-\(UUID().uuidString).pdf", "--max-yaml-nodes", "50", "--quiet"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("more than 50 YAML nodes") && refused.stderr.contains("--max-yaml-nodes"))
    }
}
