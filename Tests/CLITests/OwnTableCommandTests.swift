import Foundation
import Testing
import TestSupport

/// `trend --csv` and `compare --csv` through the real binary: on a CSV of the corpus's own yearly
/// counts, or on the shipped attacks.csv read as one row per event, they print exactly the corpus
/// path's statistics (every cell of every test row), labelled with the table's columns.
@Suite struct OwnTableCommandTests {
    /// The command's JSON object and its tables by name (`counts`, `tests`, `periods`, …).
    static func json(_ result: CLIResult) throws -> (object: [String: Any], tables: [String: [String: Any]]) {
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var tables: [String: [String: Any]] = [:]
        for table in object["tables"] as? [[String: Any]] ?? [] { tables[table["name"] as? String ?? ""] = table }
        return (object, tables)
    }

    static func rows(_ table: [String: Any]?) -> [[String: Any]] { table?["rows"] as? [[String: Any]] ?? [] }

    /// The fields that carry numbers in the tests table; "statistic" and "unit" name the unit, so they differ.
    static let statisticFields = ["series", "test", "estimate", "ci_low", "ci_high", "level", "p", "n", "z", "tau_b", "r_squared",
                                  "dispersion", "scale", "alpha", "trend", "significance_level", "recommended"]

    static func expectSameStatistics(_ own: [String: Any]?, _ corpus: [String: Any]?) {
        let a = rows(own), b = rows(corpus)
        #expect(a.count == b.count && !a.isEmpty)
        for (x, y) in zip(a, b) {
            for field in statisticFields {
                #expect("\(x[field] ?? "absent")" == "\(y[field] ?? "absent")", "\(field): \(x[field] ?? "absent") vs \(y[field] ?? "absent")")
            }
        }
    }

    static let options = ["--level", "0.9", "--alpha", "0.1", "--format", "json", "--test", "ols,mann-kendall,poisson"]

    @Test func countsCSVGivesTheCorpusStatistics() throws {
        let folder = try TemporaryFolder()
        let corpus = try Self.json(try CLI.run(["trend", "attacks"] + Self.options))
        let counts = Self.rows(corpus.tables["counts"]).map { "\($0["year"] ?? "nil"),\($0["count"] ?? "nil")" }
        #expect(counts.contains { $0.hasSuffix(",0") })
        let csv = try folder.write("yearly.csv", "year,attacks\n" + counts.joined(separator: "\n") + "\n")
        let own = try Self.json(try CLI.run(["trend", "--csv", csv, "--time", "year", "--count", "attacks"] + Self.options))
        Self.expectSameStatistics(own.tables["tests"], corpus.tables["tests"])
        #expect(Self.rows(own.tables["tests"]).first?["unit"] as? String == "attacks per year")
        // The counts table names the table's columns.
        #expect((own.tables["counts"]?["columns"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["year", "attacks"])
    }

