import Foundation
import Testing
@testable import Analysis
@testable import Dataset

/// A user's own counts give exactly the statistics the corpus path gives on the same counts
/// (compared with ==, so to the last bit), and unknown years stay unknown.
@Suite("Own tables: trend and compare on the corpus's counts")
struct OwnTableTrendTests {
    static let corpus: Corpus = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        return try! DataLocation.loadShippedCorpus(explicit: root + "/Datasets")
    }()
    static let labels = CountLabels(table: "attacks.csv", time: "year", count: "attacks", unit: "attacks")

    /// The corpus path's yearly series for a table, with all tests.
    static func corpusTrend(_ table: String, period: Period? = nil, level: Double = 0.9, alpha: Double = 0.1) throws -> TrendAnalysis {
        let events = EventFilter(period: period).apply(to: try EventTables.table(named: table, in: corpus), membership: corpus.membership)
        return TrendAnalysis.run(events, by: [.year], tests: TrendTest.allCases, level: level, alpha: alpha)
    }

    /// JSON of a Codable result; doubles are written in their shortest round-trip form, so equal
    /// JSON means equal bits.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// Every outcome equal, field by field, Double by Double, and as JSON.
    static func expectSame(_ a: SeriesTrend, _ b: SeriesTrend) {
        #expect(outcomesJSON(a) == outcomesJSON(b))
        #expect(!outcomesJSON(a).isEmpty && outcomesJSON(a).allSatisfy { !$0.isEmpty })
        #expect(a.years == b.years)
        #expect(a.counts == b.counts)
        #expect(a.exposures == b.exposures)
        #expect(a.outcomes.count == b.outcomes.count)
        for (x, y) in zip(a.outcomes, b.outcomes) {
            switch (x, y) {
            case let (.ols(p), .ols(q)): #expect(p == q)
            case let (.mannKendall(p, s), .mannKendall(q, t)): #expect(p == q); #expect(s == t)
            case let (.poisson(p), .poisson(q)): #expect(p == q)
            case let (.notComputed(p, r), .notComputed(q, s)): #expect(p == q); #expect(r == s)
            default: Issue.record("different outcomes: \(x) and \(y)")
            }
        }
    }

    /// The statistics of a series as JSON, one document per test.
    static func outcomesJSON(_ trend: SeriesTrend) -> [String] {
        trend.outcomes.map { outcome in
            switch outcome {
            case .ols(let r): return json(r)
            case let .mannKendall(m, s): return json(m) + json(s)
            case .poisson(let r): return json(r)
            case let .notComputed(test, reason): return "\(test) \(reason)"
            }
        }
    }

    @Test func countsTableWithEveryYearEqualsCorpus() throws {
        let corpus = try Self.corpusTrend("attacks")
        let series = corpus.trends[0]
        #expect(series.counts.contains(0), "the corpus series should have quiet years for this test to mean something")
        let rows = zip(series.years, series.counts).enumerated().map { CountObservation(year: $1.0, count: $1.1, line: $0 + 2) }
        let own = OwnTrendAnalysis.run(try YearlyCountData.countsTable(rows, labels: Self.labels, complete: false),
                                       tests: TrendTest.allCases, level: 0.9, alpha: 0.1)
        Self.expectSame(own.trends[0], series)
        // The printed tests table differs only in its labels.
        let corpusRows = corpus.testsTable.rows.map { Array($0[2...5]) }
        let ownRows = own.testsTable.rows.map { Array($0[2...5]) }
        #expect(corpusRows == ownRows)
        #expect(own.testsTable.rows[0][1] == .text("OLS slope (attacks/year)"))
    }

    @Test func completeTableFillsAbsentYearsWithZero() throws {
        let series = try Self.corpusTrend("attacks").trends[0]
        let rows = zip(series.years, series.counts).filter { $0.1 > 0 }.map { CountObservation(year: $0.0, count: $0.1, line: 0) }
        let complete = try YearlyCountData.countsTable(rows, labels: Self.labels, complete: true)
        Self.expectSame(OwnTrendAnalysis.run(complete, tests: TrendTest.allCases, level: 0.9, alpha: 0.1).trends[0], series)
        // Not stated complete: the absent years are missing, and the tests see only the years with a row.
        let partial = try YearlyCountData.countsTable(rows, labels: Self.labels, complete: false)
        let own = OwnTrendAnalysis.run(partial, tests: [.ols], level: 0.9).trends[0]
        #expect(own.years == rows.map(\.year))
        #expect(!own.counts.contains(0))
        #expect(partial.notes.contains { $0.hasPrefix("Years with no known count are missing, not 0") })
        #expect(OwnTrendAnalysis.run(partial, tests: []).countsTable().rows.contains { $0[1] == .missing })
    }

    @Test func eventRowsEqualCorpus() throws {
        for (table, period) in [("attacks", nil), ("exercises", try Period(parsing: "2002-06..2012-03"))] {
            let corpus = try Self.corpusTrend(table, period: period)
            let events = try EventTables.table(named: table, in: Self.corpus).events
            let rows = events.enumerated().map { EventObservation(date: $1.date, line: $0 + 2) }
            let data = try YearlyCountData.eventRows(rows, labels: Self.labels, coverage: period.map { $0.firstYear...$0.lastYear }, period: period)
            Self.expectSame(OwnTrendAnalysis.run(data, tests: TrendTest.allCases, level: 0.9, alpha: 0.1).trends[0], corpus.trends[0])
        }
    }

    @Test func compareEqualsCorpus() throws {
        let first = try Period(parsing: "2001-2011"), second = try Period(parsing: "2024")
        let corpus = try ComparisonAnalysis.run("attacks", first, "attacks", second, corpus: Self.corpus, level: 0.9)
        let series = try Self.corpusTrend("attacks").trends[0]
        let rows = zip(series.years, series.counts).map { CountObservation(year: $0.0, count: $0.1, line: 0) }
        let own = try OwnComparison.run(try YearlyCountData.countsTable(rows, labels: Self.labels, complete: false), first, second, level: 0.9)
        for (a, b) in [(own.comparison.first, corpus.comparison.first), (own.comparison.second, corpus.comparison.second)] {
            #expect(a.count == b.count)
            #expect(a.exposureYears == b.exposureYears)
            #expect(a.annualRate == b.annualRate)
            #expect(a.rateInterval == b.rateInterval)
        }
        #expect(Self.json(own.comparison.rateRatio) == Self.json(corpus.comparison.rateRatio))
        #expect(Self.json(own.comparison.rateDifference) == Self.json(corpus.comparison.rateDifference))
        #expect(Self.json(own.comparison.first.rateInterval) == Self.json(corpus.comparison.first.rateInterval))
        #expect(Self.json(own.comparison.second.rateInterval) == Self.json(corpus.comparison.second.rateInterval))
        #expect(own.comparison.rateRatio == corpus.comparison.rateRatio)
        #expect(own.comparison.rateDifference == corpus.comparison.rateDifference)
        #expect(own.table.title == "attacks: 2001–2011 compared with 2024")
    }

    @Test func blanksAreUnknownNeverZero() throws {
        let rows = [CountObservation(year: 2001, count: 4, line: 2), CountObservation(year: 2002, count: nil, line: 3),
                    CountObservation(year: 2003, count: 6, line: 4), CountObservation(year: 2004, count: 9, line: 5)]
        let data = try YearlyCountData.countsTable(rows, labels: Self.labels, complete: true)
        let own = OwnTrendAnalysis.run(data, tests: [.ols])
        #expect(own.trends[0].years == [2001, 2003, 2004])
        #expect(data.notes.contains { $0.contains("1 blank attacks cell is unknown, not 0") && $0.contains("2002 (line 3)") })
        #expect(throws: OwnTableError.self) { try OwnComparison.run(data, try Period(parsing: "2001-2002"), try Period(parsing: "2003-2004")) }
        let comparison = try OwnComparison.run(data, try Period(parsing: "2001"), try Period(parsing: "2003-2004"))
        #expect(comparison.comparison.second.count == 15)
    }

    @Test func splitSeriesAndRefusals() throws {
        let labels = CountLabels(table: "survey.csv", time: "year", count: "incidents", unit: "incidents", series: "region")
        let rows = [CountObservation(series: "North", year: 2001, count: 1, line: 2), CountObservation(series: "South", year: 2001, count: 2, line: 3),
                    CountObservation(series: "North", year: 2002, count: 3, line: 4), CountObservation(series: "South", year: 2003, count: 5, line: 5),
                    CountObservation(series: "North", year: 2003, count: 4, line: 6)]
        let data = try YearlyCountData.countsTable(rows, labels: labels, complete: false)
        #expect(data.series.map(\.name) == ["all", "North", "South"])
        // 2002 has no South row, so the total for 2002 is unknown.
        #expect(data.series[0].counts == [2001: 3, 2003: 9])
        var unsplit = labels
        unsplit.series = nil
        #expect(throws: OwnTableError.self) { try YearlyCountData.countsTable(rows, labels: unsplit, complete: false) }
        #expect(throws: OwnTableError.self) { try YearlyCountData.countsTable(rows, labels: labels, complete: false, period: try Period(parsing: "2001-06..2003")) }
        #expect(throws: OwnTableError.self) { try YearlyCountData.countsTable(rows, labels: labels, complete: false, coverage: 2002...2003) }
    }
}
