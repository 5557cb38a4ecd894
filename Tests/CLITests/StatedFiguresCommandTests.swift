import Foundation
import Testing
import TestSupport

/// Issue 13 through the real binary: labels that follow --level and --alpha in every format,
/// part-years as exposure, and the comparisons that must be refused or left without a ratio.
@Suite struct StatedFiguresCommandTests {
    @Test(arguments: ["table", "csv", "json", "markdown", "latex"])
    func intervalLabelFollowsTheLevelInEveryFormat(format: String) throws {
        for command in [["trend", "attacks", "--from", "2001", "--to", "2011"],
                        ["compare", "attacks", "--period", "2001-2011", "--period", "2012-2024"]] {
            // CSV holds one table a file, under stable column names: the level is a column of its own.
            let table = format == "csv" ? ["--table", command[0] == "trend" ? "tests" : "comparison"] : []
            let result = try CLI.run(command + ["--level", "0.9", "--format", format] + table)
            #expect(result.status == 0, "\(result.stderr)")
            if format == "csv" {
                #expect(result.stdout.contains(",ci_low,ci_high,level,") && result.stdout.contains(",0.9,"), "\(command[0]) csv")
            } else {
                #expect(result.stdout.contains(format == "latex" ? "90\\% CI" : "90% CI"), "\(command[0]) \(format)")
            }
            #expect(!result.stdout.contains("95% CI") && !result.stdout.contains("95\\% CI"), "\(command[0]) \(format)")
        }
    }

    @Test func mannKendallVerdictUsesAlphaNotTheLevel() throws {
        // The example: the old rule judged at α = 1 − level, so at --level 0.1 it called p = 0.871 "decreasing".
        let lowLevel = try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011", "--test", "mann-kendall", "--level", "0.1", "--format", "table"])
        #expect(lowLevel.status == 0, "\(lowLevel.stderr)")
        let row = try #require(lowLevel.stdout.split(separator: "\n").first { $0.contains("Mann–Kendall S") })
        #expect(row.contains(" 0.871 ") && row.contains("no trend at α = 0.05"), "\(row)")
        #expect(row.contains("τ-b = "))
        // In CSV the verdict and its α are fields of their own.
        let typed = try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011", "--test", "mann-kendall", "--level", "0.1",
                                 "--format", "csv", "--table", "tests"])
        let typedRow = try #require(typed.stdout.split(separator: "\n").first { $0.contains(",mann_kendall,") })
        #expect(typedRow.contains(",0.8709911947974633,") && typedRow.contains(",no trend,0.05,"), "\(typedRow)")
        let lenient = try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011", "--test", "mann-kendall", "--alpha", "0.9",
                                   "--format", "csv", "--table", "tests"])
        let lenientRow = try #require(lenient.stdout.split(separator: "\n").first { $0.contains(",mann_kendall,") })
        #expect(lenientRow.contains(",decreasing,0.9,"), "\(lenientRow)")
        let bad = try CLI.run(["trend", "attacks", "--alpha", "1.5"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--alpha must be between 0 and 1"))
        #expect(bad.stdout.isEmpty)
    }

    /// The example: statsmodels with the part-years as exposure gives 0.975 [0.848, 1.12] p 0.725.
    @Test func partYearsAreExposure() throws {
        let arguments = ["trend", "attacks", "--from", "2001-06", "--to", "2011-03", "--test", "poisson", "--format", "csv"]
        let result = try CLI.run(arguments + ["--table", "counts"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "year,count,killed,killed_unknown,wounded,wounded_unknown,exposure_years")
        #expect(lines.contains { $0.hasPrefix("2001,") && $0.hasSuffix(",0.5833333333333334") })
        #expect(lines.contains { $0.hasPrefix("2005,") && $0.hasSuffix(",1.0") })
        #expect(lines.contains { $0.hasPrefix("2011,") && $0.hasSuffix(",0.25") })
        let tests = try CLI.run(arguments + ["--table", "tests"])
        let fields = try #require(tests.stdout.split(separator: "\n").first { $0.hasPrefix("all,poisson,") }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // estimate, ci_low, ci_high, level, p, n at full precision; statsmodels rounds to 0.975 [0.848, 1.12] p 0.725.
        let numbers = fields[3...7].compactMap(Double.init)
        #expect(numbers.count == 5)
        #expect(String(format: "%.3f %.3f %.2f %.2f %.3f", numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]) == "0.975 0.848 1.12 0.95 0.725", "\(fields)")
        #expect(fields[8] == "11" && Double(fields[12]).map { String(format: "%.2f", $0) } == "1.04", "\(fields)")
    }

    @Test(arguments: [["2024", "2024"], ["2001-2011", "2011"], ["2024-01..2024-07", "2024-07..2024-12"]])
    func overlappingPeriodsAreRefused(periods: [String]) throws {
        let result = try CLI.run(["compare", "attacks", "--period", periods[0], "--period", periods[1]])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot compare"), "\(result.stderr)")
        #expect(result.stderr.contains(periods[0] == periods[1] ? "they are the same period" : "the periods overlap"))
        #expect(result.stdout.isEmpty)
    }

    /// 2012 and 2013 lie inside the curated list's years (2001–2024) and have no attacks in it.
    @Test func twoEmptyPeriodsHaveNoRatio() throws {
        let result = try CLI.run(["compare", "attacks", "--period", "2012", "--period", "2013", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("no events in either period: no ratio"))
        #expect(!result.stdout.contains("infinite"))
        #expect(!result.stdout.contains("rate difference"))
        #expect(!result.stdout.contains("has only 0 events"))
    }
}
