import Foundation
import Testing
@testable import Render
import TestSupport

@Suite("Writing files") struct FileOutputTests {
    @Test func writesEachFormatByExtensionWithoutLeavingTemporaries() throws {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let renderer = ChartRenderer()
        let figure = SampleCharts.verticalBar.figure()
        for format in ImageFormat.allCases {
            let url = folder.appendingPathComponent("chart.\(format.rawValue)")
            try renderer.write(figure, to: url, options: RenderOptions(dpi: 100))
            #expect(try Data(contentsOf: url) == renderer.render(figure, as: format, options: RenderOptions(dpi: 100)))
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

    @Test func unwritableFolderFailsCleanly() {
        let url = URL(fileURLWithPath: "/nonexistent-folder-\(UUID().uuidString)/chart.pdf")
        #expect(throws: RenderError.self) { try ChartRenderer().write(SampleCharts.verticalBar.figure(), to: url) }
    }

    @Test func unknownExtensionIsRejected() {
        #expect(throws: RenderError.self) {
            try ChartRenderer().write(SampleCharts.verticalBar.figure(), to: URL(fileURLWithPath: "/tmp/chart.bmp"))
        }
    }
}
