import Foundation
import Testing
import TestSupport

/// `scobrief SUBCOMMAND …` parses the subcommand on its own (`SCOBrief.parsedDirectly`), without
/// the root's second reflection of it; anything that parse refuses, and every help or version
/// request, goes through the root's parse as before, so messages and usage lines name the whole
/// command.
@Suite struct DirectParseTests {
    @Test func anUnknownOptionIsReportedWithTheWholeCommandsUsage() throws {
        let result = try CLI.run(["chart", "bar", "--no-such-option", "-o", "x.png"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: Unknown option '--no-such-option'"))
        #expect(result.stderr.contains("Usage: scobrief chart [<options>] [<kind>]"))
        #expect(result.stderr.contains("See 'scobrief chart --help' for more information."))
    }

    @Test func helpAfterASubcommandIsThatSubcommandsHelp() throws {
        let result = try CLI.run(["chart", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("OVERVIEW: Draw a chart of the corpus as PDF, PNG, SVG or EPS."))
        #expect(result.stdout.contains("USAGE: scobrief chart [<options>] [<kind>]"))
    }

    @Test func aDirectlyParsedChartRunsAndWritesItsFile() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-direct")
        let result = try CLI.run(["chart", "bar", "--table", "attacks", "--x", "year", "--y", "count", "-o", folder.file("a.png")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(folder.exists("a.png"))
    }
}
