import Render

/// A heading: a destination, an outline item and, for levels 1 and 2, a line of the contents.
struct HeadingFlow: WholeFlowBlock {
    var text: String
    var level: Int
    var anchor: String
    var paragraph: Paragraph
    var height: Double
    var spaceAbove: Double

    var role: FlowRole { .heading(level: level, title: text, spaceAbove: spaceAbove) }
    var spaceAfter: Double { 4 }

    func contentsEntry(for units: Range<Int>) -> ContentsEntry? {
        level <= 2 ? ContentsEntry(text: text, style: level == 1 ? .section : .subsection, anchor: anchor) : nil
    }

    func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas) {
        let pdf = page.pdf
        pdf.addDestination(named: anchor, at: Point(x: page.left, y: y))
        let parent = level == 1 ? OutlineItem.root : (page.outline[level - 1] ?? .root)
        page.outline[level] = pdf.addOutlineItem(text, destination: anchor, parent: parent, open: level == 1)
        for deeper in (level + 1)...4 { page.outline[deeper] = nil }
        pdf.structure(.heading(level: level)) { pdf.draw(paragraph, at: Point(x: page.left, y: y), width: page.width) }
    }
}
