import Render

/// Where one block (or a piece of one) sits on a page.
struct Placement {
    var block: any FlowBlock
    /// The lines or rows of the block on this page.
    var units: Range<Int>
    var y: Double
}

/// Why a body page ends where it does. The page-foot rule (no foot more than a third empty)
/// gives way only to a reason recorded here, never to a page picked out by number.
enum PageEnd: Equatable {
    /// The next block, or its next piece, did not fit: the page is as full as its blocks allow.
    case full
    /// A heading kept with the start of what follows it needed `needed` points and `left` were left.
    case heading(needed: Double, left: Double)
    /// The spec's page break.
    case pageBreak
    /// A figure waiting for a page needed `needed` points, `left` were left, and a heading follows
    /// that it may not pass: nothing else may fill the page.
    case floatBeforeHeading(needed: Double, left: Double)
    /// Figures waiting for a page were set before a table or page break that may not pass them.
    case floats
    /// The report's last page.
    case last
}

/// Body pages: blocks placed top to bottom, with the section each page is in (for the running
/// header) and why the page ended.
struct PagePlan {
    var placements: [Placement] = []
    var section: String?
    var end: PageEnd = .last
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
        func newPage(_ end: PageEnd) {
            pages[pages.count - 1].end = end
            pages.append(PagePlan(placements: [], section: section))
            y = top
            // Floating figures go first, as many as fit; the rest wait for the following page.
            while let figure = floating.first, atTop() || figure.height(of: 0..<figure.unitCount) <= remaining() {
                floating.removeFirst()
                placeWhole(figure)
            }
        }
        /// Blocks other than text do not pass a floating figure: set the figures first.
        func settleFloats(beforeHeading: Bool) {
            while let figure = floating.first {
                newPage(beforeHeading ? .floatBeforeHeading(needed: figure.height(of: 0..<figure.unitCount), left: remaining()) : .floats)
            }
        }

        for (index, block) in blocks.enumerated() {
            switch block.role {
            case .text, .float: break
            case .heading: settleFloats(beforeHeading: true)
            case .fixed, .pageBreak: settleFloats(beforeHeading: false)
            }
            switch block.role {
            case .pageBreak:
                if !atTop() { newPage(.pageBreak) }
            case let .heading(level, title, spaceAbove):
                let above = atTop() ? 0 : spaceAbove
                // Keep the heading with the first lines of what follows.
                let next = index + 1 < blocks.count ? blocks[index + 1].leadHeight : 0
                let needed = above + block.height(of: 0..<1) + block.spaceAfter + next
                if needed > remaining() && !atTop() { newPage(.heading(needed: needed, left: remaining())) }
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
                        newPage(.full)
                        continue
                    }
                    place(block, unit..<(unit + fitting))
                    unit += fitting
                    if unit < count { newPage(.full) }
                }
                y += block.spaceAfter
            }
        }
        settleFloats(beforeHeading: false)
        if pages.last?.placements.isEmpty == true && pages.count > 1 { pages.removeLast() }
        pages[pages.count - 1].end = .last
        return pages
    }
}
