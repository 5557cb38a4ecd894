import Analysis
import Dataset
import Render

/// A chart asked for by name and data selection, from the command line or a report spec:
/// which kind, which table, what on each axis, which events.
public struct ChartRequest: Sendable {
    /// The kind to draw, from `ChartKinds`; it also chooses which statistic of the table is computed.
    public var kind: any ChartKind.Type
    /// The corpus table the chart reads (attacks, exercises, documents, membership, indicators).
    public var table: String
    /// year, country or kind (bar); year (line, cumulative, heat map columns).
    public var x: String
    /// count, killed, wounded (bars and lines); rate (dumbbell).
    public var y: String
    /// A second grouping drawn as series, stacks, lanes or heat-map rows: country, kind.
    public var by: String?
    /// Which events count: period, countries, status at the time, kinds.
    public var filter: EventFilter
    /// Periods compared by a dumbbell or slope chart.
    public var periods: [Period]
    /// The chart's title; nil takes the kind's default for the table.
    public var title: String?
    /// A line under the title.
    public var subtitle: String?
    /// Dated notes drawn as event lines ("2017: India and Pakistan join").
    public var annotations: [EventNote]
    /// Merges kinds before grouping, e.g. agreement, convention, treaty → "binding instruments".
    public var kindGroups: [String: String]
    /// `briefing` or `paper`.
    public var theme: String
    /// The figure's width; nil takes the theme's.
    public var width: Length?
    /// The figure's height; nil takes the theme's.
    public var height: Length?

    /// A request; everything but the kind and the table has a default (counts per year, all events).
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
    /// The chart with its data, ready for any backend.
    public var spec: ChartSpec
    /// Source ids of every row drawn.
    public var sourceIDs: [String]
    /// Coverage caveats to print under the chart.
    public var caveats: [String]
    /// The data as a table, written beside the figure in figure sets.
    public var data: ResultTable
    /// What the years drawn cover: years without data drawn as gaps, collection breaks crossed,
    /// a changed or fixed set of states. Printed in full under the figure.
    public var coverageNotes: [String] = []
}

/// Why a chart cannot be drawn as asked.
public struct ChartRequestError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, and how to ask instead.
    public var message: String
    /// An error with this message.
    public init(_ message: String) { self.message = message }
    /// The message.
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
