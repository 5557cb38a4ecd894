import Analysis
import Dataset
import Render
import Support

/// A figure: a chart kind or a named preset, over filtered data, numbered and captioned.
struct ChartBlock: ReportBlock {
    static let key = "chart"

    var chartID: String
    var kind: String?
    var preset: String?
    var table: String?
    var x: String?
    var y: String?
    var by: String?
    var period: String?
    var periods: [String] = []
    var countries: [String] = []
    var kinds: [String] = []
    /// Only events in states of these SCO statuses on the event's date.
    var status: [String] = []
    var title: String?
    var subtitle: String?
    var caption: LocatedText
    /// The text a screen reader reads in place of the chart; the label and caption when absent.
    var alt: LocatedText?
    /// Width and height as lengths ("170mm"); the theme's default when absent.
    var width: String?
    var height: String?
    /// Vertical event lines: `2017: India and Pakistan join`.
    var annotations: [String] = []
    /// Over a table of the spec's `tables:`: x, y and the keys in `ownTableKeys`, each with where it is written.
    var ownKeys: [String: Located<String>] = [:]
    /// Horizontal bars, for an own table.
    var ownFlip = false

    var id: String? { chartID }

    static func read(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> ChartBlock {
        let map = try node.mapping(allowedKeys: ["id", "kind", "preset", "table", "x", "y", "by", "period", "periods", "countries",
                                                 "kinds", "status", "title", "subtitle", "caption", "alt", "width", "height", "annotations"]
                                                 + ownTableKeys, reporting: problems)
        // Each key is read on its own, so a missing caption does not hide a bad kind further down.
        let id = problems.attempt { () throws(Diagnostic) in try SpecReader.id(map, example: "fig-attacks-by-year") }
        let caption = map.require("caption", "the figure's caption", problems) { node throws(Diagnostic) in try SpecReader.text(node, problems) }
        var chart = ChartBlock(chartID: id ?? "", caption: caption ?? LocatedText(text: "", start: node.location))
        chart.alt = map.read("alt", problems) { node throws(Diagnostic) in try SpecReader.text(node, problems) }
        chart.kind = map.read("kind", problems) { node throws(Diagnostic) in try Self.checkedKind(node) }
        chart.preset = map.read("preset", problems) { node throws(Diagnostic) in try Self.checkedPreset(node) }
        if map["kind"] == nil && map["preset"] == nil {
            problems.report(node.error("a chart needs a 'kind' (bar, line, ...) or a 'preset' (attacks-per-year, ...)"))
        }
        chart.table = map.read("table", problems) { node throws(Diagnostic) in try node.string() }
        chart.x = map.read("x", problems) { node throws(Diagnostic) in try node.string() }
        chart.y = map.read("y", problems) { node throws(Diagnostic) in try node.string() }
        chart.by = map.read("by", problems) { node throws(Diagnostic) in try node.string() }
        chart.period = map.read("period", problems) { node throws(Diagnostic) in try node.string() }
        chart.periods = map.read("periods", problems) { node throws(Diagnostic) in try node.stringList() } ?? []
        chart.countries = map.read("countries", problems) { node throws(Diagnostic) in try node.stringList() } ?? []
        chart.kinds = map.read("kinds", problems) { node throws(Diagnostic) in try node.stringList() } ?? []
        chart.status = map.read("status", problems) { node throws(Diagnostic) in try node.stringList() } ?? []
        chart.title = map.read("title", problems) { node throws(Diagnostic) in try node.string() }
        chart.subtitle = map.read("subtitle", problems) { node throws(Diagnostic) in try node.string() }
        chart.width = map.read("width", problems) { node throws(Diagnostic) in try node.string() }
        chart.height = map.read("height", problems) { node throws(Diagnostic) in try node.string() }
        chart.annotations = map.read("annotations", problems) { node throws(Diagnostic) in try node.stringList() } ?? []
        for key in ["x", "y", "color", "fill", "facet", "position"] {
            if let value = map.read(key, problems, { node throws(Diagnostic) in try SpecReader.located(node) }) ?? nil { chart.ownKeys[key] = value }
        }
        if let flip = map["flip"], let value = problems.attempt({ () throws(Diagnostic) in try flip.bool() }) {
            chart.ownFlip = value
            chart.ownKeys["flip"] = Located(String(chart.ownFlip), at: flip.location)
        }
        return chart
    }

    /// A chart kind's name, refused where it is written when no kind has it.
    private static func checkedKind(_ node: YAMLNode) throws(Diagnostic) -> String {
        let name = try node.string()
        _ = try chartKind(name, at: node.location)
        return name
    }

    /// A preset's name, refused where it is written when no preset has it.
    private static func checkedPreset(_ node: YAMLNode) throws(Diagnostic) -> String {
        let name = try node.string()
        guard ChartPresets.named(name) != nil else { throw unknownPreset(name, at: node.location) }
        return name
    }

    private static func unknownPreset(_ name: String, at location: SourceLocation) -> Diagnostic {
        let suggestion = Suggestion.closest(to: name, in: ChartPresets.all.map(\.name)).map { "did you mean '\($0)'? " } ?? ""
        return Diagnostic(location, "unknown chart preset '\(name)'", hint: "\(suggestion)presets: \(ChartPresets.all.map(\.name).joined(separator: ", "))")
    }

    func register(in references: inout References) {
        references.addFigure(chartID)
    }

    func build(_ context: BuildContext) throws -> [any BuiltBlock] {
        if let own = try ownChart(context) {
            context.use(table!)
            let number = context.figures.count + 1
            var figure = BuiltFigure(id: chartID, number: number, label: context.localiser.figureLabel(number), slug: ReportBuilder.slug(chartID),
                                     caption: try context.binding.runs(caption),
                                     alternateText: try alt.map { alt throws(Diagnostic) in try context.binding.plain(alt) },
                                     chart: own.chart)
            figure.sourceLine = own.sourceLine
            return [BuiltOwnFigureItem(index: context.add(figure))]
        }
        let request = try chartRequest(context)
        context.use(request.table)
        var built = try context.charts.build(request)
        // Without a height in the spec the default is a starting point: the chart grows to label every category.
        built.spec.heightGrows = height == nil
        let number = context.figures.count + 1
        let index = context.add(BuiltFigure(id: chartID, number: number, label: context.localiser.figureLabel(number), slug: ReportBuilder.slug(chartID),
                                            caption: try context.binding.runs(caption),
                                            alternateText: try alt.map { alt throws(Diagnostic) in try context.binding.plain(alt) },
                                            chart: built))
        return [BuiltFigureItem(index: index)]
    }

    private func chartRequest(_ context: BuildContext) throws -> ChartRequest {
        let location = context.location
        var request: ChartRequest
        if let presetName = preset {
            guard let preset = ChartPresets.named(presetName) else { throw Self.unknownPreset(presetName, at: location) }
            request = preset.request
            if let kindName = kind { request.kind = try Self.chartKind(kindName, at: location) }
        } else {
            guard let table else { throw Diagnostic(location, "chart '\(chartID)' needs a 'table' or a 'preset'") }
            request = ChartRequest(kind: try Self.chartKind(kind ?? "bar", at: location), table: table)
        }
        if let table { request.table = table }
        if let x { request.x = x }
        if let y { request.y = y }
        if let by { request.by = by }
        let periods = context.periods
        if let period { request.filter.period = try periods.period(period, table: request.table) }
        if !self.periods.isEmpty { request.periods = try self.periods.map { try periods.period($0, table: request.table) } }
        if !countries.isEmpty { request.filter.countries = Set(countries) }
        if let statuses = try periods.statuses(status) { request.filter.statusAtTime = statuses }
        if !kinds.isEmpty { request.filter.kinds = Set(kinds) }
        if !annotations.isEmpty { request.annotations = try annotations.map { try EventNote(parsing: $0) } }
        // In a report the caption carries the finding; a chart title repeats it only if asked.
        request.title = title
        request.subtitle = subtitle ?? (title == nil ? nil : request.subtitle)
        request.theme = context.metadata.theme
        let contentWidth = context.contentWidth
        request.width = try width.map { try Self.length($0, at: location) } ?? .pt(contentWidth)
        request.height = try height.map { try Self.length($0, at: location) } ?? .pt((contentWidth * 0.52).rounded())
        return request
    }

    private static func chartKind(_ name: String, at location: SourceLocation) throws(Diagnostic) -> any ChartKind.Type {
        guard let kind = ChartKinds.named(name) else {
            let names = ChartKinds.names
            throw Diagnostic(location, "unknown chart kind '\(name)'",
                             hint: (Suggestion.closest(to: name, in: names).map { "did you mean '\($0)'? " } ?? "") + "kinds: \(names.joined(separator: ", "))")
        }
        return kind
    }

    private static func length(_ text: String, at location: SourceLocation) throws(Diagnostic) -> Length {
        do {
            return try Length(checking: text)
        } catch {
            throw Diagnostic(location, error.message)
        }
    }
}

/// A built figure in the body: an index into the report's figures, which the figure-set writer also saves.
struct BuiltFigureItem: BuiltBlock {
    var index: Int

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] {
        let figure = context.report.figures[index]
        var spec = figure.chart.spec
        // The source line goes under the caption, with the report's other notes.
        spec.text.source = nil
        let chart = context.pdf.layout(try spec.figure())
        if let needed = chart.requiredHeight {
            throw ChartRequestError("figure '\(figure.id)': "
                + RenderError.categoriesDoNotFit(height: spec.height ?? .pt(chart.scene.size.height), needed: .pt(needed),
                                                  shrunkTo: chart.shrunkTickLabelSize).description)
        }
        if let needed = chart.requiredWidth {
            throw ChartRequestError("figure '\(figure.id)': "
                + RenderError.categoriesDoNotFitAcross(width: .pt(chart.scene.size.width), needed: .pt(needed),
                                                       shrunkTo: chart.shrunkTickLabelSize).description)
        }
        let caption = context.caption(label: figure.label, figure.caption)
        let notes = context.notes([SourceLine.text(for: figure.chart.sourceIDs, corpus: context.corpus, localiser: context.localiser)]
                                  + (figure.chart.caveats.isEmpty ? [] : [context.coverageNote]) + figure.chart.coverageNotes)
        let alternate = figure.alternateText ?? FigureDescription.text(label: figure.label, caption: figure.caption.map(\.text).joined(),
                                                                       data: figure.chart.data, localiser: context.localiser)
        return [FigureFlow(anchor: figure.id, contentsText: context.contentsText(label: figure.label, caption: figure.caption), alternateText: alternate,
                           chart: chart, caption: caption, captionHeight: context.pdf.measure(caption, width: context.captionWidth).height,
                           notes: notes, notesHeight: context.notesHeight(notes))]
    }
}

