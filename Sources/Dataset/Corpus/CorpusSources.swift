import Foundation
import Support

/// One table drawn from several datasets at once (`--input attacks+=FILE`), and the rows of one
/// dataset taken back out (a report block's `source:`): so that the GTD, UCDP GED and ACLED can
/// feed one briefing while every count stays within one source.
extension Corpus {
    /// The corpus with the rows of `path` added to table `name` (and the `sources.csv` beside the
    /// file merged). The file is checked on its own first, as `replacingTable` checks it, so every
    /// message points at its own lines; a record id already in the table is an error, since the
    /// same events would be counted twice.
    public func appendingTable(_ name: String, withFile path: String, limits: CSVLimits = .default) -> (corpus: Corpus, diagnostics: [Diagnostic]) {
        let (alone, diagnostics) = replacingTable(name, withFile: path, limits: limits)
        guard !diagnostics.contains(where: { $0.severity == .error }), let added = alone.tables[name], let schema = catalog.table(named: name) else {
            return (self, diagnostics)
        }
        guard let existing = tables[name] else { return (alone, diagnostics) }
        let present = Set(existing.keys)
        if let clash = added.rows.first(where: { present.contains($0.key(schema.primaryKey) ?? "") }) {
            let id = clash.key(schema.primaryKey) ?? ""
            return (self, diagnostics + [Diagnostic(SourceLocation(file: path, line: clash.line), "\(schema.primaryKey) '\(id)' is already in the \(name) table from \(existing.file)",
                                                    hint: "each file added with \(name)+= must hold other records; was the same file given twice?")])
        }
        var merged = alone.tables
        merged[name] = Table(schema: schema, file: "\(existing.file) + \(path)", rows: existing.rows + added.rows,
                             rejectedRows: existing.rejectedRows + added.rejectedRows)
        return (Corpus(catalog: catalog, directory: directory, tables: merged), diagnostics)
    }

    /// The dataset sources whose rows make up table `name`, in id order: what `source:` may name.
    public func datasetSources(ofTable name: String) -> [String] {
        let ids = Set(tables[name]?.rows.compactMap { $0.key("source_id") } ?? [])
        return ids.sorted()
    }

    /// Whether source id `id` is the one `selector` names: the id itself, or its family before a
    /// release (`gtd` for `gtd-0522dist`, `ucdp-ged` for `ucdp-ged-251`).
    public static func source(_ id: String, matches selector: String) -> Bool {
        id == selector || id.hasPrefix(selector + "-")
    }

    /// The corpus with table `name` reduced to the rows of the sources `selector` names, or an
    /// error listing the sources the table holds when none matches.
    public func restricting(_ name: String, toSource selector: String) throws(Diagnostic) -> Corpus {
        guard let table = tables[name] else { return self }
        let rows = table.rows.filter { row in row.key("source_id").map { Corpus.source($0, matches: selector) } ?? false }
        guard !rows.isEmpty else {
            let present = datasetSources(ofTable: name)
            let hint = Suggestion.closest(to: selector, in: present).map { "did you mean '\($0)'?" }
                ?? "the \(name) table's rows cite: \(present.joined(separator: ", "))"
            throw Diagnostic(SourceLocation(file: table.file), "no row of the \(name) table comes from source '\(selector)'", hint: hint)
        }
        var kept = tables
        kept[name] = Table(schema: table.schema, file: table.file, rows: rows, rejectedRows: [])
        return Corpus(catalog: catalog, directory: directory, tables: kept)
    }
}
