/// How much of the world a table claims to cover. Statistics use it to refuse comparisons
/// between a complete count and a list of named examples.
public enum Coverage: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Every event of its kind in its scope.
    case complete
    /// Examples named by the sources: counting them measures the sources, not the world.
    case illustrative
    /// Complete for some of its scope only; the coverage note says which.
    case partial

    public var description: String {
        switch self {
        case .complete: return "a complete count"
        case .illustrative: return "an illustrative list of named examples"
        case .partial: return "a count complete for part of its scope only"
        }
    }
}

/// One table of the catalog: its file, its columns and what it covers.
public struct TableSchema: Sendable, Hashable {
    public var name: String
    public var file: String
    public var title: String
    public var description: String?
    public var primaryKey: String
    public var coverage: Coverage
    public var coverageNote: String
    public var columns: [ColumnSchema]

    public init(name: String, file: String, title: String, description: String? = nil, primaryKey: String,
                coverage: Coverage, coverageNote: String, columns: [ColumnSchema]) {
        self.name = name
        self.file = file
        self.title = title
        self.description = description
        self.primaryKey = primaryKey
        self.coverage = coverage
        self.coverageNote = coverageNote
        self.columns = columns
    }

    public func column(named name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }

    public var columnNames: [String] { columns.map(\.name) }
}
