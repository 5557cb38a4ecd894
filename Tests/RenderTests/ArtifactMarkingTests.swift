import Foundation
import Testing
@testable import Render
@testable import RenderCairo
import TestSupport

/// The content-stream rewrite that marks page furniture as `/Artifact`: the tokenizer on the
/// syntax cairo and other writers use, the rewrite on small streams, and small real PDFs read
/// back through qpdf, pdfinfo and pdftotext.
@Suite("Artifact marking") struct ArtifactMarkingTests {
    @Test func tokenizerSkipsOperandsOfEverySyntax() throws {
        let content = Array("""
            /P <</MCID 0 /Alt (a ) Tj [x] \\( )>> BDC
            q 1 0 0 -1 0 842 cm BT /f-0-0 10 Tf [(W) 20 (ord )] TJ <0012003A> Tj ET Q
            % a comment with BT Tj
            BI /W 2 /H 1 /BPC 8 /CS /G ID \u{01}EI\u{02} EI
            EMC 0 0 10 10 re f*
            """.utf8)
        let names = try PDFContentTokens.operations(content).map(\.name)
        #expect(names == ["BDC", "q", "cm", "BT", "Tf", "TJ", "Tj", "ET", "Q", "BI", "EMC", "re", "f*"])
        #expect(throws: PDFContentTokens.Malformed.self) { try PDFContentTokens.operations(Array("(open Tj".utf8)) }
    }

