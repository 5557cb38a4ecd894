import Foundation
import Testing
@testable import Render
import RenderCairo

/// Each chart kind, in both themes, rendered small and compared with its committed reference.
@Suite("Visual regression") struct VisualRegressionTests {
    static let dpi = 110.0

    @Test("paper theme, each chart kind", arguments: SampleCharts.all.map(\.name))
    func paperTheme(name: String) throws {
        let chart = SampleCharts.all.first { $0.name == name }!.chart
        let renderer = ChartRenderer()
        let png = try renderer.render(chart.figure(theme: .paper), as: .png, options: RenderOptions(dpi: Self.dpi))
        try References.check(png, named: "paper-\(name).png")
    }

    @Test("briefing theme, each chart kind", arguments: SampleCharts.all.map(\.name))
    func briefingTheme(name: String) throws {
        let chart = SampleCharts.all.first { $0.name == name }!.chart
        let renderer = ChartRenderer()
        let png = try renderer.render(chart.figure(theme: .briefing), as: .png, options: RenderOptions(dpi: 72))
        try References.check(png, named: "briefing-\(name).png")
    }
}
