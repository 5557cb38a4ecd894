/// A chart in data terms: panels of marks on scales, plus titles and keys. No sizes in points and
/// no drawing: `ChartLayout` turns it into a `Scene` for a given size, theme and text measurer.
public struct Chart: Sendable {
    /// States the finding ("Attacks fell by half after 2014"), not the variables.
    public var title: String?
    public var subtitle: String?
    /// "Source: ..." line under the chart.
    public var source: String?
    /// Further notes under the source (definitions, caveats).
    public var caption: String?
    /// One panel, or several for small multiples.
    public var panels: [Panel]
    /// Columns of the small-multiple grid; nil chooses from the panel count.
    public var columns: Int?
    public var legend: Legend?
    public var colorBar: ColorBar?

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
    public var x: Axis
    public var y: Axis
    public var marks: [Mark]
    public var annotations: [Annotation]

    public init(title: String? = nil, x: Axis, y: Axis, marks: [Mark], annotations: [Annotation] = []) {
        self.title = title
        self.x = x
        self.y = y
        self.marks = marks
        self.annotations = annotations
    }
}
