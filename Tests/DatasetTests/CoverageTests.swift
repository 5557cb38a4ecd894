import Testing
@testable import Dataset
import TestSupport

/// Coverage as data: the text forms of the contract, and which months a coverage observes.
@Suite struct CoverageTests {
    func date(_ text: String) -> PartialDate { try! PartialDate(parsing: text) }

    @Test func textFormsRoundTrip() throws {
        let gaps = try CoverageText.gaps("1993;2011-11..2012-02")
        #expect(gaps == [DateSpan(first: date("1993"), last: date("1993")), DateSpan(first: date("2011-11"), last: date("2012-02"))])
        #expect(CoverageText.text(of: gaps) == "1993;2011-11..2012-02")
        let breaks = try CoverageText.breaks("1998: CETIS took over|2011-11: START took over, with more sources")
        #expect(breaks.map(\.date) == [date("1998"), date("2011-11")])
        #expect(breaks[1].note == "START took over, with more sources")
        #expect(CoverageText.text(of: breaks) == "1998: CETIS took over|2011-11: START took over, with more sources")
        let starts = try CoverageText.countryStarts("RUS=2018-01;KAZ=2018")
        #expect(starts == ["KAZ": date("2018"), "RUS": date("2018-01")])
        #expect(CoverageText.text(of: starts) == "KAZ=2018;RUS=2018-01")
        let dates = CoverageDates(from: date("1970-01-01"), to: date("2020-12-31"), gaps: gaps, breaks: breaks, fromByCountry: starts)
        #expect(try CoverageText.dates(from: CoverageText.columns(of: dates)) == dates)
        #expect(try CoverageText.dates(from: ["covers_from": "", "gaps": ""]) == nil)
    }

    @Test(arguments: [
        ("gaps", "1993;", "is not a gap"),
        ("gaps", "2012..2011", "ends before it starts"),
        ("collection_breaks", "2011-11 START took over", "is not a collection break"),
        ("collection_breaks", "2011-11:  ", "has no note"),
        ("covers_from_by_country", "KZ=2018", "is not a country start"),
        ("covers_from_by_country", "KAZ=2018;KAZ=2019", "two starts"),
        ("covers_to", "2020/12", "is not a date"),
    ])
    func badTextFormsAreRefusedWithTheReason(column: String, text: String, message: String) {
        #expect {
            _ = try CoverageText.dates(from: [column: text])
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func reversedSpanIsRefused() {
        #expect(throws: CoverageText.SyntaxError.self) {
            _ = try CoverageText.dates(from: ["covers_from": "2020", "covers_to": "2019-12-31"])
        }
    }

    @Test func monthsOutsideTheSpanAndInGapsAreNotObserved() {
        let coverage = Coverage(scope: .complete, dates: CoverageDates(
            from: date("1970-01-01"), to: date("2020-11-15"), gaps: [DateSpan(first: date("1993"), last: date("1993"))],
            fromByCountry: ["KAZ": date("2018-03")]))
        let month = { (year: Int, month: Int) in Coverage.monthIndex(year: year, month: month) }
        #expect(coverage.covers(month: month(1992, 12)))
        #expect(!coverage.covers(month: month(1993, 6)))
        #expect(coverage.covers(month: month(2020, 11)), "a month counts when any of its days is covered")
        #expect(!coverage.covers(month: month(2020, 12)))
        #expect(!coverage.covers(month: month(2018, 2), countries: ["KAZ", "RUS"]))
        #expect(coverage.covers(month: month(2018, 3), countries: ["KAZ"]))
        let spans = coverage.uncoveredSpans(fromMonth: month(1990, 1), throughMonth: month(2021, 12))
        #expect(spans.map(\.explained) == ["1993 (a gap in the data)", "2020-12..2021-12 (after the data end)"])
        let early = coverage.uncoveredSpans(fromMonth: month(2017, 1), throughMonth: month(2018, 12), countries: ["KAZ"])
        #expect(early.map(\.explained) == ["2017-01..2018-02 (before coverage of KAZ starts)"])
    }

    @Test func breaksAreStraddledOnlyByDaysOnBothSides() {
        let item = CollectionBreak(date: date("2011-11"), note: "START")
        #expect(item.isStraddled(from: date("2001").earliestDay, through: date("2011").latestDay))
        #expect(!item.isStraddled(from: date("2001").earliestDay, through: date("2011-10").latestDay))
        #expect(!item.isStraddled(from: date("2011-11").earliestDay, through: date("2024").latestDay))
    }

    @Test func sourcesFromSeveralReleasesCombine() throws {
        let a = CoverageDates(from: date("1970"), to: date("2020"), gaps: [DateSpan(first: date("1993"), last: date("1993"))],
                              breaks: [CollectionBreak(date: date("1998"), note: "x")])
        let b = CoverageDates(from: date("1989"), to: date("2024"))
        let combined = try #require(CoverageDates.combined([a, b]))
        #expect(combined.from == date("1970"))
        #expect(combined.to == date("2024"))
        #expect(combined.gaps.isEmpty, "a gap only one source has is covered by the other")
        #expect(combined.breaks.count == 1)
    }

    @Test func theCatalogDescribesTheContractsColumns() throws {
        let catalog = try Catalog.load(path: PackagePaths.catalog)
        let sources = try #require(catalog.table(named: "sources"))
        #expect(sources.column(named: "covers_from")?.type == .date)
        #expect(sources.column(named: "covers_to")?.type == .date)
        #expect(sources.column(named: "gaps")?.type == .dateSpans)
        #expect(sources.column(named: "collection_breaks")?.type == .datedNotes)
        #expect(sources.column(named: "covers_from_by_country")?.type == .countryDates)
    }
}
