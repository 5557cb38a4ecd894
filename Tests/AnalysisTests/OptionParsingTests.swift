import Testing
@testable import Analysis

/// `GroupKey.parseList` and `TrendTest.parseList`: the one reading of `--by`/`by:` and `--test`/`tests:`.
@Suite struct OptionParsingTests {
    @Test func groupingsCombineWithCommas() throws {
        #expect(try GroupKey.parseList("year") == [.year])
        #expect(try GroupKey.parseList("year, country") == [.year, .country])
    }

    @Test func unknownGroupingListsTheAllowedKeys() {
        #expect(throws: AnalysisInputError.unknownGrouping("contry", known: ["year", "country", "kind"])) { try GroupKey.parseList("year,contry") }
        #expect(AnalysisInputError.unknownGrouping("contry", known: ["year", "country", "kind"]).description
                == "'contry' is not a grouping (did you mean 'country'?); use year, country, kind or a combination such as year,country")
        #expect(throws: AnalysisInputError.self) { try GroupKey.parseList("") }
    }

    @Test func testsAreNamedOrNone() throws {
        #expect(try TrendTest.parseList(["ols,poisson"]) == [.ols, .poisson])
        #expect(try TrendTest.parseList(["mann-kendall", "ols"]) == [.mannKendall, .ols])
        #expect(try TrendTest.parseList(["none"]) == [])
        #expect(throws: AnalysisInputError.unknownTest("man-kendall", known: ["ols", "mann-kendall", "poisson"])) {
            try TrendTest.parseList(["man-kendall"])
        }
    }
}
