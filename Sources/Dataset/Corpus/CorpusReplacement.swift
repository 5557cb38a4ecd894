import Foundation
import Support

extension Corpus {
    /// The corpus with one table read from the user's file instead — an imported GTD table in
    /// place of the curated attacks, say — so statistics and reports run on it unchanged.
    ///
    /// The other tables stay as loaded. A `sources.csv` beside the file (as `scobrief import gtd`
    /// writes) is merged into the sources: its rows are added, replacing any with the same id,
    /// so the file's rows can cite it while the other tables keep citing theirs. Problems in the
    /// file or its sources come back as diagnostics; rows with errors are left out, as in `load`.
    public func replacingTable(_ name: String, withFile path: String, limits: CSVLimits = .default) -> (corpus: Corpus, diagnostics: [Diagnostic]) {
        guard let schema = catalog.table(named: name) else {
            let hint = Suggestion.closest(to: name, in: catalog.tableNames).map { "did you mean '\($0)'?" }
                ?? "tables are: \(catalog.tableNames.joined(separator: ", "))"
            return (self, [Diagnostic(SourceLocation(file: path), "'\(name)' is not a table of the catalog", hint: hint)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return (self, [Diagnostic(SourceLocation(file: path), isDirectory.boolValue ? "a folder, not a table file" : "no such file",
                                      hint: "give the CSV file that holds the \(name) table")])
        }
        let loader = TableLoader(limits: limits)
        var tables = self.tables
        var diagnostics: [Diagnostic] = []
        var replaced = [name]
        let (table, problems) = loader.load(schema, path: path, displayName: path)
        tables[name] = table
        // An empty table in place of the shipped one would make every statistic silently empty.
        diagnostics += problems.map { problem in
            guard problem.message == TableLoader.headerOnlyMessage else { return problem }
            var error = problem
            error.severity = .error
            error.hint = "an empty table in place of the shipped \(name) would make every statistic empty; check the file, or leave out --input to use the shipped table"
            return error
        }

        if name != "sources", let sourcesSchema = catalog.table(named: "sources") {
            let folder = (path as NSString).deletingLastPathComponent
            let sibling = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(sourcesSchema.file)
            let own = (directory as NSString).appendingPathComponent(sourcesSchema.file)
            if FileManager.default.fileExists(atPath: sibling),
               URL(fileURLWithPath: sibling).standardizedFileURL.path != URL(fileURLWithPath: own).standardizedFileURL.path {
                let (added, problems) = loader.load(sourcesSchema, path: sibling, displayName: sibling)
                diagnostics += problems
                let addedIDs = Set(added.keys)
                let kept = (tables["sources"]?.rows ?? []).filter { !addedIDs.contains($0.key(sourcesSchema.primaryKey) ?? "") }
                tables["sources"] = Table(schema: sourcesSchema, file: sibling, rows: kept + added.rows, rejectedRows: added.rejectedRows)
                replaced.append("sources")
            }
        }
        diagnostics += ReferenceChecker(catalog: catalog, tables: tables).check(tablesToCheck: replaced)
        diagnostics += RecordRules.blankQuotes(in: tables, checking: replaced)
        let corpus = Corpus(catalog: catalog, directory: directory, tables: tables)
        // Rules over the whole corpus; only what concerns the new files is new.
        let files = Set(replaced.compactMap { tables[$0]?.file })
        diagnostics += RecordRules.check(corpus).filter { files.contains($0.location.file) }
        return (corpus, diagnostics)
    }
}

extension DataLocation {
    /// The shipped corpus with one table read from `path` (plus the `sources.csv` beside it).
    /// Throws every error; warnings come back with the corpus.
    public static func loadShippedCorpus(explicit: String? = nil, replacingTable name: String, withFile path: String) throws -> (corpus: Corpus, warnings: [Diagnostic]) {
        let shipped = try loadShippedCorpus(explicit: explicit)
        let (corpus, diagnostics) = shipped.replacingTable(name, withFile: path)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return (corpus, diagnostics.filter { $0.severity == .warning })
    }
}
