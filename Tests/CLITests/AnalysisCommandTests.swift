import Foundation
import Testing
import TestSupport

@Suite struct AnalysisCommandTests {
    @Test func trendPrintsCountsAndTests() throws {
        let result = try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011", "--format", "csv", "--test", "none"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "year,count,killed,killed_unknown,wounded,wounded_unknown")
        // Eleven years, each present even when nothing was named that year.
        #expect(lines.count == 12)
        #expect(lines.contains("2004,6,457,1,183,4"))
    }

    @Test func trendTestsAsJSONCarryTheCoverageCaveat() throws {
        let result = try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((output?["tables"] as? [[String: Any]])?.count == 2)
        let notes = output?["notes"] as? [String] ?? []
        #expect(notes.contains { $0.contains("illustrative list") })
    }

    @Test func trendLatexIsBooktabs() throws {
        let result = try CLI.run(["trend", "exercises", "--by", "country", "--format", "latex", "--test", "none"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\\toprule") && result.stdout.contains("\\bottomrule"))
    }

    @Test func compareGivesRatesAndCaveats() throws {
        let result = try CLI.run(["compare", "attacks", "--period", "2001-2011", "--period", "2024", "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| 2001–2011 | 27 |"))
        #expect(result.stdout.contains("rate ratio"))
        #expect(result.stdout.contains("not an incidence rate"))
    }

    @Test func compareRefusesDifferentMeasures() throws {
        let result = try CLI.run(["compare", "attacks", "--period", "2001-2011", "--with", "attacks-prevented", "--period", "2024"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("they count different things"))
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["compare", "attacks", "--period", "2011-2001", "--period", "2024"], "ends before it starts"),
        (["compare", "attacks", "--period", "2001-2011"], "give exactly two periods"),
        (["trend", "atacks"], "did you mean 'attacks'"),
        (["trend", "attacks", "--test", "mann-kendal"], "did you mean 'mann-kendall'"),
        (["trend", "attacks", "--country", "RUX"], "did you mean 'RUS'"),
        (["trend", "attacks", "--format", "pdf"], "format"),
        (["compare", "crimes-prevented", "--period", "2017", "--period", "2024"], "reported only for"),
    ])
    func badArgumentsAreClearErrors(arguments: [String], expected: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }
}

extension AnalysisCommandTests {
    @Test func rollingMeanOverThreeYears() throws {
        let result = try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011", "--rolling", "3", "--test", "none", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines[0].hasSuffix(",rolling_mean"))
        // 2002–2004: 3, 1 and 6 named attacks.
        #expect(lines.contains { $0.hasPrefix("2004,6,") && $0.hasSuffix(",3.3333333333333335") })
        #expect(lines.contains { $0.hasPrefix("2001,2,") && $0.hasSuffix(",") })
    }
}
