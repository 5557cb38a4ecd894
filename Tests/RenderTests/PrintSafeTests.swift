import Foundation
import Testing
@testable import Render
import RenderCairo
import TestSupport

/// Figures that survive greyscale print: the palette's grey values, fill patterns, dashes, whole-
/// number ticks on counts, and step lines without stubs.
@Suite struct PrintSafeTests {
    /// Our grey conversion is the one the production editor measured with: Okabe–Ito's orange,
    /// sky blue, reddish purple, bluish green and vermillion come out 162, 158, 151, 106 and 119.
    @Test func greyLevelsMatchTheEditorsMeasurements() {
        let measured: [(UInt32, Int)] = [(0xE69F00, 162), (0x56B4E9, 158), (0xCC79A7, 151), (0x009E73, 106), (0xD55E00, 119), (0x0072B2, 87)]
        for (rgb, grey) in measured {
            #expect(Int((Color(rgb: rgb).greyLevel * 255).rounded()) == grey)
        }
    }

    /// The guarantee: in both themes the first five series colours differ from each other and from
    /// the background by at least 40 of 255 grey levels (42 in fact), and by at least 18 in CIE L*.
    @Test(arguments: [Theme.paper, Theme.briefing].map(\.name))
    func paletteIsDistinguishableInGrey(_ name: String) {
        let theme = Theme.named(name)!
        let count = theme.palette.distinctGreys
        #expect(count >= 5)
        let colors = Array(theme.palette.colors.prefix(count))
        var smallestGrey = Double.infinity, smallestLightness = Double.infinity
        for i in colors.indices {
            smallestGrey = min(smallestGrey, abs(colors[i].greyLevel - theme.background.greyLevel) * 255)
            for j in colors.indices where j > i {
                smallestGrey = min(smallestGrey, abs(colors[i].greyLevel - colors[j].greyLevel) * 255)
                smallestLightness = min(smallestLightness, abs(colors[i].lightness - colors[j].lightness))
            }
        }
        #expect(smallestGrey >= 40, "smallest grey difference \(smallestGrey)")
        #expect(smallestLightness >= 18, "smallest ΔL* \(smallestLightness)")
        // And the old order failed it: Okabe–Ito's first five include grey 106 and 119.
        let old = Array(CategoricalPalette.okabeIto.colors.prefix(5)).map { $0.greyLevel * 255 }
        let oldSmallest = old.indices.flatMap { i in old.indices.filter { $0 > i }.map { abs(old[i] - old[$0]) } }.min()!
        #expect(oldSmallest < 40)
    }

    /// Series beyond colour: every bar series of a stack has its own fill pattern and every line
    /// its own dash, in both themes; the legend shows the same pattern.
    @Test(arguments: [Theme.paper, Theme.briefing].map(\.name))
    func seriesDifferByPatternAndDash(_ name: String) {
        let theme = Theme.named(name)!
        let series = (0..<6).map { BarChart.Series(name: "s\($0)", values: [1, 2]) }
        let chart = BarChart(categories: ["2001", "2002"], series: series, arrangement: .stacked).chart(theme: theme)
        guard case .bar(let mark) = chart.panels[0].marks[0] else { Issue.record("no bars"); return }
        let styles = Set((0..<6).map { s in mark.bars.first { $0.fill == theme.palette.color(s) }!.pattern })
        #expect(styles.count == 6)
        let swatches = chart.legend!.entries.compactMap { entry -> FillPattern? in
            if case .patterned(_, let pattern) = entry.swatch { return pattern } else { return nil }
        }
        #expect(swatches == (0..<6).map(FillPattern.forSeries))
        let lines = LineChart(series: (0..<4).map { LineChart.Series(name: "l\($0)", x: [2001, 2002], y: [1, 2]) }).chart(theme: theme)
        let dashes = lines.panels[0].marks.compactMap { mark -> DashStyle? in
            if case .line(let line) = mark { return line.dash } else { return nil }
        }
        #expect(Set(dashes).count == 4)
        // The pattern is drawn: lines clipped to each patterned bar.
        let laidOut = FixedWidthLayout().layout(Figure(chart: chart, theme: theme))
        var clips = 0
        func walk(_ items: [SceneItem]) {
            for item in items {
                switch item {
                case .clipped(_, let inner):
                    if inner.count == 1, case .path = inner[0] { clips += 1 }
                    walk(inner)
                case .group(_, let inner): walk(inner)
                default: break
                }
            }
        }
        walk(laidOut.scene.items)
        #expect(clips >= 10 + 5)  // five patterned series × two bars, and five legend swatches
    }

