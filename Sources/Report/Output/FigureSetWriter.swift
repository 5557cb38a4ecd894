import Analysis
import Dataset
import Foundation
import Render
import Support

/// Writes a report's figures and tables as separate files for a paper: each figure in the chosen
/// formats (PDF, PNG, SVG by default; PNG at the chosen dpi), each table as CSV, Markdown and
/// LaTeX, with numbered names (`fig01-attacks-by-year.pdf`, or `fig01-attacks-by-year-single.pdf`
/// for a journal's column), the figures' captions with their credit lines (`captions.md`,
/// `captions.tex`), and a `manifest.json` listing every file with its size in mm, its dpi and
/// its SHA-256. The credit ("Source: …") is set in the captions and in each figure file's
/// metadata (PDF Subject, SVG desc, PNG iTXt Description), not drawn in the artwork, unless
/// `FigureSetOptions.includeSource`.
public struct FigureSetWriter {
    /// The report whose figures and tables are written.
    public let report: BuiltReport
    /// The corpus the report was built from.
    public let corpus: Corpus
    /// The backend for each image format.
    public let backends: Backends

    /// A writer of `report`'s figures and tables, each image format drawn by its backend in `backends`.
    public init(report: BuiltReport, corpus: Corpus, backends: Backends) {
        self.report = report
        self.corpus = corpus
        self.backends = backends
    }

    /// Writes the default set (PDF, PNG at `dpi`, SVG); returns the number of files written (the manifest excluded).
    @discardableResult
    public func write(to directory: String, dpi: Double = 300) throws -> Int {
        try write(to: directory, options: FigureSetOptions(dpi: dpi))
    }

