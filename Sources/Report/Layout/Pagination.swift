import Render

/// Where one block (or part of one) sits on a page.
enum Placement {
    case heading(HeadingBlock, y: Double)
    case text(TextBlock, lines: Range<Int>, y: Double)
    case keyFigures([ResolvedKeyFigure], y: Double)
    case figure(FigureBlock, y: Double)
    case table(TableBlock, rows: Range<Int>, continued: Bool, y: Double)
}

/// Body pages: blocks placed top to bottom, with the section each page is in (for the running header).
struct PagePlan {
    var placements: [Placement] = []
    var section: String?
}

/// Fills pages with blocks: headings kept with what follows, paragraphs split between lines with
/// at least two lines on each side (no widows or orphans), figures kept whole with their
/// captions, long tables split between rows with the header repeated. A figure that does not fit
/// floats to the top of the next page while the text after it fills the rest of this one, as
/// figures do in typeset books; it never floats past the next heading, table or page break.
struct Paginator {
    let top: Double
    let bottom: Double
    let minimumLines = 2

    func paginate(_ blocks: [FlowBlock]) -> [PagePlan] {
        var pages: [PagePlan] = [PagePlan()]
        var y = top
        var section: String?
        var floating: [FigureBlock] = []
        func remaining() -> Double { bottom - y }
        func atTop() -> Bool { pages[pages.count - 1].placements.isEmpty }
        func place(_ figure: FigureBlock) {
            pages[pages.count - 1].placements.append(.figure(figure, y: y))
            y += figure.height + 14
        }
        func newPage() {
            pages.append(PagePlan(placements: [], section: section))
            y = top
            // Floating figures go first, as many as fit; the rest wait for the following page.
            while let figure = floating.first, atTop() || figure.height <= remaining() {
                floating.removeFirst()
                place(figure)
            }
        }
        /// Blocks other than text do not pass a floating figure: set the figures first.
        func settleFloats() {
            while !floating.isEmpty { newPage() }
        }

        for (index, block) in blocks.enumerated() {
            if case .text = block {} else if case .figure = block {} else { settleFloats() }
            switch block {
            case .pageBreak:
                if !atTop() { newPage() }
            case .heading(let heading):
                let above = atTop() ? 0 : heading.spaceAbove
                // Keep the heading with the first lines of what follows.
                let needed = above + heading.height + 4 + firstPieceHeight(blocks, after: index)
                if needed > remaining() && !atTop() { newPage() }
                if heading.level == 1 {
                    section = heading.text
                    if atTop() { pages[pages.count - 1].section = section }
                }
                y += atTop() ? 0 : heading.spaceAbove
                pages[pages.count - 1].placements.append(.heading(heading, y: y))
                y += heading.height + 4
            case .text(let text):
                var line = 0
                let count = text.metrics.lineCount
                while line < count {
                    var fitting = text.metrics.linesFitting(height: remaining(), from: line)
                    if fitting < count - line {
                        // Leave no orphan at the foot and no widow at the head of the next page.
                        if count - line - fitting < minimumLines { fitting = count - line - minimumLines }
                        if fitting < minimumLines { fitting = 0 }
                    }
                    if fitting <= 0 {
                        if atTop() { fitting = min(count - line, max(1, text.metrics.linesFitting(height: bottom - top, from: line))) } else {
                            newPage()
                            continue
                        }
                    }
                    let range = line..<(line + fitting)
                    pages[pages.count - 1].placements.append(.text(text, lines: range, y: y))
                    y += text.metrics.lineBottoms[range.upperBound - 1] - text.metrics.lineTops[range.lowerBound]
                    line += fitting
                    if line < count { newPage() }
                }
                y += text.spaceAfter
            case let .keyFigures(figures, height):
                if height > remaining() && !atTop() { newPage() }
                pages[pages.count - 1].placements.append(.keyFigures(figures, y: y))
                y += height + 12
            case .figure(let figure):
                if !floating.isEmpty || (figure.height > remaining() && !atTop()) {
                    floating.append(figure)
                } else {
                    place(figure)
                }
            case .table(let table):
                var row = 0
                let rows = table.layout.rowHeights.count
                var continued = false
                repeat {
                    let captionHeight = table.captionHeight + 4
                    var fitting = 0
                    var used = captionHeight + table.layout.headerHeight + 3
                    while row + fitting < rows && used + table.layout.rowHeights[row + fitting] <= remaining() - (row + fitting == rows - 1 ? table.notesHeight : 0) {
                        used += table.layout.rowHeights[row + fitting]
                        fitting += 1
                    }
                    // Fewer than three rows of a long table at the foot of a page reads badly; start afresh.
                    if fitting < min(3, rows - row) && !atTop() {
                        newPage()
                        continue
                    }
                    fitting = max(fitting, min(1, rows - row))
                    pages[pages.count - 1].placements.append(.table(table, rows: row..<(row + fitting), continued: continued, y: y))
                    y += captionHeight + table.layout.height(rows: row..<(row + fitting))
                    row += fitting
                    if row < rows {
                        newPage()
                        continued = true
                    }
                } while row < rows
                y += table.notesHeight + 14
            }
        }
        settleFloats()
        if pages.last?.placements.isEmpty == true && pages.count > 1 { pages.removeLast() }
        return pages
    }

    /// The least of the next block that must share a page with a heading above it.
    private func firstPieceHeight(_ blocks: [FlowBlock], after index: Int) -> Double {
        guard index + 1 < blocks.count else { return 0 }
        switch blocks[index + 1] {
        case .text(let text):
            let lines = min(text.metrics.lineCount, 3) - 1
            return lines >= 0 ? text.metrics.lineBottoms[lines] : 0
        case .figure(let figure): return figure.height
        case .keyFigures(_, let height): return height
        case .table(let table): return table.captionHeight + table.layout.height(rows: 0..<min(3, table.layout.rowHeights.count))
        case .heading(let heading): return heading.height
        case .pageBreak: return 0
        }
    }
}
