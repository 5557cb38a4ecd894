import Foundation
import Render

/// The charts rendered by both SCOBrief and matplotlib in `Scripts/bench-peers`. The data come from
/// closed-form formulas that `Scripts/peers/charts.py` computes the same way, so both sides draw
/// the same thing at the same size (6.4 × 4.8 in, matplotlib's default figure) and resolution.
enum BenchmarkCharts {
    static let width = Length.inches(6.4), height = Length.inches(4.8)
    static let dpi = 300.0

    struct Case: Sendable {
        var name: String
        var format: ImageFormat
        var figure: @Sendable () -> Figure
    }

    static let cases: [Case] = [
        Case(name: "bar25-png", format: .png, figure: bar25),
        Case(name: "bar25-pdf", format: .pdf, figure: bar25),
        Case(name: "line3x52-png", format: .png, figure: lines),
        Case(name: "heatmap12x52-png", format: .png, figure: heatMap),
        Case(name: "scatter100k-png", format: .png, figure: scatter),
    ]

    static func figure(_ chart: some ChartBuilding) -> Figure {
        chart.figure(theme: .briefing, width: width, height: height)
    }

    static func bar25() -> Figure {
        let years = (1997...2021).map(String.init)
        let values = (0..<25).map { i -> Double? in 50 + 40 * sin(Double(i) * 0.7) + 3 * Double(i) }
        return figure(BarChart(text: ChartText(title: "Attacks per year"), categories: years, values: values, valueTitle: "Attacks"))
    }

    static func lines() -> Figure {
        let years = (1970...2021).map(Double.init)
        let series = (0..<3).map { s in
            LineChart.Series(name: "Series \(s + 1)", x: years, y: years.indices.map { i -> Double? in
                let wave: Double = 40 * sin(Double(i) / 6 + Double(s))
                return 100 + 30 * Double(s) + wave + Double(i) * 1.5
            })
        }
        return figure(LineChart(text: ChartText(title: "Three series over 52 years"), series: series, yTitle: "Value"))
    }

    static let countries = ["China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "India", "Pakistan",
                            "Iran", "Belarus", "Mongolia", "Afghanistan"]

    static func heatMap() -> Figure {
        let years = (1970...2021).map(String.init)
        let values = (0..<12).map { r in
            (0..<52).map { c -> Double? in
                let wave: Double = 45 * sin(Double(c) / 5 + Double(r)) * cos(Double(r) / 3)
                return 50 + wave + Double(r) * 2
            }
        }
        return figure(HeatMapChart(text: ChartText(title: "Value by country and year"), rows: countries, columns: years,
                                   values: values, valueTitle: "Value"))
    }

    /// Fractional parts of i·φ and i·ρ (golden and plastic ratios): an even spread of points,
    /// computed as numpy's `np.mod(i * r, 1.0)` does.
    static let scatterPoints: [ScatterChart.Point] = (0..<100_000).map { i in
        let u = Double(i) * 0.618_033_988_749_894_9, v = Double(i) * 0.754_877_666_246_692_7
        let x = u - u.rounded(.down)
        return ScatterChart.Point(x: x, y: 0.5 * x + 0.5 * (v - v.rounded(.down)))
    }

    static func scatter() -> Figure {
        figure(ScatterChart(text: ChartText(title: "100,000 points"), points: scatterPoints, xTitle: "x", yTitle: "y",
                            pointSize: 2, opacity: 0.5))
    }
}
