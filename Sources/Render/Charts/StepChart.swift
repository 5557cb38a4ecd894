/// Lines that hold each value until the next x: counts that change in steps (members of a
/// body, laws in force). A line chart drawn with steps, as its own kind so `chart step` names it.
public struct StepChart: ChartKind, Equatable {
    /// The line chart drawn with steps.
    public var line: LineChart

    /// A step chart of `line`'s series.
    public init(_ line: LineChart) {
        var line = line
        line.stepped = true
        self.line = line
    }

    /// Title, subtitle, source and caption.
    public var text: ChartText {
        get { line.text }
        set { line.text = newValue }
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart { line.chart(theme: theme) }
}

extension StepChart {
    /// The kind's name in specs and on the command line.
    public static let name = "step"
    /// Event notes are drawn on its time axis, as on a line chart.
    public static let drawsEventNotes = true
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.groups()

    /// One stepped line per series along the years.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        do {
            self.init(try LineChart(binding: binding))
        } catch {
            throw ChartBindingError(error.message.replacingOccurrences(of: "a line chart", with: "a step chart"))
        }
    }

    /// Reads a line chart's flat spec fields and draws it with steps.
    public init(from decoder: Decoder) throws {
        self.init(try LineChart(from: decoder))
    }
}
