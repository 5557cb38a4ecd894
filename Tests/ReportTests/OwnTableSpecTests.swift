import Foundation
import Testing
@testable import Dataset
@testable import Report
import Support
import TestSupport

/// A spec's `tables:` section and the blocks and placeholders that read own tables: errors point
/// at the spec's line and column with the columns that exist and the closest name, and the shipped
/// example builds to a PDF whose text carries the own table's numbers and source.
@Suite struct OwnTableSpecTests {
    static let csv = "year,region,incidents\n2010,North,3\n2010,South,5\n2011,North,4\n2011,South,\n2012,North,6\n2012,South,9\n2013,North,7\n2013,South,8\n"
    static let schema = "title: Test survey\nsource: Test data\ncoverage: {from: 2010, to: 2013, complete: true}\nfields:\n  - {name: year, type: year}\n  - {name: region, type: string, title: Region}\n  - {name: incidents, type: integer, title: Incidents, unit: events}\n"
    static let tables = "tables:\n  - {name: survey, file: survey.csv, schema: survey.schema.yaml}\n"

    /// Builds `body` (the lines after `body:`) with the survey beside the spec; "" when it builds.
    static func build(_ body: String, tables: String = tables) throws -> (message: String, report: BuiltReport?) {
        let folder = try TemporaryFolder()
        _ = try folder.write("survey.csv", csv)
        _ = try folder.write("survey.schema.yaml", schema)
        let path = try folder.write("spec.yaml", "report:\n  title: T\n" + tables + "body:\n" + body)
        do {
            let spec = try SpecReader().read(path: path, displayName: "spec.yaml")
            return ("", try ReportBuilder(corpus: Fixtures.corpus).build(spec))
        } catch let error as DiagnosticList {
            return (error.description, nil)
        } catch {
            return ("\(error)", nil)
        }
    }

    @Test func unknownColumnInATableBlockIsAtItsLineAndColumn() throws {
        let body = "  - table: {id: tab-a, analysis: trend, table: survey, time: year, count: incidnts, caption: c}\n"
        let message = try Self.build(body).message
        // Line 6 of the spec; the value 'incidnts' starts at column 75.
        #expect(message.contains("spec.yaml:6:75: error: table 'survey' (survey.csv) has no column 'incidnts' for count:"), "\(message)")
        #expect(message.contains("its columns are year, region, incidents"))
        #expect(message.contains("did you mean 'incidents'?"))
    }

    @Test func unknownByAndTimeColumnsToo() throws {
        let by = try Self.build("  - table:\n      id: tab-a\n      analysis: counts\n      table: survey\n      time: year\n      count: incidents\n      by: regoin\n      caption: c\n").message
        #expect(by.contains("spec.yaml:12:11: error: table 'survey' (survey.csv) has no column 'regoin' for by:"), "\(by)")
        #expect(by.contains("did you mean 'region'?"))
        let time = try Self.build("  - table: {id: tab-a, analysis: trend, table: survey, count: incidents, caption: c}\n").message
        #expect(time.contains("needs time: the column of years or dates"), "\(time)")
        #expect(time.contains("e.g. time: year"))
    }

    @Test func unknownColumnInAPlaceholderIsAtThePlaceholder() throws {
        let message = try Self.build("  - text: \"Rising: {{ trend table=survey time=yaer count=incidents by=region }}.\"\n").message
        #expect(message.contains("spec.yaml:6:20: error: placeholder {{ trend table=survey time=yaer"), "\(message)")
        #expect(message.contains("has no column 'yaer' for time="))
        #expect(message.contains("did you mean 'year'?"))
        let verb = try Self.build("  - text: \"{{ span table=survey time=year }}\"\n").message
        #expect(verb.contains("table= (a table of the spec's tables:) works with count, rate, trend, compare, not with 'span'"), "\(verb)")
        let table = try Self.build("  - text: \"{{ count table=survey2 time=year count=incidents }}\"\n").message
        #expect(table.contains("no table 'survey2' in the spec's tables:; did you mean 'survey'?"), "\(table)")
    }

