/// A chart laid out at a size: the scene to draw and the boxes of its parts, for tests and for
/// callers that align other content with the plot (e.g. a report placing a caption).
public struct LaidOutChart: Sendable {
    public var scene: Scene
    public var boxes: LayoutBoxes
}

public struct LayoutBoxes: Sendable {
    /// The figure minus its padding.
    public var content: Rect
    public var title: Rect?
    public var subtitle: Rect?
    public var legend: Rect?
    public var colorBar: Rect?
    /// Source and caption block.
    public var notes: Rect?
    public var panels: [PanelBoxes]
}

public struct PanelBoxes: Sendable {
    /// The data area.
    public var plot: Rect
    public var title: Rect?
    public var xTicks: [Tick]
    public var yTicks: [Tick]
    /// Tick labels as drawn (with their rotated boxes: see `TextRun.corners`).
    public var xTickLabels: [TextRun]
    public var yTickLabels: [TextRun]
    public var xFitting: TickLabelFitting
    public var yFitting: TickLabelFitting
    public var xAxisTitle: Rect?
    public var yAxisTitle: Rect?
    /// Event and point labels.
    public var annotationLabels: [TextRun]
}