    /// Writes the set `options` describe; returns the number of files written (the manifest excluded).
    @discardableResult
    public func write(to directory: String, options: FigureSetOptions) throws -> Int {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(SourceLocation(file: directory), "cannot create the folder: \(error.localizedDescription)",
                             hint: "check the path and permissions")
        }
        var entries: [JSONValue] = []
        func save(_ bytes: Data, _ name: String, kind: String, label: String, format: String,
                  size: (width: Length, height: Length)? = nil, dpi: Double? = nil, column: String? = nil) throws {
            let path = (directory as NSString).appendingPathComponent(name)
            try AtomicFile.write(bytes, to: path)
            var fields: [(String, JSONValue)] = [("file", .string(name)), ("kind", .string(kind)), ("label", .string(label)),
                                                 ("format", .string(format)), ("bytes", .integer(bytes.count)), ("sha256", .string(SHA256.hex(bytes)))]
            if let size {
                fields += [("width_mm", .number(size.width.millimetres)), ("height_mm", .number(size.height.millimetres))]
                if let dpi {
                    fields += [("dpi", .number(dpi)), ("width_px", .integer(Int((size.width.inches * dpi).rounded()))),
                               ("height_px", .integer(Int((size.height.inches * dpi).rounded())))]
                }
            }
            if let column { fields.append(("column", .string(column))) }
            entries.append(.object(fields))
        }
        var captions: [FigureCaption] = []
        for figure in report.figures {
            let base = String(format: "fig%02d-%@", figure.number, figure.slug)
            var spec = figure.chart.spec
            let credit = credit(figure)
            captions.append(FigureCaption(label: figure.label, file: base, slug: figure.slug, caption: plain(figure.caption), credit: credit))
            if !options.includeSource { spec.text.source = nil }
            let metadata = DocumentMetadata(title: "\(figure.label): \(plain(figure.caption))", author: report.metadata.author,
                                            subject: credit, creator: "SCOBrief", language: report.metadata.language)
            let renderOptions = RenderOptions(dpi: options.dpi, metadata: metadata)
            // Without a journal, one drawing at the chart's (or the given) size; with one, a drawing per column.
            var variants: [(suffix: String, column: String?, width: Length?, journal: JournalPreset?)] = [("", nil, options.width, nil)]
            if let journal = options.journal {
                variants = try options.columns.map { name in
                    guard let column = journal.column(named: name) else {
                        throw Diagnostic(SourceLocation(file: directory), "\(journal.name) has no column '\(name)'",
                                         hint: "use one of \(journal.columns.map(\.name).joined(separator: ", "))")
                    }
                    return ("-\(column.name)", column.name, column.width, journal)
                }
            }
            for variant in variants {
                let rendered = try drawing(spec, width: variant.width, height: options.height, journal: variant.journal)
                if let journal = variant.journal, let problem = journal.heightProblem(rendered.height) {
                    throw Diagnostic(SourceLocation(file: directory), "\(figure.label) at the \(variant.column ?? "") column: \(problem)",
                                     hint: "give --height, or a wider --column")
                }
                let size = (rendered.width, rendered.height)
                for format in options.formats {
                    let bytes = try backends.imageBackend(format).render(rendered, as: format, options: renderOptions)
                    try save(bytes, "\(base)\(variant.suffix).\(format.rawValue)", kind: "figure", label: figure.label, format: format.rawValue,
                             size: size, dpi: format == .png ? options.dpi : nil, column: variant.column)
                }
            }
            // The drawn data typed at full precision where the chart's builder typed it, else its table as drawn.
            let data = figure.chart.data.data.first?.csv() ?? figure.chart.data.csv()
            try save(Data(data.utf8), "\(base)-data.csv", kind: "figure data", label: figure.label, format: "csv")
        }
        for table in report.tables {
            let base = String(format: "tab%02d-%@", table.number, table.slug)
            var result = table.table
            result.notes = table.notes
            result.title = "\(table.label). \(plain(table.caption))"
            // CSV at full precision where the analysis typed its results, one file a table.
            switch result.data.count {
            case 0: try save(Data(result.csv().utf8), "\(base).csv", kind: "table", label: table.label, format: "csv")
            case 1: try save(Data(result.data[0].csv().utf8), "\(base).csv", kind: "table", label: table.label, format: "csv")
            default:
                for data in result.data {
                    try save(Data(data.csv().utf8), "\(base)-\(data.name).csv", kind: "table", label: table.label, format: "csv")
                }
            }
            try save(Data(result.markdown().utf8), "\(base).md", kind: "table", label: table.label, format: "markdown")
            // LaTeX numbers its own tables: the caption carries no "Table 2." and the label names the file.
            result.title = plain(table.caption)
            result.label = "tab:\(LaTeXText.labelKey(table.slug))"
            try save(Data(result.latex().utf8), "\(base).tex", kind: "table", label: table.label, format: "latex")
        }
        if !captions.isEmpty {
            try save(Data(FigureCaption.markdown(captions).utf8), "captions.md", kind: "captions", label: "", format: "markdown")
            try save(Data(FigureCaption.latex(captions).utf8), "captions.tex", kind: "captions", label: "", format: "latex")
        }
        var manifest: [(String, JSONValue)] = [("report", .string(report.metadata.title)), ("generator", .string("SCOBrief")),
                                               ("dpi", .number(options.dpi)), ("source_line", .bool(options.includeSource))]
        if let journal = options.journal {
            manifest += [("journal", .string(journal.name)), ("guideline", .string(journal.guideline))]
            manifest += journal.columns.map { ("\($0.name.replacingOccurrences(of: "-", with: "_"))_column_mm", JSONValue.number($0.width.millimetres)) }
            manifest += [("maximum_height_mm", .number(journal.maximumHeight?.millimetres)),
                         ("minimum_type_pt", .number(journal.minimumTypeSize)), ("maximum_type_pt", .number(journal.maximumTypeSize)),
                         ("minimum_line_pt", .number(journal.lineWeights?.lowerBound)), ("maximum_line_pt", .number(journal.lineWeights?.upperBound)),
                         ("line_art_dpi", .number(journal.lineArtDPI)), ("halftone_dpi", .number(journal.halftoneDPI))]
        }
        manifest.append(("files", .array(entries)))
        try AtomicFile.write(JSONValue.object(manifest).text(), to: (directory as NSString).appendingPathComponent("manifest.json"))
        return entries.count
    }

    /// The figure of `spec` at `width` × `height` (nil keeps the spec's own), its type brought
    /// into `journal`'s range when there is one.
    private func drawing(_ spec: ChartSpec, width: Length?, height: Length?, journal: JournalPreset?) throws -> Figure {
        var spec = spec
        if let width { spec.width = width }
        if let height { spec.height = height }
        return try journal.map { try spec.figure(for: $0) } ?? spec.figure()
    }

    /// The figure's credit line: the source line its chart would draw, else its own table's, else
    /// the line the briefing sets under it.
    private func credit(_ figure: BuiltFigure) -> String {
        figure.chart.spec.text.source ?? figure.sourceLine
            ?? SourceLine.text(for: figure.chart.sourceIDs, corpus: corpus, localiser: report.localiser)
    }

    private func plain(_ runs: [MarkupRun]) -> String {
        runs.map(\.text).joined()
    }
}
