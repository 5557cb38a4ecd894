import ArgumentParser
import Analysis
import Dataset
import Foundation
import Render
import RenderCairo
import RenderSVG
import Report
import Support

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a chart of the corpus as PDF, PNG, SVG or EPS.",
        discussion: """
        KIND is a chart kind (\(ChartKinds.names.joined(separator: ", "))) or a preset
        (scobrief chart --list). The format comes from the output's extension.
        With --csv, any tidy CSV of your own is charted by mapping its columns to channels
        (--x, --y, --color, --fill, --facet, --label); a my.schema.json or .yaml beside my.csv
        (Frictionless Table Schema) gives types, titles, units and the source line.
        Examples:
          scobrief chart line --csv my.csv --x year --y value --color region -o lines.pdf
          scobrief chart bar --csv my.csv --x year --y value --color region --position dodge -o bars.png
          scobrief chart bar --csv events.csv --x year --y count --color country -o counts.pdf
          scobrief chart attacks-per-year -o attacks.pdf
          scobrief chart attacks-per-year --journal nature --column double -o fig1.pdf
          scobrief chart bar --table exercises --x year --by country --theme paper --width 85mm -o ex.png
          scobrief chart dumbbell --table attacks --by country --period 2001-2011 --period 2024 -o cmp.svg
          scobrief chart slope --table attacks --by country --period 2001-2011 --period 2024 -o slope.pdf
        """
    )

    @Argument(help: ArgumentHelp("A chart kind or a preset name.", valueName: "kind"))
    var kind: String?

    @Flag(help: "List the presets.")
    var list = false

    @Option(help: ArgumentHelp("The table: attacks, exercises, documents, membership, indicators.", valueName: "table"))
    var table: String?

    @Option(help: ArgumentHelp("A tidy CSV of your own to chart instead of the corpus (one row per observation).", valueName: "file"))
    var csv: String?

    @Option(help: ArgumentHelp("The CSV's Frictionless Table Schema (JSON or YAML); default: my.schema.json or .yaml beside my.csv.", valueName: "file"))
    var schema: String?

    @Option(help: ArgumentHelp("What runs along the x axis: year, country or kind (corpus); a column (--csv).", valueName: "x"))
    var x: String?

    @Option(help: ArgumentHelp("What is measured: count, killed or wounded (corpus); a number column, count, sum:COL or mean:COL (--csv).", valueName: "y"))
    var y: String?

    @Option(help: ArgumentHelp("--csv: the column whose values are the series (colours), or the rows a dumbbell or slope compares.", valueName: "column"))
    var color: String?

    @Option(help: ArgumentHelp("--csv: a heat map's cell value: a number column, count, sum:COL or mean:COL.", valueName: "column"))
    var fill: String?

    @Option(help: ArgumentHelp("--csv: one panel per value of this column (line charts).", valueName: "column"))
    var facet: String?

    @Option(help: ArgumentHelp("--csv: a magnitude drawn as a bubble's area (scatter).", valueName: "column"))
    var size: String?

    @Option(help: ArgumentHelp("--csv: text printed beside each point (scatter).", valueName: "column"))
    var label: String?

    @Option(help: ArgumentHelp("--csv: bars or areas of several series: stack, dodge (side by side) or fill (shares).", valueName: "position"))
    var position: String?

    @Flag(help: "--csv: horizontal bars.")
    var flip = false

    @Option(name: .customLong("x-title"), help: ArgumentHelp("The x axis title (default: the column's title and unit from the schema, else its name).", valueName: "text"))
    var xTitle: String?

    @Option(name: .customLong("y-title"), help: ArgumentHelp("The y axis title.", valueName: "text"))
    var yTitle: String?

    @Option(name: .customLong("legend-title"), help: ArgumentHelp("A heading over the legend.", valueName: "text"))
    var legendTitle: String?

    @Option(help: ArgumentHelp("A note under the source line.", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("The source line, as printed (default: the schema's source; the corpus's sources for corpus charts).", valueName: "text"))
    var source: String?

    @Flag(name: .customLong("no-source"), help: "No source line (for journals that put sources in the caption).")
    var noSource = false

    @Option(help: ArgumentHelp("Split into series, stacks or rows by country or kind.", valueName: "key"))
    var by: String?

    @Option(help: ArgumentHelp("First year (or YYYY-MM).", valueName: "year"))
    var from: String?

    @Option(help: ArgumentHelp("Last year (or YYYY-MM).", valueName: "year"))
    var to: String?

    @Option(help: ArgumentHelp("Periods for a dumbbell or slope chart (rates per year); give two.", valueName: "period"))
    var period: [String] = []

    @Option(name: .customLong("country"), help: ArgumentHelp("Only these countries.", valueName: "ISO"))
    var countries: [String] = []

    @Option(name: .customLong("kind"), help: ArgumentHelp("Only these kinds of event, or these indicators (--table indicators). Repeatable.", valueName: "kind"))
    var kinds: [String] = []

    @Option(help: ArgumentHelp("paper or briefing.", valueName: "theme"))
    var theme: String?

    // `.unconditional` takes the next argument even when it starts with '-', so "--width -5mm"
    // reaches the range check instead of ArgumentParser's "Missing value".
    @Option(parsing: .unconditional, help: ArgumentHelp("Width with a unit (mm, cm, in, pt), 10–1000 mm, e.g. 85mm, 178mm, 6in.", valueName: "length"))
    var width: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Height with a unit (mm, cm, in, pt), 10–1000 mm, e.g. 60mm.", valueName: "length"))
    var height: String?

    @Option(help: ArgumentHelp("Resolution of PNG output, 36–2400 (default 300, or the journal's).", valueName: "dpi"))
    var dpi: Double?

    @Option(help: ArgumentHelp("Draw for this journal: its column width, type sizes, line weights and dpi: \(JournalPreset.all.map(\.name).joined(separator: ", ")).", valueName: "journal"))
    var journal: String?

    @Option(help: ArgumentHelp("With --journal: the column, single (default) or double; one-and-half for Elsevier, triple for Science.", valueName: "column"))
    var column: String?

    @Option(help: ArgumentHelp("The chart's title (say the finding).", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("A line under the title.", valueName: "text"))
    var subtitle: String?

    @Option(help: ArgumentHelp("A vertical event line on a time axis, e.g. \"2017: India and Pakistan join\". Repeatable.", valueName: "year: label"))
    var annotate: [String] = []

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The output file: .pdf, .png, .svg or .eps.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Write the chart in each of these formats, beside -o with its name: --formats pdf,png,svg -o fig1.pdf writes fig1.pdf, fig1.png and fig1.svg (-o's own format must be in the list).", valueName: "list"))
    var formats: String?

    @Option(help: SVGTextOption.help)
    var svgText: SVGTextMode?

    @Flag(help: "Draw every colour as the grey a black-and-white print makes of it, to proof the figure for print.")
    var greyscale = false

    @OptionGroup var data: DataOptions

    func validate() throws {
        if list { return }
        guard kind != nil else { throw ValidationError("name a chart kind or preset, or use --list") }
        guard let output else { throw ValidationError("give the output file with -o, e.g. -o attacks.pdf") }
        let ext = (output as NSString).pathExtension.lowercased()
        guard ImageFormat(fileExtension: ext) != nil else {
            throw ValidationError("cannot tell the format from '\(output)'; end the name with .pdf, .png, .svg or .eps")
        }
        let written = try Self.formatsWritten(output: output, list: formats)
        if let dpi {
            guard dpi >= 36 && dpi <= 2400 else { throw ValidationError("--dpi must be between 36 and 2400") }
            guard written.contains(.png) else {
                throw ValidationError("--dpi sets a PNG's resolution, and '\(output)' is not a .png file (PDF, SVG and EPS are vector); leave --dpi out or write a .png file")
            }
        }
        _ = try journalLayout()
        if noSource && source != nil { throw ValidationError("--source and --no-source contradict each other; give one") }
        if let csv { try validateTidy(csv: csv) } else { try checkCorpusOptions() }
        if svgText != nil && !written.contains(.svg) {
            throw ValidationError("--svg-text applies only to SVG output, and '\(output)' is not an .svg file; leave the option out or write a .svg file")
        }
    }

    func run() throws {
        if list {
            let rows = ChartPresets.all.map { [ResultTable.Cell.text($0.name), .text($0.request.kind.name), .text($0.summary)] }
            Terminal.output(ResultTable(columns: [.init("preset"), .init("kind"), .init("shows")], rows: rows).alignedText())
            return
        }
        try reportingFailures {
            // validate() has checked both; guards rather than `!` keep a future path from crashing.
            guard let kind, let output else {
                throw ValidationError("give a chart kind and an output file ending in .pdf, .png, .svg or .eps")
            }
            let format = try Self.formatsWritten(output: output, list: formats)
            try OutputPath.checkFolder(of: output)
            let layout = try journalLayout()
            if let csv {
                try write(try tidySpec(kind: kind, csv: csv), title: title ?? kind, format: format, to: output, layout: layout)
                return
            }
            // A chart of one table reads that table (and those it cites), not the whole corpus;
            // presets draw on several.
            let reads: Set<String>? = ChartPresets.named(kind) == nil ? table.map { [$0, "membership"] } : nil
            let corpus = try data.loadCorpus(only: reads)
            if mapsCorpusColumns, let table {
                try write(try corpusColumnsSpec(kind: kind, table: table, corpus: corpus), title: title ?? kind, format: format, to: output, layout: layout)
                return
            }
            var request = try makeRequest(kind: kind, corpus: corpus)
            if let title { request.title = title }
            if let subtitle { request.subtitle = subtitle }
            if !annotate.isEmpty { request.annotations = try annotate.map { try EventNote(parsing: $0) } }
            var built = try CorpusCharts(corpus: corpus).build(request)
            applyTexts(to: &built.spec.text)
            // A tagged PDF's description of the chart: its title and largest values, read from its data.
            let alternateText = FigureDescription.text(label: built.spec.text.title ?? request.title ?? kind, caption: "", data: built.data,
                                                       localiser: Localiser(language: .english, corpus: corpus))
            try write(built.spec, title: request.title ?? kind, format: format, to: output, layout: layout, alternateText: alternateText)
        }
    }

    /// What `--journal` and `--column` ask for, checked against --width, --height and --dpi; nil without --journal.
    private func journalLayout() throws -> (preset: JournalPreset, column: JournalPreset.Column)? {
        guard let journal else {
            if column != nil {
                throw ValidationError("--column picks a journal's column; add --journal \(JournalPreset.all.map(\.name).joined(separator: "|")), or use --width")
            }
            return nil
        }
        let preset = try JournalChoice.preset(journal)
        if width != nil { throw JournalChoice.widthConflict }
        if let dpi { try JournalChoice.check(dpi: dpi, for: preset) }
        if let height { try JournalChoice.check(height: try Self.length(height, option: "--height"), for: preset) }
        let name = try JournalChoice.columns(column, of: preset, several: false, fallback: ["single"])[0]
        guard let chosen = preset.column(named: name) else { throw ValidationError("--column: \(preset.name) has no column '\(name)'") }
        return (preset, chosen)
    }

    /// The formats a run writes: -o's own, or the --formats list, which must hold it (a list
    /// that leaves out -o's format would leave -o unwritten, so it is refused).
    static func formatsWritten(output: String, list: String?) throws -> [ImageFormat] {
        let own = ImageFormat(fileExtension: (output as NSString).pathExtension.lowercased())
        guard let list else { return own.map { [$0] } ?? [] }
        var formats: [ImageFormat] = []
        for name in list.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let format = ImageFormat(rawValue: name) else {
                throw ValidationError("--formats: '\(name)' is not a format; give a comma-separated list of pdf, png, svg, eps, e.g. --formats pdf,png")
            }
            guard !formats.contains(format) else { throw ValidationError("--formats names \(name) twice; give each format once") }
            formats.append(format)
        }
        if let own, !formats.contains(own) {
            throw ValidationError("--formats \(list) leaves out -o's own format (\(own.rawValue)); add \(own.rawValue) to the list, or end -o with one of them")
        }
        return formats
    }

    /// Draws `spec` (at the journal's column and type sizes when there is one) and writes it in
    /// each format atomically, beside `output` with its name. Every file is drawn before any is
    /// written, so a failure leaves none of them behind.
    private func write(_ spec: ChartSpec, title: String, format formats: [ImageFormat], to output: String,
                       layout: (preset: JournalPreset, column: JournalPreset.Column)?, alternateText: String? = nil) throws {
        var spec = spec
        let figure: Figure
        if let layout {
            spec.width = layout.column.width
            // Without --height the theme's own proportions, scaled to the column (its default
            // height belongs to its default width); the figure may still grow to label every category.
            if spec.height == nil, let theme = Theme.named(spec.theme ?? "paper") {
                spec.height = .pt(layout.column.width.points * theme.defaultHeight.points / theme.defaultWidth.points)
                spec.heightGrows = true
            }
            figure = try spec.figure(for: layout.preset)
            if let problem = layout.preset.heightProblem(figure.height) {
                throw ValidationError("the chart at \(layout.preset.name)'s \(layout.column.name) column: \(problem)")
            }
        } else {
            figure = try spec.figure()
        }
        var options = RenderOptions(dpi: dpi ?? layout?.preset.figureDPI ?? 300, metadata: DocumentMetadata(title: title, author: "SCOBrief", creator: "SCOBrief", language: "en"))
        options.greyscale = greyscale
        options.alternateText = alternateText
        let stem = (output as NSString).deletingPathExtension
        let drawn = try formats.map { format in
            (bytes: try Backends.cairo().svgText(svgText ?? .text).imageBackend(format).render(figure, as: format, options: options),
             path: formats.count == 1 ? output : stem + "." + format.rawValue)
        }
        for file in drawn { try AtomicFile.write(file.bytes, to: file.path) }
    }

    private func makeRequest(kind: String, corpus: Corpus) throws -> ChartRequest {
        var request: ChartRequest
        if let preset = ChartPresets.named(kind) {
            request = preset.request
        } else if let chartKind = ChartKinds.named(kind) {
            guard let table else { throw ValidationError("a \(chartKind.name) chart needs --table (attacks, exercises, documents, membership, indicators)") }
            request = ChartRequest(kind: chartKind, table: table)
        } else {
            let names = ChartKinds.names + ChartPresets.all.map(\.name)
            let suggestion = Suggestion.closest(to: kind, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("'\(kind)' is neither a chart kind nor a preset\(suggestion); see scobrief chart --list")
        }
        if let table { request.table = table }
        if let x { request.x = x }
        if let y { request.y = y }
        if let by { request.by = by }
        if let theme {
            guard Theme.named(theme) != nil else { throw ValidationError("--theme must be paper or briefing") }
            request.theme = theme
        }
        if let width { request.width = try Self.length(width, option: "--width") }
        if let height { request.height = try Self.length(height, option: "--height") }
        if from != nil || to != nil { request.filter.period = try periodOption(from: from, to: to) }
        if let countries = try countryOption(countries, corpus: corpus) { request.filter.countries = countries }
        if !kinds.isEmpty { request.filter.kinds = try chosenKinds(table: request.table, corpus: corpus) }
        if !period.isEmpty { request.periods = try period.map { try Period(parsing: $0) } }
        return request
    }

    /// `--kind`: indicator names for the indicators table, event kinds for an event table; unknown ones are refused with what exists.
    private func chosenKinds(table: String, corpus: Corpus) throws -> Set<String> {
        guard table == "indicators" else {
            return try kindOption(kinds, table: EventTableStore(corpus: corpus).table(named: table)) ?? []
        }
        let names = Set(kinds.flatMap { $0.split(separator: ",").map(String.init) })
        let known = Set(corpus.indicators.map(\.indicator))
        for name in names.sorted() where !known.contains(name) {
            throw ValidationError("--kind '\(name)' is not an indicator; the indicators are \(known.sorted().joined(separator: ", "))")
        }
        return names
    }

    /// A size option read with its unit and range checked; the message names the option.
    static func length(_ text: String, option: String) throws -> Length {
        do {
            return try Length(checking: text)
        } catch {
            throw ValidationError("\(option) \(error.message)")
        }
    }
}
