import Foundation
import Testing
import TestSupport

/// A script reading `--format json` gets scipy's and statsmodels' numbers: an attacks table made
/// to have a reference series' yearly counts goes through the real binary, and every statistic in
/// the JSON agrees with Tests/AnalysisTests/Fixtures/stats-reference.json (Scripts/stats-reference)
/// to 1e-9 relative for closed forms and 1e-6 for iterative fits, as the Analysis tests require.
@Suite struct ScipyAgreementTests {
    nonisolated(unsafe) static let fixture: [String: Any] = {
        let url = URL(fileURLWithPath: PackagePaths.root + "/Tests/AnalysisTests/Fixtures/stats-reference.json")
        return (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any] ?? [:]
    }()

    private static func entry(_ section: String, series: String) -> [String: Any]? {
        (fixture[section] as? [[String: Any]])?.first { $0["series"] as? String == series && $0["exposures"] as? [Double] == nil }
    }

    /// An attacks.csv with `counts[i]` rows dated `dates[i]`, citing a shipped source.
    private func attacksFile(_ dated: [(date: String, count: Int)], in folder: TemporaryFolder,
                             source: String = "zhao-2012-isdp-asia-paper") throws -> String {
        var lines = ["id,date,country,place,killed,killed_qualifier,wounded,wounded_qualifier,description,source_id,quote,notes"]
        for (date, count) in dated {
            for index in 0..<count {
                lines.append("atk-ref-\(date)-\(index),\(date),RUS,,,,,,reference series row,\(source),reference series row,")
            }
        }
        return try folder.write("attacks.csv", lines.joined(separator: "\n") + "\n")
    }

    private func close(_ value: Any?, _ reference: Any?, _ tolerance: Double, _ what: String) {
        guard let value = value as? Double ?? (value as? Int).map(Double.init),
              let reference = reference as? Double ?? (reference as? Int).map(Double.init) else {
            Issue.record("\(what): missing (\(String(describing: value)) against \(String(describing: reference)))")
            return
        }
        let error = abs(value - reference) / max(abs(reference), 1e-300)
        #expect(error <= tolerance, "\(what): \(value) against scipy/statsmodels \(reference) (relative error \(error))")
    }

    private func json(_ arguments: [String]) throws -> [String: [[String: Any]]] {
        let result = try CLI.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        // JSONDecoder reads the numbers exactly; see JSONOutputTests.
        let object = try #require(try JSONDecoder().decode(JSONOutputTests.ExactJSON.self, from: Data(result.stdout.utf8)).value as? [String: Any])
        var tables: [String: [[String: Any]]] = [:]
        for table in object["tables"] as? [[String: Any]] ?? [] {
            tables[table["name"] as? String ?? ""] = table["rows"] as? [[String: Any]] ?? []
        }
        return tables
    }

