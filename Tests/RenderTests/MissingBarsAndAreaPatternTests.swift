import Foundation
import Testing
@testable import Render
import RenderCairo
import TestSupport

/// Missing values on every bar chart are marked "n/a" (never drawn as zero), and stacked areas
/// carry the bar patterns so that they stay apart in greyscale.
@Suite struct MissingBarsAndAreaPatternTests {
    let renderer = ChartRenderer()

    func texts(_ items: [SceneItem]) -> [TextRun] {
        items.flatMap { item -> [TextRun] in
            switch item {
            case .text(let run): return [run]
            case .group(_, let inner), .clipped(_, let inner): return texts(inner)
            default: return []
            }
        }
    }

    func paths(_ items: [SceneItem]) -> [(Path, Paint)] {
        items.flatMap { item -> [(Path, Paint)] in
            switch item {
            case .path(let path, let paint): return [(path, paint)]
            case .group(_, let inner), .clipped(_, let inner): return paths(inner)
            default: return []
            }
        }
    }

    /// A single-series chart (not the RATS one) marks its missing year "n/a" at the bar's place,
    /// keys it, and draws no bar there; a stack marks a category with no value at all.
    @Test(arguments: [BarChart.Arrangement.grouped, .stacked])
    func everyBarChartMarksMissingValues(_ arrangement: BarChart.Arrangement) throws {
        let series = arrangement == .grouped
            ? [BarChart.Series(name: "Attacks", values: [3, nil, 5])]
            : [BarChart.Series(name: "a", values: [3, nil, 5]), BarChart.Series(name: "b", values: [1, nil, 2])]
        let chart = BarChart(categories: ["2001", "2002", "2003"], series: series, arrangement: arrangement)
        let laidOut = renderer.layout(chart.figure(theme: .paper, width: .mm(85)))
        let runs = texts(laidOut.scene.items)
        let marks = runs.filter { $0.text == "n/a" }
        // One at the bar's place, one in the key.
        #expect(marks.count == 2)
        #expect(runs.contains { $0.text == "not reported" })
        let built = chart.chart(theme: .paper)
        guard case .bar(let bars) = built.panels[0].marks[0] else { Issue.record("no bars"); return }
        #expect(!bars.bars.contains { $0.position == 1 }, "a bar drawn for the missing year")
        // The mark sits over 2002's tick, not 2001's or 2003's.
        let ticks = laidOut.boxes.panels[0].xTickLabels
        let tick2002 = try #require(ticks.first { $0.text == "2002" })
        let inPlot = try #require(marks.min { abs($0.bounds.midX - tick2002.bounds.midX) < abs($1.bounds.midX - tick2002.bounds.midX) })
        #expect(abs(inPlot.bounds.midX - tick2002.bounds.midX) < 1)
    }

    /// A stack with one layer missing in a category marks nothing (a mark per layer would
    /// collide); a chart can switch marks off; the words come from the chart.
    @Test func wordsAndSwitch() {
        var chart = BarChart(categories: ["2001", "2002"], values: [3, nil])
        chart.words.notReported = "н/д"
        chart.words.notReportedKey = "нет данных"
        let runs = texts(renderer.layout(chart.figure(theme: .paper, width: .mm(85))).scene.items).map(\.text)
        #expect(runs.filter { $0 == "н/д" }.count == 2)
        #expect(runs.contains("нет данных"))
        chart.marksMissing = false
        #expect(!texts(renderer.layout(chart.figure(theme: .paper, width: .mm(85))).scene.items).contains { $0.text == "н/д" })
        let partial = BarChart(categories: ["2001", "2002"],
                               series: [.init(name: "a", values: [3, 1]), .init(name: "b", values: [nil, 2])], arrangement: .stacked)
        #expect(!texts(renderer.layout(partial.figure(theme: .paper, width: .mm(85))).scene.items).contains { $0.text == "n/a" })
    }

    /// Pattern lines cut to a triangle: every piece lies inside it, and the lengths add up to the
    /// analytic total (horizontal lines through a right triangle of legs 40: Σ of 40 − y).
    @Test func patternLinesAreCutToThePolygon() {
        let triangle = [Point(x: 0, y: 0), Point(x: 40, y: 40), Point(x: 0, y: 40)]
        let path = FillPattern.horizontal.lines(inside: triangle, spacing: 4)
        var total = 0.0
        var start: Point?
        for element in path.elements {
            switch element {
            case .move(let p): start = p
            case .line(let p):
                let a = start!
                #expect(abs(a.y - p.y) < 1e-9)
                let mid = Point(x: (a.x + p.x) / 2, y: a.y)
                #expect(FillPattern.contains(triangle, mid))
                #expect(a.x >= -1e-9 && p.x <= a.y + 1e-9, "piece \(a)–\(p) leaves the triangle")
                total += abs(p.x - a.x)
            default: break
            }
        }
        // Lines at y = 4, 8, …, 36 (y = 0 and 40 touch only a vertex or an edge): widths y.
        let expected = stride(from: 4.0, through: 36, by: 4).reduce(0, +)
        #expect(abs(total - expected) < 1e-6, "total \(total), expected \(expected)")
        // A diagonal pattern's pieces too stay inside.
        for case .line(let p) in FillPattern.crosshatch.lines(inside: triangle, spacing: 3).elements {
            #expect(p.x >= -1e-6 && p.x <= p.y + 1e-6)
        }
    }

