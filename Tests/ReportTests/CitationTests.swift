import Foundation
import Render
import RenderCairo
@testable import Report
import Testing
import TestSupport

/// Every citation in a briefing's text ("Zhao (2012)", "Мэй (2024)", "梅（2024）") names a source in
/// its sources list, in every language: the list is what a reader looks a citation up in.
@Suite struct CitationTests {
    /// A citation: one to three capitalised words of any script, then a year in brackets (ASCII
    /// or full-width); or Chinese characters right before a full-width bracketed year.
    static var pattern: Regex<(Substring, Substring?, Substring?, Substring)> { #/(?:(\p{Lu}[\p{L}’'\-]*(?:[ \x{00A0}]\p{Lu}[\p{L}’'\-]*){0,2})[ \x{00A0}]?|(\p{Han}))[(（](\d{4})[)）]/# }

    static func citations(in text: String) -> [String] {
        text.matches(of: pattern).map { match in
            let name = match.output.1.map(String.init) ?? match.output.2.map(String.init) ?? ""
            return "\(name) (\(match.output.3))"
        }
    }

    @Test func thePatternFindsCitationsInEachScript() {
        #expect(Self.citations(in: "as Mei (2024) reports and Global Times (2002) said") == ["Mei (2024)", "Global Times (2002)"])
        #expect(Self.citations(in: "как сообщает Мэй (2024)") == ["Мэй (2024)"])
        #expect(Self.citations(in: "据梅（2024）报道") == ["梅 (2024)"])
        #expect(Self.citations(in: "in 2001–2011 (n = 12) and (2024)").isEmpty)
    }

    @Test(arguments: ["briefing.yaml", "briefing.ru.yaml", "briefing.zh.yaml"])
    func everyCitationIsInTheSourcesList(spec: String) throws {
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec(spec))
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        // Lines joined, so a citation broken across two lines is still one.
        // The appendix's heading ("Sources", "Источники") is not part of the first entry's name.
        let text = try ExternalTool.inspect(pdf: pdf, with: "pdftotext").split(separator: "\n")
            .filter { $0.trimmingCharacters(in: .whitespaces) != report.localiser.text("sources") }.joined(separator: " ")
        let listed = Set(report.sourceUses.map(\.source.shortCitation))
        #expect(listed.count >= 3)
        let cited = Set(Self.citations(in: text))
        // The body cites at least one source by name, so the check has something to check.
        #expect(cited.count >= 2, "\(spec): citations found \(cited.sorted())")
        for citation in cited.sorted() {
            #expect(listed.contains(citation), "\(spec) cites \(citation), which its sources list (\(listed.sorted())) lacks")
        }
    }

    /// The sources list is in order of author and year, as a reference list is read: each entry
    /// opens a line with its citation in bold ("Bhatti (2017). "), the last such line in the PDF's
    /// text (the list closes the report), and those lines come in the citations' alphabetical order.
    @Test(arguments: ["briefing.yaml", "briefing.ru.yaml", "paper-figures.yaml"])
    func theSourcesListIsSortedByAuthorAndYear(spec: String) throws {
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec(spec))
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let lines = try ExternalTool.inspect(pdf: pdf, with: "pdftotext").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let citations = report.sourceUses.map(\.source.shortCitation)
        #expect(citations.count >= 3)
        var opening: [String: Int] = [:]
        for citation in citations {
            opening[citation] = try #require(lines.lastIndex { $0.hasPrefix(citation + ". ") }, "\(spec): no entry opens with \(citation)")
        }
        let printed = citations.sorted { opening[$0]! < opening[$1]! }
        #expect(printed == citations.sorted { $0.lowercased() < $1.lowercased() }, "\(spec): sources in the order \(printed)")
    }
}