    @Test(arguments: ["decreasingCounts", "yearlyDocuments", "overdispersed"])
    func trendJSONAgreesWithScipy(series name: String) throws {
        let series = try #require((Self.fixture["series"] as? [[String: Any]])?.first { $0["name"] as? String == name })
        let years = try #require(series["years"] as? [Int])
        let values = try #require(series["values"] as? [Double])
        let folder = try TemporaryFolder()
        let file = try attacksFile(zip(years, values).map { (String($0), Int($1)) }, in: folder, source: "ref-series")
        // The series may start with a year of 0 events (overdispersed: 2001), which rows alone cannot
        // show; the source row states the years the series covers, as a real dataset's would.
        let sources = try folder.write("sources.csv", """
            id,title,author,publisher,date,kind,seed_file,url,notes,coverage,coverage_note,short_citation,covers_from,covers_to,gaps,collection_breaks,covers_from_by_country
            ref-series,Reference series,,SCOBrief tests,2026,dataset,,,,complete,a complete count over the stated years,,\(years.first!),\(years.last!),,,

            """)
        let tables = try json(["trend", "attacks", "--input", "attacks=\(file)", "--input", "sources=\(sources)",
                               "--from", String(years.first!), "--to", String(years.last!)])
        let tests = try #require(tables["tests"])
        func row(_ test: String) throws -> [String: Any] { try #require(tests.first { $0["test"] as? String == test }, "\(test)") }

        let ols = try #require(Self.entry("ols", series: name))
        let olsRow = try row("ols")
        close(olsRow["estimate"], ols["linregressSlope"], 1e-9, "\(name) OLS slope")
        close(olsRow["ci_low"], ols["slopeLower"], 1e-9, "\(name) OLS lower")
        close(olsRow["ci_high"], ols["slopeUpper"], 1e-9, "\(name) OLS upper")
        close(olsRow["p"], ols["linregressPValue"], 1e-9, "\(name) OLS p")
        close(olsRow["r_squared"], ols["rSquared"], 1e-9, "\(name) R²")

        let mk = try #require(Self.entry("mannKendall", series: name))
        let mkRow = try row("mann_kendall")
        close(mkRow["estimate"], mk["s"], 1e-9, "\(name) S")
        close(mkRow["z"], mk["z"], 1e-9, "\(name) Z")
        close(mkRow["p"], mk["pValue"], 1e-9, "\(name) Mann–Kendall p")
        close(mkRow["tau_b"], mk["kendallTauB"], 1e-9, "\(name) τ-b")
        let senRow = try row("sens_slope")
        close(senRow["estimate"], mk["senSlope"], 1e-9, "\(name) Sen's slope")
        close(senRow["ci_low"], mk["senLower"], 1e-9, "\(name) Sen lower")
        close(senRow["ci_high"], mk["senUpper"], 1e-9, "\(name) Sen upper")

        let poisson = try #require(Self.entry("poisson", series: name))
        let poissonRow = try row("poisson")
        close(poissonRow["estimate"], poisson["rateRatio"], 1e-6, "\(name) Poisson rate ratio")
        close(poissonRow["ci_low"], poisson["rateRatioLower"], 1e-6, "\(name) Poisson lower")
        close(poissonRow["ci_high"], poisson["rateRatioUpper"], 1e-6, "\(name) Poisson upper")
        close(poissonRow["p"], poisson["pValue"], 1e-6, "\(name) Poisson p")
        close(poissonRow["z"], poisson["z"], 1e-6, "\(name) Poisson z")
        close(poissonRow["dispersion"], poisson["dispersion"], 1e-6, "\(name) dispersion")
        if let quasi = poisson["quasi"] as? [String: Any], let quasiRow = tests.first(where: { $0["test"] as? String == "quasi_poisson" }) {
            close(quasiRow["ci_low"], quasi["rateRatioLower"], 1e-6, "\(name) quasi-Poisson lower")
            close(quasiRow["scale"], quasi["scale"], 1e-6, "\(name) quasi-Poisson scale")
        }
    }

    /// The fixture's comparison: 28 events in 11 years against 3 in 9 months.
    @Test func compareJSONAgreesWithScipy() throws {
        let reference = try #require(Self.fixture["periodComparison"] as? [String: Any])
        #expect(reference["count1"] as? Int == 28 && reference["exposure2"] as? Double == 0.75)
        let folder = try TemporaryFolder()
        let file = try attacksFile([("2001-03", 10), ("2005-07", 10), ("2011-12", 8), ("2024-02", 3)], in: folder)
        let tables = try json(["compare", "attacks", "--input", "attacks=\(file)", "--period", "2001-2011", "--period", "2024-01..2024-09"])
        let periods = try #require(tables["periods"])
        close(periods[0]["rate"], reference["rate1"], 1e-9, "rate 1")
        close(periods[0]["ci_low"], reference["rate1Lower"], 1e-9, "rate 1 lower")
        close(periods[0]["ci_high"], reference["rate1Upper"], 1e-9, "rate 1 upper")
        close(periods[1]["rate"], reference["rate2"], 1e-9, "rate 2")
        close(periods[1]["ci_low"], reference["rate2Lower"], 1e-9, "rate 2 lower")
        close(periods[1]["ci_high"], reference["rate2Upper"], 1e-9, "rate 2 upper")
        let comparison = try #require(tables["comparison"])
        close(comparison[0]["estimate"], reference["rateRatio"], 1e-9, "rate ratio")
        close(comparison[0]["ci_low"], reference["rateRatioLower"], 1e-9, "rate ratio lower")
        close(comparison[0]["ci_high"], reference["rateRatioUpper"], 1e-9, "rate ratio upper")
        close(comparison[0]["p"], reference["pValue"], 1e-9, "rate ratio p")
        close(comparison[1]["estimate"], reference["rateDifference"], 1e-9, "rate difference")
        close(comparison[1]["ci_low"], reference["differenceLower"], 1e-9, "difference lower")
        close(comparison[1]["ci_high"], reference["differenceUpper"], 1e-9, "difference upper")
    }
}
