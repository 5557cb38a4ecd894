import Dataset
import Foundation
import Support
import Testing
import TestSupport

/// The recipes beside the binary for tables too large to import: `Scripts/spark-events` (PySpark in
/// local mode) and `Scripts/duckdb-events` run one SQL (`Scripts/event_recipe.py`) from one mapping.
/// On the generators' output, Spark must write the same bytes as DuckDB, and every year × country ×
/// type count and every coverage column must equal SCOBrief's import of the same file. They need
/// PySpark (and a Java runtime) and DuckDB; `Scripts/test` installs both before the tests run.
@Suite(.serialized) struct SparkRecipeTests {
    static let root = CLI.packageRoot

    /// Whether the recipes can run: their virtualenvs are ready, or PyPI answers to install them.
    static let recipesCanRun: Bool = {
        let ready = [(".venv-spark", "import pyspark, yaml"), (".venv-duckdb", "import duckdb, yaml")].allSatisfy { venv, probe in
            FileManager.default.isExecutableFile(atPath: root + "/\(venv)/bin/python")
                && (try? ExternalTool.run(root + "/\(venv)/bin/python", ["-c", probe])) != nil
        }
        if ready { return true }
        return (try? ExternalTool.run("python3", ["-c", "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/pyspark/', timeout=15)"])) != nil
    }()

