import Foundation
import Testing
import TestSupport

/// The limit flags that the limits' own hints name exist on every command that reads CSV or YAML,
/// and raising a limit lets a genuine input through.
@Suite struct LimitOptionsTests {
    static let flags = ["--max-field-bytes", "--max-columns", "--max-rows", "--max-yaml-nodes", "--max-yaml-depth", "--max-yaml-bytes"]

    @Test(arguments: [["datasets", "list"], ["datasets", "validate"], ["trend"], ["compare"], ["chart"], ["report"], ["import", "gtd"]])
    func everyReadingCommandHasTheLimitFlags(command: [String]) throws {
        let help = try CLI.run(command + ["--help"])
        for flag in Self.flags {
            #expect(help.stdout.contains(flag), "\(command.joined(separator: " ")) lacks \(flag)")
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
