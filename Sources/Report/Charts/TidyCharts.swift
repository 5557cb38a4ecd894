import Analysis
import Dataset
import Foundation
import Render
import Support

/// Charts of a table of one's own: the request's columns are checked against the kind's channels
/// and the columns' types, bound into the same `ChartBinding` the corpus charts use, and drawn by
/// the same kinds. Nothing is summed unless asked; rows that would draw over each other are refused.
public struct TidyCharts: Sendable {
    /// The table charted.
    public let table: TidyTable
    /// The language of the notes under the chart (rows left out, missing values); English by default.
    public var localiser = Localiser(language: .english)

    /// Charts over `table`.
    public init(table: TidyTable) {
        self.table = table
    }

    /// The chart the request asks for, with its data as a table; throws a located `Diagnostic`
    /// saying what to change when the mapping cannot be drawn.
    public func build(_ request: TidyChartRequest) throws -> BuiltChart {
        try checkChannels(request)
        guard let theme = Theme.named(request.theme) else { throw refuse("unknown theme '\(request.theme)'", hint: "use paper or briefing") }
        var notes: [String] = []
        let chart: any ChartKind, data: ResultTable
        if let facet = request.facet, !request.kind.channels.contains(.facet) {
            (chart, data) = try faceted(request, by: facet, theme: theme, notes: &notes)
        } else {
            (chart, _, data) = try single(request, theme: theme, notes: &notes)
        }
        var spec = ChartSpec(chart, theme: request.theme, width: request.width, height: request.height)
        let caption = ([request.texts.note].compactMap { $0 } + notes).joined(separator: " ")
        spec.text = ChartText(title: request.texts.title, subtitle: request.texts.subtitle, source: sourceLine(request.texts),
                              caption: caption.isEmpty ? nil : caption, legendTitle: request.texts.legendTitle ?? legendTitle(request))
        return BuiltChart(spec: spec, sourceIDs: [], caveats: notes, data: data)
    }

    /// One chart of the whole table (or of one panel's rows, `sharing` the whole table's x values
    /// and series so categories and colours line up across panels).
    func single(_ request: TidyChartRequest, theme: Theme, notes: inout [String],
                sharing whole: ChartBinding? = nil, checkingOverlap: Bool = true) throws -> (any ChartKind, ChartBinding, ResultTable) {
        var overlap: Diagnostic?
        var (binding, data) = try bind(request, notes: &notes, overlap: &overlap)
        if let whole {
            if !whole.xValues.isEmpty {
                binding.xValues = whole.xValues
                binding.xLabels = whole.xLabels
            }
            binding.series = whole.series
        }
        if let xTitle = request.texts.xTitle { binding.xTitle = xTitle }
        if let yTitle = request.texts.yTitle { binding.yTitle = yTitle }
        if request.kind.channels.contains(.color), request.kind.statistic != .periodRates,
           binding.series.count > theme.palette.distinctCount {
            throw refuse("\(binding.series.count) series in --color \(request.color ?? ""), more than the \(theme.palette.distinctCount) distinct colours "
                         + "(Okabe–Ito's 8, then Paul Tol's muted 9); colours would repeat",
                         hint: "split into panels with --facet, or group the smaller series into one before charting")
        }
        let chart: any ChartKind
        do {
            // The bar chart's own words ("n/a", its key) in the chart's language.
            chart = localiser.localisedWords(try request.kind.init(binding: binding))
        } catch {
            if !binding.xIsTime, request.kind.statistic != .periodRates, let x = request.x, let column = try? table.column(named: x) {
                throw refuse("--x \(x) is \(column.type.article), and a \(request.kind.name) chart runs along years, dates or numbers",
                             hint: "use bar for categories on x, or put a year, date or number column on --x")
            }
            throw refuse("a \(request.kind.name) chart cannot show this mapping: \(error.message)", hint: mappingHint(request))
        }
        // Panels of a faceted chart are checked for overlap each on its own rows.
        if let overlap, checkingOverlap { throw overlap }
        return (chart, binding, data)
    }

    // MARK: - Texts

    /// `--source` as given; else the schema's source; never the corpus's line, which is not this data's.
    private func sourceLine(_ texts: ChartTexts) -> String? {
        if texts.noSource { return nil }
        if let source = texts.source { return source }
        guard let source = table.source, !source.isEmpty else { return nil }
        return source.lowercased().hasPrefix("source") ? source : "Source: \(source)"
    }

    /// The colour column's title, when colours stand for its values.
    private func legendTitle(_ request: TidyChartRequest) -> String? {
        guard request.kind.channels.contains(.color), request.kind.statistic != .periodRates, let name = request.color else { return nil }
        return (try? table.column(named: name))?.displayTitle
    }

    // MARK: - Checks

    /// Refuses a kind that draws no table, and channels the kind would ignore (`ChannelUse.table`),
    /// in the words corpus charts use.
    private func checkChannels(_ request: TidyChartRequest) throws {
        guard !request.kind.channels.isEmpty else {
            throw refuse("a \(request.kind.name) chart draws dated events of the corpus, not the rows of a table",
                         hint: "for a table of your own use \(Self.kindsDrawing(nil).joined(separator: ", "))")
        }
        for (channel, value) in request.mappedChannels {
            if let refusal = ChannelUse.table.refusal(channel, value: value, kind: request.kind) {
                throw refuse(refusal.message, hint: refusal.hint)
            }
        }
    }

    /// The kinds that draw `channel`, or (nil) every kind that can draw a table of one's own.
    public static func kindsDrawing(_ channel: ChartChannel?) -> [String] {
        guard let channel else { return ChartKinds.all.filter { !$0.channels.isEmpty }.map { $0.name } }
        return ChannelUse.table.kinds(reading: channel)
    }

    private func mappingHint(_ request: TidyChartRequest) -> String {
        switch request.kind.statistic {
        case .periodRates: return "give --x with a column of exactly two periods, or --y A,B with two number columns, and --color for the rows compared"
        case .groups: return "lines and areas run along years, dates or numbers on --x; use bar for categories on x"
        default: return "see scobrief chart --help for the channels of each kind"
        }
    }

    /// A problem with the mapping, located at the table's file.
    func refuse(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(SourceLocation(file: table.displayName), message, hint: hint)
    }

    /// The column called `name`, for the option `role`.
    func column(_ name: String, for role: String) throws -> TidyColumn {
        try table.column(named: name, for: role)
    }

    /// A column for a numeric channel; a text column is refused with what to do instead.
    func numericColumn(_ name: String, for role: String, aggregation: Bool = false) throws -> TidyColumn {
        let column = try self.column(name, for: role)
        guard column.type.isNumeric else {
            throw refuse("\(role) \(name) is \(column.type.article), and \(role) needs numbers (an integer or number column)",
                         hint: aggregation ? "sum and mean need numbers; count rows with count instead"
                             : "to count rows, use \(role) count; if the column holds numbers, declare it type: number in the schema")
        }
        return column
    }
}
