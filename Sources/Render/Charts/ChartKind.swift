import Foundation

/// What one chart kind is, in one place: its name in specs and on the command line, how it reads
/// itself from a spec (`Decodable`, flat and default-tolerant), which statistic of the data it draws,
/// how it maps bound data onto itself, and how it draws (`ChartBuilding`). Modelled on Vega-Lite's
/// `Record<Mark, MarkCompiler>`: a new kind is one file with one conforming type plus one entry in
/// `ChartKinds.all`; nothing else switches on kinds.
public protocol ChartKind: ChartBuilding, Decodable {
    /// The name a spec's `kind:` and `scobrief chart KIND` use, e.g. "bar".
    static var name: String { get }
    /// The statistic of the data this kind draws by default (as a ggplot2 geom has its stat).
    static var statistic: ChartStatistic { get }
    /// Whether the kind draws event notes (`--annotate`, a spec's `annotations:`) on a time axis;
    /// a request with notes for a kind that would drop them is refused rather than drawn without them.
    static var drawsEventNotes: Bool { get }
    /// The channels a table's columns can be mapped to for this kind (Vega-Lite's encoding
    /// channels per mark); a mapping to any other channel is refused rather than ignored.
    static var channels: Set<ChartChannel> { get }
    /// Title, subtitle, source and caption.
    var text: ChartText { get set }
    /// The chart of data already bound to channels; throws when the data cannot make this kind
    /// (e.g. a slope chart given three periods).
    init(binding: ChartBinding) throws(ChartBindingError)
}

extension ChartKind {
    /// Most kinds have no time axis to mark; the ones that do say so.
    public static var drawsEventNotes: Bool { false }

    /// By default what the statistic implies: x, y and colour for values per x and for pairs and
    /// periods; nothing for dated events, which only the corpus has.
    public static var channels: Set<ChartChannel> {
        switch statistic {
        case .groups, .pairs, .periodRates: return [.x, .y, .color]
        case .occurrences: return []
        }
    }
}

/// A channel a column of a table can be mapped to (`--x`, `--y`, `--color`, …), as in ggplot2's
/// `aes()` and Vega-Lite's `encoding`, plus the two bar options that arrange marks.
public enum ChartChannel: String, Sendable, CaseIterable {
    /// Position along x.
    case x
    /// The value (or, on a heat map, the rows).
    case y
    /// Series told apart by colour (lines, stacks, groups), or the categories compared (dumbbell, slope).
    case color
    /// The value drawn as a cell's colour (heat map).
    case fill
    /// One panel per value (small multiples).
    case facet
    /// A magnitude drawn as a point's size.
    case size
    /// A text drawn beside each point.
    case label
    /// Stacked, side by side, or as shares (`--position`).
    case position
    /// Horizontal bars (`--flip`).
    case flip

    /// The command-line option for the channel.
    public var option: String { "--\(rawValue)" }
}

/// Every chart kind: the one table that maps names to kinds. Adding a kind means adding its type here.
public enum ChartKinds {
    /// The kinds, in the order help texts list them.
    public static let all: [any ChartKind.Type] = [
        BarChart.self, LineChart.self, CumulativeChart.self, ScatterChart.self, TimelineChart.self,
        HeatMapChart.self, DumbbellChart.self, SlopeChart.self, SmallMultiplesChart.self, StepChart.self, AreaChart.self,
    ]

    /// The names of every kind, for help texts and suggestions.
    public static var names: [String] { all.map { $0.name } }

    /// The names of the kinds that draw event notes, for the message that refuses notes elsewhere.
    public static var namesDrawingEventNotes: [String] { all.filter { $0.drawsEventNotes }.map { $0.name } }

    /// The kind called `name`, or nil.
    public static func named(_ name: String) -> (any ChartKind.Type)? {
        all.first { $0.name == name }
    }
}
