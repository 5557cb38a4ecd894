import Foundation
import Testing
import TestSupport

/// `--format csv`: one table a file at full precision, the interval as two columns, snake_case
/// names; several tables need `--table NAME` or `-o FOLDER`.
@Suite struct CSVOutputTests {
    @Test func severalTablesWithoutTableOrFolderIsAnErrorNamingThem() throws {
        let result = try CLI.run(["compare", "attacks", "--period", "2001-2011", "--period", "2024", "--format", "csv"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("periods, comparison") && result.stderr.contains("--table NAME"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let trend = try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011", "--format", "csv", "-o", "out.csv"])
        #expect(trend.status == 64 && trend.stderr.contains("counts, tests"), "\(trend.stderr)")
    }

    @Test func aFolderGetsOneFilePerTable() throws {
        let folder = try TemporaryFolder()
        let out = folder.file("trend")
        let result = try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011", "--format", "csv", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["counts.csv", "tests.csv"])
        let tests = try String(contentsOfFile: out + "/tests.csv", encoding: .utf8).split(separator: "\n")
        #expect(tests[0] == "series,test,statistic,estimate,ci_low,ci_high,level,p,n,z,tau_b,r_squared,dispersion,scale,alpha,trend,significance_level,recommended,unit,method,note")
        // Full precision: the OLS slope is -2/55, not "-0.0364".
        #expect(tests[1].hasPrefix("all,ols,OLS slope,-0.03636363636363636,-0.37801615763946583,0.3052888849121931,0.95,"), "\(tests[1])")
        let counts = try String(contentsOfFile: out + "/counts.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(counts[0] == "year,count,killed,killed_unknown,wounded,wounded_unknown")
        // 2001 has no stated figure: blank, never 0.
        #expect(counts[1] == "2001,2,,2,,2")
    }

    @Test func tablePicksOneAndItsNameIsChecked() throws {
        let result = try CLI.run(["compare", "attacks", "--period", "2001-2011", "--period", "2024", "--format", "csv", "--table", "comparison"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "statistic,estimate,ci_low,ci_high,level,p,unit,method,note")
        #expect(lines[1].hasPrefix("rate_ratio,1.2272727272727273,"))
        let wrong = try CLI.run(["compare", "attacks", "--period", "2001-2011", "--period", "2024", "--format", "csv", "--table", "period"])
        #expect(wrong.status == 64 && wrong.stderr.contains("did you mean 'periods'"), "\(wrong.stderr)")
    }

    @Test func aSingleTableNeedsNoOption() throws {
        let result = try CLI.run(["datasets", "list", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("table,file,rows,first_year,last_year,coverage,title\n"))
        #expect(!result.stdout.contains("\n\n"))
    }
}
