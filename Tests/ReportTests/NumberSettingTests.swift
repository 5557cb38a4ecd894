import Analysis
import Foundation
import Render
import RenderCairo
@testable import Report
import Testing
import TestSupport

/// How numbers are set: true minus signs, decimal points in one line down a table column, and one
/// way of writing an interval in tables and prose.
@Suite struct NumberSettingTests {
    @Test func displayedNegativesUseTheMinusSign() {
        #expect(StatisticText.number(-0.0364) == "\u{2212}0.0364")
        #expect(StatisticText.interval(ConfidenceInterval(lower: -2.47, upper: 3.38, level: 0.95)) == "[\u{2212}2.47, 3.38]")
        #expect(ResultTable.Cell.number(-1.5, digits: 2).display == "\u{2212}1.50")
        #expect(ResultTable.Cell.number(-0.001, digits: 2).display == "0.00")
        #expect(ResultTable.Cell.integer(-1300).display == "\u{2212}1,300")
        // Machine formats keep the plain hyphen-minus a parser expects.
        #expect(ResultTable.Cell.number(-1.5, digits: 2).plain == "-1.5")
        let table = ResultTable(columns: [.init("x", alignment: .right)], rows: [[.number(-1.5, digits: 2)]])
        #expect(table.latex().contains("$-$1.50"))
        #expect(!table.csv().contains("\u{2212}"))
    }

    /// The trend and comparison tables of the paper set: no hyphen-minus before a digit anywhere
    /// in the PDF's text, and intervals in prose written as in the tables ("[a, b]").
    @Test func thePaperSetHasNoHyphenMinusBeforeADigit() throws {
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec("paper-figures.yaml"))
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let text = try ExternalTool.inspect(pdf: pdf, with: "pdftotext")
        let hyphenated = text.split(separator: "\n").filter { line in
            // A hyphen-minus before a digit that is not inside a word or a date range ("2017-12-28", "fig-1").
            line.range(of: "(^|[\\s\\[(=,])-[0-9]", options: .regularExpression) != nil
        }
        #expect(hyphenated.isEmpty, "hyphen-minus as a sign: \(hyphenated)")
        // The OLS slope −0.0364 at its column's precision (three decimals beside 0.985).
        #expect(text.contains("\u{2212}0.036\n"))
    }

    /// In a right-aligned column the decimal points stand in one vertical line, measured on the
    /// PDF: each number's right edge (pdftotext's word box) less the width of its point and decimals.
    @Test func decimalPointsLineUpInTableColumns() throws {
        let values = ["2.45", "11.0", "0.455", "\u{2212}0.0364", "27", "1,300"]
        let table = ResultTable(columns: [.init("label"), .init("value", alignment: .right)],
                                rows: values.enumerated().map { [.text("row\($0.offset)"), .text($0.element)] })
        let document = Backends.cairo().makeDocument(DocumentMetadata(title: "t"))
        let style = ReportStyle.named("paper")
        let layout = TableLayout(table, width: 400, style: style, pdf: document)
        document.beginPage(width: .pt(500), height: .pt(400), label: nil)
        layout.draw(rows: 0..<values.count, at: Point(x: 50, y: 50), on: document, style: style)
        document.endPage()
        let pdf = try document.finish()
        let xml = try ExternalTool.inspect(pdf: pdf, with: "pdftotext", ["-bbox"])
        var points: [Double] = []
        for value in values {
            let pattern = "xMax=\"([0-9.]+)\"[^>]*>\(NSRegularExpression.escapedPattern(for: value))</word>"
            let match = try #require(xml.range(of: pattern, options: .regularExpression), "\(value) not in the PDF")
            let found = String(xml[match])
            let xMax = Double(found.split(separator: "\"")[1])!
            let tail = TableLayout.alignedTail(value).map(String.init) ?? ""
            let tailWidth = document.textMeasurer.measure(tail, font: style.table, wrapWidth: nil).width
            points.append(xMax - tailWidth)
        }
        // pdftotext rounds word boxes to about a hundredth of a point.
        #expect(points.max()! - points.min()! < 0.3, "decimal points at \(points)")
    }
}
