import Foundation
import Testing
import TestSupport

/// `chart … --formats pdf,png,svg -o fig1.pdf`: one figure drawn once and written in each format
/// beside -o, at the same size, as a journal's submission asks for.
@Suite struct ChartFormatsTests {
    @Test func writesEachFormatBesideTheOutputAtOneSize() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["chart", "attacks-per-year", "--journal", "nature", "--formats", "pdf,png,svg,eps",
                                  "--dpi", "600", "-o", folder.file("fig1.pdf")])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["fig1.eps", "fig1.pdf", "fig1.png", "fig1.svg"], "\(names)")

        let info = try ExternalTool.run("pdfinfo", [folder.file("fig1.pdf")])
        let size = try #require(info.split(separator: "\n").first { $0.hasPrefix("Page size:") }).split(separator: " ")
        let widthPoints = try #require(Double(size[2])), heightPoints = try #require(Double(size[4]))
        #expect(abs(widthPoints * 25.4 / 72 - 89) < 0.01, "Nature's single column: \(widthPoints) pt")

        // The PNG is the same figure at 600 dpi: its pixels are the PDF's points × 600/72.
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.file("fig1.png"))))
        func word(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(abs(Double(word(16)) - widthPoints * 600 / 72) <= 1, "PNG width \(word(16)) px")
        #expect(abs(Double(word(20)) - heightPoints * 600 / 72) <= 1, "PNG height \(word(20)) px")

        let svg = try String(contentsOfFile: folder.file("fig1.svg"), encoding: .utf8)
        #expect(svg.contains("<text"), "native SVG text by default")
        let eps = try String(contentsOfFile: folder.file("fig1.eps"), encoding: .isoLatin1)
        #expect(eps.hasPrefix("%!PS-Adobe-3.0 EPSF-3.0"))
    }

    @Test func aListOfOneIsTheOutputItself() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["chart", "attacks-per-year", "--formats", "svg", "-o", folder.file("only.svg")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["only.svg"])
    }
}
