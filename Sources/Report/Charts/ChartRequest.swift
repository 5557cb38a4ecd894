import Analysis
import Dataset
import Render

/// A chart asked for by name and data selection, from the command line or a report spec:
/// which kind, which table, what on each axis, which events.
public struct ChartRequest: Sendable {
    /// The kind to draw, from `ChartKinds`; it also chooses which statistic of the table is computed.
    public var kind: any ChartKind.Type
    public var table: String
    /// year, country or kind (bar); year (line, cumulative, heat map columns).
    public var x: String
    /// count, killed, wounded (bars and lines); rate (dumbbell).
    public var y: String
    /// A second grouping drawn as series, stacks, lanes or heat-map rows: country, kind.
    public var by: String?
    public var filter: EventFilter
    /// Periods compared by a dumbbell or slope chart.
    public var periods: [Period]
    public var title: String?
    public var subtitle: String?
    public var annotations: [EventNote]
    /// Merges kinds before grouping, e.g. agreement, convention, treaty → "binding instruments".
    public var kindGroups: [String: String]
    public var theme: String
    public var width: Length?
    public var height: Length?

    public init(kind: any ChartKind.Type, table: String, x: String = "year", y: String = "count", by: String? = nil,
                filter: EventFilter = EventFilter(), periods: [Period] = [], title: String? = nil, subtitle: String? = nil,
                annotations: [EventNote] = [], kindGroups: [String: String] = [:], theme: String = "briefing", width: Length? = nil, height: Length? = nil) {
        self.kind = kind
        self.table = table
        self.x = x
        self.y = y
        self.by = by
        self.filter = filter
        self.periods = periods
        self.title = title
        self.subtitle = subtitle
        self.annotations = annotations
        self.kindGroups = kindGroups
        self.theme = theme
        self.width = width
        self.height = height
    }
}

/// A chart ready to draw, with the rows it used so its source line and the report's
/// source appendix can name them.
public struct BuiltChart: Sendable {
    public var spec: ChartSpec
    /// Source ids of every row drawn.
    public var sourceIDs: [String]
    /// Coverage caveats to print under the chart.
    public var caveats: [String]
    /// The data as a table, written beside the figure in figure sets.
    public var data: ResultTable
}

/// Why a chart cannot be drawn as asked.
public struct ChartRequestError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension EventNote {
    /// Parses "2017: India and Pakistan join" (the year is the line's position).
    public init(parsing text: String) throws(ChartRequestError) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let year = Double(parts[0].trimmingCharacters(in: .whitespaces)) else {
            throw ChartRequestError("annotation '\(text)' must look like '2017: India and Pakistan join'")
        }
        self.init(x: year, label: text.trimmingCharacters(in: .whitespaces))
    }
}
