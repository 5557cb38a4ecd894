import Foundation
import Testing
@testable import Render
import RenderCairo
import Support
import TestSupport

@Suite("Writing files") struct FileOutputTests {
    @Test func writesEachFormatByExtensionWithoutLeavingTemporaries() throws {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let renderer = ChartRenderer()
        let figure = SampleCharts.verticalBar.figure()
        // A fixed date: without one each file carries the clock's second, and the two renders
        // compared here may fall in different seconds on a loaded machine.
        let options = RenderOptions(dpi: 100, metadata: DocumentMetadata(date: Date(timeIntervalSince1970: 1_700_000_000)))
        for format in ImageFormat.allCases {
            let url = folder.appendingPathComponent("chart.\(format.rawValue)")
            try renderer.write(figure, to: url, options: options)
            #expect(try Data(contentsOf: url) == renderer.render(figure, as: format, options: options))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["chart.eps", "chart.pdf", "chart.png", "chart.svg"], "no temporary files left: \(names)")
    }

    @Test func failedRenderKeepsTheExistingFile() throws {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("chart.png")
        let good = Data("a good earlier figure".utf8)
        try good.write(to: url)
        let broken = Figure(chart: SampleCharts.verticalBar.chart(theme: .paper), width: .pt(0), height: .pt(100))
        #expect(throws: RenderError.self) { try ChartRenderer().write(broken, to: url) }
        #expect(try Data(contentsOf: url) == good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["chart.png"])
    }

    @Test func missingFolderFailsCleanly() throws {
        let folder = "/nonexistent-folder-\(UUID().uuidString)"
        let error = try #require(throws: Diagnostic.self) {
            try ChartRenderer().write(SampleCharts.verticalBar.figure(), to: URL(fileURLWithPath: folder + "/chart.pdf"))
        }
        #expect(error.message == "the folder \(folder) does not exist")
    }

    /// Charts and PDF documents are written through Support's AtomicFile: the temporary file has the
    /// `.NAME.tmp-XXXXXX` name the sweeper knows, so one a killed run left is deleted by the next write.
    @Test func writesSweepStaleTemporaryFiles() throws {
        let folder = try TemporaryFolder(prefix: "render-tests")
        try folder.write(".chart.png.tmp-Ab12Cd", "half a PNG")
        try folder.write(".document.pdf.tmp-Zz9Yy8", "half a PDF")
        try ChartRenderer().write(SampleCharts.verticalBar.figure(), to: URL(fileURLWithPath: folder.file("chart.png")))
        let document = PDFDocument(metadata: DocumentMetadata(title: "T"))
        document.beginPage(width: .pt(200), height: .pt(100))
        try document.write(to: URL(fileURLWithPath: folder.file("document.pdf")))
        #expect(folder.entries() == ["chart.png", "document.pdf"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("document.pdf"))).starts(with: Data("%PDF-".utf8)))
    }

    @Test func unknownExtensionIsRejected() {
        #expect(throws: RenderError.self) {
            try ChartRenderer().write(SampleCharts.verticalBar.figure(), to: URL(fileURLWithPath: "/tmp/chart.bmp"))
        }
    }
}
