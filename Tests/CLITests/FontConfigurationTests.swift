import Foundation
import Testing
import TestSupport

/// fontconfig is set up from SCOBrief's narrowed configuration (FontConfiguration.swift) unless
/// `SCOBRIEF_FONTCONFIG=system` asks for the system's: the output must not depend on which, in any
/// of the three scripts or in synthetic italic (Noto Sans CJK has no italic face; the briefing sets
/// source titles in italic).
@Suite struct FontConfigurationTests {
    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func narrowedAndSystemConfigurationsDrawTheSameBytes() throws {
        let folder = NSTemporaryDirectory() + "scobrief-fontconfig-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let commands: [(name: String, arguments: [String])] = [
            ("chart.png", ["chart", "bar", "--table", "attacks", "--x", "country", "--y", "count", "--title", "袭击 · Нападения · Attacks"]),
            ("chart.pdf", ["chart", "bar", "--table", "attacks", "--x", "country", "--y", "count", "--title", "袭击 · Нападения · Attacks"]),
            ("report.pdf", ["report", "--language", "zh", "--quiet"]),
        ]
        for (name, arguments) in commands {
            for configuration in ["narrowed", "system"] {
                var environment = ["SOURCE_DATE_EPOCH": "1700000000"]
                if configuration == "system" { environment["SCOBRIEF_FONTCONFIG"] = "system" }
                let result = try CLI.run(arguments + ["-o", "\(folder)/\(configuration)-\(name)"], environment: environment)
                #expect(result.status == 0, "\(name) \(configuration): \(result.stderr)")
            }
            #expect(try bytes("\(folder)/narrowed-\(name)") == bytes("\(folder)/system-\(name)"), "\(name) differs between configurations")
        }
    }
}
