import Foundation
import Testing
import TestSupport

/// `--svg-text`: SVG files carry real `<text>` by default, glyph outlines on request, and the option
/// is refused where no SVG is written.
@Suite struct SVGTextOptionTests {
    private func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "scobrief-svg-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func text(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    static let title = "Attacks fell after 2014 & rose again"

    @Test func chartWritesNativeSVGByDefaultAndOutlinesOnRequest() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = ["chart", "attacks-per-year", "--title", Self.title]
        // Dated alike, so the two SVGs can be compared whole.
        let dated = ["SOURCE_DATE_EPOCH": "1700000000"]
        let plain = try CLI.run(base + ["-o", folder + "/default.svg"], environment: dated)
        #expect(plain.status == 0, "\(plain.stderr)")
        let native = try text(folder + "/default.svg")
        #expect(native.contains("<text"))
        #expect(native.contains(">Attacks fell after 2014 &amp; rose again</text>"), "the title is one editable <text>")
        #expect(!native.contains("id=\"glyph"))

        let explicit = try CLI.run(base + ["--svg-text", "text", "-o", folder + "/text.svg"], environment: dated)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(try text(folder + "/text.svg") == native, "--svg-text text is the default")

        let outlined = try CLI.run(base + ["--svg-text", "outlines", "-o", folder + "/outlines.svg"])
        #expect(outlined.status == 0, "\(outlined.stderr)")
        let outlines = try text(folder + "/outlines.svg")
        #expect(!outlines.contains("<text"))
        #expect(outlines.contains("id=\"glyph"), "Cairo's SVG draws glyphs as symbols")
    }

    @Test func badValueNamesTheAllowedOnes() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["chart", "attacks-per-year", "--svg-text", "glyphs", "-o", folder + "/x.svg"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'glyphs'"), "\(result.stderr)")
        #expect(result.stderr.contains("'text'") && result.stderr.contains("'outlines'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.svg"))
    }

    @Test func optionWithoutSVGOutputIsAnError() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chart = try CLI.run(["chart", "attacks-per-year", "--svg-text", "outlines", "-o", folder + "/x.png"])
        #expect(chart.status != 0)
        #expect(chart.stderr.contains("--svg-text applies only to SVG output"), "\(chart.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.png"))

        let report = try CLI.run(["report", "Reports/paper-figures.yaml", "-o", folder + "/p.pdf", "--svg-text", "text", "--quiet"])
        #expect(report.status != 0)
        #expect(report.stderr.contains("add --figures"), "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/p.pdf"))
    }

    @Test func figureSetSVGsHaveTextUnlessOutlinesAreAsked() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = "Reports/paper-figures.yaml"
        let native = try CLI.run(["report", spec, "-o", folder + "/a.pdf", "--figures", folder + "/native", "--quiet"])
        #expect(native.status == 0, "\(native.stderr)")
        let outlined = try CLI.run(["report", spec, "-o", folder + "/b.pdf", "--figures", folder + "/outlines", "--svg-text", "outlines", "--quiet"])
        #expect(outlined.status == 0, "\(outlined.stderr)")
        let svgs = try FileManager.default.contentsOfDirectory(atPath: folder + "/native").filter { $0.hasSuffix(".svg") }.sorted()
        #expect(svgs.count >= 4)
        for name in svgs {
            let nativeText = try text(folder + "/native/" + name), outlineText = try text(folder + "/outlines/" + name)
            #expect(nativeText.contains("<text"), "\(name) has no <text>")
            #expect(!outlineText.contains("<text"), "\(name) with outlines has <text>")
            #expect(outlineText.contains("id=\"glyph"), "\(name) with outlines has no glyph symbols")
        }
        // The PNG and PDF figures do not depend on the option.
        for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/native") where name.hasSuffix(".png") {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/native/" + name))
                    == Data(contentsOf: URL(fileURLWithPath: folder + "/outlines/" + name)), "\(name) changed")
        }
    }
}
