import Analysis
import ArgumentParser
import Dataset
import Foundation
import Render
import Report
import Support

/// `chart KIND --csv FILE`: the options of a chart of one's own table, wired to `TidyCharts`.
extension ChartCommand {
    /// Options that belong to the corpus and would be ignored for a table of one's own, and the reverse.
    func validateTidy(csv: String) throws {
        let corpusOnly: [(String, Bool)] = [("--table", table != nil), ("--by", by != nil), ("--from", from != nil), ("--to", to != nil),
                                            ("--period", !period.isEmpty), ("--country", !countries.isEmpty), ("--kind", !kinds.isEmpty),
                                            ("--annotate", !annotate.isEmpty), ("--input", !data.location.inputs.isEmpty)]
        if let (option, _) = corpusOnly.first(where: { $0.1 }) {
            throw ValidationError("\(option) selects corpus data and does not apply to --csv \(csv); map your columns with --x, --y, --color instead")
        }
        if let position, ChartBinding.Position(rawValue: position) == nil {
            throw ValidationError("--position must be stack, dodge or fill, not '\(position)'")
        }
    }

    /// True when a chart of a corpus table maps its columns to channels (`--color`, `--fill`, …):
    /// it then goes the same way as a table of one's own, over the corpus table as a tidy table.
    var mapsCorpusColumns: Bool {
        csv == nil && ([color, fill, facet, size, label, position, xTitle, yTitle].contains { $0 != nil } || flip)
    }

    /// Options that only a --csv chart reads, refused on corpus charts rather than ignored; an event
    /// table of the corpus with a kind (not a preset) takes them too, mapped like a table of one's own.
    func checkCorpusOptions() throws {
        if mapsCorpusColumns, let table, !["membership", "indicators"].contains(table), let kind, ChartKinds.named(kind) != nil {
            for (option, given) in [("--by", by != nil), ("--period", !period.isEmpty), ("--annotate", !annotate.isEmpty), ("--schema", schema != nil)] where given {
                throw ValidationError("\(option) does not combine with columns mapped to channels (--color, --fill, …); "
                                      + "map the table's columns (id, date, year, country, kind, killed, wounded) with --x, --y, --color instead")
            }
            if let position, ChartBinding.Position(rawValue: position) == nil {
                throw ValidationError("--position must be stack, dodge or fill, not '\(position)'")
            }
            return
        }
        let tidyOnly: [(String, Bool)] = [("--schema", schema != nil), ("--color", color != nil), ("--fill", fill != nil), ("--facet", facet != nil),
                                          ("--size", size != nil), ("--label", label != nil), ("--position", position != nil), ("--flip", flip),
                                          ("--x-title", xTitle != nil), ("--y-title", yTitle != nil)]
        if let (option, _) = tidyOnly.first(where: { $0.1 }) {
            throw ValidationError("\(option) applies to charts of your own table (--csv FILE) and to a chart kind over a corpus event table "
                                  + "(e.g. chart bar --table attacks --x year --y count --color country); presets, membership and indicators take --x, --y and --by")
        }
    }

    /// The chart's own texts (title and subtitle go through the request): legend title, note and source line.
    func applyTexts(to text: inout ChartText) {
        if let legendTitle { text.legendTitle = legendTitle }
        if let note { text.caption = [text.caption, note].compactMap { $0 }.joined(separator: " ") }
        if let source { text.source = source }
        if noSource { text.source = nil }
    }

    /// Reads the table (and its schema), maps the columns and builds the chart's spec; nothing is written on error.
    func tidySpec(kind name: String, csv: String) throws -> ChartSpec {
        let kind = try tidyKind(name)
        let directory = data.directory
        var reader = TidyTableReader(countryCodes: { try TidyTableReader.shippedCountryCodes(dataDirectory: directory) }, limits: data.limits.csv)
        reader.yamlLimits = data.limits.yaml
        let table = try reader.read(path: csv, schemaPath: schema)
        return try tidySpec(kind: kind, table: table, x: x, y: y)
    }

    /// A corpus event table, filtered by --from/--to/--country/--kind, charted by its columns;
    /// x and y default to year and count, as corpus charts do.
    func corpusColumnsSpec(kind name: String, table tableName: String, corpus: Corpus) throws -> ChartSpec {
        let kind = try tidyKind(name)
        let events = try EventTableStore(corpus: corpus).table(named: tableName)
        var filter = EventFilter()
        if from != nil || to != nil { filter.period = try periodOption(from: from, to: to) }
        if let codes = try countryOption(countries, corpus: corpus) { filter.countries = codes }
        if !kinds.isEmpty { filter.kinds = try kindOption(kinds, table: events) }
        let filtered = filter.apply(to: events, membership: corpus.membership)
        guard !filtered.events.isEmpty else { throw ValidationError("no \(tableName) match the chart's filters; nothing to draw") }
        let perCountry = [x, y, color, fill, facet, label].contains("country")
        let table = TidyTable(events: filtered, corpus: corpus, perCountry: perCountry)
        return try tidySpec(kind: kind, table: table, x: x ?? "year", y: y ?? (kind.channels.contains(.fill) ? nil : "count"))
    }

    private func tidyKind(_ name: String) throws -> any ChartKind.Type {
        guard let kind = ChartKinds.named(name) else {
            let suggestion = Suggestion.closest(to: name, in: ChartKinds.names).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("'\(name)' is not a chart kind\(suggestion); with --csv use one of \(TidyChartsKinds.names.joined(separator: ", "))")
        }
        return kind
    }

    private func tidySpec(kind: any ChartKind.Type, table: TidyTable, x: String?, y: String?) throws -> ChartSpec {
        var request = TidyChartRequest(kind: kind, x: x, y: y, color: color, fill: fill, facet: facet, size: size, label: label,
                                       position: position.flatMap(ChartBinding.Position.init(rawValue:)), flip: flip,
                                       texts: ChartTexts(title: title, subtitle: subtitle, note: note, xTitle: xTitle, yTitle: yTitle,
                                                         legendTitle: legendTitle, source: source, noSource: noSource),
                                       theme: theme ?? "paper")
        if let theme, Theme.named(theme) == nil { throw ValidationError("--theme must be paper or briefing") }
        if let width { request.width = try Self.length(width, option: "--width") }
        if let height { request.height = try Self.length(height, option: "--height") }
        return try TidyCharts(table: table).build(request).spec
    }
}

/// The kinds that chart a table of one's own, for messages.
enum TidyChartsKinds {
    static var names: [String] { TidyCharts.kindsDrawing(nil) }
}
