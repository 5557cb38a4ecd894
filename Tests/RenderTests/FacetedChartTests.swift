import Testing
@testable import Render

/// `FacetedChart` over real kinds: panels share their value scale and a heat map's colours, each
/// panel is labelled, and only the outer panels print tick labels.
@Suite("Faceted charts") struct FacetedChartTests {
    /// Bars of one series over three years, scaled by `factor`.
    static func bars(_ factor: Double) throws -> BarChart {
        let years: [ChartBinding.Value] = [.number(2020), .number(2021), .number(2022)]
        return try BarChart(binding: ChartBinding(rows: years.enumerated().map { i, x in .init(x: x, y: factor * Double(i + 1), count: 1) },
                                                  xValues: years, xIsTime: true, yTitle: "Value", absentIsZero: false))
    }

    @Test func panelsShareTheValueScaleAndAreLabelled() throws {
        let facets = try [("North", 1.0), ("South", 4.0), ("East", 2.0), ("West", 8.0)].map { name, factor in
            FacetedChart.Facet(title: name, chart: try Self.bars(factor))
        }
        let chart = FacetedChart(facets: facets).chart(theme: .paper)
        #expect(chart.panels.map(\.title) == ["North", "South", "East", "West"])
        let domains = chart.panels.map(\.y.scale.domain)
        #expect(Set(domains.map(\.upperBound)).count == 1 && domains[0].upperBound >= 24, "one y scale reaching the largest panel's 24: \(domains)")
        // Four panels wrap into two columns: the right column hides its y labels, the top row its x labels.
        #expect(chart.columns == 2)
        #expect(chart.panels.map(\.y.showsLabels) == [true, false, true, false])
        #expect(chart.panels.map(\.x.showsLabels) == [false, false, true, true])
        #expect(chart.panels[1].y.title == nil && chart.panels[0].y.title == "Value")
    }

    @Test func heatMapsShareOneColourScale() throws {
        let low = HeatMapChart(rows: ["a"], columns: ["2020", "2021"], values: [[1, 2]])
        let high = HeatMapChart(rows: ["a"], columns: ["2020", "2021"], values: [[30, 95]])
        let chart = FacetedChart(facets: [.init(title: "low", chart: low), .init(title: "high", chart: high)]).chart(theme: .paper)
        let shared = try #require(chart.colorBar?.scale)
        #expect(shared == high.chart(theme: .paper).colorBar?.scale, "one colour bar spanning both panels (0 to 100): \(shared)")
        #expect(low.chart(theme: .paper).colorBar?.scale != shared, "alone, the low panel would span 0 to 2")
        // The low panel's tiles are coloured on the shared scale: its 2 is the colour of 2 there, not the top of its own range.
        guard case .tile(let tiles) = chart.panels[0].marks[0] else { Issue.record("no tiles"); return }
        #expect(tiles.tiles[1].fill == shared.color(for: 2))
        #expect(tiles.tiles[1].fill != low.chart(theme: .paper).colorBar?.scale.color(for: 2))
    }
}
