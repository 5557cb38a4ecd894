import Foundation
@testable import Render
@testable import RenderCairo
import Testing
import TestSupport

/// Hyphenation by language (libhyphen's patterns) and the word-space limit of justified text:
/// justified only when no line stretches a space past 1.5× normal, ragged-right otherwise.
@Suite struct JustifiedSettingTests {
    @Test func patternsBreakEnglishAndRussianWordsAndLeaveChineseAlone() throws {
        let en = try #require(Hyphenator.forLanguage("en"), "hyphen-en-us is not installed (Scripts/install-deps)")
        #expect(en.breaks(in: "hyphenation") == [2, 6])  // hy-phen-ation
        #expect(en.breaks(in: "Cooperation") == [2, 4, 6, 7])  // co-op-er-a-tion, capitals too
        #expect(en.breaks(in: "short").isEmpty && en.breaks(in: "RATS2024").isEmpty)
        let ru = try #require(Hyphenator.forLanguage("ru-RU"), "hyphen-ru is not installed (Scripts/install-deps)")
        // The Russian patterns are in KOI8-R: "орга-ни-за-ция", "сотруд-ни-че-ство".
        #expect(Set([4, 6]).isSubset(of: Set(ru.breaks(in: "организация"))))
        #expect(Set([6, 8, 10]).isSubset(of: Set(ru.breaks(in: "сотрудничество"))))
        #expect(ru.breaks(in: "cooperation").isEmpty, "a Latin word against the Russian patterns")
        #expect(en.hyphenated("joint hyphenation") == "joint hy\u{00AD}phen\u{00AD}ation")
        #expect(Hyphenator.forLanguage("zh") == nil)
    }

    /// Plain prose at a wide measure is justified and hyphenated within the limit; only the soft
    /// hyphens at line ends are kept, so the PDF's text has none inside a line. (Pango breaks
    /// lines first-fit, so narrower measures, or compounds such as "counter-terrorism" that the
    /// patterns leave whole, often leave a line looser than 1.5× even hyphenated: those fall back.)
    @Test func proseAtAComfortableMeasureIsJustifiedWithinTheLimit() throws {
        let pdf = PDFDocument(metadata: DocumentMetadata(title: "t", date: DocumentMetadata.fixedCreationDate))
        let paragraph = Paragraph(text: Self.plain, font: FontSpec(family: "Liberation Serif", size: 10), alignment: .justify, language: "en")
        let outcome = try #require(pdf.justification(of: paragraph, width: 440))
        #expect(outcome.justified && outcome.loosest <= JustifiedSetting.widestSpace, "\(outcome)")
        #expect(outcome.hyphenatedLines >= 1, "no line ends in a hyphen: \(outcome)")
        pdf.beginPage(width: .mm(210), height: .mm(297))
        pdf.draw(paragraph, at: Point(x: 56, y: 56), width: 440)
        pdf.endPage()
        let bytes = try pdf.finish()
        let text = try ExternalTool.inspect(pdf: bytes, with: "pdftotext", ["-raw"])
        for line in text.split(separator: "\n") {
            #expect(!line.dropLast().contains("\u{00AD}"), "a soft hyphen inside '\(line)'")
        }
        // Justified: every line but the last ends at the right edge (pdftotext's word boxes).
        let xml = try ExternalTool.inspect(pdf: bytes, with: "pdftotext", ["-bbox-layout"])
        let ends = xml.matches(of: #/<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/#).compactMap { Double($0.1) }
        #expect(ends.count > 5)
        // A hyphenated line ends at the measure too, its hyphen inside it (`HyphenatedLineMeasureTests` sweeps measures).
        for end in ends.dropLast() { #expect(end > 494.5 && end <= 496.1, "a justified line ends at \(end), not at 496") }
    }

    static let plain = String(repeating: "The organisation holds regular meetings where delegations exchange information about security, compare experiences and plan further cooperation between their governments and agencies. ", count: 4)

    /// Too narrow a measure for justification within 1.5× falls back to ragged-right.
    @Test func aParagraphThatWouldStretchTooFarIsSetRagged() throws {
        let pdf = PDFDocument(metadata: DocumentMetadata(title: "t", date: DocumentMetadata.fixedCreationDate))
        let paragraph = Paragraph(text: "The Shanghai Cooperation Organisation’s Regional Anti-Terrorist Structure in Tashkent",
                                  font: FontSpec(family: "Liberation Serif", size: 10), alignment: .justify, language: "en")
        let outcome = try #require(pdf.justification(of: paragraph, width: 95))
        #expect(!outcome.justified && outcome.loosest > JustifiedSetting.widestSpace, "\(outcome)")
        // Set ragged, the text is not hyphenated either: what it measures is what it draws.
        #expect(pdf.measure(paragraph, width: 95).lineCount == pdf.measure(Paragraph(text: paragraph.plainText, font: paragraph.font,
                                                                                       alignment: .left, language: "en"), width: 95).lineCount)
    }
}
