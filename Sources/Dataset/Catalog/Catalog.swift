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

    /// Reads and checks a catalog file.
    public static func load(path: String, displayName: String? = nil, limits: YAMLLimits = .default) throws(Diagnostic) -> Catalog {
        let document = try YAMLDocument(path: path, displayName: displayName, limits: limits)
        return try CatalogReader(document: document).read()
    }
}
