import Dataset
import Foundation
import Testing
import TestSupport

/// The recipe beside the binary: `Scripts/duckdb-events`, driven by a mapping, must give the same
/// year × country counts as `scobrief import ... --summary-by year,country` on the generators'
/// output. It needs DuckDB and PyYAML from PyPI; without a network it is skipped, saying why.
@Suite(.serialized) struct DuckDBRecipeTests {
    static let root = CLI.packageRoot

    /// Whether the recipe can run: its virtualenv is ready, or PyPI answers.
    static let pypiReachable: Bool = {
        if FileManager.default.isExecutableFile(atPath: root + "/.venv-duckdb/bin/python"),
           (try? ExternalTool.run(root + "/.venv-duckdb/bin/python", ["-c", "import duckdb, yaml"])) != nil { return true }
        return (try? ExternalTool.run("python3", ["-c", "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/duckdb/', timeout=15)"])) != nil
    }()

    /// `year,country` → the five counts, from a CSV whose first two columns are year and country
    /// and whose last five are the counts (the import's table has the country's name between).
    static func cells(_ csv: String) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            result["\(fields[0]),\(fields[1])"] = fields.suffix(5).map { Int($0)! }
        }
        return result
    }

    func compare(source: String, mapping: String, generate: [String], importArguments: [String], filters: [String]) throws {
        let folder = try TemporaryFolder(prefix: "scobrief-duckdb-\(source)")
        let export = folder.file("export.csv")
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: (CLI.binary as NSString).deletingLastPathComponent + "/gen-events")
        generator.arguments = [source, "-o", export, "--rows", "4000", "--seed", "9"] + generate
        try generator.run()
        generator.waitUntilExit()
        #expect(generator.terminationStatus == 0)
        let imported = try CLI.run(["import", source, export, "-o", folder.file("attacks.csv"), "--summary-by", "year,country",
                                    "--format", "csv", "--quiet"] + importArguments)
        #expect(imported.status == 0, "\(imported.stderr)")
        _ = try ExternalTool.run(Self.root + "/Scripts/duckdb-events", [mapping, export, folder.file("duckdb.csv")] + filters.flatMap { ["--filter", $0] })
        let expected = Self.cells(imported.stdout)
        let reduced = Self.cells(try String(contentsOfFile: folder.file("duckdb.csv"), encoding: .utf8))
        #expect(expected.count > 20, "too few cells to compare: \(expected.count)")
        #expect(reduced == expected, "DuckDB's counts differ from the import's in \(Set(reduced.keys).symmetricDifference(expected.keys).sorted().prefix(5)) or in values")
    }

    @Test(.enabled(if: pypiReachable, "PyPI is unreachable, so DuckDB and PyYAML cannot be installed for Scripts/duckdb-events"))
    func ucdpTypeThreeMatchesTheImport() throws {
        try compare(source: "ucdp-ged", mapping: "ucdp-ged", generate: [], importArguments: ["--type-of-violence", "3"], filters: ["type-of-violence=3"])
    }

    @Test(.enabled(if: pypiReachable, "PyPI is unreachable, so DuckDB and PyYAML cannot be installed for Scripts/duckdb-events"))
    func acledFromAMappingFileWithTextDatesMatchesTheImport() throws {
        // The built-in mapping written to a file, as a user's own would be.
        let folder = try TemporaryFolder(prefix: "scobrief-duckdb-mapping")
        let mapping = folder.file("acled.yaml")
        try BuiltInEventMappings.yaml["acled"]!.write(toFile: mapping, atomically: true, encoding: .utf8)
        try compare(source: "acled", mapping: mapping, generate: ["--text-dates"],
                    importArguments: ["--event-type", "Explosions/Remote violence,Battles"],
                    filters: ["event-type=Explosions/Remote violence,Battles"])
    }
}
