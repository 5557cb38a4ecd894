import Foundation
import Testing
@testable import Dataset
@testable import Report
import Render
import Support

/// A spec is checked as a compiler checks a file: one pass reports every mistake, sorted by place,
/// each at its line and column, up to a limit.
@Suite struct SpecAllErrorsTests {
    private func readErrors(_ yaml: String) throws -> DiagnosticList {
        try #require(throws: DiagnosticList.self) { try Fixtures.spec(yaml: yaml) }
    }

    @Test func fourMistakesInFourBlocksAreAllReported() throws {
        let yaml = """
            report:
              title: T
              langauge: en
            body:
              - heading: {text: H, level: 7}
              - chart: {id: fig-a, kind: bars, table: attacks, caption: c}
              - text: "We counted {{ }} attacks."
              - table: {id: tab-a, analysis: counts}

            """
        let list = try readErrors(yaml)
        #expect(list.lines == [
            "test.yaml:3:3: error: report: unknown key 'langauge' (hint: did you mean 'language'? Allowed keys: title, subtitle, author, subject, keywords, "
                + "date, language, page_size, theme, margins, alignment, title_page, contents, data)",
            "test.yaml:5:31: error: body[0].heading.level: heading level 7 is not 1, 2 or 3",
            "test.yaml:6:30: error: unknown chart kind 'bars' (hint: did you mean 'bar'? kinds: \(ChartKindsNames.joined))",
            "test.yaml:7:23: error: empty placeholder '{{ }}' (hint: placeholders look like {{ count attacks 2001-2011 }})",
            "test.yaml:8:12: error: body[3].table: missing 'caption' (the table's caption)",
        ])
    }

    @Test func aMissingCaptionDoesNotHideTheBlocksOtherMistakes() throws {
        let yaml = """
            report: {title: T}
            body:
              - chart:
                  id: fig-a
                  kind: lnie
                  table: attacks
                  colour: region

            """
        let list = try readErrors(yaml)
        #expect(list.diagnostics.count == 3, "\(list)")
        #expect(list.diagnostics.map { $0.location.line } == [4, 5, 7])
        #expect(list.diagnostics[0].message == "body[0].chart: missing 'caption' (the figure's caption)")
        #expect(list.diagnostics[1].message == "unknown chart kind 'lnie'")
        #expect(list.diagnostics[1].hint?.hasPrefix("did you mean 'line'?") == true)
        #expect(list.diagnostics[2].message == "body[0].chart: unknown key 'colour'")
        #expect(list.diagnostics[2].hint?.hasPrefix("did you mean 'color'?") == true)
    }

    @Test func twentyFiveMistakesShowTwentyAndCountTheRest() throws {
        let yaml = "report: {title: T}\nbody:\n" + String(repeating: "  - text: \"{{ }}\"\n", count: 25)
        let list = try readErrors(yaml)
        #expect(list.diagnostics.count == 20)
        #expect(list.omitted == 5)
        #expect(list.diagnostics.map { $0.location.line } == Array(3...22), "the first twenty, in order")
        #expect(list.lines.last == "and 5 more errors")
        #expect(list.lines.count == 21)
    }

    @Test func eachMalformedPlaceholderIsItsOwnError() throws {
        let list = try readErrors("report: {title: T}\nbody:\n  - text: \"a {{ }} b {{ count {{ count attacks }} c {{ count\"\n")
        #expect(list.diagnostics.map(\.message) == ["empty placeholder '{{ }}'", "'{{' is not closed with '}}' before the next '{{'",
                                                    "'{{' is not closed with '}}'"])
        #expect(list.diagnostics.map { $0.location.column } == [14, 22, 53])
    }

    @Test func eachPlaceholderThatCannotBeComputedIsItsOwnError() throws {
        let spec = try Fixtures.spec(yaml: "report: {title: T}\nbody:\n  - text: \"{{ cout attacks }} and {{ sum attacks }}\"\n"
                                         + "  - text: \"{{ count attacks 2011-2001 }}\"\n")
        let list = try #require(throws: DiagnosticList.self) { try ReportBuilder(corpus: Fixtures.corpus).build(spec) }
        #expect(list.diagnostics.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" } == ["3:12", "3:35", "4:12"])
        #expect(list.diagnostics[0].message.contains("unknown placeholder 'cout'"))
        #expect(list.diagnostics[1].message.contains("unknown placeholder 'sum'"))
        #expect(list.diagnostics[2].message.contains("it ends before it starts"))
    }

    @Test func theOtherBlocksAreStillReadAfterOneThatCannotBe() throws {
        let yaml = "report: {title: T}\nbody:\n  - chart: [not, a, mapping]\n  - heading: {text: H, levle: 2}\n  - sourcse\n"
        let list = try readErrors(yaml)
        #expect(list.diagnostics.map { $0.location.line } == [3, 4, 5])
        #expect(list.diagnostics[1].hint?.hasPrefix("did you mean 'level'?") == true)
        #expect(list.diagnostics[2].hint == "did you mean 'sources'?")
    }

    @Test func aValidSpecReadsAsBefore() throws {
        let spec = try Fixtures.spec("briefing.yaml")
        #expect(!spec.body.isEmpty)
    }
}

private enum ChartKindsNames {
    static var joined: String { ChartKinds.names.joined(separator: ", ") }
}
