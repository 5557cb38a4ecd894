import Foundation
import Testing
@testable import Render
@testable import RenderCairo
import TestSupport

/// The slope chart: every category named at both ends, end labels that never collide, two periods only.
@Suite("Slope chart") struct SlopeChartTests {
    let renderer = ChartRenderer()

    /// Every text run of the laid-out figure, wherever it is nested.
    func texts(_ items: [SceneItem]) -> [TextRun] {
        items.flatMap { item -> [TextRun] in
            switch item {
            case .text(let run): return [run]
            case .clipped(_, let inner), .group(_, let inner): return texts(inner)
            default: return []
            }
        }
    }

    @Test(arguments: [Length.mm(85), Length.mm(178)], ["paper", "briefing"])
    func endLabelsNameEveryCategoryAndNeverOverlap(width: Length, themeName: String) throws {
        let chart = SampleCharts.slope
        let theme = try #require(Theme.named(themeName))
        let laidOut = renderer.layout(chart.figure(theme: theme, width: width))
        let runs = texts(laidOut.scene.items)
        let plot = laidOut.boxes.panels[0].plot
        for (i, name) in chart.categories.enumerated() {
            let labels = runs.filter { $0.text.contains(name) }
            let expected = (chart.start[i] == nil ? 0 : 1) + (chart.end[i] == nil ? 0 : 1)
            #expect(labels.count == expected, "\(name) is named \(labels.count) times, expected \(expected)")
        }
        // Rates 0.2–0.6 sit within a few points of each other: without nudging these labels would collide.
        let endLabels = runs.filter { run in chart.categories.contains { run.text.contains($0) } }
        let heads = runs.filter { $0.text == chart.startLabel || $0.text == chart.endLabel }
        #expect(heads.count == 2, "both periods head their columns")
        let all = endLabels + heads
        for i in all.indices {
            for j in all.indices where j > i {
                #expect(!all[i].overlaps(all[j]), "\"\(all[i].text)\" overlaps \"\(all[j].text)\"")
            }
        }
        for run in all {
            #expect(run.bounds.minY >= plot.minY - 0.01 && run.bounds.maxY <= plot.maxY + 0.01, "\"\(run.text)\" leaves the plot")
        }
    }

    /// The end labels get room from their measured widths: with long names and a large font (on
    /// fixed metrics and on Pango's) every label is whole and inside the figure, and the columns move
    /// closer together to make the room.
    @Test(arguments: ["fixed-width", "pango"])
    func longLabelsInALargeFontStayInsideTheFigure(measurer: String) throws {
        var theme = Theme.paper
        let short = SampleCharts.slope
        var long = short
        long.categories[0] = "Republic of Pakistan"
        long.categories[3] = "Kyrgyz Republic"
        func layout(_ chart: SlopeChart, _ theme: Theme) -> LaidOutChart {
            let figure = chart.figure(theme: theme, width: .mm(178))
            return measurer == "pango" ? renderer.layout(figure)
                : ChartLayout(theme: theme, width: figure.width, height: figure.height, measurer: FixedWidthMeasurer()).layout(figure.chart)
        }
        let before = layout(short, theme).boxes.panels[0].plot
        theme.annotationSize *= 1.5
        let laidOut = layout(long, theme)
        let page = Rect(x: 0, y: 0, width: laidOut.scene.size.width, height: laidOut.scene.size.height)
        let labels = laidOut.scene.textRuns().map(\.run).filter { run in long.categories.contains { run.text.contains($0) } }
        #expect(labels.count == 15, "every present value is labelled, none dropped")
        #expect(labels.contains { $0.text == "Republic of Pakistan  4.5" }, "the text is never shortened")
        for run in laidOut.scene.textRuns().map(\.run) {
            #expect(page.contains(run.bounds, tolerance: 0.5), "\"\(run.text)\" at \(run.bounds) leaves the \(page.width) pt figure")
        }
        let plot = laidOut.boxes.panels[0].plot
        #expect(plot.width < before.width - 20, "the columns come closer to make room: \(plot.width) vs \(before.width)")
    }

    @Test func labelsCarryNameAndValueInReadingOrder() {
        let (start, end) = SampleCharts.slope.labels()
        #expect(start[0] == "China  4.5")
        #expect(end[0] == "2.0  China")
        #expect(start[2] == "Kazakhstan  0.40" && start[6] == "India  42", "two significant digits below ten, whole numbers above")
        #expect(end[5] == "", "a missing value has no label")
    }

    @Test(arguments: [1, 3])
    func exactlyTwoPeriodsAreRequired(periods: Int) {
        let names = (0..<periods).map { "P\($0)" }
        let binding = ChartBinding(rows: names.map { .init(x: .text($0), y: 1, series: "China") },
                                   xValues: names.map { .text($0) }, series: ["China"], yTitle: "Attacks per year")
        #expect {
            try SlopeChart(binding: binding)
        } throws: { error in
            "\(error)".contains("exactly two periods, \(periods) given")
        }
    }

    @Test func bindingOfTwoPeriodsBecomesTheColumns() throws {
        let binding = ChartBinding(rows: [.init(x: .text("2001–2011"), y: 0.5, series: "China"),
                                          .init(x: .text("2024"), y: 2, series: "China")],
                                   xValues: [.text("2001–2011"), .text("2024")], series: ["China", "India"], yTitle: "Attacks per year")
        let chart = try SlopeChart(binding: binding)
        #expect(chart.categories == ["China", "India"])
        #expect(chart.start == [0.5, 0] && chart.end == [2, 0], "a series absent from a period has a rate of zero")
        #expect(chart.startLabel == "2001–2011" && chart.endLabel == "2024" && chart.valueTitle == "Attacks per year")
    }
}
