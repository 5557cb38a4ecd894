import Foundation
import Support

/// The user's own tables laid over a corpus: a report spec's `data:` folder first, then each
/// `--input TABLE=FILE` in order. The rules live here rather than in the CLI, so a report built
/// from code overlays data the same way the command line does.
///
/// - A folder with its own `catalog.yaml` is a whole corpus and replaces the shipped one.
/// - Otherwise each file in the folder named as a catalog table (`attacks.csv`, …) replaces that
///   table; a `sources.csv` beside another table is merged into the sources by `replacingTable`,
///   so it replaces the sources on its own only when it is the folder's only table.
/// - An input replaces one table, and a `sources.csv` beside its file is merged likewise.
/// - An input written `TABLE+=FILE` adds its rows to the table instead (several imported
///   datasets in one attacks table, each kept apart again by a report block's `source:`).
public struct CorpusOverlay: Sendable {
    /// One `TABLE=FILE` pair: a table of the catalog and the file to read it from.
    public struct Input: Sendable, Hashable {
        /// The table's name in the catalog, e.g. `attacks`.
        public var table: String
        /// The CSV file to read in its place.
        public var file: String
        /// Whether the file's rows are added to the table (`TABLE+=FILE`) rather than replacing it.
        public var appends: Bool

        /// A pair from its parts.
        public init(table: String, file: String, appends: Bool = false) {
            self.table = table
            self.file = file
            self.appends = appends
        }

        /// Splits `TABLE=FILE` (or `TABLE+=FILE`) at the first `=`; nil when there is none or either side is empty.
        public init?(parsing text: String) {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            let appends = parts[0].hasSuffix("+")
            let table = appends ? String(parts[0].dropLast()) : parts[0]
            guard !table.isEmpty else { return nil }
            self.init(table: table, file: parts[1], appends: appends)
        }
    }

    /// A spec's `data:` folder (already resolved against the spec's location), or nil.
    public var folder: String?
    /// The `--input` pairs as the user wrote them, applied in order after the folder.
    public var inputs: [String]
    /// Limits for every CSV file read.
    public var csvLimits: CSVLimits
    /// Limits for a folder's own catalog.
    public var yamlLimits: YAMLLimits
    /// Whether a file its import stamp vouches for is read with the cheap typed parse (see
    /// `Corpus.replacingTable(trustingStamp:)`); a changed file is validated in full either way.
    public var trustingStamps = true
    /// The columns a command reads, by table; a stamped table is read for those only (others: all).
    public var columns: [String: Set<String>] = [:]
    /// The tables a command reads only through `EventTables`, to count their events (`trend`): a
    /// stamped attacks table among them is read straight into `Table.stampedAttacks`, without rows
    /// (see `Corpus.replacingTable(countedOnly:)`). Only its last input is, so that no later
    /// `TABLE+=FILE` adds rows to a table that has none.
    public var countedTables: Set<String> = []

    /// An overlay of `folder` and then `inputs` (each `TABLE=FILE`).
    public init(folder: String? = nil, inputs: [String] = [], csvLimits: CSVLimits = .default, yamlLimits: YAMLLimits = .default) {
        self.folder = folder
        self.inputs = inputs
        self.csvLimits = csvLimits
        self.yamlLimits = yamlLimits
    }

    /// Whether the overlay changes anything.
    public var isEmpty: Bool { folder == nil && inputs.isEmpty }

    /// `base` with the overlay applied, and the warnings found on the way. Throws a `Diagnostic`
    /// for a malformed input or a missing folder or file, and a `DiagnosticList` with every error
    /// of a replaced table, so no statistic is computed from a table that did not load cleanly.
    public func apply(to base: Corpus) throws -> (corpus: Corpus, warnings: [Diagnostic]) {
        var corpus = base
        var warnings: [Diagnostic] = []
        if let folder { corpus = try replacingTables(of: corpus, from: folder, warnings: &warnings) }
        for (index, text) in inputs.enumerated() {
            let input = try parse(text, catalog: corpus.catalog)
            guard FileManager.default.fileExists(atPath: input.file) else {
                throw Diagnostic(SourceLocation(file: input.file), "no such file", hint: "check the path given to --input")
            }
            let counted = countedTables.contains(input.table)
                && !inputs[(index + 1)...].contains { Input(parsing: $0)?.table == input.table }
            corpus = try replacing(input.table, in: corpus, withFile: input.file, appending: input.appends, counted: counted,
                                   warnings: &warnings)
        }
        return (corpus, warnings)
    }

    private func parse(_ text: String, catalog: Catalog) throws(Diagnostic) -> Input {
        let tables = catalog.tableNames
        let input = Input(parsing: text)
        if let input, catalog.table(named: input.table) != nil { return input }
        let hint = input.flatMap { Suggestion.closest(to: $0.table, in: tables) }.map { "did you mean '\($0)'?" }
            ?? "tables are: \(tables.joined(separator: ", "))"
        throw Diagnostic(SourceLocation(file: "--input"),
                         "'\(text)' must be TABLE=FILE with a table of the catalog (\(tables.joined(separator: ", ")))", hint: hint)
    }

    private func replacing(_ table: String, in corpus: Corpus, withFile path: String, appending: Bool = false, counted: Bool = false,
                           warnings: inout [Diagnostic]) throws -> Corpus {
        let (replaced, diagnostics) = appending
            ? corpus.appendingTable(table, withFile: path, limits: csvLimits)
            : corpus.replacingTable(table, withFile: path, limits: csvLimits, trustingStamp: trustingStamps, columns: columns[table],
                                    countedOnly: counted)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        warnings += diagnostics
        return replaced
    }

    private func replacingTables(of base: Corpus, from folder: String, warnings: inout [Diagnostic]) throws -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(SourceLocation(file: folder), "the spec's data folder does not exist",
                             hint: "data: names a folder relative to the spec; fix the path or remove the key")
        }
        let ownCatalog = DataLocation.catalogPath(in: folder)
        if FileManager.default.fileExists(atPath: ownCatalog) {
            let catalog = try Catalog.load(path: ownCatalog, limits: yamlLimits)
            let (corpus, diagnostics) = Corpus.load(directory: folder, catalog: catalog, limits: csvLimits)
            let errors = diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty { throw DiagnosticList(errors) }
            warnings += diagnostics
            return corpus
        }
        let present = base.catalog.tables.filter {
            FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0.file))
        }
        let tables = present.count > 1 ? present.filter { $0.name != "sources" } : present
        guard !tables.isEmpty else {
            throw Diagnostic(SourceLocation(file: folder), "the spec's data folder holds no table files",
                             hint: "name files as the catalog does: \(base.catalog.tables.map(\.file).joined(separator: ", "))")
        }
        var corpus = base
        for table in tables {
            corpus = try replacing(table.name, in: corpus, withFile: (folder as NSString).appendingPathComponent(table.file), warnings: &warnings)
        }
        return corpus
    }
}
