import Foundation
import Testing
@testable import Render
import RenderCairo
import TestSupport

/// Lays figures out with `FixedWidthMeasurer`: no fonts needed, and the same numbers on every machine.
struct FixedWidthLayout {
    func layout(_ figure: Figure) -> LaidOutChart {
        ChartLayout(theme: figure.theme, width: figure.width, height: figure.height, measurer: FixedWidthMeasurer()).layout(figure.chart)
    }
}

/// Layout rules on fixed text metrics. The two sweeps over every sample chart also run on Pango's
/// real metrics, since what must never happen (a clipped or overlapping label) is judged on the
/// fonts the charts are actually drawn with.
@Suite("Layout") struct LayoutTests {
    let fixed = FixedWidthLayout()
    /// Both ways of laying out: fixed metrics and the real renderer's Pango metrics.
    static let measurers = ["fixed-width", "pango"]

    func layout(_ figure: Figure, measurer: String) -> LaidOutChart {
        measurer == "pango" ? ChartRenderer().layout(figure) : fixed.layout(figure)
    }

    /// Fails when any two labels' rotated boxes overlap.
    func expectNoOverlaps(_ labels: [TextRun], sourceLocation: SourceLocation = #_sourceLocation) {
        for i in labels.indices {
            for j in labels.indices where j > i {
                #expect(!labels[i].overlaps(labels[j]), "\"\(labels[i].text)\" overlaps \"\(labels[j].text)\"",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test func fiftyTwoYearLabelsOnAn85mmAxisDoNotOverlap() {
        let years = (1970...2021).map(String.init)
        #expect(years.count == 52)
        let chart = BarChart(categories: years, values: years.indices.map { Double($0 % 7 + 1) })
        let laidOut = fixed.layout(chart.figure(theme: .paper, width: .mm(85)))
        let panel = laidOut.boxes.panels[0]
        #expect(laidOut.scene.size.width == Length.mm(85).points)
        #expect(panel.xTickLabels.count >= 5, "too few labels left: \(panel.xTickLabels.map(\.text))")
        expectNoOverlaps(panel.xTickLabels)
        // Thinned to round years, the preferred remedy for ordered categories.
        #expect(panel.xFitting == .thinned(every: 5) || panel.xFitting == .thinned(every: 10))
        #expect(panel.xTickLabels.allSatisfy { Int($0.text)! % 5 == 0 })
        for label in panel.xTickLabels { #expect(Rect(x: 0, y: 0, width: laidOut.scene.size.width, height: laidOut.scene.size.height).contains(label.bounds)) }
    }

    @Test func fiftyTwoYearsOnATimeAxisDoNotOverlap() {
        let years = (1970...2021).map(Double.init)
        let chart = LineChart(series: [.init(name: "Attacks", x: years, y: years.map { 100 + 50 * sin($0 / 4) })])
        let panel = fixed.layout(chart.figure(theme: .paper, width: .mm(85))).boxes.panels[0]
        expectNoOverlaps(panel.xTickLabels)
        #expect(panel.xTickLabels.allSatisfy { !$0.text.contains(",") }, "years print without separators")
        #expect(panel.xTickLabels.count >= 4)
    }

    @Test func shortTimeAxesTickAtMonths() {
        let events = [2017.05, 2017.4, 2017.9, 2018.3].enumerated().map { i, t in
            TimelineChart.Event(time: t, lane: i % 2 == 0 ? "India" : "Pakistan", magnitude: Double(10 * (i + 1)))
        }
        let panel = fixed.layout(TimelineChart(events: events).figure(theme: .briefing)).boxes.panels[0]
        let labels = panel.xTickLabels.map(\.text)
        #expect(labels.contains("2018"), "January prints as its year: \(labels)")
        #expect(labels.contains { ["Apr", "Jul", "Oct", "Mar", "May", "Sep", "Nov"].contains($0) }, "months between years: \(labels)")
        expectNoOverlaps(panel.xTickLabels)
    }

    @Test func longNamesRotateWhenThinningIsNotAllowed() {
        let names = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "Turkmenistan", "Afghanistan", "Mongolia",
                     "Azerbaijan", "Cambodia", "Sri Lanka", "Armenia", "Nepal"]
        let chart = BarChart(categories: names, values: names.indices.map { Double($0 + 1) })
        let panel = fixed.layout(chart.figure(theme: .paper, width: .mm(85))).boxes.panels[0]
        #expect(panel.xTickLabels.count == names.count, "every name stays")
        if case .rotated = panel.xFitting {} else { Issue.record("expected rotation, got \(panel.xFitting)") }
        expectNoOverlaps(panel.xTickLabels)
    }

    @Test func valueLabelsClearTheAxisLabels() {
        let names = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "Turkmenistan", "Afghanistan", "Mongolia", "Nepal"]
        let chart = BarChart(categories: names, values: names.indices.map { Double($0) * 3 - 8 }, showsValues: true)
        for theme in [Theme.paper, .briefing] {
            let laidOut = fixed.layout(chart.figure(theme: theme))
            let values = laidOut.scene.textRuns().filter { $0.groups.last == "value-labels" }.map(\.run)
            #expect(values.count == names.count)
            for value in values {
                for label in laidOut.boxes.panels[0].xTickLabels {
                    #expect(!value.overlaps(label), "value \(value.text) overlaps \(label.text)")
                }
            }
        }
    }

    @Test func layoutTestsMeasureWithTheFixedWidths() {
        let panel = fixed.layout(BarChart(categories: ["India", "Pakistan"], values: [1, 2]).figure(theme: .paper)).boxes.panels[0]
        #expect(panel.xTickLabels.count == 2)
        for label in panel.xTickLabels {
            #expect(label.size.width == FixedWidthMeasurer.width(of: label.text, size: label.font.size), "\(label.text)")
            #expect(label.baseline == FixedWidthMeasurer.ascent * label.font.size)
        }
    }

    @Test func fixedWidthMeasurerWrapsAtSpaces() {
        let font = FontSpec(family: "any", size: 10)
        let metrics = FixedWidthMeasurer().measure("Shanghai Cooperation Organisation", font: font, wrapWidth: 72)
        // 72 pt holds 12 characters of 6 pt: "Shanghai", "Cooperation", "Organisation" each on a line.
        #expect(metrics.lineCount == 3)
        #expect(metrics.width == 12 * 6)
        #expect(metrics.height == 3 * 12)
    }

    @Test func shortNamesWrapOrFitWithoutDroppingAny() {
        let names = ["India", "Pakistan", "China", "Russia"]
        let chart = BarChart(categories: names, values: [1, 2, 3, 4])
        let panel = fixed.layout(chart.figure(theme: .paper)).boxes.panels[0]
        #expect(panel.xFitting == .all)
        #expect(panel.xTickLabels.map(\.text) == names)
    }

    @Test(arguments: measurers) func everyTextStaysInsideTheFigure(measurer: String) {
        for theme in [Theme.paper, .briefing] {
            for (name, chart) in SampleCharts.all {
                let laidOut = layout(chart.figure(theme: theme), measurer: measurer)
                let page = Rect(x: 0, y: 0, width: laidOut.scene.size.width, height: laidOut.scene.size.height)
                for (_, run) in laidOut.scene.textRuns() {
                    #expect(page.contains(run.bounds, tolerance: 0.5), "\(theme.name) \(name): \"\(run.text)\" at \(run.bounds) is clipped")
                }
            }
        }
    }

    @Test(arguments: measurers) func tickLabelsNeverOverlapInAnySample(measurer: String) {
        for theme in [Theme.paper, .briefing] {
            for (_, chart) in SampleCharts.all {
                for panel in layout(chart.figure(theme: theme), measurer: measurer).boxes.panels {
                    expectNoOverlaps(panel.xTickLabels)
                    expectNoOverlaps(panel.yTickLabels)
                }
            }
        }
    }

    @Test func marginsGrowWithMeasuredLabels() {
        let short = BarChart(categories: ["A", "B"], values: [1, 2], orientation: .horizontal)
        let long = BarChart(categories: ["Shanghai Cooperation Organisation", "B"], values: [1, 2], orientation: .horizontal)
        let a = fixed.layout(short.figure()).boxes.panels[0].plot
        let b = fixed.layout(long.figure()).boxes.panels[0].plot
        #expect(b.minX > a.minX + 30, "plot should move right for the longer label: \(a) vs \(b)")
    }

    @Test func eventLabelsAvoidEachOther() {
        let years = (2000...2020).map(Double.init)
        let events = [2001, 2002, 2004, 2005, 2017, 2018].map { EventNote(x: Double($0), label: "\($0): an event of note") }
        let chart = LineChart(series: [.init(name: "Attacks", x: years, y: years.map { $0 - 1990 })], events: events)
        let panel = fixed.layout(chart.figure(theme: .paper)).boxes.panels[0]
        #expect(panel.annotationLabels.count == events.count)
        expectNoOverlaps(panel.annotationLabels)
        for label in panel.annotationLabels { #expect(label.bounds.maxY <= panel.plot.minY + 0.01, "event labels sit above the plot") }
    }

    @Test func pointLabelsAvoidEachOther() {
        let points = (0..<12).map { ScatterChart.Point(x: Double($0 % 4), y: Double($0 / 4)) }
        let notes = points.map { PointNote(x: $0.x, y: $0.y, label: "Point \(Int($0.x)),\(Int($0.y))") }
        let chart = ScatterChart(points: points, notes: notes)
        let panel = fixed.layout(chart.figure(theme: .briefing)).boxes.panels[0]
        #expect(panel.annotationLabels.count == notes.count)
        expectNoOverlaps(panel.annotationLabels)
    }

    @Test func missingValuesAreGapsNotZeros() {
        let chart = LineChart(series: [.init(name: "A", x: [1, 2, 3, 4, 5], y: [1, 2, nil, 4, 5])], xScale: .linear)
        let laidOut = fixed.layout(chart.figure())
        var paths = 0
        func walk(_ items: [SceneItem]) {
            for item in items {
                switch item {
                case .path(let p, let paint) where paint.stroke?.color == Theme.paper.palette.color(0):
                    paths += 1
                    #expect(p.elements.count == 2, "each run has two points")
                case .clipped(_, let inner), .group(_, let inner): walk(inner)
                default: break
                }
            }
        }
        walk(laidOut.scene.items)
        #expect(paths == 2, "the nil splits the line in two")

        let bars = BarChart(categories: ["a", "b", "c"], values: [3, nil, 0])
        var rects: [Rect] = []
        func collect(_ items: [SceneItem]) {
            for item in items {
                switch item {
                case .rect(let r, let paint) where paint.fill == Theme.paper.palette.color(0): rects.append(r)
                case .clipped(_, let inner), .group(_, let inner): collect(inner)
                default: break
                }
            }
        }
        collect(fixed.layout(bars.figure()).scene.items)
        #expect(rects.count == 2, "the missing bar is absent; a zero is a zero-height bar")
        #expect(rects.contains { $0.height == 0 })
    }

    @Test func legendsTakeTheirPlaceBesideOrBelowThePlot() {
        for placement in [Legend.Placement.top, .right, .bottom] {
            var chart = SampleCharts.lineWithBand.chart(theme: .paper)
            chart.legend?.placement = placement
            let laidOut = fixed.layout(Figure(chart: chart, theme: .paper, width: .mm(120)))
            let legend = laidOut.boxes.legend!, plot = laidOut.boxes.panels[0].plot
            #expect(laidOut.boxes.content.contains(legend), "\(placement): legend outside the figure")
            switch placement {
            case .top: #expect(legend.maxY <= plot.minY)
            case .right: #expect(legend.minX >= plot.maxX)
            case .bottom:
                let axisBottom = laidOut.boxes.panels[0].xTickLabels.map(\.bounds.maxY).max() ?? plot.maxY
                #expect(legend.minY >= axisBottom && legend.maxY <= laidOut.boxes.notes!.minY)
            }
        }
    }

    @Test func smallMultiplesShareOnePlotSize() {
        let panels = fixed.layout(SampleCharts.smallMultiples.figure()).boxes.panels
        #expect(panels.count == 4)
        #expect(Set(panels.map(\.plot.width)).count == 1 && Set(panels.map(\.plot.height)).count == 1)
        #expect(panels[0].plot.minX == panels[2].plot.minX, "columns line up")
        #expect(panels[1].yTickLabels.isEmpty, "inner panels omit y labels")
    }
}