    /// Stacked areas in the paper theme: each layer after the first has its series' pattern, the
    /// key shows the same pattern, and the laid-out scene holds pattern strokes; overlapping
    /// areas and single areas stay plain.
    @Test(arguments: [Theme.paper, Theme.briefing].map(\.name))
    func stackedAreasCarryTheBarPatterns(_ name: String) {
        let theme = Theme.named(name)!
        let series = (0..<4).map { AreaChart.Series(name: "s\($0)", values: [1, 2, 3, 2]) }
        let chart = AreaChart(x: [2001, 2002, 2003, 2004], series: series)
        let built = chart.chart(theme: theme)
        let patterns = built.panels[0].marks.compactMap { mark -> FillPattern? in
            if case .area(let area) = mark { return area.pattern } else { return nil }
        }
        #expect(patterns == (0..<4).map(FillPattern.forSeries))
        let keyed = built.legend!.entries.compactMap { entry -> FillPattern? in
            if case .patterned(_, let pattern) = entry.swatch { return pattern } else { return nil }
        }
        #expect(Set(keyed) == Set(patterns))
        let laidOut = renderer.layout(chart.figure(theme: theme, width: .mm(85)))
        let strokes = paths(laidOut.scene.items).filter { path, paint in
            paint.stroke.map { $0.color == .white || $0.color == .gray(0.1) } ?? false && path.elements.count > 10
        }
        #expect(strokes.count >= 3, "pattern strokes in the scene: \(strokes.count)")
        var overlapping = chart
        overlapping.arrangement = .grouped
        let plain = overlapping.chart(theme: theme).panels[0].marks.compactMap { mark -> FillPattern? in
            if case .area(let area) = mark { return area.pattern } else { return nil }
        }
        #expect(plain.allSatisfy { $0 == .solid })
    }

    /// In greyscale print the layers of a stack differ: each layer's pixels show more than one
    /// grey (fill and pattern lines) except the solid first, measured on the rendered PNG.
    @Test func stackedAreasStayApartInGreyscalePNG() throws {
        let series = (0..<3).map { AreaChart.Series(name: "s\($0)", values: [4, 4, 4, 4]) }
        // Shares, so that the value axis runs exactly from 0 to 1 and each layer is a third of the plot.
        let chart = AreaChart(x: [2001, 2002, 2003, 2004], series: series, arrangement: .filled)
        let figure = chart.figure(theme: .paper, width: .mm(85), height: .mm(60))
        var options = RenderOptions()
        options.greyscale = true
        options.dpi = 300
        let png = try renderer.render(figure, as: .png, options: options)
        let image = try RasterImage(png: png)
        let laidOut = renderer.layout(figure)
        let plot = laidOut.boxes.panels[0].plot
        let scale = 300.0 / 72
        // The middle of each layer, in pixels.
        var greysPerLayer: [Set<UInt8>] = []
        for layer in 0..<3 {
            let centreY = plot.maxY - plot.height * (Double(layer) + 0.5) / 3
            var greys = Set<UInt8>()
            for dx in stride(from: -30.0, through: 30, by: 0.5) {
                for dy in stride(from: -3.0, through: 3, by: 0.5) {
                    let px = Int((plot.midX + dx) * scale), py = Int((centreY + dy) * scale)
                    greys.insert(image.pixel(x: px, y: py).r)
                }
            }
            greysPerLayer.append(greys)
        }
        #expect(greysPerLayer[0].count <= 2, "first layer is solid: \(greysPerLayer[0].sorted())")
        #expect(greysPerLayer[1].count > 2 && greysPerLayer[2].count > 2)
    }

    /// On a narrow chart neighbouring "n/a" marks would overlap: they turn to read upwards, each
    /// in its own bar's slot, and no two texts overlap.
    @Test func crowdedMarksTurnUpwards() {
        let years = (2001...2030).map(String.init)
        let chart = BarChart(categories: years, values: years.indices.map { $0 % 3 == 0 ? Double($0 % 5 + 1) : nil })
        let runs = texts(renderer.layout(chart.figure(theme: .paper, width: .mm(85))).scene.items)
        let marks = runs.filter { $0.text == "n/a" && $0.rotation == 90 }
        #expect(marks.count == 20)
        // Shrunk to fit the 7.4 pt slots, never below the 6 pt minimum.
        #expect(marks.allSatisfy { $0.font.size >= 6 && $0.font.size < 8 })
        for i in runs.indices {
            for j in runs.indices where j > i {
                #expect(!runs[i].overlaps(runs[j]), "'\(runs[i].text)' overlaps '\(runs[j].text)'")
            }
        }
        // A wide chart keeps them level.
        let wide = BarChart(categories: ["2001", "2002", "2003"], values: [1, nil, 2])
        #expect(texts(renderer.layout(wide.figure(theme: .paper, width: .mm(178))).scene.items).filter { $0.text == "n/a" }.allSatisfy { $0.rotation == 0 })
    }
}
