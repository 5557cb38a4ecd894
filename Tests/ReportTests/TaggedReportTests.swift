import Foundation
import Testing
@testable import Report
import RenderCairo
import TestSupport

/// The shipped briefing and the paper-figures proof as a checker reads them: valid files (qpdf,
/// no warning), tagged, a structure tree with the report's headings, tables and figures, every
/// figure with its alternative text, and the language in the catalog.
@Suite(.serialized) struct TaggedReportTests {
    static func build(_ spec: String) throws -> (report: BuiltReport, structure: PDFStructure) {
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec(spec))
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.pdf"
        try pdf.write(to: URL(fileURLWithPath: path))
        return (report, try PDFStructure(path: path))
    }

    /// Element lines of `pdfinfo -struct-text` ("H1 (block)" → "H1"), each followed by its text line.
    static func texts(of tag: String, in structure: PDFStructure) -> [String] {
        let lines = structure.structureText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.indices.compactMap { index in
            guard lines[index].split(separator: " ").first.map(String.init) == tag, index + 1 < lines.count else { return nil }
            return lines[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }

    @Test(arguments: ["briefing.yaml", "paper-figures.yaml"])
    func validTaggedAndDescribed(spec: String) throws {
        let (report, structure) = try Self.build(spec)
        #expect(structure.info["Tagged"] == "yes")
        #expect(structure.language == "en")
        #expect((structure.catalog?["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool == true)
        #expect((structure.catalog?["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool == true)
        #expect(structure.structureText.hasPrefix("Document"))

        // Every figure is a Figure element whose alternative text is its label and caption, then its largest values.
        let alts = structure.elements("/Figure").compactMap { ($0["/Alt"] as? String).map(PDFStructure.text) }
        #expect(alts.count == report.figures.count)
        for figure in report.figures {
            let expected = "\(figure.label). \(figure.caption.map(\.text).joined())"
            #expect(alts.contains { $0.hasPrefix(expected) }, "no Figure element describes \(figure.label)")
        }
        // Tables: one element per piece on a page, with header and data cells.
        #expect(structure.elements("/Table").count >= report.tables.count)
        #expect(!structure.elements("/TH").isEmpty && !structure.elements("/TD").isEmpty)
        // Headings: "Contents" and the spec's headings; "About the data" under Sources.
        let h1 = Self.texts(of: "H1", in: structure)
        #expect(h1.contains("Sources"))
        #expect(Self.texts(of: "H2", in: structure).contains("About the data"))
        // The paper proof has no contents page.
        #expect(h1.contains("Contents") == report.metadata.contents)
        #expect(structure.elements("/TOCI").isEmpty == !report.metadata.contents)
        #expect(!structure.elements("/Link").isEmpty)
    }

    /// The attacks-per-year chart's description names its tallest bars, read from the corpus here.
    @Test func figureDescriptionsNameTheLargestValues() throws {
        let (report, structure) = try Self.build("briefing.yaml")
        let figure = try #require(report.figures.first { $0.id == "fig-attacks-per-year" })
        let alt = try #require(structure.elements("/Figure").compactMap { ($0["/Alt"] as? String).map(PDFStructure.text) }
            .first { $0.hasPrefix("\(figure.label).") })
        var perYear: [Int: Int] = [:]
        for attack in Fixtures.corpus.attacks where (2001...2011).contains(attack.date.year) { perYear[attack.date.year, default: 0] += 1 }
        let top = perYear.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(3)
        #expect(alt.hasSuffix("Largest values: " + top.map { "\($0.key): \($0.value)" }.joined(separator: "; ") + "."), "\(alt)")
    }

    @Test func briefingHeadingsAreInReadingOrder() throws {
        let (_, structure) = try Self.build("briefing.yaml")
        let h1 = Self.texts(of: "H1", in: structure)
        let expected = ["Contents", "Key figures", "Attacks named in the sources, 2001–2011", "The 2024 picture", "Joint exercises",
                        "Growth of the legal base", "Membership", "RATS results, 2017 and 2024", "2001–2011 compared with 2024", "Sources"]
        // The title page's title comes first (it may wrap, so only its start is compared).
        #expect(h1.first?.hasPrefix("SCO counter-terrorism cooperation") == true)
        #expect(Array(h1.dropFirst()) == expected)
    }

    @Test func aSpecAltOverridesTheCaption() throws {
        let spec = try Fixtures.spec(yaml: """
            report: {title: Alt}
            body:
              - chart: {id: fig-a, preset: attacks-per-year, caption: "Attacks by year.", alt: "Bars of {{ count attacks }} attacks by year."}
            """)
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(spec)
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try pdf.write(to: URL(fileURLWithPath: folder + "/alt.pdf"))
        let structure = try PDFStructure(path: folder + "/alt.pdf")
        let count = Fixtures.corpus.attacks.count
        #expect(structure.elements("/Figure").compactMap { ($0["/Alt"] as? String).map(PDFStructure.text) } == ["Bars of \(count) attacks by year."])
    }
}
