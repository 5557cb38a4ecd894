import Foundation
import Testing
@testable import Render
@testable import RenderCairo
import TestSupport

/// Tagged PDF from `PDFDocument`: the structure tree cairo writes, the alternative texts and
/// catalog entries the incremental update adds, and files that qpdf passes without a warning.
@Suite("Tagged PDF documents") struct TaggedDocumentTests {
    private func write(_ data: Data) throws -> (path: String, folder: URL) {
        let folder = try ExternalTool.temporaryFolder()
        let path = folder.appendingPathComponent("doc.pdf").path
        try data.write(to: URL(fileURLWithPath: path))
        return (path, folder)
    }

    /// Only links and destinations, no structure of the caller's: cairo 1.16 alone leaves this file
    /// damaged (see `PDFDocument`); with the `Document` root it is valid and tagged.
    @Test func linksWithoutStructureGiveAValidFile() throws {
        let pdf = PDFDocument(metadata: DocumentMetadata(title: "Links"))
        for page in 0..<2 {
            pdf.beginPage(width: .mm(210), height: .mm(297), label: nil)
            pdf.addDestination(named: "target-\(page)", at: Point(x: 50, y: 50))
            for row in 0..<20 {
                pdf.addLink(Rect(x: 50, y: 80 + Double(row) * 14, width: 200, height: 12), toDestination: "target-\(1 - page)")
            }
            pdf.draw(Paragraph(text: "See [the other page]", font: FontSpec(family: Theme.defaultFontFamily, size: 10)), at: Point(x: 50, y: 400), width: 300)
            pdf.endPage()
        }
        let file = try write(try pdf.finish())
        defer { try? FileManager.default.removeItem(at: file.folder) }
        let structure = try PDFStructure(path: file.path)  // throws on any qpdf warning
        #expect(structure.info["Tagged"] == "yes")
        #expect(structure.elements("/Link").count == 40)
    }

    @Test func figuresCarryAlternativeTextAndTheCatalogTheLanguage() throws {
        let pdf = PDFDocument(metadata: DocumentMetadata(title: "Заголовок", language: "ru"))
        pdf.beginPage(width: .mm(210), height: .mm(297), label: "1")
        pdf.structure(.heading(level: 1)) { pdf.draw(Paragraph(text: "Нападения по годам"), at: Point(x: 56, y: 56), width: 400) }
        pdf.structure(.figure(alt: "Рисунок 1 (a \"quoted\" (paren) test)")) {
            pdf.draw(SampleCharts.lineWithBand.figure(theme: .briefing), at: Point(x: 56, y: 100))
        }
        pdf.structure(.figure(alt: "Plain ASCII (with parentheses) and \\ backslash")) {
            pdf.draw(SampleCharts.heatMap.figure(theme: .paper, width: .mm(120)), at: Point(x: 56, y: 450))
        }
        pdf.structure(.paragraph) {
            pdf.draw(Paragraph(spans: [TextSpan("See "), TextSpan("the source", link: "https://example.org")]), at: Point(x: 56, y: 760), width: 400)
        }
        pdf.endPage()
        let file = try write(try pdf.finish())
        defer { try? FileManager.default.removeItem(at: file.folder) }
        let structure = try PDFStructure(path: file.path)
        #expect(structure.info["Tagged"] == "yes")
        #expect(structure.language == "ru")
        let preferences = structure.catalog?["/ViewerPreferences"] as? [String: Any]
        #expect(preferences?["/DisplayDocTitle"] as? Bool == true)
        let alts = structure.elements("/Figure").compactMap { $0["/Alt"] as? String }.map(PDFStructure.text).sorted()
        #expect(alts == ["Plain ASCII (with parentheses) and \\ backslash", "Рисунок 1 (a \"quoted\" (paren) test)"])
        #expect(structure.structureText.contains("H1"))
        #expect(structure.structureText.contains("Нападения по годам"))
        // The paragraph's text sits in a Span beside its Link, both inside the P.
        let lines = structure.structureText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let p = try #require(lines.firstIndex { $0.hasPrefix("P") })
        #expect(lines[(p + 1)...].prefix(4).contains { $0.hasPrefix("Span") })
        #expect(lines[(p + 1)...].contains { $0.hasPrefix("Link") })
    }

    @Test func textStringsAreEscapedOrHexEncoded() {
        #expect(PDFAccessibilityUpdate.textString("a (b) \\c") == "(a \\(b\\) \\\\c)")
        #expect(PDFAccessibilityUpdate.textString("图1") == "<FEFF56FE0031>")
        #expect(PDFAccessibilityUpdate.textString("zh-Hans") == "(zh-Hans)")
    }

    @Test func theUpdateRefusesAFileItDoesNotUnderstand() {
        let update = PDFAccessibilityUpdate(language: "en", figureAlternates: [], displayTitle: true)
        #expect(throws: PDFAccessibilityUpdate.Unexpected.self) { try update.applied(to: Array("%PDF-1.5\nnot a pdf".utf8)) }
    }

    /// Every chart kind as a single-figure PDF passes qpdf without a warning.
    @Test(arguments: SampleCharts.all.map(\.name))
    func singleChartsAreValid(name: String) throws {
        let sample = SampleCharts.all.first { $0.name == name }!.chart
        let data = try ChartRenderer().render(sample.figure(), as: .pdf)
        let file = try write(data)
        defer { try? FileManager.default.removeItem(at: file.folder) }
        _ = try PDFStructure(path: file.path)
    }
}
