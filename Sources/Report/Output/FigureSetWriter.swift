import Analysis
import Dataset
import Foundation
import Render
import Support

/// Writes a report's figures and tables as separate files for a paper: each figure as PDF,
/// PNG (300 dpi) and SVG, each table as CSV, Markdown and LaTeX, with numbered names
/// (`fig01-attacks-by-year.pdf`) and a `manifest.json` listing every file with its SHA-256.
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

    /// Returns the number of files written (the manifest excluded).
    @discardableResult
    public func write(to directory: String, dpi: Double = 300) throws -> Int {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(SourceLocation(file: directory), "cannot create the folder: \(error.localizedDescription)",
                             hint: "check the path and permissions")
        }
        var entries: [[String: Any]] = []
        func save(_ bytes: Data, _ name: String, kind: String, label: String) throws {
            let path = (directory as NSString).appendingPathComponent(name)
            try AtomicFile.write(bytes, to: path)
            entries.append(["file": name, "kind": kind, "label": label, "bytes": bytes.count, "sha256": SHA256.hex(bytes)])
        }
        for figure in report.figures {
            let base = String(format: "fig%02d-%@", figure.number, figure.slug)
            let rendered = try figure.chart.spec.figure()
            let metadata = DocumentMetadata(title: "\(figure.label): \(plain(figure.caption))", author: report.metadata.author, creator: "SCOBrief")
            let options = RenderOptions(dpi: dpi, metadata: metadata)
            for format in [ImageFormat.pdf, .png, .svg] {
                try save(try backends.imageBackend(format).render(rendered, as: format, options: options), "\(base).\(format.rawValue)", kind: "figure", label: figure.label)
            }
            try save(Data(figure.chart.data.csv().utf8), "\(base)-data.csv", kind: "figure data", label: figure.label)
        }
        for table in report.tables {
            let base = String(format: "tab%02d-%@", table.number, table.slug)
            var result = table.table
            result.title = "\(table.label). \(plain(table.caption))"
            result.notes = table.notes
            try save(Data(result.csv().utf8), "\(base).csv", kind: "table", label: table.label)
            try save(Data(result.markdown().utf8), "\(base).md", kind: "table", label: table.label)
            try save(Data(result.latex().utf8), "\(base).tex", kind: "table", label: table.label)
        }
        let manifest: [String: Any] = ["report": report.metadata.title, "generator": "SCOBrief", "files": entries]
        let json = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try AtomicFile.write(json + Data("\n".utf8), to: (directory as NSString).appendingPathComponent("manifest.json"))
        return entries.count
    }

    private func plain(_ runs: [MarkupRun]) -> String {
        runs.map(\.text).joined()
    }
}
