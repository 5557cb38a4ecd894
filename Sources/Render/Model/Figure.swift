/// A chart with everything needed to draw it: theme and physical size.
public struct Figure: Sendable {
    public var chart: Chart
    public var theme: Theme
    public var width: Length
    public var height: Length

    public init(chart: Chart, theme: Theme = .paper, width: Length? = nil, height: Length? = nil) {
        self.chart = chart
        self.theme = theme
        self.width = width ?? theme.defaultWidth
        self.height = height ?? theme.defaultHeight
    }
}
