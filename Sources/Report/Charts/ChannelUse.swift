import Render

/// Which channels each chart kind reads, on each of the two ways a chart is asked for, and the one
/// refusal of a channel the chart would ignore. Both paths check through here, so `--x country` on
/// a timeline, `--by kind` on a heat map and `--size value` on bars are refused in the same words:
/// what was given, what the chart draws instead, and the kinds that would read it.
public enum ChannelUse: Sendable {
    /// A corpus chart: `--x` (year, country or kind), `--y` (a measure) and `--by` (the series) of
    /// an event table, bound by the kind's statistic.
    case corpus
    /// A table's columns mapped to channels (`chart KIND --csv`, a spec's chart over its own
    /// table, or a kind over a corpus event table with `--color`, …).
    case table

    /// The channels `kind` reads on this path. On the corpus path the series is the colour channel
    /// (`--by`); a kind whose statistic fixes an axis or its series leaves that channel to itself.
    public func reads(_ kind: any ChartKind.Type) -> Set<ChartChannel> {
        switch self {
        case .table:
            var channels = kind.channels
            if !channels.isEmpty, TidyCharts.facetRefusal(kind) == nil { channels.insert(.facet) }
            return channels
        case .corpus:
            switch kind.statistic {
            case .groups(let x, let series):
                return Set([.y] + (x == nil ? [.x] : []) + (series == nil ? [.color] : []))
            case .occurrences(let series): return series == nil ? [.color] : []
            case .pairs: return []
            case .periodRates: return [.color]
            }
        }
    }

    /// The option that sets `channel` on this path: the corpus's series is `--by`.
    public func option(_ channel: ChartChannel) -> String {
        self == .corpus && channel == .color ? "--by" : channel.option
    }

    /// The names of the kinds that read `channel` on this path, in `ChartKinds.all`'s order.
    public func kinds(reading channel: ChartChannel) -> [String] {
        ChartKinds.all.filter { reads($0).contains(channel) }.map { $0.name }
    }

    /// The refusal of `channel` (given as `value`, nil for a flag) on a `kind` chart, or nil when
    /// the kind reads it.
    public func refusal(_ channel: ChartChannel, value: String?, kind: any ChartKind.Type) -> ChannelRefusal? {
        guard !reads(kind).contains(channel) else { return nil }
        return ChannelRefusal(option: option(channel), value: value, subject: "a \(kind.name) chart",
                              reason: reason(kind, ignoring: channel), readers: kinds(reading: channel))
    }

    /// What `kind` draws instead of reading `channel`, as a clause after "which".
    private func reason(_ kind: any ChartKind.Type, ignoring channel: ChartChannel) -> String {
        if self == .table {
            if channel == .facet, let refusal = TidyCharts.facetRefusal(kind) { return refusal }
            let read = ChartChannel.allCases.filter { reads(kind).contains($0) }.map { option($0) }
            return read.isEmpty ? "maps no columns" : "reads " + Self.list(read)
        }
        switch kind.statistic {
        case .groups(let x, let series):
            return "draws a measure per \(x ?? "x value") and \(series ?? "series")"
        case .occurrences(let series):
            return "draws each event at its date" + (series.map { ", one lane per \($0)" } ?? "") + ", not a measure per group"
        case .pairs(let x, let y):
            return "draws each record's \(x) against its \(y), in no series"
        case .periodRates:
            return "draws a rate per year for each period compared, with the periods along x"
        }
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

/// A channel refused because the chart would ignore it, in the one wording both chart paths use:
/// `x 'country' does not apply to a timeline chart, which draws each event at its date, …`, with
/// the kinds that read it.
public struct ChannelRefusal: Error, Sendable, Equatable {
    /// The option as written on the command line (`--x`, `--by`).
    public var option: String
    /// What was given, or nil for a flag (`--flip`).
    public var value: String?
    /// What would ignore it: "a timeline chart", "the membership table".
    public var subject: String
    /// What the subject draws instead, a clause after "which".
    public var reason: String
    /// The kinds that read the channel; empty when none does here.
    public var readers: [String]

    /// A refusal; `readers` empty says to leave the option out.
    public init(option: String, value: String?, subject: String, reason: String, readers: [String]) {
        self.option = option
        self.value = value
        self.subject = subject
        self.reason = reason
        self.readers = readers
    }

    /// "x 'country' does not apply to a timeline chart, which …". The name is the option's without
    /// dashes, so the same words fit a spec's `x:` key.
    public var message: String {
        let name = option.hasPrefix("--") ? String(option.dropFirst(2)) : option
        return "\(name)\(value.map { " '\($0)'" } ?? "") does not apply to \(subject), which \(reason)"
    }

    /// The kinds that read the option, and to leave it out.
    public var hint: String {
        readers.isEmpty ? "leave \(option) out"
            : "the kinds that use \(option) are \(readers.joined(separator: ", ")); leave \(option) out or choose one of those kinds"
    }

    /// Message and hint in one sentence, for errors that carry no hint of their own.
    public var sentence: String { "\(message); \(hint)" }
}
