import Analysis
import Dataset
import Foundation
import Testing
import TestSupport

/// `--format json` of every command: valid against the schema in the repository (checked by
/// Python's jsonschema, a real validator), and numbers equal to the Analysis results computed
/// here in-process, bit for bit.
@Suite struct JSONOutputTests {
    /// Any JSON value, numbers read exactly: integers as Int, others as Double; null as NSNull.
    struct ExactJSON: Decodable {
        var value: Any

        init(from decoder: Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                var values: [Any] = []
                while !array.isAtEnd { values.append(try array.decode(ExactJSON.self).value) }
                value = values
            } else if let object = try? decoder.container(keyedBy: Key.self) {
                var values: [String: Any] = [:]
                for key in object.allKeys { values[key.stringValue] = try object.decode(ExactJSON.self, forKey: key).value }
                value = values
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() { value = NSNull() }
                else if let bool = try? single.decode(Bool.self) { value = bool }
                else if let int = try? single.decode(Int.self) { value = int }
                else if let double = try? single.decode(Double.self) { value = double }
                else { value = try single.decode(String.self) }
            }
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    static let schema = PackagePaths.root + "/Sources/Analysis/Output/scobrief-output.schema.json"

    /// The Python that has jsonschema: Scripts/test's .venv-test, else the system's.
    static var python: String {
        let venv = PackagePaths.root + "/.venv-test/bin/python"
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    static let commands: [[String]] = [
        ["trend", "attacks", "--from", "2001", "--to", "2011"],
        ["trend", "attacks", "--from", "2001-06", "--to", "2011-03", "--rolling", "3"],
        ["trend", "exercises", "--by", "year,country", "--from", "2002", "--to", "2012"],
        ["trend", "exercises", "--from", "2002", "--to", "2012", "--test", "mann-kendall,poisson", "--level", "0.9", "--alpha", "0.1"],
        ["trend", "documents", "--by", "kind", "--test", "none"],
        ["trend", "attacks", "--from", "2001", "--to", "2011", "--table", "tests"],
        ["compare", "attacks", "--period", "2001-2011", "--period", "2024"],
        ["compare", "exercises", "--period", "2002-2006", "--period", "2007-2011", "--level", "0.9"],
        ["datasets", "list"],
    ]

    @Test func everyCommandsJSONValidatesAgainstTheSchema() throws {
        let folder = try TemporaryFolder()
        var files: [String] = []
        for (index, arguments) in Self.commands.enumerated() {
            let result = try CLI.run(arguments + ["--format", "json"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            files.append(try folder.write("output-\(index).json", result.stdout))
        }
        // import gtd --summary-by, on a synthetic GTD file.
        let generator = (CLI.binary as NSString).deletingLastPathComponent + "/gen-gtd"
        try ExternalTool.run(generator, ["-o", folder.file("gtd.csv"), "--rows", "2000", "--seed", "7"])
        for keys in ["year", "country", "year,country"] {
            let summary = try CLI.run(["import", "gtd", folder.file("gtd.csv"), "-o", folder.file("attacks-\(keys).csv"), "--quiet",
                                       "--summary-by", keys, "--format", "json"])
            #expect(summary.status == 0, "\(summary.stderr)")
            files.append(try folder.write("summary-\(keys).json", summary.stdout))
        }
        // The event imports write the same summary, under their own command.
        let events = (CLI.binary as NSString).deletingLastPathComponent + "/gen-events"
        try ExternalTool.run(events, ["ucdp-ged", "-o", folder.file("ged.csv"), "--rows", "1000", "--seed", "7"])
        let ged = try CLI.run(["import", "ucdp-ged", folder.file("ged.csv"), "-o", folder.file("attacks-ged.csv"), "--quiet",
                               "--summary-by", "year,country", "--format", "json"])
        #expect(ged.status == 0, "\(ged.stderr)")
        #expect(ged.stdout.contains("\"command\": \"import ucdp-ged\""))
        files.append(try folder.write("summary-ged.json", ged.stdout))
        let report = try ExternalTool.run(Self.python, [PackagePaths.root + "/Scripts/json-schema-check", Self.schema] + files)
        #expect(report.contains("\(files.count) files checked, 0 problems"), "\(report)")
    }

    /// The validator is real: a year as a string and a p-value as text are caught.
    @Test func theSchemaRefusesTextWhereNumbersBelong() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011", "--format", "json"])
        let broken = result.stdout
            .replacingOccurrences(of: "\"year\": 2001,", with: "\"year\": \"2001\",")
            .replacingOccurrences(of: "\"level\": 0.95,\n", with: "\"level\": \"95%\",\n")
        #expect(broken != result.stdout)
        let file = try folder.write("broken.json", broken)
        #expect(throws: ExternalTool.Failure.self) {
            try ExternalTool.run(Self.python, [PackagePaths.root + "/Scripts/json-schema-check", Self.schema, file])
        }
    }

    @Test func trendAndCompareShareTheTopLevelShape() throws {
        let trend = try object(["trend", "attacks", "--from", "2001", "--to", "2011", "--format", "json"])
        let compare = try object(["compare", "attacks", "--period", "2001-2011", "--period", "2024", "--format", "json"])
        #expect(Set(trend.keys) == Set(compare.keys))
        #expect(trend["command"] as? String == "trend" && compare["command"] as? String == "compare")
        let period = (trend["periods"] as? [[String: Any]])?.first
        #expect(period?["start"] as? String == "2001-01-01" && period?["end"] as? String == "2011-12-31")
        #expect(period?["first_year"] as? Int == 2001 && period?["last_year"] as? Int == 2011)
        let coverage = (trend["coverage"] as? [[String: Any]])?.first
        #expect(coverage?["coverage"] as? String == "illustrative")
        #expect((trend["notes"] as? [String] ?? []).contains { $0.contains("illustrative list") })
    }

    /// Every statistic of the trend tests, parsed back from the JSON, equals the in-process value exactly.
    @Test func trendNumbersAreAtFullPrecision() throws {
        let output = try object(["trend", "exercises", "--from", "2002", "--to", "2012", "--format", "json"])
        let rows = try rows(of: "tests", in: output)
        let corpus = try DataLocation.loadShippedCorpus(explicit: PackagePaths.datasets)
        let table = try EventTables.table(named: "exercises", in: corpus)
        let filtered = EventFilter(period: try Period(years: 2002, 2012)).apply(to: table, membership: corpus.membership)
        let analysis = TrendAnalysis.run(filtered, by: [.year], tests: [.ols, .mannKendall, .poisson])
        var checked = 0
        for outcome in analysis.trends[0].outcomes {
            switch outcome {
            case .ols(let ols):
                let row = try #require(rows.first { $0["test"] as? String == "ols" })
                #expect(row["estimate"].flatMap(number) == ols.slope.estimate)
                #expect(row["ci_low"].flatMap(number) == ols.slope.interval.lower)
                #expect(row["ci_high"].flatMap(number) == ols.slope.interval.upper)
                #expect(row["p"].flatMap(number) == ols.slope.pValue)
                #expect(row["r_squared"].flatMap(number) == ols.rSquared)
                #expect(row["level"].flatMap(number) == 0.95)
                checked += 1
            case let .mannKendall(test, sen):
                let row = try #require(rows.first { $0["test"] as? String == "mann_kendall" })
                #expect(row["estimate"].flatMap(number) == Double(test.s))
                #expect(row["z"].flatMap(number) == test.z)
                #expect(row["tau_b"].flatMap(number) == test.tau)
                #expect(row["p"].flatMap(number) == test.pValue)
                #expect(row["significance_level"].flatMap(number) == 0.05)
                let sens = try #require(rows.first { $0["test"] as? String == "sens_slope" })
                #expect(sens["estimate"].flatMap(number) == sen.slope)
                #expect(sens["ci_low"].flatMap(number) == sen.interval.lower && sens["ci_high"].flatMap(number) == sen.interval.upper)
                checked += 1
            case .poisson(let result):
                let row = try #require(rows.first { $0["test"] as? String == "poisson" })
                #expect(row["estimate"].flatMap(number) == result.poisson.rateRatioPerYear.estimate)
                #expect(row["ci_low"].flatMap(number) == result.poisson.rateRatioPerYear.interval.lower)
                #expect(row["ci_high"].flatMap(number) == result.poisson.rateRatioPerYear.interval.upper)
                #expect(row["p"].flatMap(number) == result.poisson.slope.pValue)
                #expect(row["dispersion"].flatMap(number) == result.poisson.dispersion)
                if let nb = result.negativeBinomial {
                    let nbRow = try #require(rows.first { $0["test"] as? String == "negative_binomial" })
                    #expect(nbRow["alpha"].flatMap(number) == nb.alpha.estimate)
                }
                checked += 1
            case .notComputed(let test, let reason):
                Issue.record("\(test) was not computed: \(reason)")
            }
        }
        #expect(checked == 3)
    }

    @Test func compareNumbersAreAtFullPrecision() throws {
        let output = try object(["compare", "attacks", "--period", "2001-2011", "--period", "2024", "--format", "json"])
        let corpus = try DataLocation.loadShippedCorpus(explicit: PackagePaths.datasets)
        let analysis = try ComparisonAnalysis.run("attacks", try Period(years: 2001, 2011), "attacks", try Period(years: 2024, 2024), corpus: corpus)
        let periods = try rows(of: "periods", in: output)
        #expect(periods.count == 2)
        #expect(periods[0]["rate"].flatMap(number) == analysis.comparison.first.annualRate)
        #expect(periods[0]["ci_low"].flatMap(number) == analysis.comparison.first.rateInterval.lower)
        #expect(periods[1]["ci_high"].flatMap(number) == analysis.comparison.second.rateInterval.upper)
        #expect(periods[0]["count"] as? Int == 27 && periods[0]["start"] as? String == "2001-01-01")
        let comparison = try rows(of: "comparison", in: output)
        let ratio = try #require(analysis.comparison.rateRatio)
        #expect(comparison[0]["statistic"] as? String == "rate_ratio")
        #expect(comparison[0]["estimate"].flatMap(number) == ratio.rateRatio)
        #expect(comparison[0]["ci_low"].flatMap(number) == ratio.interval.lower && comparison[0]["ci_high"].flatMap(number) == ratio.interval.upper)
        #expect(comparison[0]["p"].flatMap(number) == ratio.pValue)
        let difference = try #require(analysis.comparison.rateDifference)
        #expect(comparison[1]["estimate"].flatMap(number) == difference.difference)
        #expect(comparison[1]["p"].flatMap(number) == difference.pValue)
    }

    @Test func datasetsListGivesYearsAsIntegers() throws {
        let output = try object(["datasets", "list", "--format", "json"])
        let attacks = try #require(try rows(of: "tables", in: output).first { $0["table"] as? String == "attacks" })
        #expect(attacks["first_year"] is Int && attacks["last_year"] is Int)
        #expect(attacks["coverage"] as? String == "illustrative")
        let countries = try #require(try rows(of: "tables", in: output).first { $0["table"] as? String == "countries" })
        #expect(countries["first_year"] is NSNull)
    }

    /// The output parsed by JSONDecoder, which reads numbers exactly (on Linux, JSONSerialization
    /// rounds the last digit of some doubles, so it cannot judge precision).
    private func object(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONDecoder().decode(ExactJSON.self, from: Data(result.stdout.utf8)).value as? [String: Any])
    }

    private func rows(of table: String, in output: [String: Any]) throws -> [[String: Any]] {
        let tables = try #require(output["tables"] as? [[String: Any]])
        let found = try #require(tables.first { $0["name"] as? String == table }, "no table \(table)")
        return try #require(found["rows"] as? [[String: Any]])
    }
}

/// A JSON number as a Double, whether it was written as an integer (`0`) or not (`0.25`).
private func number(_ value: Any) -> Double? {
    if let int = value as? Int { return Double(int) }
    return value as? Double
}
