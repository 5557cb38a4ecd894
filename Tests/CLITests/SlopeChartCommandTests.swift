import Foundation
import Testing
import TestSupport

/// The slope chart from the command line and from a report spec, checked in the PDF's own text.
@Suite struct SlopeChartCommandTests {
    /// The countries with a named attack in 2001–2011 or 2024 in the shipped corpus.
    static let countries = ["Russia", "Iran", "Kyrgyzstan", "China", "Tajikistan", "Uzbekistan", "Belarus", "Kazakhstan"]

    @Test func rendersTwoPeriodsWithEveryCountryNamedAtBothEnds() throws {
        let scratch = try TemporaryFolder(prefix: "scobrief-slope-cli")
        let folder = scratch.path
        let result = try CLI.run(["chart", "slope", "--table", "attacks", "--by", "country", "--period", "2001-2011", "--period", "2024",
                                  "-o", folder + "/x.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try ExternalTool.run("pdftotext", [folder + "/x.pdf", "-"]).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("2001–2011") && lines.contains("2024"), "the periods head the columns")
        #expect(lines.contains("Attacks per year"), "the axis says the values are rates per year")
        for country in Self.countries {
            // Left: "name value"; right: "value name".
            #expect(lines.contains { $0.hasPrefix(country + " ") && Double($0.dropFirst(country.count + 1).trimmingCharacters(in: .whitespaces)) != nil },
                    "\(country) is not labelled at the first period")
            #expect(lines.contains { $0.hasSuffix(" " + country) && Double($0.dropLast(country.count + 1).trimmingCharacters(in: .whitespaces)) != nil },
                    "\(country) is not labelled at the second period")
        }
        // 2001–2011 is eleven years: Russia's rate is its attacks in those years divided by 11, not its count.
        #expect(lines.contains("Russia 1.2"))
    }

    @Test(arguments: [(["--period", "2001-2011"], "exactly two periods, 1 given"),
                      (["--period", "2001-2005", "--period", "2006-2011", "--period", "2024"], "exactly two periods, 3 given"),
                      ([], "exactly two periods, 0 given")])
    func anythingButTwoPeriodsIsAClearError(periods: [String], expected: String) throws {
        let scratch = try TemporaryFolder(prefix: "scobrief-slope-cli")
        let folder = scratch.path
        let result = try CLI.run(["chart", "slope", "--table", "attacks"] + periods + ["-o", folder + "/x.pdf"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.pdf"), "no partial output")
    }

    @Test func reportSpecDrawsASlopeChart() throws {
        let scratch = try TemporaryFolder(prefix: "scobrief-slope-cli")
        let folder = scratch.path
        let yaml = """
        report:
          title: Slope
        body:
          - chart: {id: slope, kind: slope, table: attacks, by: country, periods: [2001-2011, 2024], caption: Attacks per year by country}
        """
        try yaml.write(toFile: folder + "/spec.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", folder + "/spec.yaml", "-o", folder + "/r.pdf", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try ExternalTool.run("pdftotext", [folder + "/r.pdf", "-"])
        #expect(text.contains("2001–2011") && text.contains("Attacks per year"))
        #expect(text.contains("Russia 1.2") && text.contains("1.0 Russia"))

        let bad = yaml.replacingOccurrences(of: "periods: [2001-2011, 2024]", with: "periods: [2024]")
        try bad.write(toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
        let failed = try CLI.run(["report", folder + "/bad.yaml", "-o", folder + "/bad.pdf", "--quiet"])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("exactly two periods, 1 given"), "\(failed.stderr)")
    }
}
