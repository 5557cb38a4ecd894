import Testing
@testable import Dataset

@Suite struct PartialDateTests {
    @Test func keepsPrecision() throws {
        #expect(try PartialDate(parsing: "2004").precision == .year)
        #expect(try PartialDate(parsing: "2004-09").precision == .month)
        #expect(try PartialDate(parsing: "2004-09-01").precision == .day)
        #expect(try PartialDate(parsing: "2004-09").description == "2004-09")
    }

    @Test func boundsOfPartialDates() throws {
        let month = try PartialDate(parsing: "2024-02")
        #expect(month.earliestDay == DayDate(year: 2024, month: 2, day: 1))
        #expect(month.latestDay == DayDate(year: 2024, month: 2, day: 29))
        #expect(try PartialDate(parsing: "2023").latestDay == DayDate(year: 2023, month: 12, day: 31))
    }

    @Test(arguments: ["04", "2004-9", "2004-13", "2004-02-30", "2004/09/01", "Sept 2004", "", "2004-", "２００４"])
    func rejectsMalformedDates(text: String) {
        #expect(throws: PartialDateError.self) { try PartialDate(parsing: text) }
    }

    @Test func ordersByEarliestDayThenPrecision() throws {
        let dates = try ["2004-09-01", "2004", "2003-12", "2004-09"].map(PartialDate.init(parsing:))
        #expect(dates.sorted().map(\.description) == ["2003-12", "2004", "2004-09", "2004-09-01"])
    }

    @Test func daysSinceEpochMatchesKnownDates() {
        #expect(DayDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(DayDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11017)
        #expect(DayDate(year: 2024, month: 7, day: 4).daysSinceEpoch == 19908)
    }
}
