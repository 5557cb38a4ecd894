import Analysis
import Foundation
import Testing
@testable import Dataset
@testable import Report
import Support

/// `latest-N` means the last N years with data in the table a block or placeholder reads, and it
/// is read by one parser: every table analysis and every placeholder that takes a period accepts
/// it and gives what the same period written out in years gives.
@Suite struct LatestPeriodTests {
    static let corpus = Fixtures.corpus
    static let store = EventTableStore(corpus: corpus)

    /// The last year with data in an event table, found here from the table's rows.
    static func lastYear(_ table: String) throws -> Int {
        let years = try store.table(named: table).events.map(\.year)
        return try #require(years.max())
    }

    /// The table an analysis builds, as CSV, for the spec's settings plus `period:`.
    private func table(_ analysis: TableAnalysis, _ settings: String, period: String) throws -> String {
        let yaml = "report:\n  title: T\nbody:\n  - table: {id: tab-x, analysis: \(analysis.rawValue), \(settings)period: \"\(period)\", caption: c}\n"
        let report = try ReportBuilder(corpus: Self.corpus).build(Fixtures.spec(yaml: yaml))
        return report.tables[0].table.csv()
    }

    @Test(arguments: [
        (TableAnalysis.counts, "table: attacks, ", "attacks", 24),
        (.trend, "table: attacks, ", "attacks", 24),
        (.share, "table: attacks, ", "attacks", 24),
        (.cadence, "table: exercises, ", "exercises", 23),
        (.attacks, "", "attacks", 5),
        (.exercises, "", "exercises", 12),
        (.documents, "", "documents", 10),
        (.membership, "", "membership", 10),
    ])
    func everyTableAnalysisTakesLatestN(analysis: TableAnalysis, settings: String, dataTable: String, years: Int) throws {
        let last = try Self.lastYear(dataTable)
        let latest = try table(analysis, settings, period: "latest-\(years)")
        let explicit = try table(analysis, settings, period: "\(last - years + 1)-\(last)")
        #expect(latest == explicit)
        // A table with rows: the comparison above is between two real tables.
        #expect(latest.split(separator: "\n").count > 1)
    }

    @Test func comparisonTableTakesLatest() throws {
        let last = try Self.lastYear("attacks")
        func compare(_ second: String) throws -> String {
            let yaml = "report:\n  title: T\nbody:\n  - table: {id: tab-x, analysis: compare, table: attacks, periods: [2001-2011, \"\(second)\"], caption: c}\n"
            return try ReportBuilder(corpus: Self.corpus).build(Fixtures.spec(yaml: yaml)).tables[0].table.csv()
        }
        #expect(try compare("latest") == compare("\(last)"))
    }

    private func evaluate(_ text: String) throws -> String {
        let pieces = try PlaceholderSyntax.parse(text)
        guard case .placeholder(let placeholder) = pieces.first else { throw Diagnostic(SourceLocation(file: "t"), "not a placeholder") }
        guard case .text(let value) = try PlaceholderEvaluator(store: Self.store, references: [:]).evaluate(placeholder) else {
            throw Diagnostic(SourceLocation(file: "t"), "not text")
        }
        return value
    }

    /// Each placeholder verb that takes a period, with a table and a span where it has a value.
    @Test(arguments: [
        ("count", "attacks", 24, ""), ("share", "attacks", 24, ""), ("killed", "attacks", 24, ""), ("wounded", "attacks", 24, ""),
        ("killed-known", "attacks", 24, ""), ("wounded-known", "attacks", 24, ""), ("killed-unknown", "attacks", 24, ""),
        ("wounded-unknown", "attacks", 24, ""), ("rate", "attacks", 24, ""), ("trend", "attacks", 24, " test=ols"),
        ("growth", "documents", 20, ""), ("gap", "exercises", 23, " median"),
    ])
    func everyPlaceholderTakesLatestN(verb: String, table: String, years: Int, rest: String) throws {
        let last = try Self.lastYear(table)
        let latest = try evaluate("{{ \(verb) \(table) latest-\(years)\(rest) }}")
        let explicit = try evaluate("{{ \(verb) \(table) \(last - years + 1)-\(last)\(rest) }}")
        #expect(latest == explicit)
        #expect(!latest.isEmpty)
    }

    @Test func comparePlaceholderTakesLatestInBothPeriods() throws {
        let last = try Self.lastYear("attacks")
        #expect(try evaluate("{{ compare attacks 2001-2011 latest }}") == evaluate("{{ compare attacks 2001-2011 \(last) }}"))
        // Periods that overlap are refused, so `latest-N` stands first against an earlier period.
        #expect(try evaluate("{{ compare attacks latest-3 2001-2011 }}") == evaluate("{{ compare attacks \(last - 2)-\(last) 2001-2011 }}"))
    }

    @Test func indicatorPeriodCountsBackFromTheIndicatorsLastPeriod() throws {
        let ends = Self.corpus.indicators.filter { $0.indicator == "crimes-prevented" }.compactMap { $0.periodEnd?.year }
        let last = try #require(ends.max())
        #expect(try evaluate("{{ indicator crimes-prevented latest }}") == evaluate("{{ indicator crimes-prevented \(last) }}"))
    }

    /// What `scobrief compare --period` and the compare table and placeholder use for a figure.
    @Test func figurePeriodsCountBackFromAnEventTableOrAnIndicator() throws {
        let reader = PeriodContext(store: Self.store)
        let lastAttack = try Self.lastYear("attacks")
        #expect(try reader.period("latest-3", figure: "attacks") == Period(years: lastAttack - 2, lastAttack))
        let ends = Self.corpus.indicators.filter { $0.indicator == "crimes-prevented" }.compactMap { $0.periodEnd?.year }
        let lastReport = try #require(ends.max())
        #expect(try reader.period("latest", figure: "crimes-prevented") == Period(years: lastReport, lastReport))
    }

    @Test func badLatestIsOneErrorEverywhere() {
        let yaml = "report:\n  title: T\nbody:\n  - table: {id: tab-x, analysis: documents, period: latest-x, caption: c}\n"
            + "  - text: \"{{ count attacks latest-x }}\"\n"
        do {
            _ = try ReportBuilder(corpus: Self.corpus).build(Fixtures.spec(yaml: yaml))
            Issue.record("latest-x was accepted")
        } catch let error as DiagnosticList {
            #expect(error.diagnostics.count == 2)
            for diagnostic in error.diagnostics {
                #expect(diagnostic.description.contains("bad period 'latest-x': write latest or latest-N"))
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func tableGroupingAndTestsUseTheCLIsParser() {
        let yaml = "report:\n  title: T\nbody:\n  - table: {id: tab-x, analysis: trend, by: yaer, caption: c}\n"
            + "  - table: {id: tab-y, analysis: trend, tests: [man-kendall], caption: c}\n"
        do {
            _ = try ReportBuilder(corpus: Self.corpus).build(Fixtures.spec(yaml: yaml))
            Issue.record("a bad grouping was accepted")
        } catch let error as DiagnosticList {
            #expect(error.diagnostics.map(\.message) == [
                AnalysisInputError.unknownGrouping("yaer", known: ["year", "country", "kind"]).description,
                AnalysisInputError.unknownTest("man-kendall", known: ["ols", "mann-kendall", "poisson"]).description,
            ])
            #expect(error.diagnostics[0].message.contains("did you mean 'year'?"))
            #expect(error.diagnostics[1].message.contains("did you mean 'mann-kendall'?"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
