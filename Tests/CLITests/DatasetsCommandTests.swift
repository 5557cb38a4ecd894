import Foundation
import Testing
import TestSupport

@Suite struct DatasetsCommandTests {
    @Test func validateTheShippedCorpusExitsZero() throws {
        let result = try CLI.run(["datasets", "validate", "Datasets"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("no problems"))
        #expect(result.stderr.isEmpty)
    }

    @Test func listShowsTablesRowsAndYears() throws {
        let result = try CLI.run(["datasets", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("attacks"))
        #expect(result.stdout.contains("2001–2024"))
        let json = try CLI.run(["datasets", "list", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let rows = (object?["tables"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]]
        let attacks = rows?.first { $0["table"] as? String == "attacks" }
        #expect(attacks?["rows"] as? Int == 30)
        #expect(attacks?["first_year"] as? Int == 2001 && attacks?["last_year"] as? Int == 2024)
    }

    @Test func validateAUserFolderReportsEveryProblemAndExitsOne() throws {
        let folder = NSTemporaryDirectory() + "scobrief-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
        id,date,country,place,killed,killed_qualifier,wounded,wounded_qualifier,description,source_id,quote,notes
        atk-1,2004-13,RUS,,1,,,,x,zhao-2012-isdp-asia-paper,q,
        atk-2,2004,RUX,,-1,,,,x,nobody,q,

        """.write(toFile: folder + "/attacks.csv", atomically: true, encoding: .utf8)
        let result = try CLI.run(["datasets", "validate", folder])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines.allSatisfy { $0.contains("attacks.csv:") && $0.contains(": error: ") })
        #expect(result.stderr.contains("attacks.csv:2:7: error: 'date' is not a valid date"))
        #expect(result.stderr.contains("attacks.csv:3:17: error: 'killed' is -1"))
        #expect(result.stderr.contains("attacks.csv:3:12: error: 'RUX' is not a country code"))
        #expect(result.stderr.contains("attacks.csv:3:25: error: source_id 'nobody' is not in sources.csv"))
        #expect(result.stdout.contains("4 problems"))
    }

    @Test func validateAMissingFolderIsAClearError() throws {
        let result = try CLI.run(["datasets", "validate", "/nonexistent/folder"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/folder: error: not a folder"))
    }
}
