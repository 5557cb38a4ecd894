/// A chart with everything needed to draw it: theme and physical size.
public struct Figure: Sendable {
    /// What to draw.
    public var chart: Chart
    /// Type, colours and line widths.
    public var theme: Theme
    /// The physical width of the page or image.
    public var width: Length
    /// The physical height.
    public var height: Length
    /// Whether the height was asked for. A figure of the theme's default height grows to give
    /// every category its label; one of a fixed height is refused when they do not fit.
    public var heightIsFixed: Bool

    /// A figure; width and height default to the theme's.
    public init(chart: Chart, theme: Theme = .paper, width: Length? = nil, height: Length? = nil) {
        self.chart = chart
        self.theme = theme
        self.width = width ?? theme.defaultWidth
        self.height = height ?? theme.defaultHeight
        self.heightIsFixed = height != nil
    }

    /// A layout of this figure measuring text with `measurer`.
    public func layout(measuringWith measurer: TextMeasurer) -> ChartLayout {
        ChartLayout(theme: theme, width: width, height: height, measurer: measurer, growsToFitCategories: !heightIsFixed)
    }
}