    /// Counts never tick at 2.5: bars of whole numbers get whole-number ticks at every size, while
    /// rates keep fractional ones.
    @Test(arguments: [40.0, 85.0, 178.0])
    func countAxesTickOnWholeNumbers(_ widthMM: Double) {
        for top in [3.0, 5.0, 12.0, 13.0] {
            let counts = BarChart(categories: ["a", "b", "c"], values: [0, top / 2, top].map { $0.rounded() }, orientation: .vertical)
            let figure = counts.figure(theme: .paper, width: .mm(widthMM), height: .mm(50))
            let ticks = FixedWidthLayout().layout(figure).boxes.panels[0].yTicks
            #expect(ticks.count >= 2)
            #expect(ticks.allSatisfy { $0.value == $0.value.rounded() }, "ticks \(ticks.map(\.label)) for counts up to \(top)")
        }
        let rates = BarChart(categories: ["a", "b"], values: [0.2, 1.3], orientation: .vertical)
        #expect(rates.chart(theme: .paper).panels[0].y.wholeNumbers == false)
    }

    /// A step line whose value changes at the last x holds that value for a step instead of
    /// ending in a vertical stub on the plot's edge.
    @Test func stepLinesEndInAStepNotAStub() {
        var chart = LineChart(series: [LineChart.Series(name: "members", x: [2001, 2017, 2023, 2024], y: [6, 8, 9, 10])], xScale: .year)
        chart.stepped = true
        let laidOut = FixedWidthLayout().layout(chart.figure(theme: .paper))
        var last: [Point] = []
        func walk(_ items: [SceneItem]) {
            for item in items {
                switch item {
                case .path(let path, let paint) where paint.stroke?.width == Theme.paper.dataLineWidth:
                    last = path.elements.compactMap { element -> Point? in
                        switch element {
                        case .move(let p), .line(let p): return p
                        default: return nil
                        }
                    }
                case .clipped(_, let inner), .group(_, let inner): walk(inner)
                default: break
                }
            }
        }
        walk(laidOut.scene.items)
        let plot = laidOut.boxes.panels[0].plot
        #expect(last.count >= 3)
        let end = last[last.count - 1], before = last[last.count - 2]
        #expect(end.y == before.y, "the line ends with a vertical segment")
        #expect(end.x - before.x > 5, "the last value holds for a year")
        #expect(abs(end.x - plot.maxX) < 0.5)
    }

    /// `--greyscale` proofs print: every pixel of the PNG is neutral, while the same figure
    /// without the option is in colour.
    @Test func greyscaleOptionDrawsOnlyGreys() throws {
        let series = (0..<3).map { BarChart.Series(name: "s\($0)", values: [Double($0 + 1), 2]) }
        let figure = BarChart(categories: ["2001", "2002"], series: series, arrangement: .stacked).figure(theme: .paper)
        let backend = Backends.cairo().imageBackend(.png)
        var options = RenderOptions(dpi: 72)
        options.greyscale = true
        func neutral(_ png: Data) throws -> Bool {
            let image = try RasterImage(png: png)
            for y in 0..<image.height {
                for x in 0..<image.width {
                    let p = image.pixel(x: x, y: y)
                    if max(p.r, p.g, p.b) - min(p.r, p.g, p.b) > 1 { return false }
                }
            }
            return true
        }
        #expect(try neutral(backend.render(figure, as: .png, options: options)))
        #expect(try !neutral(backend.render(figure, as: .png, options: RenderOptions(dpi: 72))))
    }

    /// Steps are 1, 2, 2.5, 4 or 5 times a power of ten, never 3 (0.3, 30, 300), over a sweep of
    /// ranges and label counts.
    @Test func tickStepsAvoidThrees() throws {
        for upper in stride(from: 0.5, through: 1500, by: 7.3) {
            for count in 2...10 {
                let result = try #require(TickSearch().ticks(from: 0, to: upper, targetCount: count))
                let mantissa = result.step / pow(10, floor(log10(result.step)))
                #expect([1, 2, 2.5, 4, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(result.step) for 0…\(upper)")
            }
        }
    }

    /// Names along the bottom are never thinned: too many for the width even reading upwards, and
    /// the chart is refused with the width that fits; at that width every name has its label.
    @Test func namesAcrossTheBottomAreNeverThinned() throws {
        let names = (1...60).map { "Country \($0)" }
        let chart = BarChart(categories: names, values: names.indices.map { Double($0 % 7) }, orientation: .vertical)
        let narrow = chart.figure(theme: .paper, width: .mm(85), height: .mm(80))
        let laidOut = FixedWidthLayout().layout(narrow)
        let needed = try #require(laidOut.requiredWidth)
        #expect(needed > Length.mm(85).points)
        #expect(laidOut.boxes.panels[0].xTickLabels.count == names.count)
        #expect(throws: RenderError.self) { try Backends.cairo().imageBackend(.png).render(narrow, as: .png) }
        let wide = FixedWidthLayout().layout(chart.figure(theme: .paper, width: .pt(needed), height: .mm(80)))
        #expect(wide.requiredWidth == nil)
        #expect(wide.boxes.panels[0].xTickLabels.map(\.text) == names)
        let labels = wide.boxes.panels[0].xTickLabels
        for i in 1..<labels.count { #expect(!labels[i - 1].overlaps(labels[i]), "\(labels[i].text) overlaps its neighbour") }
    }
}
