/// A chart laid out at a size: the scene to draw and the boxes of its parts, for tests and for
/// callers that align other content with the plot (e.g. a report placing a caption).
public struct LaidOutChart: Sendable {
    /// Everything to draw, in painting order.
    public var scene: Scene
    /// Where the title, legend, panels and other parts ended up.
    public var boxes: LayoutBoxes
    /// Set when the chart's category labels do not all fit at a fixed height: the height in
    /// points at which they would. Backends refuse such a chart rather than drop labels.
    public var requiredHeight: Double?
    /// Set when a category axis across the chart cannot label every category at this width (even
    /// reading upwards): the width in points at which it could. Backends refuse such a chart.
    public var requiredWidth: Double?
    /// The tick labels' type size when they had to shrink to fit (never below
    /// `Theme.minimumTypeSize`); nil when they kept the theme's size.
    public var shrunkTickLabelSize: Double?

    /// A laid-out chart.
    public init(scene: Scene, boxes: LayoutBoxes, requiredHeight: Double? = nil) {
        self.scene = scene
        self.boxes = boxes
        self.requiredHeight = requiredHeight
    }
}

/// The boxes of a laid-out chart's parts, in page points; nil for a part the chart does not have.
public struct LayoutBoxes: Sendable {
    /// The figure minus its padding.
    public var content: Rect
    /// The title block.
    public var title: Rect?
    /// The subtitle block.
    public var subtitle: Rect?
    /// The legend of categorical entries.
    public var legend: Rect?
    /// The colour bar of a continuous colour scale.
    public var colorBar: Rect?
    /// Source and caption block.
    public var notes: Rect?
    /// One entry per panel (one, or several for small multiples), in reading order.
    public var panels: [PanelBoxes]
}

/// The boxes and ticks of one panel: its plot area, axes and labels.
public struct PanelBoxes: Sendable {
    /// The data area.
    public var plot: Rect
    /// The panel's own title (small multiples).
    public var title: Rect?
    /// Ticks on the x axis after fitting.
    public var xTicks: [Tick]
    /// Ticks on the y axis after fitting.
    public var yTicks: [Tick]
    /// Tick labels as drawn (with their rotated boxes: see `TextRun.corners`).
    public var xTickLabels: [TextRun]
    /// Tick labels of the y axis as drawn.
    public var yTickLabels: [TextRun]
    /// How the x tick labels were made to fit (thinned, rotated, …).
    public var xFitting: TickLabelFitting
    /// How the y tick labels were made to fit.
    public var yFitting: TickLabelFitting
    /// The x axis title.
    public var xAxisTitle: Rect?
    /// The y axis title.
    public var yAxisTitle: Rect?
    /// Event and point labels.
    public var annotationLabels: [TextRun]
}