/// A figure measured for the page: kept whole with its caption and notes, floating to the top
/// of the next page when it does not fit.
struct FigureFlow: WholeFlowBlock {
    var anchor: String
    var contentsText: String
    /// What a screen reader reads in place of the chart.
    var alternateText: String
    var chart: LaidOutChart
    var caption: Paragraph
    var captionHeight: Double
    var notes: [Paragraph]
    var notesHeight: Double

    var role: FlowRole { .float }
    var height: Double { chart.scene.size.height + 6 + captionHeight + notesHeight }
    var spaceAfter: Double { 14 }

    func contentsEntry(for units: Range<Int>) -> ContentsEntry? {
        ContentsEntry(text: contentsText, style: .item, anchor: anchor)
    }

    func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas) {
        let pdf = page.pdf
        pdf.addDestination(named: anchor, at: Point(x: page.left, y: y))
        pdf.structure(.figure(alt: alternateText)) {
            pdf.draw(chart, at: Point(x: page.left + max(0, (page.width - chart.scene.size.width) / 2), y: y))
        }
        var captionY = y + chart.scene.size.height + 6
        pdf.structure(.caption) {
            // Cairo marks content only in leaf elements: with notes beside it as P children, caption
            // text drawn straight into Caption would be left out of the structure (and made an artifact).
            pdf.structure(.paragraph) { pdf.draw(caption, at: Point(x: page.left, y: captionY), width: page.captionWidth) }
            captionY += captionHeight + 1
            for note in notes {
                captionY += pdf.structure(.paragraph) { pdf.draw(note, at: Point(x: page.left, y: captionY), width: page.captionWidth) } + 1
            }
        }
    }
}
