import Foundation
import Testing
import TestSupport
import Dataset

/// `scobrief chart … -o x.pdf` writes a tagged PDF: a Document holding one Figure whose
/// alternative text is read from the chart's data, the language in the catalog, the title shown
/// by viewers, and a file qpdf passes without a warning.
@Suite struct ChartTaggedPDFTests {
    @Test func singleChartPDFIsTaggedDescribedAndValid() throws {
        let folder = NSTemporaryDirectory() + "scobrief-chart-pdf-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/attacks.pdf"
        let result = try CLI.run(["chart", "attacks-per-year", "--title", "Named attacks by year", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")

        let structure = try PDFStructure(path: path)  // throws on any qpdf warning
        #expect(structure.info["Tagged"] == "yes")
        #expect(structure.info["Title"] == "Named attacks by year")
        #expect(structure.language == "en")
        #expect((structure.catalog?["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool == true)
        #expect(structure.structureText.hasPrefix("Document"))
        let alts = structure.elements("/Figure").compactMap { ($0["/Alt"] as? String).map(PDFStructure.text) }
        #expect(alts.count == 1)
        // The title, then the tallest bars from the corpus: 2004 has the most named attacks.
        let alt = try #require(alts.first)
        #expect(alt.hasPrefix("Named attacks by year. Largest values: "), "\(alt)")
        let corpus = try DataLocation.loadShippedCorpus(explicit: PackagePaths.root + "/Datasets")
        let counts = Dictionary(grouping: corpus.attacks, by: \.date.year).mapValues(\.count)
        let top = try #require(counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) })
        #expect(alt.contains("\(top.key): \(top.value)"), "\(alt) does not name \(top.key): \(top.value)")
    }
}
