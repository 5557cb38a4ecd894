import Foundation
import Testing
@testable import Analysis
@testable import Report
import TestSupport

/// Own-table notes and prose in the report's language: each note's English catalog message is the
/// sentence the command line prints, and a Russian or Chinese report says the notes and the
/// `{{ trend }}`/`{{ compare }}` prose over an own table in its language.
@Suite struct OwnTableLocalisationTests {
    static let labels = CountLabels(table: "Survey", time: "Year", count: "Incidents (events)", unit: "events", series: "Region")

    /// Counts with blanks (one and several), missing years, and a complete table.
    static func notes() throws -> [OwnTableNote] {
        func row(_ series: String, _ year: Int, _ count: Int?, _ line: Int) -> CountObservation {
            CountObservation(series: series, year: year, count: count, line: line)
        }
        let one = try YearlyCountData.countsTable([row("N", 2010, 3, 2), row("N", 2011, nil, 3), row("N", 2013, 4, 4)],
                                                  labels: labels, complete: false)
        let several = try YearlyCountData.countsTable([row("N", 2010, nil, 2), row("S", 2010, nil, 3), row("N", 2011, 5, 4), row("S", 2011, 1, 5)],
                                                      labels: labels, complete: true, coverage: 2010...2012)
        return one.ownNotes + several.ownNotes
    }

    @Test func theEnglishMessagesAreTheSentencesTheCommandLinePrints() throws {
        let notes = try Self.notes()
        #expect(Set(notes.map(\.key)) == ["own.note.blank-cells.one", "own.note.missing-years.not-complete", "own.note.blank-cells.other",
                                          "own.note.complete", "own.note.missing-years"], "\(notes.map(\.key))")
        let english = Localiser(language: .english)
        for note in notes {
            #expect(english.text(note.key, note.arguments) == note.description, "\(note.key)")
        }
        for language in [ReportLanguage.russian, .chinese] {
            let localiser = Localiser(language: language)
            for note in notes {
                let said = localiser.note(note)
                #expect(said != note.description, "\(language) \(note.key): \(said)")
                #expect(!note.arguments.keys.contains { said.contains("{\($0)}") }, "every argument placed: \(said)")
                #expect(note.arguments.values.allSatisfy { said.contains($0) || $0.contains(",") }, "\(language) \(note.key): \(said)")
                #expect(said.contains("Incidents (events)") || !note.arguments.keys.contains("count"), "the column's title stays as the data give it")
            }
        }
    }

    @Test func aRussianReportSaysTheOwnTablesNotesAndProseInRussian() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("survey.csv", OwnTableSpecTests.csv)
        _ = try folder.write("survey.schema.yaml", OwnTableSpecTests.schema)
        let body = """
          - text: "{{ trend table=survey time=year count=incidents by=region test=ols }}; {{ compare table=survey time=year count=incidents by=region 2010 2012-2013 }}; rate {{ rate table=survey time=year count=incidents by=region 2012-2013 }}."
          - table: {id: tab-a, analysis: counts, table: survey, time: year, count: incidents, by: region, caption: c}

        """
        let path = try folder.write("spec.yaml", "report:\n  title: T\n  language: ru\n" + OwnTableSpecTests.tables + "body:\n" + body)
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(try SpecReader().read(path: path, displayName: "spec.yaml"))
        let text = report.items.compactMap { $0 as? BuiltParagraph }.flatMap(\.runs).map(\.text).joined()
        // The prose comes from the same messages as the corpus's: Russian words, decimal commas, and the unknown year named.
        #expect(text.contains("наклон МНК"), "\(text)")
        #expect(text.contains("без 2011: число неизвестно"), "the total's unknown year is named: \(text)")
        #expect(text.contains("8,00") && text.contains("15,0"), "\(text)")
        #expect(text.contains("rate 15,0"), "the rate placeholder in Russian numbers too: \(text)")
        let notes = report.tables[0].notes.joined(separator: " ")
        #expect(notes.contains("Пустых ячеек «Incidents (events)»: 1"), "\(notes)")
        #expect(notes.contains("полна за 2010–2013"), "\(notes)")
        #expect(!notes.contains("blank"), "\(notes)")
    }
}
