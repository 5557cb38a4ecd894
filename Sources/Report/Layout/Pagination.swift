import Render

/// Where one block (or a piece of one) sits on a page.
struct Placement {
    var block: any FlowBlock
    /// The lines or rows of the block on this page.
    var units: Range<Int>
    var y: Double
}

/// Body pages: blocks placed top to bottom, with the section each page is in (for the running header).
struct PagePlan {
    var placements: [Placement] = []
    var section: String?
}

/// Fills pages with blocks: headings kept with what follows, every other block split where it
/// says it may be (paragraphs between lines with no widows or orphans, tables between rows),
/// figures kept whole with their captions. A figure that does not fit floats to the top of the
/// next page while the text after it fills the rest of this one, as figures do in typeset books;
/// it never floats past the next heading, table or page break.
struct Paginator {
    let top: Double
    let bottom: Double

    func paginate(_ blocks: [any FlowBlock]) -> [PagePlan] {
        var pages: [PagePlan] = [PagePlan()]
        var y = top
        var section: String?
        var floating: [any FlowBlock] = []
        func remaining() -> Double { bottom - y }
        func atTop() -> Bool { pages[pages.count - 1].placements.isEmpty }
        func place(_ block: any FlowBlock, _ units: Range<Int>) {
            pages[pages.count - 1].placements.append(Placement(block: block, units: units, y: y))
            y += block.height(of: units)
        }
        func placeWhole(_ figure: any FlowBlock) {
            place(figure, 0..<figure.unitCount)
            y += figure.spaceAfter
        }
        func newPage() {
            pages.append(PagePlan(placements: [], section: section))
            y = top
            // Floating figures go first, as many as fit; the rest wait for the following page.
            while let figure = floating.first, atTop() || figure.height(of: 0..<figure.unitCount) <= remaining() {
                floating.removeFirst()
                placeWhole(figure)
            }
        }
        /// Blocks other than text do not pass a floating figure: set the figures first.
        func settleFloats() {
            while !floating.isEmpty { newPage() }
        }

        for (index, block) in blocks.enumerated() {
            switch block.role {
            case .text, .float: break
            case .fixed, .heading, .pageBreak: settleFloats()
            }
            switch block.role {
            case .pageBreak:
                if !atTop() { newPage() }
            case let .heading(level, title, spaceAbove):
                let above = atTop() ? 0 : spaceAbove
                // Keep the heading with the first lines of what follows.
                let next = index + 1 < blocks.count ? blocks[index + 1].leadHeight : 0
                let needed = above + block.height(of: 0..<1) + block.spaceAfter + next
                if needed > remaining() && !atTop() { newPage() }
                if level == 1 {
                    section = title
                    if atTop() { pages[pages.count - 1].section = section }
                }
                y += atTop() ? 0 : spaceAbove
                placeWhole(block)
            case .float:
                if !floating.isEmpty || (block.height(of: 0..<block.unitCount) > remaining() && !atTop()) {
                    floating.append(block)
                } else {
                    placeWhole(block)
                }
            case .text, .fixed:
                let count = block.unitCount
                // An empty table still shows its caption and header; an empty paragraph shows nothing.
                if count == 0, case .fixed = block.role { place(block, 0..<0) }
                var unit = 0
                while unit < count {
                    let fitting = block.unitsFitting(remaining(), from: unit, atTop: atTop(), pageHeight: bottom - top)
                    if fitting <= 0 {
                        newPage()
                        continue
                    }
                    place(block, unit..<(unit + fitting))
                    unit += fitting
                    if unit < count { newPage() }
                }
                y += block.spaceAfter
            }
        }
        settleFloats()
        if pages.last?.placements.isEmpty == true && pages.count > 1 { pages.removeLast() }
        return pages
    }
}
