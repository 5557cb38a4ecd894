import Foundation
import Testing
import TestSupport

/// Through the binary: a command reads only the tables it needs, `datasets validate` reads them
/// all, and `--write-digest` records a clean corpus's digest.
@Suite struct CorpusLoadingCommandTests {
    private func brokenCopy() throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "scobrief-corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.datasets)
        where name.hasSuffix(".csv") || name == "catalog.yaml" || name == "validated.sha256" {
            try FileManager.default.copyItem(atPath: (PackagePaths.datasets as NSString).appendingPathComponent(name), toPath: folder.file(name))
        }
        let indicators = try #require(folder.contents("indicators.csv"))
        try folder.write("indicators.csv", indicators + "ind-broken,attacks-prevented,not-a-year,,,,,,,,,\n")
        return folder
    }

    @Test func aBrokenIndicatorsTableStopsValidateButNotAChartOfAttacks() throws {
        let folder = try brokenCopy()
        let chart = try CLI.run(["chart", "bar", "--table", "attacks", "--x", "year", "--y", "count", "--data", folder.path,
                                 "-o", folder.file("attacks.png")])
        #expect(chart.status == 0, "\(chart.stderr)")
        #expect(folder.exists("attacks.png"))
        let trend = try CLI.run(["trend", "attacks", "--data", folder.path, "--format", "csv", "--test", "none"])
        #expect(trend.status == 0, "\(trend.stderr)")
        let validate = try CLI.run(["datasets", "validate", folder.path])
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("indicators.csv:"))
        #expect(validate.stderr.contains("validated.sha256") && validate.stderr.contains("out of date for indicators.csv"))
    }

    @Test func writeDigestRecordsOnlyACleanCorpus() throws {
        let folder = try brokenCopy()
        let before = folder.contents("validated.sha256")
        let refused = try CLI.run(["datasets", "validate", folder.path, "--write-digest"])
        #expect(refused.status == 1)
        #expect(folder.contents("validated.sha256") == before, "a corpus with errors gets no digest")
        let original = try #require(FileManager.default.contents(atPath: PackagePaths.datasets + "/indicators.csv"))
        try folder.write("indicators.csv", [UInt8](original))
        let written = try CLI.run(["datasets", "validate", folder.path, "--write-digest"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("wrote validated.sha256"))
        #expect(folder.contents("validated.sha256") == before, "the shipped files give the shipped digest")
        #expect(written.stdout.contains("and catalog.compiled"))
        #expect(folder.contents("catalog.compiled") == String(decoding: try #require(FileManager.default.contents(atPath: PackagePaths.datasets + "/catalog.compiled")), as: UTF8.self),
                "the shipped catalog gives the shipped compiled catalog")
    }
}
