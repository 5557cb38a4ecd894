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
    /// Title, subtitle, source and caption.
    var text: ChartText { get set }
    /// The chart of data already bound to channels; throws when the data cannot make this kind
    /// (e.g. a slope chart given three periods).
    init(binding: ChartBinding) throws(ChartBindingError)
}

extension ChartKind {
    /// Most kinds have no time axis to mark; the ones that do say so.
    public static var drawsEventNotes: Bool { false }
}

/// Every chart kind: the one table that maps names to kinds. Adding a kind means adding its type here.
public enum ChartKinds {
    /// The kinds, in the order help texts list them.
    public static let all: [any ChartKind.Type] = [
        BarChart.self, LineChart.self, CumulativeChart.self, ScatterChart.self, TimelineChart.self,
        HeatMapChart.self, DumbbellChart.self, SlopeChart.self, SmallMultiplesChart.self,
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
