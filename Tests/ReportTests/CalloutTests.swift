import Foundation
import Testing
@testable import Dataset
@testable import Report
import TestSupport
import Support

/// The callout block, the proof that a block kind is one file plus one registry entry.
@Suite struct CalloutTests {
    private let header = "report:\n  title: T\n  title_page: false\n  contents: false\nbody:\n"
    private let chart = "  - chart: {id: fig-attacks, preset: attacks-per-year, period: 2001-2011, caption: Attacks by year.}\n"

    private func pdf(_ yaml: String) throws -> (pdf: Data, text: String) {
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec(yaml: yaml))
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let path = try Fixtures.temporaryDirectory() + "/callout.pdf"
        try pdf.write(to: URL(fileURLWithPath: path))
        return (pdf, try ExternalTool.run("pdftotext", [path, "-"]))
    }

    private func linkCount(_ pdf: Data) -> Int {
        String(decoding: pdf, as: UTF8.self).components(separatedBy: "/Subtype /Link").count - 1
    }

    @Test func drawsTitleFilledTextAndALinkedReferenceToTheFigureNumber() throws {
        let callout = "  - callout:\n      title: Key message\n      text: \"The sources name {{ count attacks 2001-2011 }} attacks.\"\n      see: fig-attacks\n"
        let with = try pdf(header + chart + callout)
        let count = Fixtures.corpus.attacks.filter { (2001...2011).contains($0.date.year) }.count
        #expect(with.text.contains("Key message"))
        #expect(with.text.contains("The sources name \(count) attacks."))
        #expect(with.text.contains("See Figure 1."))
        // The same callout without `see:` draws one link fewer: the reference is a link to the figure.
        let without = try pdf(header + chart + callout.replacingOccurrences(of: "      see: fig-attacks\n", with: ""))
        #expect(!without.text.contains("See Figure"))
        #expect(linkCount(with.pdf) == linkCount(without.pdf) + 1)
    }

    @Test func referenceIsNumberedEvenWhenTheFigureComesLater() throws {
        let yaml = header + "  - callout: {text: First., see: tab-b}\n" + chart
            + "  - table: {id: tab-a, analysis: exercises, caption: A.}\n  - table: {id: tab-b, analysis: documents, caption: B.}\n"
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec(yaml: yaml))
        let callout = try #require(report.items.first as? BuiltCallout)
        // A no-break space keeps the word and its number on one line.
        #expect(callout.referenceLabel == "Table\u{00A0}2")
        #expect(callout.referenceTarget == "tab-b")
    }

    @Test func unknownReferenceSuggestsTheNearestID() {
        let yaml = header + chart + "  - callout:\n      text: A message.\n      see: fig-atacks\n"
        do {
            _ = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec(yaml: yaml))
            Issue.record("an unknown reference was accepted")
        } catch let error as DiagnosticList {
            #expect(error.description.contains("test.yaml:9:12: error: no figure or table has the id 'fig-atacks'"))
            #expect(error.description.contains("did you mean 'fig-attacks'?"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func emptyTextIsRefusedWhereItIsWritten() {
        do {
            _ = try Fixtures.spec(yaml: header + "  - callout:\n      title: T\n      text: \"  \"\n")
            Issue.record("an empty callout was accepted")
        } catch let error as DiagnosticList {
            #expect(error.description.contains("test.yaml:8:13: error: body[0].callout.text: a callout's text is empty"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unknownKeySuggestsTheRegisteredOne() {
        do {
            _ = try Fixtures.spec(yaml: header + "  - calout: {text: T}\n")
            Issue.record("an unknown block was accepted")
        } catch let error as DiagnosticList {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.hint?.contains("did you mean 'callout'?") == true)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
