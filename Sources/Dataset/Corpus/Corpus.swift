import Foundation
import Support

/// Every table of a dataset folder, loaded, cross-checked and turned into typed records.
public struct Corpus: Sendable {
    public let catalog: Catalog
    /// The folder the tables were read from.
    public let directory: String
    public let tables: [String: Table]

    public let sources: [Source]
    public let countries: [Country]
    public let attacks: [Attack]
    public let exercises: [Exercise]
    public let documents: [LegalDocument]
    public let indicators: [Indicator]
    public let membership: [MembershipSpell]

    init(catalog: Catalog, directory: String, tables: [String: Table]) {
        self.catalog = catalog
        self.directory = directory
        self.tables = tables
        func records<T>(_ name: String, _ make: (Table.Row) -> T?) -> [T] {
            tables[name]?.rows.compactMap(make) ?? []
        }
        sources = records("sources", Source.init(row:))
        countries = records("countries", Country.init(row:))
        attacks = tables["attacks"].map(Attack.records(of:)) ?? []
        exercises = records("exercises", Exercise.init(row:))
        documents = records("documents", LegalDocument.init(row:))
        indicators = records("indicators", Indicator.init(row:))
        membership = records("membership", MembershipSpell.init(row:))
    }

    public func source(id: String) -> Source? { sources.first { $0.id == id } }
    public func country(code: String) -> Country? { countries.first { $0.code == code } }

    /// The English name of a country code, or the code itself when unknown.
    public func countryName(_ code: String) -> String { country(code: code)?.nameEnglish ?? code }

    /// Every state's status on a day; states with no active spell are absent.
    public func statuses(on day: DayDate) -> [String: MembershipSpell.Status] {
        var result: [String: MembershipSpell.Status] = [:]
        for spell in membership where spell.isActive(on: day) {
            result[spell.country] = spell.status.countsAs
        }
        return result
    }

    /// Loads the folder's tables against `catalog`. Values that refer to other tables (source ids,
    /// country codes) resolve within the folder, or in `fallback` for tables the folder lacks —
    /// so a user's folder holding only `attacks.csv` can cite the shipped sources.
    ///
    /// `only` names the tables a command reads (nil: all); the tables they refer to are loaded
    /// with them (`Catalog.tablesNeeded`), and the others are neither read nor checked. With
    /// `trustingDigest`, a file whose hash the folder's `validated.sha256` lists (see
    /// `CorpusDigest`) skips the checks `datasets validate` made when it wrote that digest.
    public static func load(directory: String, catalog: Catalog, fallback: Corpus? = nil,
                            requireAllTables: Bool = true, limits: CSVLimits = .default,
                            only: Set<String>? = nil, trustingDigest: Bool = false) -> (corpus: Corpus, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var tables: [String: Table] = [:]
        var checked: [String] = []
        let loader = TableLoader(limits: limits)
        let wanted = only.map { catalog.tablesNeeded(for: $0) }
        let digest = trustingDigest ? CorpusDigest.recorded(in: directory) : nil
        let catalogVouched = digest?.vouchesFor(DataLocation.catalogFile, in: directory) ?? false
        for schema in catalog.tables where wanted?.contains(schema.name) ?? true {
            let path = (directory as NSString).appendingPathComponent(schema.file)
            let display = displayPath(directory: directory, file: schema.file)
            guard FileManager.default.fileExists(atPath: path) else {
                if requireAllTables {
                    diagnostics.append(Diagnostic(SourceLocation(file: display), "table '\(schema.name)' is missing",
                                                  hint: "the catalog lists \(schema.file) in this folder"))
                }
                continue
            }
            let vouched = catalogVouched && digest!.vouchesFor(schema.file, in: directory)
            let (table, problems) = loader.load(schema, path: path, displayName: display, checkingKeys: !vouched)
            tables[schema.name] = table
            diagnostics += problems
            if !vouched { checked.append(schema.name) }
        }
        if !requireAllTables {
            diagnostics += unknownFiles(in: directory, catalog: catalog)
        }
        var resolved = tables
        if let fallback {
            for (name, table) in fallback.tables where resolved[name] == nil { resolved[name] = table }
        }
        let corpus = Corpus(catalog: catalog, directory: directory, tables: tables)
        // Tables the digest vouches for passed these checks when it was written; a changed table
        // is checked against the others, vouched or not.
        guard !checked.isEmpty else { return (corpus, diagnostics) }
        diagnostics += ReferenceChecker(catalog: catalog, tables: resolved).check(tablesToCheck: checked)
        diagnostics += RecordRules.blankQuotes(in: resolved, checking: checked)
        let files = Set(checked.compactMap { tables[$0]?.file })
        diagnostics += RecordRules.check(corpus).filter { checked.count == tables.count || files.contains($0.location.file) }
        return (corpus, diagnostics)
    }

    private static func displayPath(directory: String, file: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let full = (directory as NSString).appendingPathComponent(file)
        let standardized = (full as NSString).standardizingPath
        if standardized.hasPrefix(cwd + "/") { return String(standardized.dropFirst(cwd.count + 1)) }
        return full
    }

    private static func unknownFiles(in directory: String, catalog: Catalog) -> [Diagnostic] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let known = Set(catalog.tables.map(\.file))
        return names.sorted().filter { $0.lowercased().hasSuffix(".csv") && !known.contains($0) }.map { name in
            let suggestion = Suggestion.closest(to: name, in: known)
            return Diagnostic(SourceLocation(file: displayPath(directory: directory, file: name)),
                              "not a table of the catalog, so it was not checked",
                              hint: suggestion.map { "did you mean \($0)?" } ?? "table files are: \(known.sorted().joined(separator: ", "))",
                              severity: .warning)
        }
    }
}