    @Test func unmarkedPaintingRunsAreWrappedAndMarkedContentKept() throws {
        let content = Array("q BT /f1 8 Tf (Page 1) Tj ET Q\n/P <</MCID 0>> BDC BT (Body) Tj ET EMC\n0.4 w 10 10 m 100 10 l S\n/Span <</MCID 1>> BDC 1 0 0 1 0 0 cm EMC\n".utf8)
        let marked = try #require(try PDFArtifactMarking.marked(content))
        #expect(String(decoding: marked, as: UTF8.self) == """
            /Artifact BMC
            q BT /f1 8 Tf (Page 1) Tj ET Q
            EMC
            /P <</MCID 0>> BDC BT (Body) Tj ET EMC
            /Artifact BMC
            0.4 w 10 10 m 100 10 l S
            EMC
            /Span <</MCID 1>> BDC 1 0 0 1 0 0 cm EMC

            """)
        #expect(try PDFArtifactMarking.unmarkedPainting(marked).isEmpty)
        #expect(try PDFArtifactMarking.unmarkedPainting(content).map(\.name) == ["Tj", "S"])
        // Cairo may open a tag inside a text object: the artifact then opens and closes inside it too.
        let inText = try #require(try PDFArtifactMarking.marked(Array("BT /f1 8 Tf /P <</MCID 0>> BDC (a) Tj EMC (b) Tj ET q 0 0 1 1 re f Q".utf8)))
        #expect(String(decoding: inText, as: UTF8.self)
                == "BT /f1 8 Tf /P <</MCID 0>> BDC (a) Tj EMC /Artifact BMC\n(b) Tj\nEMC ET /Artifact BMC\nq 0 0 1 1 re f Q\nEMC")
        // A run that only sets state paints nothing and is left alone; a tagged stream is unchanged.
        #expect(try PDFArtifactMarking.marked(Array("q 1 0 0 1 5 5 cm /P <</MCID 0>> BDC 0 0 1 1 re f EMC Q".utf8)) == nil)
        #expect(throws: PDFContentTokens.Malformed.self) { try PDFArtifactMarking.marked(Array("/P BMC 0 0 1 1 re f".utf8)) }
    }

    @Test func streamCompressionRoundTrips() throws {
        let text = Array(String(repeating: "BT (SCO) Tj ET\n", count: 5000).utf8)
        let packed = try PDFStreamCompression.deflate(text)
        #expect(packed.count < text.count / 10)
        #expect(try PDFStreamCompression.inflate(packed) == text)
        #expect(throws: PDFStreamCompression.Corrupt.self) { try PDFStreamCompression.inflate(packed.prefix(packed.count / 2)) }
    }

    /// A two-page document with a running header and page number drawn outside any structure
    /// element: after the update no content is untagged, the furniture is an artifact, and with
    /// the artifacts cut out pdftotext still reads the body but not the furniture.
    @Test func pageFurnitureBecomesArtifactsAndBodyStaysTagged() throws {
        let pdf = PDFDocument(metadata: DocumentMetadata(title: "Artifacts", language: "en"))
        let font = FontSpec(family: Theme.defaultFontFamily, size: 10)
        for page in 1...2 {
            pdf.beginPage(width: .mm(210), height: .mm(297), label: "\(page)")
            pdf.draw(Paragraph(text: "Running header", font: font), at: Point(x: 56, y: 30), width: 400)
            pdf.draw(Scene(size: Size(width: 595, height: 1), background: nil,
                           items: [.path(Path.segment(Point(x: 56, y: 44), Point(x: 540, y: 44)), .stroke(Stroke(color: .black, width: 0.4)))]),
                     at: Point(x: 0, y: 0))
            pdf.structure(.heading(level: 1)) { pdf.draw(Paragraph(text: "Heading \(page)", font: font), at: Point(x: 56, y: 80), width: 400) }
            pdf.structure(.paragraph) { pdf.draw(Paragraph(text: "Body text on page \(page).", font: font), at: Point(x: 56, y: 110), width: 400) }
            pdf.draw(Paragraph(text: "Folio \(page) of 2", font: font), at: Point(x: 56, y: 800), width: 400)
            pdf.endPage()
        }
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("doc.pdf").path
        try pdf.finish().write(to: URL(fileURLWithPath: path))

        let structure = try PDFStructure(path: path)  // throws on any qpdf warning
        #expect(structure.info["Tagged"] == "yes")
        #expect(structure.structureText.contains("Body text on page 2."))
        let audit = try PDFContentAudit(path: path)
        #expect(audit.pages.count == 2)
        #expect(audit.untaggedSummary.isEmpty, "\(audit.untaggedSummary)")
        for page in audit.pages {
            #expect(page.artifacts >= 2)
            #expect(page.artifactText >= 2)
        }
        let full = try ExternalTool.run("pdftotext", [path, "-"])
        #expect(full.contains("Running header") && full.contains("Folio 2 of 2"))
        let stripped = try PDFContentAudit.textWithoutArtifacts(path: path)
        #expect(stripped[0].contains("Heading 1") && stripped[0].contains("Body text on page 1."))
        #expect(stripped[1].contains("Body text on page 2."))
        #expect(!stripped.joined().contains("Running header") && !stripped.joined().contains("Folio"))
    }

    /// Every registered chart kind, from its minimal spec, as a single-chart PDF: nothing is
    /// untagged (the samples below add the kinds' variants: stacked, horizontal, banded, log).
    @Test(arguments: ChartKinds.names)
    func everyRegisteredKindIsFullyTagged(name: String) throws {
        let fields = try #require(SpecTests.minimalSpecs[name], "no sample spec for \(name)")
        let json = #"{"kind": "\#(name)", "title": "A finding", "source": "SCO", "# + fields.dropFirst()
        let figure = try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8)).figure()
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("chart.pdf").path
        try ChartRenderer().render(figure, as: .pdf, options: RenderOptions(metadata: DocumentMetadata(title: name)))
            .write(to: URL(fileURLWithPath: path))
        _ = try PDFStructure(path: path)  // throws on any qpdf warning
        let audit = try PDFContentAudit(path: path)
        #expect(audit.untaggedSummary.isEmpty, "\(name): \(audit.untaggedSummary)")
    }

    /// Every chart kind as a single-chart PDF and inside a document's Figure: nothing is untagged.
    @Test(arguments: SampleCharts.all.map(\.name))
    func everyChartKindIsFullyTagged(name: String) throws {
        let chart = try #require(SampleCharts.all.first { $0.name == name }).chart
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let single = folder.appendingPathComponent("single.pdf").path
        try ChartRenderer().render(chart.figure(), as: .pdf, options: RenderOptions(metadata: DocumentMetadata(title: name)))
            .write(to: URL(fileURLWithPath: single))
        let document = PDFDocument(metadata: DocumentMetadata(title: name))
        document.beginPage(width: .mm(210), height: .mm(297), label: "1")
        document.structure(.figure(alt: name)) { document.draw(chart.figure(theme: .briefing), at: Point(x: 40, y: 40)) }
        document.endPage()
        let inDocument = folder.appendingPathComponent("document.pdf").path
        try document.finish().write(to: URL(fileURLWithPath: inDocument))
        for path in [single, inDocument] {
            _ = try PDFStructure(path: path)  // throws on any qpdf warning
            let audit = try PDFContentAudit(path: path)
            #expect(audit.untaggedSummary.isEmpty, "\(name): \(audit.untaggedSummary)")
        }
    }
}
