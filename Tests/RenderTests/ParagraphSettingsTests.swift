import Foundation
@testable import Render
@testable import RenderCairo
import Testing

/// `ParagraphSettings` sets each paragraph once per document and draws the layout it measured:
/// the same document built with the cache and without it (every paragraph set and laid out
/// afresh at each measure and draw, on a drawing context, as before) gives the same bytes, line
/// positions and justification outcomes.
@Suite struct ParagraphSettingsTests {
    static let serif = FontSpec(family: "Liberation Serif", size: 10)

    /// Justified English (hyphenated), too narrow to justify (ragged), Russian, Chinese, a
    /// centred heading, and a paragraph with links and coloured spans.
    static let paragraphs: [(Paragraph, Double)] = [
        (Paragraph(text: String(repeating: "The organisation holds regular meetings where delegations exchange information about security and plan further cooperation. ", count: 3),
                   font: serif, alignment: .justify, language: "en"), 440),
        (Paragraph(text: "The Shanghai Cooperation Organisation’s Regional Anti-Terrorist Structure in Tashkent",
                   font: serif, alignment: .justify, language: "en"), 95),
        (Paragraph(text: String(repeating: "Региональная антитеррористическая структура организации проводит совместные учения государств-членов. ", count: 3),
                   font: serif, alignment: .justify, language: "ru"), 300),
        (Paragraph(text: String(repeating: "上海合作组织地区反恐怖机构定期举行联合演习，交流安全信息。", count: 4),
                   font: FontSpec(family: "DejaVu Sans, Noto Sans CJK SC, WenQuanYi Zen Hei", size: 10), alignment: .justify, language: "zh"), 250),
        (Paragraph(text: "Attacks by year", font: FontSpec(family: "Liberation Serif", size: 14, weight: .bold), alignment: .center, language: "en"), 300),
        (Paragraph(spans: [TextSpan("Counts come from "), TextSpan("the RATS reports", italic: true, link: "https://ecrats.org"),
                           TextSpan(" and the "), TextSpan("appendix table", bold: true, color: Color(red: 0, green: 0.45, blue: 0.7), link: "#appendix"),
                           TextSpan(String(repeating: ", year by year and country by country", count: 4) + ".")],
                   font: serif, alignment: .justify, firstLineIndent: 12, language: "en"), 260),
    ]

    /// Builds the test document: each paragraph measured, drawn whole, drawn again in two pieces
    /// on the next page, and drawn once more in another colour.
    static func document(caching: Bool) -> (bytes: Data, metrics: [[Double]], outcomes: [JustifiedSetting.Outcome?]) {
        let pdf = PDFDocument(metadata: DocumentMetadata(title: "t", date: DocumentMetadata.fixedCreationDate),
                              renderer: ChartRenderer(), cachingParagraphs: caching)
        var metrics: [[Double]] = [], outcomes: [JustifiedSetting.Outcome?] = []
        for (paragraph, width) in paragraphs {
            let measured = pdf.measure(paragraph, width: width)
            metrics.append(measured.lineTops + measured.lineBottoms)
            outcomes.append(pdf.justification(of: paragraph, width: width))
            pdf.beginPage(width: .mm(210), height: .mm(297))
            pdf.addDestination(named: "appendix", at: Point(x: 40, y: 40))
            pdf.draw(paragraph, at: Point(x: 40, y: 40), width: width, lines: nil)
            var recoloured = paragraph
            recoloured.color = Color(red: 0.8, green: 0.1, blue: 0.1)
            pdf.draw(recoloured, at: Point(x: 40, y: 400), width: width, lines: nil)
            pdf.endPage()
            pdf.beginPage(width: .mm(210), height: .mm(297))
            let split = min(2, measured.lineCount)
            pdf.draw(paragraph, at: Point(x: 40, y: 40), width: width, lines: 0..<split)
            pdf.draw(paragraph, at: Point(x: 40, y: 300), width: width, lines: split..<measured.lineCount)
            pdf.endPage()
        }
        return ((try? pdf.finish()) ?? Data(), metrics, outcomes)
    }

    @Test func cachedAndUncachedDocumentsAreTheSame() throws {
        let cached = Self.document(caching: true), uncached = Self.document(caching: false)
        #expect(cached.metrics == uncached.metrics)
        #expect(cached.outcomes == uncached.outcomes)
        // The cases above are what they claim to be: justified and hyphenated, ragged, more than one line each.
        #expect(cached.outcomes[0]?.justified == true && (cached.outcomes[0]?.hyphenatedLines ?? 0) >= 1, "\(String(describing: cached.outcomes[0]))")
        #expect(cached.outcomes[1]?.justified == false)
        #expect(cached.metrics.allSatisfy { $0.count >= 2 })
        #expect(cached.bytes.count > 1000)
        #expect(cached.bytes == uncached.bytes, "the cached document differs from the one set afresh")
    }

    /// One entry per paragraph, text style and width: a paragraph differing only in colour shares
    /// its entry and keeps its own colour; another width is set again.
    @Test func entriesAreKeyedByWhatTheSettingReads() {
        let pdf = PDFDocument(metadata: DocumentMetadata(title: "t"), renderer: ChartRenderer(), cachingParagraphs: true)
        let (paragraph, width) = Self.paragraphs[0]
        var red = paragraph
        red.color = Color(red: 1, green: 0, blue: 0)
        let first = pdf.settled(paragraph, width: width)
        #expect(pdf.settled(red, width: width) === first)
        #expect(pdf.setting(red, width: width).color == red.color)
        #expect(pdf.settled(paragraph, width: width - 40) !== first)
        var indented = paragraph
        indented.firstLineIndent = 12
        #expect(pdf.settled(indented, width: width) !== first)
    }
}
