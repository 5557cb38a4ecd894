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
