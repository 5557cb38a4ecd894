import Analysis
import Dataset
import Render

/// A measured piece of the report body, ready to be placed on pages.
enum FlowBlock {
    case heading(HeadingBlock)
    case text(TextBlock)
    case keyFigures([ResolvedKeyFigure], height: Double)
    case figure(FigureBlock)
    case table(TableBlock)
    case pageBreak
}

struct HeadingBlock {
    var text: String
    var level: Int
    var anchor: String
    var paragraph: Paragraph
    var height: Double
    var spaceAbove: Double
}

struct TextBlock {
    var paragraph: Paragraph
    var metrics: ParagraphMetrics
    var indent: Double
    /// Drawn in the margin of the first line: a list bullet.
    var bullet: Paragraph?
    var spaceAfter: Double
}

struct FigureBlock {
    var index: Int
    var anchor: String
    var chart: LaidOutChart
    var caption: Paragraph
    var captionHeight: Double
    var notes: [Paragraph]
    var notesHeight: Double
    var height: Double { chart.scene.size.height + 6 + captionHeight + notesHeight }
}

struct TableBlock {
    var index: Int
    var anchor: String
    var caption: Paragraph
    var captionHeight: Double
    var layout: TableLayout
    var notes: [Paragraph]
    var notesHeight: Double
}