    @Test func chartBlockColumnsAreCheckedWhereTheyAreWritten() throws {
        let message = try Self.build("  - chart: {id: fig-a, table: survey, kind: line, x: year, y: incidents, color: regon, caption: c}\n").message
        #expect(message.contains("spec.yaml:6:81: error: table 'survey' (survey.csv) has no column 'regon' for color:"), "\(message)")
        #expect(message.contains("did you mean 'region'?"))
        let sum = try Self.build("  - chart: {id: fig-a, table: survey, kind: bar, x: region, y: \"sum:incident\", caption: c}\n").message
        #expect(sum.contains("has no column 'incident' for y:"), "\(sum)")
        let corpus = try Self.build("  - chart: {id: fig-a, table: attacks, kind: bar, x: year, color: country, caption: c}\n").message
        #expect(corpus.contains("color: maps a column of a table of the spec's tables:; 'attacks' is a corpus table"), "\(corpus)")
        let report = try #require(try Self.build("  - chart: {id: fig-a, table: survey, kind: bar, x: year, y: incidents, color: region, position: dodge, caption: c}\n").report)
        #expect(report.figures[0].sourceLine == "Source: Test data.")
        // Eight rows; South's blank 2011 stays missing in the figure's data, never 0.
        let rows = report.figures[0].chart.data.rows
        #expect(rows.count == 8)
        #expect(rows.filter { $0.contains(.missing) }.count == 1, "\(rows)")
    }

    @Test func tablesSectionErrors() throws {
        let reserved = try Self.build("  - page_break\n", tables: "tables:\n  - {name: attacks, file: survey.csv}\n").message
        #expect(reserved.contains("spec.yaml:4:12: error: tables[0].name: 'attacks' is a table of the corpus"), "\(reserved)")
        let twice = try Self.build("  - page_break\n", tables: "tables:\n  - {name: s, file: survey.csv}\n  - {name: s, file: survey.csv}\n").message
        #expect(twice.contains("spec.yaml:5:12: error: tables[1].name: table name 's' is already used at line 4"), "\(twice)")
        let missing = try Self.build("  - page_break\n", tables: "tables:\n  - {name: s, file: survy.csv}\n").message
        #expect(missing.contains("spec.yaml:4:21: error: table 's': no file 'survy.csv' beside the spec"), "\(missing)")
        let corpusWithTime = try Self.build("  - table: {id: tab-a, analysis: trend, table: attacks, time: year, caption: c}\n").message
        #expect(corpusWithTime.contains("time: and count: read a table of the spec's tables:; 'attacks' is a corpus table"), "\(corpusWithTime)")
    }

    @Test func ownTablesGiveTheirNumbersAndSource() throws {
        let body = """
          - text: "Total {{ count table=survey time=year count=incidents by=region 2012-2013 }}; \
        {{ rate table=survey time=year count=incidents by=region 2012-2013 }} a year; \
        {{ compare table=survey time=year count=incidents by=region 2010 2012-2013 }}."
          - table: {id: tab-a, analysis: counts, table: survey, time: year, count: incidents, by: region, caption: c}

        """
        let report = try #require(try Self.build(body).report)
        let text = report.items.compactMap { $0 as? BuiltParagraph }.flatMap(\.runs).map(\.text).joined()
        // 2012–2013: 6 + 9 + 7 + 8 = 30 over two years; 2010 (8) against 2012–2013 (15 a year).
        #expect(text.contains("Total 30; 15.0 a year; 8.00 a year in 2010 against 15.0 in 2012–2013 (rate ratio 0.533"), "\(text)")
        let table = report.tables[0]
        #expect(table.table.columns.map(\.title) == ["year", "Region", "Incidents (events)"])
        // South's 2011 is blank: unknown, shown as missing, never 0.
        #expect(table.table.rows[3] == [.text("2011"), .text("South"), .missing])
        #expect(table.notes.first == "Source: Test data.")
        #expect(table.notes.contains { $0.contains("1 blank Incidents (events) cell is unknown, not 0") })
        #expect(report.ownTableNotes.count == 1)
        #expect(report.ownTableNotes[0].hasPrefix("Test survey (survey.csv"))
    }

    @Test func theShippedExampleBuildsToAPDF() throws {
        let spec = try SpecReader().read(path: Fixtures.root + "/Reports/examples/own-data.yaml")
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(spec)
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let folder = try TemporaryFolder()
        let path = try folder.write("own-data.pdf", [UInt8](pdf))
        // A line may break after the en dash of a span ("2018–⏎2020"): join it back.
        let text = try ExternalTool.run("pdftotext", [path, "-"]).replacingOccurrences(of: "–\n", with: "–").replacingOccurrences(of: "\n", with: " ")
        for expected in ["The survey counts 378 incidents from 2015 to 2020", "Figure 1. Incidents a year in the survey, by region",
                         "43.0 a year in 2010–2012 against 68.0 in 2018–2020 (rate ratio 0.632",
                         "OLS slope (events/year)", "Source: Invented example data for the SCOBrief documentation",
                         "1 blank Incidents (events) cell is unknown, not 0",
                         "Mann–Kendall test on the corpus’s named attacks", "Compiled in the SCOBrief corpus",
                         "Incidents in the example survey (own-data-survey.csv"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
    }
}
