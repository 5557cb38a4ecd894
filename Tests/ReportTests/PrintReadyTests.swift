import Foundation
import Render
import RenderCairo
@testable import Report
import Testing
import TestSupport

/// The typography test, on the shipped briefings (en, ru, zh) and the paper set as built:
/// no hyphen-minus as a sign before a digit in display text, no internal id in print, and every
/// citation in the sources list; the English briefing's body lines hold 60–75 characters
/// (`BodyTypographyTests` measures them).
@Suite struct PrintReadyTests {
    static let specs = ["briefing.yaml", "briefing.ru.yaml", "briefing.zh.yaml", "paper-figures.yaml"]

    @Test(arguments: specs)
    func theEditionPassesTheTypographyTest(spec: String) throws {
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec(spec))
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let text = try ExternalTool.inspect(pdf: pdf, with: "pdftotext")
        let lines = text.split(separator: "\n")
        // A hyphen-minus as a sign: before a digit and not inside a word or a date ("2017-12-28").
        let signs = lines.filter { $0.range(of: "(^|[\\s\\[(=,;:])-[0-9]", options: .regularExpression) != nil }
        #expect(signs.isEmpty, "\(spec): hyphen-minus as a sign in \(signs)")
        // No id of a source, a figure or a table is printed.
        let ids = Fixtures.corpus.sources.map(\.id) + report.figures.map(\.id) + report.tables.map(\.id)
        #expect(ids.count > 10)
        for id in ids where id.contains("-") {
            #expect(!text.contains(id), "\(spec) prints the id \(id)")
        }
        let listed = Set(report.sourceUses.map(\.source.shortCitation))
        let joined = lines.filter { $0.trimmingCharacters(in: .whitespaces) != report.localiser.text("sources") }.joined(separator: " ")
        for citation in Set(CitationTests.citations(in: joined)) {
            #expect(listed.contains(citation), "\(spec) cites \(citation), not in its sources list")
        }
    }

    /// Every line of prose at the text's left edge after the title and contents pages (body,
    /// captions, notes and the appendix's sources and data notes; not table cells, which are
    /// inset) holds 60–75 characters at the median. The appendix ran the full column (120–147
    /// characters a line in the paper set); it is now set at the captions' measure, so the
    /// longest line (a note, in the smaller note face at that measure) stays under 90.
    @Test(arguments: ["briefing.yaml", "briefing.ru.yaml", "paper-figures.yaml"])
    func proseLinesHoldSixtyToSeventyFiveCharacters(spec: String) throws {
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec(spec))
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let first = (report.metadata.titlePage ? 1 : 0) + (report.metadata.contents ? 1 : 0)
        let lines = try BodyTypographyTests.lines(pdf, from: first)
        let left = try #require(lines.map(\.xMin).min())
        let unescaped = [("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">")]
        let lengths = lines.filter { abs($0.xMin - left) < 1 && $0.words.count >= 4 }
            .map { line in unescaped.reduce(line.text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }.count }.sorted()
        #expect(lengths.count > 100)
        let median = lengths[lengths.count / 2]
        #expect((60...75).contains(median), "\(spec): median prose line \(median) characters")
        #expect(lengths.last! < 90, "\(spec): longest prose line \(lengths.last!) characters")
    }
}