    @Test func eventRowsOfTheShippedFileGiveTheCorpusStatistics() throws {
        let corpus = try Self.json(try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011"] + Self.options))
        let own = try Self.json(try CLI.run(["trend", "--csv", "Datasets/attacks.csv", "--time", "date", "--from", "2001", "--to", "2011"] + Self.options))
        Self.expectSameStatistics(own.tables["tests"], corpus.tables["tests"])
        // The time column is called date in attacks.csv, so the counts table says which year it counts by.
        let counts = Self.rows(own.tables["counts"]).map { "\($0["year_of_date"] ?? "nil"):\($0["events_rows_of_attacks_csv"] ?? "nil")" }
        #expect(counts == Self.rows(corpus.tables["counts"]).map { "\($0["year"] ?? "-"):\($0["count"] ?? "-")" })
    }

    @Test func compareCSVGivesTheCorpusStatistics() throws {
        let folder = try TemporaryFolder()
        let yearly = try Self.json(try CLI.run(["trend", "attacks", "--test", "none", "--format", "json"]))
        let csv = try folder.write("yearly.csv", "year,attacks\n" + Self.rows(yearly.tables["counts"]).map { "\($0["year"] ?? "nil"),\($0["count"] ?? "nil")" }.joined(separator: "\n") + "\n")
        let periods = ["--period", "2001-2011", "--period", "2024", "--level", "0.9", "--format", "json"]
        let corpus = try Self.json(try CLI.run(["compare", "attacks"] + periods))
        let own = try Self.json(try CLI.run(["compare", "--csv", csv, "--time", "year", "--count", "attacks"] + periods))
        let a = Self.rows(own.tables["periods"]), b = Self.rows(corpus.tables["periods"])
        #expect(a.count == b.count && a.count == 2)
        for (x, y) in zip(a, b) {
            for field in ["period", "count", "years", "rate", "ci_low", "ci_high", "level"] {
                #expect("\(x[field] ?? "absent")" == "\(y[field] ?? "absent")", "\(field)")
            }
        }
        #expect(own.object["title"] as? String == "attacks: 2001–2011 compared with 2024")
    }

    @Test func blanksAndMissingYearsAreSaidAndLeftOut() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write("survey.csv", "year,region,incidents\n2010,North,3\n2010,South,5\n2011,North,\n2011,South,6\n2012,North,2\n2012,South,4\n"
                                   + "2013,North,4\n2013,South,9\n2014,North,6\n2014,South,8\n")
        let total = try folder.write("total.csv", "year,incidents\n2010,3\n2011,5\n2012,\n2013,4\n2014,6\n")
        let fields = "fields:\n  - {name: year, type: integer}\n  - {name: incidents, type: integer, title: Incidents, unit: events}\n"
        try folder.write("survey.schema.yaml", "title: Survey\n" + fields + "  - {name: region, type: string, title: Region}\n")
        try folder.write("total.schema.yaml", "title: Survey total\n" + fields)
        let runs: [[String]] = [
            ["trend", "--csv", csv, "--time", "year", "--count", "incidents", "--by", "region"],
            ["trend", "--csv", total, "--time", "year", "--count", "incidents", "--rolling", "2"],
            ["trend", "--csv", "Datasets/attacks.csv", "--time", "date", "--from", "2001", "--to", "2011"],
            ["compare", "--csv", csv, "--time", "year", "--count", "incidents", "--by", "region", "--period", "2010", "--period", "2013-2014"],
            ["compare", "--csv", "Datasets/attacks.csv", "--time", "date", "--period", "2001-2011", "--period", "2012-2020"],
        ]
        var files: [String] = []
        for (index, arguments) in runs.enumerated() {
            let result = try CLI.run(arguments + ["--format", "json"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            files.append(try folder.write("own-\(index).json", result.stdout))
        }
        let report = try ExternalTool.run(JSONOutputTests.python, [PackagePaths.root + "/Scripts/json-schema-check", JSONOutputTests.schema] + files)
        #expect(report.contains("\(files.count) files checked, 0 problems"), "\(report)")

        // The counts tables declare the table's columns (named after their titles), the counted column with the schema's unit.
        let declared: [(run: Int, names: [String], units: [String?])] = [(0, ["year", "region", "incidents_events"], [nil, nil, "events"]),
                                                                         (1, ["year", "incidents_events", "rolling_mean"], [nil, "events", "events"])]
        for (run, names, units) in declared {
            let counts = try #require(try Self.json(try CLI.run(runs[run] + ["--format", "json"])).tables["counts"])
            #expect(counts["declared_columns"] as? Bool == true)
            let columns = counts["columns"] as? [[String: Any]] ?? []
            #expect(columns.compactMap { $0["name"] as? String } == names)
            #expect(columns.map { $0["unit"] as? String } == units, "\(columns)")
        }

        // compare --csv: the figure and unit come from the counted column, each period has its first and last day.
        let compare = try Self.json(try CLI.run(runs[3] + ["--format", "json"]))
        let periods = Self.rows(compare.tables["periods"])
        #expect(periods.map { $0["figure"] as? String } == ["Incidents (events)", "Incidents (events)"])
        #expect(periods.map { $0["unit"] as? String } == ["events per year", "events per year"])
        #expect(periods.map { $0["start"] as? String } == ["2010-01-01", "2013-01-01"])
        #expect(periods.map { $0["end"] as? String } == ["2010-12-31", "2014-12-31"])
        let periodFields = compare.object["periods"] as? [[String: Any]] ?? []
        #expect(periodFields.map { $0["start"] as? String } == ["2010-01-01", "2013-01-01"])

        // The check of declared columns is real: a count written as text is caught.
        let original = try CLI.run(runs[0] + ["--format", "json"]).stdout
        let tampered = original.replacingOccurrences(of: "\"incidents_events\": 3", with: "\"incidents_events\": \"3\"")
        #expect(tampered != original)
        let broken = try folder.write("broken.json", tampered)
        #expect(throws: ExternalTool.Failure.self) {
            try ExternalTool.run(JSONOutputTests.python, [PackagePaths.root + "/Scripts/json-schema-check", JSONOutputTests.schema, broken])
        }
    }

    @Test(arguments: [
        (["trend", "--csv", "Datasets/attacks.csv", "--time", "dat"], "did you mean 'date'"),
        (["trend", "--csv", "Datasets/attacks.csv"], "--csv needs --time COLUMN"),
        (["trend", "--csv", "Datasets/attacks.csv", "--time", "date", "--count", "place"], "counts must be whole numbers"),
        (["trend", "--csv", "Datasets/attacks.csv", "--time", "date", "--country", "RUS"], "--country filters the corpus tables"),
        (["trend", "attacks", "--time", "date"], "give the table with --csv FILE"),
        (["trend", "attacks", "--csv", "Datasets/attacks.csv", "--time", "date"], "not both"),
        (["compare", "--csv", "Datasets/attacks.csv", "--time", "date", "--period", "2001-2011", "--period", "2030"], "reaches beyond"),
    ])
    func badOwnTableArguments(arguments: [String], expected: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
