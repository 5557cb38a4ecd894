/// A chart in data terms: panels of marks on scales, plus titles and keys. No sizes in points and
/// no drawing: `ChartLayout` turns it into a `Scene` for a given size, theme and text measurer.
public struct Chart: Sendable {
    /// States the finding ("Attacks fell by half after 2014"), not the variables.
    public var title: String?
    /// A line under the title: what, where, when, in which unit.
    public var subtitle: String?
    /// "Source: ..." line under the chart.
    public var source: String?
    /// Further notes under the source (definitions, caveats).
    public var caption: String?
    /// One panel, or several for small multiples.
    public var panels: [Panel]
    /// Columns of the small-multiple grid; nil chooses from the panel count.
    public var columns: Int?
    /// The key for series colours and styles; nil when one series needs none.
    public var legend: Legend?
    /// The key for a continuous colour scale (heat maps).
    public var colorBar: ColorBar?

    /// A chart; the layout fits it to a theme and size.
    public init(title: String? = nil, subtitle: String? = nil, source: String? = nil, caption: String? = nil,
                panels: [Panel], columns: Int? = nil, legend: Legend? = nil, colorBar: ColorBar? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.source = source
        self.caption = caption
        self.panels = panels
        self.columns = columns
        self.legend = legend
        self.colorBar = colorBar
    }
}

/// One plotting area with its own axes.
public struct Panel: Sendable {
    /// Label above the panel in small multiples.
    public var title: String?
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// What is drawn, in painting order, clipped to the plot.
    public var marks: [Mark]
    /// Labels placed so they avoid each other: event lines and labelled points.
    public var annotations: [Annotation]

    /// A panel of marks on two axes.
    public init(title: String? = nil, x: Axis, y: Axis, marks: [Mark], annotations: [Annotation] = []) {
        self.title = title
        self.x = x
        self.y = y
        self.marks = marks
        self.annotations = annotations
    }
}
