import Foundation
import Testing
import TestSupport

/// Figure files for journals carry their credit line in the captions and the files' metadata, not
/// in the artwork (in fig06 it took 12% of the height), unless `--source-in-figure`.
@Suite struct FigureCreditTests {
    struct Manifest: Decodable {
        struct File: Decodable { var file: String, kind: String, format: String, label: String, height_mm: Double? }
        var source_line: Bool, files: [File]
    }

    static func figureSet(_ extra: [String]) throws -> (folder: String, manifest: Manifest, keep: TemporaryFolder) {
        let folder = try TemporaryFolder()
        let figures = folder.file("set")
        let result = try CLI.run(["report", "Reports/paper-figures.yaml", "-o", folder.file("paper.pdf"), "--figures", figures,
                                  "--formats", "pdf,png,svg", "--quiet"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: figures + "/manifest.json")))
        return (figures, manifest, folder)
    }

    /// The text of a PNG's iTXt chunk with `keyword`, nil without one.
    static func pngText(_ png: Data, keyword: String) -> String? {
        let bytes = [UInt8](png)
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let data = Array(bytes[offset + 8..<offset + 8 + length])
            if bytes[offset + 4..<offset + 8].elementsEqual("iTXt".utf8), let nul = data.firstIndex(of: 0),
               String(decoding: data[..<nul], as: UTF8.self) == keyword {
                return String(decoding: data[(nul + 5)...], as: UTF8.self)
            }
            offset += 12 + length
        }
        return nil
    }

    @Test func theCreditIsInTheCaptionsAndMetadataNotTheArtwork() throws {
        let (figures, manifest, folder) = try Self.figureSet([])
        defer { withExtendedLifetime(folder) {} }
        #expect(!manifest.source_line)
        let images = manifest.files.filter { $0.kind == "figure" }
        let labels: Set<String> = Set(images.map { $0.label })
        #expect(labels.count >= 5)
        let markdown = try String(contentsOfFile: figures + "/captions.md", encoding: .utf8)
        let latex = try String(contentsOfFile: figures + "/captions.tex", encoding: .utf8)
        #expect(manifest.files.contains { $0.file == "captions.md" && $0.kind == "captions" })
        #expect(latex.components(separatedBy: "\\begin{figure}").count - 1 == labels.count)
        for entry in images {
            let path = figures + "/" + entry.file
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let stem = String(entry.file.dropLast(entry.format.count + 1))
            #expect(latex.contains("\\includegraphics{\(stem)}"), "captions.tex lacks \(stem)")
            switch entry.format {
            case "pdf":
                #expect(!(try ExternalTool.run("pdftotext", [path, "-"])).contains("Source"), "\(entry.file) draws its credit")
                let info = try ExternalTool.run("pdfinfo", [path])
                let subject = try #require(info.split(separator: "\n").first { $0.hasPrefix("Subject:") }, "\(entry.file) has no Subject")
                let credit = subject.dropFirst("Subject:".count).trimmingCharacters(in: .whitespaces)
                #expect(credit.hasPrefix("Source"), "\(entry.file): \(credit)")
                // The same credit closes the figure's caption paragraph.
                let paragraph = try #require(markdown.components(separatedBy: "\n\n").first { $0.hasPrefix("**\(entry.label).**") })
                #expect(paragraph.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(credit), "captions.md: \(paragraph)")
            case "svg":
                var svg = String(decoding: bytes, as: UTF8.self)
                #expect(svg.contains("<desc>Source"), "\(entry.file) has no credit in <desc>")
                for element in ["desc", "metadata"] {
                    svg = svg.replacingOccurrences(of: "<\(element)>[\\s\\S]*?</\(element)>", with: "", options: .regularExpression)
                }
                #expect(!svg.contains("Source"), "\(entry.file) draws its credit")
            case "png":
                let description = try #require(Self.pngText(bytes, keyword: "Description"), "\(entry.file) has no Description")
                #expect(description.hasPrefix("Source"))
                #expect(Self.pngText(bytes, keyword: "Title")?.hasPrefix(entry.label) == true)
            default:
                Issue.record("unexpected format \(entry.format)")
            }
        }
    }

    /// `--source-in-figure` draws the credit in the artwork as before; the set's files are the same.
    @Test func sourceInFigureDrawsItInTheArtwork() throws {
        let (without, plain, keepPlain) = try Self.figureSet([])
        let (with, drawn, keepDrawn) = try Self.figureSet(["--source-in-figure"])
        defer { withExtendedLifetime((keepPlain, keepDrawn)) {} }
        #expect(drawn.source_line)
        let pdfs = drawn.files.filter { $0.kind == "figure" && $0.format == "pdf" }
        #expect(!pdfs.isEmpty)
        for entry in pdfs {
            #expect(try ExternalTool.run("pdftotext", [with + "/" + entry.file, "-"]).contains("Source"), "\(entry.file)")
            #expect(!(try ExternalTool.run("pdftotext", [without + "/" + entry.file, "-"])).contains("Source"), "\(entry.file)")
        }
        #expect(Set(plain.files.map(\.file)) == Set(drawn.files.map(\.file)))
        #expect(FileManager.default.fileExists(atPath: without + "/captions.md"))
    }
}
