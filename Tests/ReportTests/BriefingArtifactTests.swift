import Foundation
import Testing
@testable import Report
import RenderCairo
import TestSupport

/// The shipped briefings in every language, as a PDF/UA checker reads their pages: no content
/// outside the structure tree or an artifact, running headers and page numbers as artifacts, the
/// figures' captions in the tree, and files qpdf passes without a warning.
@Suite(.serialized) struct BriefingArtifactTests {
    static let specs = ["briefing.yaml", "briefing.ru.yaml", "briefing.zh.yaml", "paper-figures.yaml", "examples/own-data.yaml"]

    /// Text with all whitespace removed: pdftotext and pdfinfo break lines in different places,
    /// and Chinese has no spaces to keep.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    @Test(arguments: specs)
    func noUntaggedContentAndCaptionsInTheTree(spec: String) throws {
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec(spec))
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let folder = try TemporaryFolder()
        let path = try folder.write("report.pdf", [UInt8](pdf))

        let structure = try PDFStructure(path: path)  // throws on any qpdf warning
        #expect(structure.info["Tagged"] == "yes")
        let audit = try PDFContentAudit(path: path)
        #expect(audit.untaggedSummary.isEmpty, "\(spec): \(audit.untaggedSummary)")

        // Each figure's caption is read from the structure tree, and is not an artifact: it is
        // still there when the artifacts are cut out of the pages.
        let tree = Self.squeezed(structure.structureText)
        let withoutArtifacts = Self.squeezed(try PDFContentAudit.textWithoutArtifacts(path: path).joined())
        for figure in report.figures {
            let caption = Self.squeezed(figure.caption.map(\.text).joined())
            let start = String(caption.prefix(16))
            #expect(tree.contains(start), "\(spec): caption of \(figure.label) is not in the structure tree: \(start)")
            #expect(withoutArtifacts.contains(start), "\(spec): caption of \(figure.label) was made an artifact: \(start)")
        }
    }

    /// Body pages carry their running header and page number as artifacts: pdftotext finds the
    /// page number on the page, and not once the artifacts are cut out.
    @Test(arguments: ["briefing.yaml", "briefing.ru.yaml", "briefing.zh.yaml"])
    func runningHeadersAndPageNumbersAreArtifacts(spec: String) throws {
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec(spec))
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let folder = try TemporaryFolder()
        let path = try folder.write("report.pdf", [UInt8](pdf))
        let audit = try PDFContentAudit(path: path)
        let full = try ExternalTool.run("pdftotext", ["-layout", path, "-"]).components(separatedBy: "\u{0C}")
        let stripped = try PDFContentAudit.textWithoutArtifacts(path: path)
        let pages = audit.pages.count
        func folio(_ n: Int, of total: Int) -> String { report.localiser.text("page.number", ["n": "\(n)", "total": "\(total)"]) }
        // Body pages follow the title page and the contents: the first whose page number reads "1 / total".
        let first = try #require((0..<pages).first { full[$0].contains(folio(1, of: pages - $0)) }, "\(spec): no body page numbered 1")
        let total = pages - first
        #expect(total >= 3)
        for index in first..<pages {
            let number = folio(index - first + 1, of: total)
            #expect(full[index].contains(number), "\(spec): page \(index + 1) lacks \(number)")
            #expect(!stripped[index].contains(number), "\(spec): page \(index + 1)'s number \(number) is not an artifact")
            #expect(audit.pages[index].artifactText >= 2, "\(spec): page \(index + 1) has no artifact text")
        }
        // Headings stay real content.
        let withoutArtifacts = Self.squeezed(stripped.joined())
        for heading in report.items.compactMap({ ($0 as? BuiltHeading)?.text }) where !heading.isEmpty {
            #expect(withoutArtifacts.contains(Self.squeezed(String(heading.prefix(12)))), "\(spec): heading \(heading) lost")
        }
    }
}
