import Analysis
import Dataset
import Render
import Support

/// A chart block over a table of the spec's `tables:`: `table: survey, kind: line, x: year,
/// y: incidents, color: region`, drawn by `TidyCharts` as `chart KIND --csv` draws it. Every column
/// is checked at its place in the spec, and the source line is the table's own.
extension ChartBlock {
    /// The keys a chart of an own table reads beyond the corpus chart's.
    static let ownTableKeys = ["color", "fill", "facet", "position", "flip"]

    /// The figure for an own table, or nil when `table:` names a corpus table.
    func ownChart(_ context: BuildContext) throws -> (chart: BuiltChart, sourceLine: String)? {
        let location = context.location
        let corpusKeys = [("by", by != nil), ("period", period != nil), ("periods", !periods.isEmpty), ("countries", !countries.isEmpty),
                          ("kinds", !kinds.isEmpty), ("status", !status.isEmpty), ("annotations", !annotations.isEmpty)]
        guard let name = try context.ownTables.blockTable(
            table, at: location, ownKeys: Self.ownTableKeys.compactMap { key in ownKeys[key].map { .init(name: key, location: $0.location) } },
            reads: { "\($0): maps a column of" }, corpusHint: "corpus charts take table, x, y and by",
            corpusKeys: corpusKeys.filter(\.1).map(\.0), does: { "\($0): selects corpus data" },
            ownHint: "map its columns with x, y, color (and fill, facet, position, flip)"), let own = context.ownTables.table(named: name) else { return nil }
        if preset != nil { throw Diagnostic(location, "a preset draws the corpus; for '\(name)' give a kind (line, bar, ...) and its columns") }
        // Each column named is checked where it is written, with the table's columns and the closest name.
        for key in ["x", "y", "color", "fill", "facet"] {
            guard let value = ownKeys[key] else { continue }
            let names = key == "y" || key == "fill"
                ? value.value.split(separator: ",").map { TidyMeasure(parsing: String($0)).column }.compactMap { $0 }
                : [value.value]
            for column in names { _ = try context.ownTables.column(column, of: name, role: "\(key):", at: value.location) }
        }
        guard let kindName = kind else { throw Diagnostic(location, "chart '\(chartID)' over '\(name)' needs a kind: line, bar, area, step, scatter, heatmap, dumbbell or slope") }
        guard let kindType = ChartKinds.named(kindName) else {
            throw Diagnostic(location, "unknown chart kind '\(kindName)'",
                             hint: (Suggestion.closest(to: kindName, in: ChartKinds.names).map { "did you mean '\($0)'? " } ?? "") + "kinds: \(ChartKinds.names.joined(separator: ", "))")
        }
        var position: ChartBinding.Position?
        if let text = ownKeys["position"] {
            guard let parsed = ChartBinding.Position(rawValue: text.value) else {
                throw Diagnostic(text.location, "position must be stack, dodge or fill, not '\(text.value)'")
            }
            position = parsed
        }
        let contentWidth = context.contentWidth
        var request = TidyChartRequest(kind: kindType, x: x, y: y, color: ownKeys["color"]?.value, fill: ownKeys["fill"]?.value,
                                       facet: ownKeys["facet"]?.value, position: position, flip: ownFlip,
                                       texts: ChartTexts(title: title, subtitle: subtitle), theme: context.metadata.theme)
        request.width = try width.map { try Self.ownLength($0, at: location) } ?? .pt(contentWidth)
        request.height = try height.map { try Self.ownLength($0, at: location) } ?? .pt((contentWidth * 0.52).rounded())
        var built: BuiltChart
        do {
            var charts = TidyCharts(table: own)
            charts.localiser = context.localiser
            built = try charts.build(request)
        } catch let diagnostic as Diagnostic where diagnostic.location.line == nil {
            // A mapping the kind cannot draw is the spec's to fix: point at the block.
            throw Diagnostic(location, diagnostic.message.replacingOccurrences(of: "--", with: ""), hint: diagnostic.hint?.replacingOccurrences(of: "--", with: ""))
        }
        // In a report the notes go under the caption, with the source line; none inside the figure.
        built.spec.text.caption = nil
        return (built, context.ownTables.sourceLine(name, context.localiser))
    }

    private static func ownLength(_ text: String, at location: SourceLocation) throws(Diagnostic) -> Length {
        do { return try Length(checking: text) } catch { throw Diagnostic(location, error.message) }
    }
}

/// A figure of an own table in the body: laid out as any figure, with the table's own source line
/// and notes (rows left out) under it in place of the corpus's source line and coverage note.
struct BuiltOwnFigureItem: BuiltBlock {
    var index: Int

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] {
        let figure = context.report.figures[index]
        return try BuiltFigureItem(index: index).layOut(context).map { flow in
            guard var figureFlow = flow as? FigureFlow, let sourceLine = figure.sourceLine else { return flow }
            figureFlow.notes = context.notes([sourceLine] + figure.chart.caveats)
            figureFlow.notesHeight = context.notesHeight(figureFlow.notes)
            return figureFlow
        }
    }
}
