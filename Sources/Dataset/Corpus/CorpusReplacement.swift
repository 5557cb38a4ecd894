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
    ///
    /// With `trustingStamp`, a file that its import stamp vouches for (`ImportStamp`: the CRC and
    /// size the import recorded) gets a cheap typed parse instead of the per-cell checks, and
    /// `columns` (nil: all) limits what is read to the columns the command uses. Its rows must
    /// still cite the stamp's source, a dataset of the sources, and name countries countries.csv
    /// lists; if not, or if the file was changed, it is validated in full as before.
    ///
    /// With `countedOnly` as well, the caller reads the table only through `EventTables` (it
    /// counts events): stamped attacks are then read straight from the file's bytes into
    /// `Table.stampedAttacks` (`StampedAttacksReader`), with no rows, under the same checks.
    public func replacingTable(_ name: String, withFile path: String, limits: CSVLimits = .default,
                               trustingStamp: Bool = false, columns: Set<String>? = nil,
                               countedOnly: Bool = false) -> (corpus: Corpus, diagnostics: [Diagnostic]) {
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
        var imported: (stamp: ImportStamp, table: TableLoader.ImportedTable)? = nil
        if trustingStamp, countedOnly, name == "attacks", let stamp = ImportStamp.recorded(for: path, table: name),
           let attacks = StampedAttacksReader.read(schema, path: path, stamp: stamp, limits: limits) {
            imported = (stamp, TableLoader.ImportedTable(table: Table(schema: schema, file: path, stampedAttacks: attacks),
                                                         countryCodes: Set(attacks.countryCodes)))
        } else if trustingStamp, let stamp = ImportStamp.vouching(for: path, table: name),
           let table = loader.loadImported(schema, path: path, displayName: path, columns: columns, sourceID: stamp.sourceID) {
            imported = (stamp, table)
        }
        let (table, problems) = imported.map { ($0.table.table, []) } ?? loader.load(schema, path: path, displayName: path)
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
        // A stamped table's rows all cite the stamp's source and were checked by the import; what
        // is left to check is that source and the countries against the tables as they are now.
        // If they fail, the file is validated in full, so the messages say where.
        if let (stamp, importedTable) = imported,
           !ImportStamp.holds(importedTable.countryCodes, sourceID: stamp.sourceID, in: tables) {
            let (table, problems) = loader.load(schema, path: path, displayName: path)
            tables[name] = table
            diagnostics += problems
            imported = nil
        }
        let checked = imported == nil ? replaced : replaced.filter { $0 != name }
        diagnostics += ReferenceChecker(catalog: catalog, tables: tables).check(tablesToCheck: checked)
        diagnostics += RecordRules.blankQuotes(in: tables, checking: checked)
        let corpus = Corpus(catalog: catalog, directory: directory, tables: tables)
        // Rules over the whole corpus; only what concerns the new files is new.
        let files = Set(checked.compactMap { tables[$0]?.file })
        diagnostics += RecordRules.check(corpus, only: Set(checked)).filter { files.contains($0.location.file) }
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
