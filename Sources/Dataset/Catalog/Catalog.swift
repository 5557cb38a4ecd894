import Foundation
import Support

/// The machine-readable description of every table: `Datasets/catalog.yaml`.
///
/// Loading, validation and the typed records all follow it, so a user's own CSV is checked
/// by the same rules as the shipped corpus.
public struct Catalog: Sendable, Hashable {
    public var version: Int
    public var tables: [TableSchema]

    public init(version: Int = 1, tables: [TableSchema]) {
        self.version = version
        self.tables = tables
    }

    public func table(named name: String) -> TableSchema? {
        tables.first { $0.name == name }
    }

    public func table(forFile file: String) -> TableSchema? {
        tables.first { $0.file == file }
    }

    public var tableNames: [String] { tables.map(\.name) }

    /// The tables to load for a command that reads `names`: those, the tables their columns refer
    /// to (sources of a `ref`, countries of a country column), and so on, plus `sources` and
    /// `countries`, which every output cites or names.
    public func tablesNeeded(for names: Set<String>) -> Set<String> {
        var needed = names.union(["sources", "countries"]).filter { table(named: $0) != nil }
        var queue = Array(needed)
        while let name = queue.popLast() {
            for column in table(named: name)?.columns ?? [] {
                let target: String?
                switch column.type {
                case .ref: target = column.references?.table
                case .country, .countryList, .countryDates: target = "countries"
                default: target = nil
                }
                if let target, table(named: target) != nil, needed.insert(target).inserted { queue.append(target) }
            }
        }
        return needed
    }

    /// Reads and checks a catalog file.
    public static func load(path: String, displayName: String? = nil, limits: YAMLLimits = .default) throws(Diagnostic) -> Catalog {
        let document = try YAMLDocument(path: path, displayName: displayName, limits: limits)
        return try CatalogReader(document: document).read()
    }
}
