import Foundation
import Testing
@testable import Report
import TestSupport

/// The words a report writes around a user's own table — the notes under its figures (rows left
/// out, missing values skipped by a sum or mean, rows in no panel), the figures' axis titles, the
/// source line, a comparison's scope cell, its part-year and straddling-date notes, and the "About
/// the data" entry — are said in the report's language. Each edition is rendered to PDF and read
/// back with pdftotext; the English each check looks for comes from the English catalog.
@Suite struct OwnTableFigureNotesTests {
    /// A survey with a blank region (line 10) and blank spending (lines 3 and 9) and incidents (lines 5 and 10).
    static let survey = """
        year,region,incidents,spend
        2010,North,3,1.5
        2010,South,5,
        2011,North,4,2
        2011,South,,3
        2012,North,6,1
        2012,South,9,2.5
        2013,North,7,4
        2013,South,8,
        2013,,,1

        """
    static let surveySchema = """
        title: Test survey
        source: Test data
        coverage: {from: 2010, to: 2013}
        fields:
          - {name: year, type: year}
          - {name: region, type: string, title: Region}
          - {name: incidents, type: integer, title: Incidents, unit: events}
          - {name: spend, type: number, title: Spending, unit: USD m}

        """
    /// One event per row; "2010" (line 13) is dated only to a year that straddles 2010-01..2010-09.
    static let events = "date,place\n2010-03-04,A\n2010-07,B\n2011-02-01,C\n2011,D\n2012-05-06,E\n2012-11-01,F\n2013-01-09,G\n"
        + "2013-06,H\n2014-02-02,I\n2014-09-09,J\n2014,K\n2010,L\n"
    static let eventsSchema = "title: Test events\nsource: Test event list\nfields:\n  - {name: date, type: date}\n  - {name: place, type: string}\n"

    static func spec(_ language: String) -> String {
        """
        report:
          title: T
          language: \(language)
        tables:
          - {name: survey, file: survey.csv, schema: survey.schema.yaml}
          - {name: events, file: events.csv, schema: events.schema.yaml}
        body:
          - chart: {id: fig-a, table: survey, kind: bar, x: year, y: sum:spend, color: region, position: dodge, caption: a}
          - chart: {id: fig-b, table: survey, kind: bar, x: year, y: mean:spend, facet: region, caption: b}
          - chart: {id: fig-c, table: survey, kind: scatter, x: incidents, y: spend, caption: c}
          - table: {id: tab-a, analysis: compare, table: events, time: date, periods: [2010-01..2010-09, 2013-07..2014-12], caption: t}
          - sources

        """
    }

    /// The edition's text as pdftotext reads it, with every space and line break taken out (notes
    /// wrap, and Chinese joins its lines without a space).
    static func text(_ language: ReportLanguage) throws -> String {
        let folder = try TemporaryFolder()
        _ = try folder.write("survey.csv", survey)
        _ = try folder.write("survey.schema.yaml", surveySchema)
        _ = try folder.write("events.csv", events)
        _ = try folder.write("events.schema.yaml", eventsSchema)
        let path = try folder.write("spec.yaml", spec(language.rawValue))
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(try SpecReader().read(path: path, displayName: "spec.yaml"))
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let output = folder.file("out.pdf")
        try pdf.write(to: URL(fileURLWithPath: output))
        return squeezed(try ExternalTool.run("pdftotext", [output, "-"]))
    }

    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    /// Each message the edition must say, with its arguments as the report places them.
    static func messages(_ l: Localiser) -> [(key: String, arguments: [String: String])] {
        func column(_ name: String) -> String { l.text("own.column", ["name": name]) }
        let eitherYearOrRegion = column("year") + l.text("caveat.or") + column("region")
        let eitherIncidentsOrSpend = column("incidents") + l.text("caveat.or") + column("spend")
        let fourLines = ["3", "5", "9"].joined(separator: l.text("caveat.list-separator")) + l.text("caveat.and") + "10"
        return [
            ("own.figure.unplaced.one", ["n": "1", "columns": eitherYearOrRegion, "rows": l.text("own.rows.line", ["list": "10"])]),
            ("own.figure.missing-in-sums.other", ["n": "2", "column": column("spend")]),
            ("own.figure.missing-in-means.other", ["n": "2", "column": column("spend")]),
            ("own.figure.no-panel.one", ["n": "1", "column": column("region"), "rows": l.text("own.rows.line", ["list": "10"])]),
            ("own.figure.unplaced.other", ["n": "4", "columns": eitherIncidentsOrSpend, "rows": l.text("own.rows.lines", ["list": fourLines])]),
            ("own.axis.sum", ["title": "Spending (USD m)"]),
            ("own.axis.mean", ["title": "Spending (USD m)"]),
            ("own.source", ["source": "Test data"]),
            ("own.scope.all-rows", ["table": "Test events"]),
            ("own.note.straddles-period.one", ["n": "1", "period": "2010-01..2010-09"]),
            ("caveat.compare.part-year", ["period": "2010-01..2010-09", "n": "9"]),
        ]
    }

    /// The fixed words of an English message: its text between the arguments, where long enough
    /// to be words of the tool's rather than a bracket or a full stop.
    static func englishWords(_ key: String) -> [String] {
        let template = MessageCatalog.english[key]!
        return template.split(separator: #/\{[a-z-]+\}/#).map { squeezed(String($0)) }.filter { $0.count >= 5 }
    }

    @Test(arguments: [ReportLanguage.russian, .chinese])
    func ownTableNotesAndComparisonNotesAreInTheReportsLanguage(language: ReportLanguage) throws {
        let text = try Self.text(language)
        let localiser = Localiser(language: language)
        for (key, arguments) in Self.messages(localiser) {
            let said = Self.squeezed(localiser.text(key, arguments))
            #expect(text.contains(said), "\(language.rawValue) edition lacks \(key): \(said)")
            for words in Self.englishWords(key) {
                #expect(!text.contains(words), "\(language.rawValue) edition still says \(key)'s English '\(words)'")
            }
        }
        // The "About the data" entry of each own table.
        for words in Self.englishWords("own.about.entry") + Self.englishWords("own.about.no-coverage") {
            #expect(!text.contains(words), "\(language.rawValue) edition still says '\(words)'")
        }
    }

    /// The English edition says the same messages in English: the checks above look for words
    /// the report really writes.
    @Test func theEnglishEditionSaysTheEnglishMessages() throws {
        let text = try Self.text(.english)
        for (key, arguments) in Self.messages(Localiser(language: .english)) {
            let said = Self.squeezed(Localiser(language: .english).text(key, arguments))
            #expect(text.contains(said), "English edition lacks \(key): \(said)")
        }
    }
}
