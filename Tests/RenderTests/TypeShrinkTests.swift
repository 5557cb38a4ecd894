import Foundation
import Testing
@testable import Render
import RenderCairo
import TestSupport

/// Labels that do not fit shrink, but never below the minimum type size (6 pt unless a journal
/// preset sets its own); below that the chart is refused with the size it needs.
@Suite struct TypeShrinkTests {
    let renderer = ChartRenderer()
    let categories = (1...24).map { "Category \($0)" }

    func figure(height: Length, minimum: Double) -> Figure {
        var theme = Theme.paper
        theme.minimumTypeSize = minimum
        let chart = BarChart(categories: categories, values: categories.indices.map { Double($0 + 1) }, orientation: .horizontal)
        return chart.figure(theme: theme, width: .mm(85), height: height)
    }

    @Test func labelsShrinkToTheMinimumBeforeTheChartIsRefused() throws {
        #expect(Theme.paper.minimumTypeSize == 6)
        #expect(Theme.paper.tickLabelSize == 8)
        // Without shrinking (minimum = the tick size) the chart needs more height than with it.
        let atEight = try #require(renderer.layout(figure(height: .mm(40), minimum: 8)).requiredHeight)
        let refused = renderer.layout(figure(height: .mm(40), minimum: 6))
        let atSix = try #require(refused.requiredHeight)
        #expect(refused.shrunkTickLabelSize == 6)
        #expect(atSix < atEight - 10, "at 6 pt \(atSix) pt, at 8 pt \(atEight) pt")
        // Between the two heights the labels fit once shrunk, at a size from 6 up to 7.5 pt.
        let between = Length.pt((atSix + atEight) / 2)
        let fitted = renderer.layout(figure(height: between, minimum: 6))
        #expect(fitted.requiredHeight == nil)
        let size = try #require(fitted.shrunkTickLabelSize)
        #expect(size >= 6 && size < 8)
        let labels = fitted.boxes.panels[0].yTickLabels
        #expect(labels.map(\.text).sorted() == categories.sorted())
        #expect(labels.allSatisfy { $0.font.size == size })
        // The refusal names the minimum it shrank to.
        #expect(throws: RenderError.self) { try renderer.render(figure(height: .mm(40), minimum: 6), as: .png) }
        do {
            _ = try renderer.render(figure(height: .mm(40), minimum: 6), as: .png)
        } catch {
            #expect("\(error)".contains("even with the labels shrunk to the 6 pt minimum"))
        }
        // A figure whose labels fit keeps the theme's size.
        #expect(renderer.layout(figure(height: .pt(atEight + 1), minimum: 6)).shrunkTickLabelSize == nil)
    }

    /// A journal's minimum wins over the default 6 pt (IEEE asks for 8 pt: no shrinking at all).
    @Test func journalMinimumIsKept() throws {
        let ieee = try #require(JournalPreset.named("ieee"))
        // IEEE's guidelines ask for 9–10 pt type, so nothing shrinks below 9 pt.
        #expect(ieee.adjusting(.paper).minimumTypeSize == 9)
        let nature = try #require(JournalPreset.named("nature"))
        #expect(nature.adjusting(.paper).minimumTypeSize == 6)
    }
}
