import Foundation
import Testing
import TestSupport

/// `trend --csv` and `compare --csv` through the real binary: on a CSV of the corpus's own yearly
/// counts, or on the shipped attacks.csv read as one row per event, they print exactly the corpus
/// path's statistics (every cell of every test row), labelled with the table's columns.
@Suite struct OwnTableCommandTests {
    static func json(_ result: CLIResult) throws -> [[String: Any]] {
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        if let tables = parsed as? [[String: Any]] { return tables }
        return [try #require(parsed as? [String: Any])]
    }

    static func rows(_ table: [String: Any]) -> [[String: Any]] { table["rows"] as? [[String: Any]] ?? [] }

    /// The columns that carry numbers in the tests table; "statistic" names the unit, so it differs.
    static let statisticColumns = ["series", "estimate", "90% CI", "p", "n", "detail"]

    static func expectSameStatistics(_ own: [String: Any], _ corpus: [String: Any]) {
        let a = rows(own), b = rows(corpus)
        #expect(a.count == b.count && !a.isEmpty)
        for (x, y) in zip(a, b) {
            for column in statisticColumns {
                #expect("\(x[column] ?? "nil")" == "\(y[column] ?? "nil")", "\(column): \(x[column] ?? "nil") vs \(y[column] ?? "nil")")
            }
        }
    }

    static let options = ["--level", "0.9", "--alpha", "0.1", "--format", "json", "--test", "ols,mann-kendall,poisson"]

    @Test func countsCSVGivesTheCorpusStatistics() throws {
        let folder = try TemporaryFolder()
        let corpus = try Self.json(try CLI.run(["trend", "attacks"] + Self.options))
        let counts = Self.rows(corpus[0]).map { "\($0["year"] ?? "nil"),\($0["count"] ?? "nil")" }
        #expect(counts.contains { $0.hasSuffix(",0") })
        let csv = try folder.write("yearly.csv", "year,attacks\n" + counts.joined(separator: "\n") + "\n")
        let own = try Self.json(try CLI.run(["trend", "--csv", csv, "--time", "year", "--count", "attacks"] + Self.options))
        Self.expectSameStatistics(own[1], corpus[1])
        #expect(Self.rows(own[1]).first?["statistic"] as? String == "OLS slope (attacks/year)")
        // The counts table names the table's columns.
        #expect((own[0]["columns"] as? [String]) == ["year", "attacks"])
    }

    @Test func eventRowsOfTheShippedFileGiveTheCorpusStatistics() throws {
        let corpus = try Self.json(try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011"] + Self.options))
        let own = try Self.json(try CLI.run(["trend", "--csv", "Datasets/attacks.csv", "--time", "date", "--from", "2001", "--to", "2011"] + Self.options))
        Self.expectSameStatistics(own[1], corpus[1])
        // The time column is called date in attacks.csv, so the counts table says which year it counts by.
        let counts = Self.rows(own[0]).map { "\($0["year of date"] ?? "nil"):\($0["events (rows of attacks.csv)"] ?? "nil")" }
        #expect(counts == Self.rows(corpus[0]).map { "\($0["year"] ?? "-"):\($0["count"] ?? "-")" })
    }

    @Test func compareCSVGivesTheCorpusStatistics() throws {
        let folder = try TemporaryFolder()
        let yearly = try Self.json(try CLI.run(["trend", "attacks", "--test", "none", "--format", "json"]))
        let csv = try folder.write("yearly.csv", "year,attacks\n" + Self.rows(yearly[0]).map { "\($0["year"] ?? "nil"),\($0["count"] ?? "nil")" }.joined(separator: "\n") + "\n")
        let periods = ["--period", "2001-2011", "--period", "2024", "--level", "0.9", "--format", "json"]
        let corpus = try Self.json(try CLI.run(["compare", "attacks"] + periods))[0]
        let own = try Self.json(try CLI.run(["compare", "--csv", csv, "--time", "year", "--count", "attacks"] + periods))[0]
        let a = Self.rows(own), b = Self.rows(corpus)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) {
            for column in ["period", "count", "years", "per year", "90% CI"] {
                #expect("\(x[column] ?? "nil")" == "\(y[column] ?? "nil")", "\(column)")
            }
        }
        #expect(own["title"] as? String == "attacks: 2001–2011 compared with 2024")
    }

    @Test func blanksAndMissingYearsAreSaidAndLeftOut() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write("survey.csv", "year,region,incidents\n2010,North,3\n2010,South,5\n2011,North,\n2011,South,6\n2013,North,4\n2013,South,9\n2014,North,6\n2014,South,8\n")
        let result = try CLI.run(["trend", "--csv", csv, "--time", "year", "--count", "incidents", "--by", "region", "--format", "json", "--test", "ols"])
        let tables = try Self.json(result)
        let notes = (tables[1]["notes"] as? [String] ?? []).joined(separator: " ")
        #expect(notes.contains("1 blank incidents cell is unknown, not 0"))
        #expect(notes.contains("2012"), "the missing year is named: \(notes)")
        let north = Self.rows(tables[0]).filter { $0["region"] as? String == "North" }
        #expect(north.map { $0["incidents"] is NSNull } == [false, true, true, false, false])
        // "all" has 2010, 2013 and 2014 only: 2011 has a blank, 2012 no row.
        #expect(Self.rows(tables[1]).first { $0["series"] as? String == "all" }?["n"] as? Int == 3)
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
