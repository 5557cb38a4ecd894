import Foundation
import Testing
import TestSupport

/// `chart … --journal NAME --column NAME`: one chart at the journal's column width, with its type
/// sizes, line weights and dpi, from the same preset table as `report --figures --journal`.
/// pdfinfo, pdffonts, the SVG's attributes and the PNG's pHYs chunk confirm it.
@Suite struct ChartJournalTests {
    /// The numbers after `attribute="` in an SVG (a unit such as "pt" after the number is dropped).
    private func values(of attribute: String, in svg: String) -> [Double] {
        svg.components(separatedBy: " \(attribute)=\"").dropFirst().compactMap { Double($0.prefix { "0123456789.-".contains($0) }) }
    }

    /// The pixels per metre of a PNG's pHYs chunk (x, y), nil without one.
    private func pixelsPerMetre(_ data: Data) -> (UInt32, UInt32)? {
        let bytes = [UInt8](data)
        guard let index = (0..<(bytes.count - 12)).first(where: { bytes[$0..<$0 + 4] == [0x70, 0x48, 0x59, 0x73][...] }) else { return nil }
        func word(_ at: Int) -> UInt32 { bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        return (word(index + 4), word(index + 8))
    }

    @Test(arguments: [("single", 89.0), ("double", 183.0)])
    func naturesColumnWidthAndTypeRange(column: String, millimetres: Double) throws {
        let folder = try TemporaryFolder()
        let pdf = folder.file("n.pdf"), svg = folder.file("n.svg")
        for output in [pdf, svg] {
            let result = try CLI.run(["chart", "attacks-per-year", "--journal", "nature", "--column", column, "--no-source", "-o", output])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let info = try ExternalTool.run("pdfinfo", [pdf])
        let size = try #require(info.split(separator: "\n").first { $0.hasPrefix("Page size:") })
        let points = try #require(Double(size.split(separator: " ")[2]))
        #expect(abs(points * 25.4 / 72 - millimetres) < 0.01, "\(size)")
        let heightPoints = try #require(Double(size.split(separator: " ")[4]))
        #expect(heightPoints * 25.4 / 72 <= 170, "Nature's tallest figure is 170 mm: \(size)")
        let fonts = try ExternalTool.run("pdffonts", [pdf]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") }, "fonts embedded and subset: \(fonts)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        let sizes = values(of: "font-size", in: text)
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 5 && $0 <= 7 }, "Nature's type is 5–7 pt: \(Set(sizes))")
        let width = try #require(text.components(separatedBy: "<svg").dropFirst().first.map { values(of: "width", in: $0) }?.first)
        #expect(abs(width * 25.4 / 72 - millimetres) < 0.01, "\(width) pt")
    }

    /// Elsevier's one-and-a-half column, type at least 7 pt, every stroke between 0.10 and 1.5 pt.
    @Test func elseviersMiddleColumnTypeAndLineWeights() throws {
        let folder = try TemporaryFolder()
        let svg = folder.file("e.svg")
        let result = try CLI.run(["chart", "line", "--table", "attacks", "--by", "country", "--theme", "briefing",
                                  "--journal", "elsevier", "--column", "one-and-half", "-o", svg])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        let width = try #require(text.components(separatedBy: "<svg").dropFirst().first.map { values(of: "width", in: $0) }?.first)
        #expect(abs(width * 25.4 / 72 - 140) < 0.01, "\(width) pt")
        let sizes = values(of: "font-size", in: text)
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 7 }, "\(Set(sizes))")
        // The briefing theme draws data lines 1.75 pt wide; Elsevier's heaviest line is 1.5 pt.
        let strokes = values(of: "stroke-width", in: text)
        #expect(!strokes.isEmpty && strokes.allSatisfy { $0 >= 0.1 && $0 <= 1.5 }, "\(Set(strokes))")
        #expect(strokes.contains(1.5))
    }

    /// A PNG for IEEE gets IEEE's 600 dpi (its line-art resolution) in the pHYs chunk, at 3.5 in.
    @Test func ieeePNGAtItsDpi() throws {
        let folder = try TemporaryFolder()
        let png = folder.file("i.png")
        let result = try CLI.run(["chart", "attacks-per-year", "--journal", "ieee", "-o", png])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        let ppm = try #require(pixelsPerMetre(bytes))
        #expect(ppm.0 == 23622 && ppm.1 == 23622, "600 dpi")
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 2100, "3.5 in at 600 dpi")
    }

    /// A chart of one's own CSV takes the journal too.
    @Test func aTidyCSVChartForScience() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write("t.csv", "year,value\n2001,3\n2002,5\n2003,4\n")
        let pdf = folder.file("s.pdf")
        let result = try CLI.run(["chart", "line", "--csv", csv, "--x", "year", "--y", "value", "--journal", "science", "--column", "triple", "-o", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try ExternalTool.run("pdfinfo", [pdf])
        let size = try #require(info.split(separator: "\n").first { $0.hasPrefix("Page size:") })
        #expect(abs(try #require(Double(size.split(separator: " ")[2])) * 25.4 / 72 - 184) < 0.01, "18.4 cm: \(size)")
    }

    @Test(arguments: [
        (["--journal", "nature", "--width", "85mm"], "pdf", "--width and --journal both set the width"),
        (["--column", "double"], "pdf", "--column picks a journal's column"),
        (["--journal", "nature", "--column", "both"], "pdf", "a chart is one file at one width"),
        (["--journal", "nature", "--column", "tripple"], "pdf", "nature has no column 'tripple'"),
        (["--journal", "sciense"], "pdf", "did you mean 'science'"),
        (["--journal", "science", "--dpi", "300"], "png", "below the 400 dpi science's guidelines ask for"),
        (["--journal", "nature", "--height", "200mm"], "pdf", "taller than the 170 mm nature's guidelines allow"),
        (["--dpi", "600"], "svg", "--dpi sets a PNG's resolution"),
    ])
    func conflictsAreRefusedBeforeWork(options: [String], format: String, expected: String) throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["chart", "attacks-per-year"] + options + ["-o", folder.file("x.\(format)")])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(folder.entries().isEmpty, "nothing written")
    }
}
