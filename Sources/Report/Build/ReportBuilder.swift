import Analysis
import Dataset
import Foundation
import Render
import Support

/// Computes everything a spec asks for: numbers figures and tables, fills placeholders,
/// builds the charts and tables, and records which sources each uses.
/// Every problem is reported with the spec's file, line and column; nothing is written.
public struct ReportBuilder {
    public let corpus: Corpus

    public init(corpus: Corpus) {
        self.corpus = corpus
    }

    public func build(_ spec: ReportSpec) throws(DiagnosticList) -> BuiltReport {
        var problems: [Diagnostic] = []
        // Numbers first, so text can refer to a figure that comes later.
        var references: [String: String] = [:]
        var figureCount = 0, tableCount = 0
        for block in spec.body {
            switch block.value {
            case .chart(let chart):
                figureCount += 1
                references[chart.id] = "Figure \(figureCount)"
            case .table(let table):
                tableCount += 1
                references[table.id] = "Table \(tableCount)"
            case .heading(let text, _, let id?):
                references[id] = text
            default:
                break
            }
        }
        let store = EventTableStore(corpus: corpus)
        let binding = TextBinding(evaluator: PlaceholderEvaluator(store: store, references: references))
        let charts = CorpusCharts(store: store)
        let analyses = TableAnalyses(store: store)
        let contentWidth = spec.metadata.pageSize.points.width - spec.metadata.margins.inner - spec.metadata.margins.outer

        var items: [ReportItem] = []
        var figures: [BuiltFigure] = []
        var tables: [BuiltTable] = []
        var headingCount = 0
        var tablesUsed: [String] = []
        func use(_ table: String) { if !tablesUsed.contains(table) { tablesUsed.append(table) } }
        for block in spec.body {
            let location = block.location
            do {
                switch block.value {
                case let .heading(text, level, id):
                    headingCount += 1
                    items.append(.heading(text: text, level: level, anchor: id ?? "section-\(headingCount)"))
                case .text(let text):
                    for paragraph in try binding.blocks(text) {
                        switch paragraph {
                        case .paragraph(let runs): items.append(.paragraph(runs))
                        case .bulletList(let list): items.append(.bullets(list))
                        }
                    }
                case .keyFigures(let specs):
                    items.append(.keyFigures(try specs.map { figure throws(Diagnostic) in
                        ResolvedKeyFigure(value: try binding.plain(figure.value), label: try binding.plain(figure.label),
                                          detail: try figure.detail.map { detail throws(Diagnostic) in try binding.plain(detail) })
                    }))
                case .chart(let chartSpec):
                    let request = try chartRequest(chartSpec, metadata: spec.metadata, contentWidth: contentWidth, store: store, at: location)
                    use(request.table)
                    let built = try charts.build(request)
                    figures.append(BuiltFigure(id: chartSpec.id, number: figures.count + 1, slug: Self.slug(chartSpec.id),
                                               caption: try binding.runs(chartSpec.caption), chart: built))
                    items.append(.figure(figures.count - 1))
                case .table(let tableSpec):
                    let (table, sourceIDs, notes) = try analyses.build(tableSpec)
                    use(TableAnalyses.dataTable(of: tableSpec))
                    let uniqueSources = Array(Set(sourceIDs)).sorted()
                    tables.append(BuiltTable(id: tableSpec.id, number: tables.count + 1, slug: Self.slug(tableSpec.id),
                                             caption: try binding.runs(tableSpec.caption), table: table,
                                             sourceIDs: uniqueSources, notes: [SourceLine.text(for: uniqueSources, corpus: corpus)] + notes))
                    items.append(.table(tables.count - 1))
                case .sources:
                    items.append(.sources)
                case .pageBreak:
                    items.append(.pageBreak)
                }
            } catch let diagnostic as Diagnostic {
                problems.append(diagnostic)
            } catch {
                problems.append(Diagnostic(location, "\(error)"))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return BuiltReport(metadata: spec.metadata, items: items, figures: figures, tables: tables,
                           sourceUses: sourceUses(figures: figures, tables: tables), dataNotes: dataNotes(tablesUsed, store: store))
    }

    private func chartRequest(_ chart: ChartBlockSpec, metadata: ReportMetadata, contentWidth: Double,
                              store: EventTableStore, at location: SourceLocation) throws -> ChartRequest {
        var request: ChartRequest
        if let presetName = chart.preset {
            guard let preset = ChartPresets.named(presetName) else {
                let suggestion = Suggestion.closest(to: presetName, in: ChartPresets.all.map(\.name)).map { "did you mean '\($0)'? " } ?? ""
                throw Diagnostic(location, "unknown chart preset '\(presetName)'",
                                 hint: "\(suggestion)presets: \(ChartPresets.all.map(\.name).joined(separator: ", "))")
            }
            request = preset.request
            if let kindName = chart.kind { request.kind = try chartKind(kindName, at: location) }
        } else {
            guard let table = chart.table else { throw Diagnostic(location, "chart '\(chart.id)' needs a 'table' or a 'preset'") }
            request = ChartRequest(kind: try chartKind(chart.kind ?? "bar", at: location), table: table)
        }
        if let table = chart.table { request.table = table }
        if let x = chart.x { request.x = x }
        if let y = chart.y { request.y = y }
        if let by = chart.by { request.by = by }
        let periods = PeriodContext(store: store)
        if let period = chart.period { request.filter.period = try periods.period(period, table: request.table) }
        if !chart.periods.isEmpty { request.periods = try chart.periods.map { try periods.period($0, table: request.table) } }
        if !chart.countries.isEmpty { request.filter.countries = Set(chart.countries) }
        if let statuses = try periods.statuses(chart.status) { request.filter.statusAtTime = statuses }
        if !chart.kinds.isEmpty { request.filter.kinds = Set(chart.kinds) }
        if !chart.annotations.isEmpty { request.annotations = try chart.annotations.map { try EventNote(parsing: $0) } }
        // In a report the caption carries the finding; a chart title repeats it only if asked.
        request.title = chart.title
        request.subtitle = chart.subtitle ?? (chart.title == nil ? nil : request.subtitle)
        request.theme = metadata.theme
        request.width = try chart.width.map { try length($0, at: location) } ?? .pt(contentWidth)
        request.height = try chart.height.map { try length($0, at: location) } ?? .pt((contentWidth * 0.52).rounded())
        return request
    }

    private func chartKind(_ name: String, at location: SourceLocation) throws(Diagnostic) -> ChartSpec.Kind {
        guard let kind = ChartSpec.Kind(rawValue: name) else {
            let names = ChartSpec.Kind.allCases.map(\.rawValue)
            throw Diagnostic(location, "unknown chart kind '\(name)'",
                             hint: (Suggestion.closest(to: name, in: names).map { "did you mean '\($0)'? " } ?? "") + "kinds: \(names.joined(separator: ", "))")
        }
        return kind
    }

    private func length(_ text: String, at location: SourceLocation) throws(Diagnostic) -> Length {
        guard let length = Length(parsing: text) else { throw Diagnostic(location, "'\(text)' is not a length", hint: "write e.g. 170mm or 6in") }
        return length
    }

    /// Coverage of each table used, as loaded: event tables by their rows' sources, others by the catalog.
    private func dataNotes(_ names: [String], store: EventTableStore) -> [DataNote] {
        names.compactMap { name in
            guard let schema = corpus.catalog.table(named: name) else { return nil }
            if let events = try? store.table(named: name) {
                return DataNote(title: events.title, file: corpus.tables[name]?.file ?? schema.file, coverage: events.coverage, note: events.coverageNote)
            }
            return DataNote(title: schema.title, file: schema.file, coverage: schema.coverage, note: schema.coverageNote)
        }
    }

    private func sourceUses(figures: [BuiltFigure], tables: [BuiltTable]) -> [SourceUse] {
        var uses: [String: [String]] = [:]
        for figure in figures { for id in figure.chart.sourceIDs { uses[id, default: []].append(figure.label) } }
        for table in tables { for id in table.sourceIDs { uses[id, default: []].append(table.label) } }
        return corpus.sources.filter { uses[$0.id] != nil }.map { SourceUse(source: $0, usedBy: uses[$0.id]!) }
    }

    /// "fig-attacks-by-year" → "attacks-by-year" for file names.
    static func slug(_ id: String) -> String {
        for prefix in ["fig-", "tab-", "table-", "figure-"] where id.hasPrefix(prefix) { return String(id.dropFirst(prefix.count)) }
        return id
    }
}
