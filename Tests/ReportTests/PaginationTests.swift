import Testing
@testable import Report
import Support

/// The paginator against blocks of known sizes: it sees blocks only through `FlowBlock`, so
/// these need no fonts and no document.
@Suite struct PaginationTests {
    /// Units of 10 points each; splits anywhere, placed at least one unit on an empty page.
    struct Lines: FlowBlock {
        var name: String
        var count: Int
        var role: FlowRole = .text
        var unitCount: Int { count }
        var leadHeight: Double { Double(min(count, 3)) * 10 }
        var spaceAfter: Double { 0 }
        func unitsFitting(_ available: Double, from start: Int, atTop: Bool, pageHeight: Double) -> Int {
            let fitting = min(count - start, Int(available / 10))
            return fitting > 0 ? fitting : (atTop ? 1 : 0)
        }
        func height(of units: Range<Int>) -> Double { Double(units.count) * 10 }
        func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas) {}
    }

    /// A block kept whole: a figure (`.float`), a heading or a box.
    struct Whole: WholeFlowBlock {
        var name: String
        var height: Double
        var role: FlowRole = .fixed
        var spaceAfter: Double { 0 }
        func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas) {}
    }

    /// Page by page, each placement as "name units@y".
    private func layout(_ blocks: [any FlowBlock]) -> [[String]] {
        Paginator(top: 0, bottom: 100).paginate(blocks).map { page in
            page.placements.map { placement in
                let name = (placement.block as? Lines)?.name ?? (placement.block as? Whole)?.name ?? "?"
                return "\(name) \(placement.units.lowerBound)..<\(placement.units.upperBound)@\(Int(placement.y))"
            }
        }
    }

    @Test func longTextSplitsAcrossPages() {
        #expect(layout([Lines(name: "t", count: 25)]) == [["t 0..<10@0"], ["t 10..<20@0"], ["t 20..<25@0"]])
    }

    @Test func headingMovesToTheNextPageWithTheStartOfWhatFollows() {
        let heading = Whole(name: "h", height: 10, role: .heading(level: 1, title: "H", spaceAbove: 0))
        // 80 points used; the heading (10) and the three lines it keeps with (30) do not fit in the 20 left.
        #expect(layout([Lines(name: "a", count: 8), heading, Lines(name: "b", count: 5)])
                == [["a 0..<8@0"], ["h 0..<1@0", "b 0..<5@10"]])
    }

    @Test func figureThatDoesNotFitWaitsWhileTextFillsThePage() {
        let figure = Whole(name: "f", height: 50, role: .float)
        #expect(layout([Lines(name: "a", count: 7), figure, Lines(name: "b", count: 5)])
                == [["a 0..<7@0", "b 0..<3@70"], ["f 0..<1@0", "b 3..<5@50"]])
    }

    @Test func boxDoesNotPassAWaitingFigure() {
        let figure = Whole(name: "f", height: 50, role: .float)
        let box = Whole(name: "k", height: 20)
        #expect(layout([Lines(name: "a", count: 7), figure, box]) == [["a 0..<7@0"], ["f 0..<1@0", "k 0..<1@50"]])
    }

    @Test func pageBreakStartsANewPageOnlyWhenThePageHasSomething() {
        #expect(layout([PageBreakFlow(), Lines(name: "a", count: 2), PageBreakFlow(), Lines(name: "b", count: 2)])
                == [["a 0..<2@0"], ["b 0..<2@0"]])
    }

    @Test func levelOneHeadingNamesTheRunningHeaderOfLaterPages() {
        let heading = Whole(name: "h", height: 10, role: .heading(level: 1, title: "Section", spaceAbove: 0))
        let pages = Paginator(top: 0, bottom: 100).paginate([heading, Lines(name: "a", count: 15)])
        #expect(pages.map(\.section) == ["Section", "Section"])
    }
}
