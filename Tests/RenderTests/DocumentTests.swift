import Foundation
import Testing
@testable import Render
import RenderCairo
import TestSupport

@Suite("Multi-page PDF documents") struct DocumentTests {
    func makeDocument() throws -> (Data, ParagraphMetrics) {
        // A fixed date: two documents made a second apart must still be byte-identical.
        let pdf = PDFDocument(metadata: DocumentMetadata(title: "SCO counter-terrorism briefing", author: "SCOBrief",
                                                         date: DocumentMetadata.fixedCreationDate))
        let a4 = (width: Length.mm(210), height: Length.mm(297))
        let body = Paragraph(spans: [TextSpan("Attacks fell by half after 2014.", bold: true),
                                     TextSpan(" " + String(repeating: "Member states expanded joint exercises and information sharing through RATS. ", count: 12))])
        let metrics = pdf.measure(body, width: 300)

        pdf.beginPage(width: a4.width, height: a4.height, label: "i")
        pdf.addDestination(named: "summary", at: Point(x: 56, y: 56))
        let summary = pdf.addOutlineItem("Summary", destination: "summary")
        // Split the paragraph: its first lines here, the rest on the next page.
        let first = metrics.linesFitting(height: 60)
        pdf.draw(body, at: Point(x: 56, y: 56), width: 300, lines: 0..<first)
        pdf.addLink(Rect(x: 56, y: 200, width: 120, height: 12), toDestination: "figure")
        pdf.draw(Paragraph(text: "See the figure →"), at: Point(x: 56, y: 200), width: 200)
        pdf.endPage()

        pdf.beginPage(width: a4.width, height: a4.height, label: "1")
        pdf.draw(body, at: Point(x: 56, y: 56), width: 300, lines: first..<metrics.lineCount)
        pdf.addDestination(named: "figure", at: Point(x: 56, y: 300))
        pdf.addOutlineItem("Attacks per year", destination: "figure", parent: summary, open: true)
        pdf.draw(SampleCharts.lineWithBand.figure(theme: .briefing), at: Point(x: 56, y: 300))
        pdf.addLink(Rect(x: 56, y: 700, width: 200, height: 12), toURI: "https://example.org/sco")
        pdf.endPage()

        pdf.beginPage(width: .mm(297), height: .mm(210), label: "2")
        pdf.draw(SampleCharts.heatMap.figure(theme: .paper, width: .mm(178)), at: Point(x: 40, y: 40))
        pdf.endPage()
        return (try pdf.finish(), metrics)
    }

    @Test func pagesTextOutlineLinksAndLabels() throws {
        let (pdf, metrics) = try makeDocument()
        #expect(metrics.lineCount > 4)
        let info = try ExternalTool.inspect(pdf: pdf, with: "pdfinfo")
        #expect(info.contains("Pages:          3") || info.range(of: #"Pages:\s+3"#, options: .regularExpression) != nil)
        #expect(info.contains("SCO counter-terrorism briefing"))
        let text = try ExternalTool.inspect(pdf: pdf, with: "pdftotext")
        #expect(text.contains("Attacks fell by half after 2014."))
        #expect(text.contains("Attacks peaked in 2014"), "the chart's title is real text in the PDF")
        let raw = String(decoding: pdf, as: UTF8.self)
        #expect(raw.contains("/Outlines"))
        #expect(raw.contains("(Summary)") && raw.contains("(Attacks per year)"))
        #expect(raw.contains("/PageLabels"))
        #expect(raw.contains("/Subtype /Link") || raw.contains("/Subtype/Link"))
        #expect(raw.contains("https://example.org/sco"))
        #expect(raw.contains("(figure)") || raw.contains("/figure"), "named destination")
        let fonts = try ExternalTool.inspect(pdf: pdf, with: "pdffonts")
        for row in fonts.split(separator: "\n").dropFirst(2) {
            let columns = row.split(separator: " ")
            #expect(columns[columns.count - 5] == "yes", "font not embedded: \(row)")
        }
    }

    @Test func documentsAreReproducible() throws {
        #expect(try makeDocument().0 == makeDocument().0)
    }

    @Test func paragraphSplitsCoverEveryLineOnce() {
        let pdf = PDFDocument()
        let metrics = pdf.measure(Paragraph(text: String(repeating: "word ", count: 300)), width: 200)
        var start = 0, pages = 0
        while start < metrics.lineCount {
            let n = metrics.linesFitting(height: 100, from: start)
            #expect(n > 0)
            #expect(metrics.lineBottoms[start + n - 1] - metrics.lineTops[start] <= 100.01)
            start += n
            pages += 1
        }
        #expect(start == metrics.lineCount && pages > 1)
    }
}