    static func records(_ path: String) throws -> [[String: String]] {
        let records = try CSVReader(path: path).readAll()
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(records[0].fields, $0.fields)) }
    }

    /// `year,country,event_type` → incidents, killed, killed unknown, wounded, wounded unknown, as
    /// the imported table holds them (a blank count is unknown, never 0).
    static func counts(ofImported rows: [[String: String]]) -> [String: [Int]] {
        var cells: [String: [Int]] = [:]
        for row in rows {
            let key = "\(row["date"]!.prefix(4)),\(row["country"]!),\(row["event_type"]!)"
            var cell = cells[key] ?? [0, 0, 0, 0, 0]
            cell[0] += 1
            if let killed = Int(row["killed"]!) { cell[1] += killed } else { cell[2] += 1 }
            if let wounded = Int(row["wounded"]!) { cell[3] += wounded } else { cell[4] += 1 }
            cells[key] = cell
        }
        return cells
    }

    static func counts(ofReduced rows: [[String: String]]) -> [String: [Int]] {
        var cells: [String: [Int]] = [:]
        for row in rows {
            cells["\(row["year"]!),\(row["country"]!),\(row["event_type"]!)"] =
                ["incidents", "killed", "killed_unknown", "wounded", "wounded_unknown"].map { Int(row[$0]!)! }
        }
        return cells
    }

    func compare(source: String, mapping: String, textDates: Bool, filters: [(option: String, values: [String])]) throws {
        let sample = EventSample(source, rows: 4000, seed: 9, textDates: textDates)
        let run = try EventImportRun(source, bytes: sample.bytes, filters: filters)
        let export = run.folder.file("export.csv")
        let filterArguments = filters.flatMap { ["--filter", "\($0.option)=\($0.values.joined(separator: ","))"] }
        var outputs: [String: (counts: String, coverage: String)] = [:]
        for recipe in ["spark", "duckdb"] {
            let counts = run.folder.file("\(recipe).csv"), coverage = run.folder.file("\(recipe)-coverage.csv")
            _ = try ExternalTool.run(Self.root + "/Scripts/\(recipe)-events",
                                     [mapping, export, counts, "--by-type", "--coverage", coverage] + filterArguments)
            outputs[recipe] = (try String(contentsOfFile: counts, encoding: .utf8), try String(contentsOfFile: coverage, encoding: .utf8))
        }
        #expect(outputs["spark"]!.counts == outputs["duckdb"]!.counts, "Spark's counts are not DuckDB's, byte for byte")
        #expect(outputs["spark"]!.coverage == outputs["duckdb"]!.coverage, "Spark's coverage is not DuckDB's, byte for byte")

        let expected = Self.counts(ofImported: run.rows)
        let reduced = Self.counts(ofReduced: try Self.records(run.folder.file("spark.csv")))
        #expect(expected.count > 30, "too few cells to compare: \(expected.count)")
        #expect(Set(expected.keys.map { $0.split(separator: ",").last! }).count > 1, "the selection keeps one event type only")
        for key in Set(expected.keys).union(reduced.keys).sorted() where expected[key] != reduced[key] {
            Issue.record("\(key): the import counts \(expected[key].map(String.init(describing:)) ?? "nothing"), Spark \(reduced[key].map(String.init(describing:)) ?? "nothing")")
        }

        let coverage = try Self.records(run.folder.file("spark-coverage.csv"))
        #expect(coverage.count == 1)
        #expect(run.sources.count == 1)
        for column in ["covers_from", "covers_to", "gaps", "collection_breaks", "covers_from_by_country"] {
            #expect(coverage.first?[column] == run.sources.first?[column], "\(column) differs from the import's source row")
        }
        #expect(coverage.first?["covers_from"]?.isEmpty == false, "no coverage was recorded")
    }

    @Test(.enabled(if: recipesCanRun, "PyPI is unreachable, so PySpark and DuckDB cannot be installed for the recipes"))
    func ucdpViolenceTypesOneAndThreeEqualTheImport() throws {
        try compare(source: "ucdp-ged", mapping: "ucdp-ged", textDates: false, filters: [("type-of-violence", ["1", "3"])])
    }

    @Test(.enabled(if: recipesCanRun, "PyPI is unreachable, so PySpark and DuckDB cannot be installed for the recipes"))
    func acledFromAMappingFileWithTextDatesEqualsTheImport() throws {
        // The built-in mapping written to a file, as a user's own would be; its coverage lists the
        // later starts of ACLED's regions.
        let folder = try TemporaryFolder(prefix: "scobrief-spark-mapping")
        let mapping = folder.file("acled.yaml")
        try BuiltInEventMappings.yaml["acled"]!.write(toFile: mapping, atomically: true, encoding: .utf8)
        try compare(source: "acled", mapping: mapping, textDates: true,
                    filters: [("event-type", ["Explosions/Remote violence", "Battles"])])
    }

    /// A mapping with keys the recipes do not read (the GTD's date in parts, unknown: values,
    /// gtd-names) is refused before any engine starts, naming the keys and the import to use.
    @Test(.enabled(if: recipesCanRun, "PyPI is unreachable, so PySpark and DuckDB cannot be installed for the recipes"))
    func gtdLikeMappingIsRefusedByBothRecipes() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-spark-refusal")
        let mapping = try folder.write("gtd-like.yaml", Array("""
            name: my-gtd
            title: A GTD-like export
            fields:
              record_id: eventid
              year: iyear
              month: imonth
              day: iday
              country: {column: country_txt, codes: gtd-names}
              killed: {column: nkill, unknown: ["-9"]}
            """.utf8))
        let export = try folder.write("export.csv", Array("eventid,iyear,imonth,iday,country_txt,nkill\n1,2001,1,2,Russia,3\n".utf8))
        for recipe in ["spark", "duckdb"] {
            let out = folder.file("\(recipe).csv")
            do {
                _ = try ExternalTool.run(Self.root + "/Scripts/\(recipe)-events", [mapping, export, out])
                Issue.record("\(recipe)-events counted a mapping it does not read")
            } catch {
                let message = "\(error)"
                #expect(message.contains("\(recipe)-events: the mapping uses year, month, day, killed: unknown, codes: gtd-names, which the recipes do not read"), "\(message)")
                #expect(message.contains("scobrief import events FILE --mapping MAP.yaml"), "\(message)")
            }
            #expect(!FileManager.default.fileExists(atPath: out), "\(recipe)-events wrote a file for a refused mapping")
        }
    }
}
