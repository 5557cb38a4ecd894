import Foundation
import Testing
import TestSupport

/// `report --figures` for a journal: one command writes every figure at the journal's single and
/// double column widths, with the chosen dpi, the source line left out (the default), with editable SVG text;
/// pdfinfo, pdffonts, pdftotext and the PNGs' pHYs chunks confirm it, and so does the manifest.
@Suite struct FigureSetOptionsTests {
    struct Manifest: Decodable {
        struct File: Decodable {
            var file: String, kind: String, format: String, bytes: Int, sha256: String
            var width_mm: Double?, height_mm: Double?, dpi: Double?, width_px: Int?, height_px: Int?, column: String?
        }
        var dpi: Double, source_line: Bool, journal: String?, files: [File]
    }

    /// The pixels per metre of a PNG's pHYs chunk (x, y), nil without one.
    private func pixelsPerMetre(_ data: Data) -> (UInt32, UInt32)? {
        let bytes = [UInt8](data)
        guard let index = (0..<(bytes.count - 12)).first(where: { bytes[$0..<$0 + 4] == [0x70, 0x48, 0x59, 0x73][...] }) else { return nil }
        func word(_ at: Int) -> UInt32 { bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        return (word(index + 4), word(index + 8))
    }

    @Test func aJournalSetHasBothColumnsAtTheDpiWithoutSources() throws {
        let folder = try TemporaryFolder()
        let figures = folder.file("nature")
        let result = try CLI.run(["report", "Reports/paper-figures.yaml", "-o", folder.file("paper.pdf"), "--figures", figures,
                                  "--journal", "nature", "--dpi", "600", "--formats", "pdf,png,svg", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: figures + "/manifest.json")))
        #expect(manifest.dpi == 600 && manifest.source_line == false && manifest.journal == "nature")
        let images = manifest.files.filter { $0.kind == "figure" }
        #expect(!images.isEmpty)
        #expect(Set(images.compactMap(\.column)) == ["single", "double"])
        for entry in images {
            let path = figures + "/" + entry.file
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.count == entry.bytes)
            let width = entry.column == "single" ? 89.0 : 183.0
            #expect(abs((entry.width_mm ?? 0) - width) < 1e-9, "\(entry.file)")
            switch entry.format {
            case "png":
                // 600 dpi = 23,622 pixels per metre, and the pixel width is 89 mm at 600 dpi.
                let ppm = try #require(pixelsPerMetre(bytes))
                #expect(ppm.0 == 23622 && ppm.1 == 23622, "\(entry.file)")
                #expect(entry.width_px == Int((width / 25.4 * 600).rounded()))
            case "pdf":
                let info = try ExternalTool.run("pdfinfo", [path])
                let size = try #require(info.split(separator: "\n").first { $0.hasPrefix("Page size:") })
                let points = try #require(Double(size.split(separator: " ")[2]))
                #expect(abs(points * 25.4 / 72 - width) < 0.01, "\(entry.file): \(size)")
                let fonts = try ExternalTool.run("pdffonts", [path]).split(separator: "\n").dropFirst(2)
                #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") }, "fonts embedded and subset: \(fonts)")
                #expect(!(try ExternalTool.run("pdftotext", [path, "-"])).contains("Source:"))
            case "svg":
                let svg = String(decoding: bytes, as: UTF8.self)
                #expect(svg.contains("<text"), "real text, not glyph outlines")
                // The credit is in the file's description, not in its drawing.
                #expect(svg.contains("<desc>Source:"))
                #expect(!svg.replacingOccurrences(of: "<(desc|metadata)>[\\s\\S]*?</(desc|metadata)>", with: "", options: .regularExpression).contains("Source:"))
                // Nature's type range: every size 5–7 pt.
                let sizes = svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
                #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 5 && $0 <= 7 }, "\(entry.file): \(Set(sizes))")
            default:
                Issue.record("unexpected format \(entry.format)")
            }
        }
        // The tables' LaTeX captions carry no number.
        let latex = try String(contentsOfFile: figures + "/tab01-attack-counts.tex", encoding: .utf8)
        #expect(latex.contains("\\caption{") && !latex.contains("\\caption{Table"))
        #expect(latex.contains("\\label{tab:attack-counts}"))
    }

    /// Without --dpi or --formats a journal's own apply: Elsevier's 500 dpi for a chart (line art
    /// and colour combined), PDF, EPS and PNG, at each of its three columns; the manifest states
    /// the guideline's widths, type sizes and line weights.
    @Test func aJournalsOwnDpiFormatsAndColumnsAreTheDefaults() throws {
        struct Journal: Decodable {
            var dpi: Double, journal: String, guideline: String, single_column_mm: Double, one_and_half_column_mm: Double
            var double_column_mm: Double, maximum_height_mm: Double, minimum_type_pt: Double, minimum_line_pt: Double, maximum_line_pt: Double
        }
        let folder = try TemporaryFolder()
        let figures = folder.file("elsevier")
        let result = try CLI.run(["report", "Reports/paper-figures.yaml", "-o", folder.file("paper.pdf"), "--figures", figures,
                                  "--journal", "elsevier", "--column", "all", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: figures + "/manifest.json"))
        let journal = try JSONDecoder().decode(Journal.self, from: data)
        #expect(journal.dpi == 500 && journal.journal == "elsevier" && journal.guideline.contains("elsevier.com"))
        #expect([abs(journal.single_column_mm - 90), abs(journal.one_and_half_column_mm - 140), abs(journal.double_column_mm - 190)].allSatisfy { $0 < 1e-9 })
        #expect(abs(journal.maximum_height_mm - 240) < 1e-9 && journal.minimum_type_pt == 7 && journal.minimum_line_pt == 0.1 && journal.maximum_line_pt == 1.5)
        let images = try JSONDecoder().decode(Manifest.self, from: data).files.filter { $0.kind == "figure" }
        #expect(Set(images.map(\.format)) == ["pdf", "eps", "png"])
        #expect(Set(images.compactMap(\.column)) == ["single", "one-and-half", "double"])
        for entry in images {
            let widths: [String: Double] = ["single": 90, "one-and-half": 140, "double": 190]
            let width = widths[entry.column ?? ""] ?? 0
            #expect(abs((entry.width_mm ?? 0) - width) < 1e-9 && (entry.height_mm ?? 0) <= 240, "\(entry.file)")
            #expect(entry.file.contains("-\(entry.column ?? "?").\(entry.format)"))
            if entry.format == "png" {
                let ppm = try #require(pixelsPerMetre(try Data(contentsOf: URL(fileURLWithPath: figures + "/" + entry.file))))
                #expect(ppm.0 == 19685 && ppm.1 == 19685, "500 dpi is 19,685 pixels per metre: \(entry.file)")
                #expect(entry.dpi == 500 && entry.width_px == Int((width / 25.4 * 500).rounded()))
            }
        }
    }

    @Test func formatsAndSizeAreHonoured() throws {
        let folder = try TemporaryFolder()
        let figures = folder.file("set")
        let result = try CLI.run(["report", "Reports/paper-figures.yaml", "-o", folder.file("paper.pdf"), "--figures", figures,
                                  "--formats", "png", "--width", "120mm", "--height", "80mm", "--dpi", "150", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: figures + "/manifest.json")))
        let images = manifest.files.filter { $0.kind == "figure" }
        #expect(!images.isEmpty && images.allSatisfy { $0.format == "png" && $0.width_mm == 120 && $0.height_mm == 80 && $0.dpi == 150 })
        #expect(!manifest.source_line, "the credit is in the captions, not the artwork, by default")
        // Tables as CSV at full precision, one table a file: the comparison's two tables apart.
        let comparison = try String(contentsOfFile: figures + "/tab04-compare-comparison.csv", encoding: .utf8)
        #expect(comparison.hasPrefix("statistic,estimate,ci_low,ci_high,level,p,unit,method,note\nrate_ratio,1.2272727272727273,"))
        #expect(FileManager.default.fileExists(atPath: figures + "/tab04-compare-periods.csv"))
        let trend = try String(contentsOfFile: figures + "/tab02-attack-trend.csv", encoding: .utf8)
        #expect(trend.contains("\nall,ols,OLS slope,-0.03636363636363636,"))
    }

    @Test(arguments: [
        (["--figures", "F", "--dpi", "20"], "--dpi must be between 72 and 2400"),
        (["--figures", "F", "--dpi", "9000"], "--dpi must be between 72 and 2400"),
        (["--dpi", "600"], "--dpi applies only to a figure set"),
        (["--source-in-figure"], "--source-in-figure applies only to a figure set"),
        (["--figures", "F", "--no-source"], "did you mean --source-in-figure"),
        (["--figures", "F", "--journal", "natur"], "did you mean 'nature'"),
        (["--figures", "F", "--formats", "png,jpg"], "'jpg' is not an image format"),
        (["--figures", "F", "--column", "single"], "--column picks a journal's column"),
        (["--figures", "F", "--journal", "ieee", "--width", "85mm"], "--width and --journal both set the width"),
        (["--figures", "F", "--journal", "science", "--dpi", "300"], "below the 400 dpi science's guidelines ask for"),
        (["--figures", "F", "--journal", "nature", "--height", "200mm"], "taller than the 170 mm nature's guidelines allow"),
        (["--figures", "F", "--journal", "ieee", "--column", "triple"], "ieee has no column 'triple'"),
        (["--figures", "F", "--journal", "elsevier", "--column", "one-and-a-half"], "did you mean 'one-and-half'"),
        (["--figures", "F", "--formats", "png", "--svg-text", "text"], "--formats leaves SVG out"),
    ])
    func badFigureSetOptionsAreRefusedBeforeWork(options: [String], expected: String) throws {
        let folder = try TemporaryFolder()
        let arguments = options.map { $0 == "F" ? folder.file("figures") : $0 }
        let result = try CLI.run(["report", "Reports/paper-figures.yaml", "-o", folder.file("paper.pdf")] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(folder.entries().isEmpty, "nothing written")
    }
}
