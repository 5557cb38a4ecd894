import Foundation
import Testing
@testable import Dataset
@testable import Report
import Support

private func buildError(_ yaml: String) -> String {
    do {
        let spec = try Fixtures.spec(yaml: yaml)
        _ = try ReportBuilder(corpus: Fixtures.corpus).build(spec)
        return ""
    } catch let error as DiagnosticList {
        return error.description
    } catch {
        return "\(error)"
    }
}

private let header = "report:\n  title: T\nbody:\n"

@Suite struct SpecErrorTests {
    @Test func unknownChartKindSuggestsTheNearest() {
        let message = buildError(header + "  - chart: {id: f, kind: bars, table: attacks, caption: c}\n")
        // Refused where the kind is written, when the spec is read.
        #expect(message.contains("test.yaml:4:26: error: unknown chart kind 'bars'"))
        #expect(message.contains("did you mean 'bar'?"))
    }

    @Test func unknownTable() {
        let message = buildError(header + "  - chart: {id: f, kind: bar, table: atacks, caption: c}\n")
        #expect(message.contains("unknown table 'atacks'"))
        #expect(message.contains("did you mean 'attacks'"))
    }

    @Test func unknownColumn() {
        let message = buildError(header + "  - chart: {id: f, kind: bar, table: attacks, x: colour, caption: c}\n")
        #expect(message.contains("x 'colour' is not available here"))
    }

    @Test func unknownPlaceholder() {
        let message = buildError(header + "  - text: \"We counted {{ cout attacks }} attacks.\"\n")
        #expect(message.contains("test.yaml:4:23: error: placeholder {{ cout attacks }}: unknown placeholder 'cout'; did you mean 'count'?"))
    }

    @Test func unclosedPlaceholderIsASyntaxError() {
        #expect(throws: DiagnosticList.self) { try Fixtures.spec(yaml: header + "  - text: \"{{ count attacks\"\n") }
    }

    @Test func badPeriod() {
        let message = buildError(header + "  - text: \"{{ count attacks 2011-2001 }}\"\n")
        #expect(message.contains("bad period '2011-2001': it ends before it starts"))
    }

    @Test func wrongYAMLType() {
        do {
            _ = try Fixtures.spec(yaml: header + "  - heading: {text: [a, b]}\n")
            Issue.record("accepted a list as heading text")
        } catch let list as DiagnosticList {
            #expect(list.description.contains("test.yaml:4:21: error: body[0].heading.text: expected text, found a list"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func unknownKeyGetsASuggestion() throws {
        do {
            _ = try Fixtures.spec(yaml: "report:\n  title: T\n  subtitel: S\nbody: []\n")
            Issue.record("accepted an unknown key")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.count == 1)
            let diagnostic = try #require(list.diagnostics.first)
            #expect(diagnostic.message == "report: unknown key 'subtitel'")
            #expect(diagnostic.hint?.hasPrefix("did you mean 'subtitle'?") == true)
            #expect(diagnostic.location.line == 3)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func duplicateIDs() {
        #expect(throws: DiagnosticList.self) {
            try Fixtures.spec(yaml: header + "  - chart: {id: f, preset: attacks-per-year, caption: c}\n  - chart: {id: f, preset: attacks-per-year, caption: c}\n")
        }
    }

    @Test func referenceToAMissingFigure() {
        let message = buildError(header + "  - text: \"See {{ figure fig-atacks }}.\"\n  - chart: {id: fig-attacks, preset: attacks-per-year, caption: c}\n")
        #expect(message.contains("no figure or table has the id 'fig-atacks'; did you mean 'fig-attacks'?"))
    }

    @Test func incomparableComparisonIsRefusedAtBuild() {
        let message = buildError(header + "  - text: \"{{ compare attacks 2001-2011 2024 with=attacks-prevented }}\"\n")
        #expect(message.contains("they count different things"))
    }

    /// A valid spec whose body repeats one key-figures block `copies` times by alias: ten figures of
    /// seven nodes each, so every alias stands for about 73 nodes while costing four bytes of text.
    private func aliasAmplifiedSpec(copies: Int) -> String {
        let figures = "[&f {value: \"1\", label: \"attacks\"}" + String(repeating: ", *f", count: 9) + "]"
        return header + "  - &b {key_figures: \(figures)}\n" + String(repeating: "  - *b\n", count: copies - 1)
    }

    @Test func aliasAmplifiedSpecIsValidBelowTheNodeLimit() throws {
        // The control: the same spec with few copies is accepted, so the refusal below is the limit's.
        let spec = try Fixtures.spec(yaml: aliasAmplifiedSpec(copies: 10))
        #expect(spec.body.count == 10)
    }

    @Test func aliasBombIsStoppedByTheNodeLimit() {
        // 2,000 copies stand for about 146,000 nodes, over the default limit of 100,000.
        let yaml = aliasAmplifiedSpec(copies: 2_000)
        #expect(yaml.utf8.count < 20_000, "the text itself stays small; only its expansion is large")
        do {
            _ = try Fixtures.spec(yaml: yaml)
            Issue.record("alias bomb accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.message == "more than 100000 YAML nodes (aliases counted each time they are used)")
            #expect(diagnostic.hint?.contains("--max-yaml-nodes") == true)
            #expect(diagnostic.location.file == "test.yaml")
        } catch {
            Issue.record("\(error)")
        }
    }
}
