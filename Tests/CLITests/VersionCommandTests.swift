import Foundation
import Testing
import TestSupport

/// `scobrief --version` and `scobrief version` say the same thing: the version and the graphics libraries'.
@Suite struct VersionCommandTests {
    @Test func versionFlagMatchesTheVersionCommand() throws {
        let flag = try CLI.run(["--version"])
        let command = try CLI.run(["version"])
        #expect(flag.status == 0, "\(flag.stderr)")
        #expect(command.status == 0, "\(command.stderr)")
        #expect(flag.stdout == command.stdout)
        let pattern = #/^scobrief \d+\.\d+\.\d+ \(cairo \d+\.\d+\.\d+, pango \d+\.\d+\.\d+\)\n$/#
        #expect(flag.stdout.wholeMatch(of: pattern) != nil, "unexpected: \(flag.stdout)")
    }
}
