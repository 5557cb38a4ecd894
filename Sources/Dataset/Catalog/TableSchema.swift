/// One table of the catalog: its file, its columns and what it covers.
public struct TableSchema: Sendable, Hashable {
    public var name: String
    public var file: String
    public var title: String
    public var description: String?
    public var primaryKey: String
    public var coverage: CoverageScope
    public var coverageNote: String
    public var columns: [ColumnSchema]
    /// The dates the table covers, when the catalog states them (`covers_from`, `gaps`, ...);
    /// otherwise the statistics take the years of its rows.
    public var coverageDates: CoverageDates?

    public init(name: String, file: String, title: String, description: String? = nil, primaryKey: String,
                coverage: CoverageScope, coverageNote: String, columns: [ColumnSchema],
                coverageDates: CoverageDates? = nil) {
        self.name = name
        self.file = file
        self.title = title
        self.description = description
        self.primaryKey = primaryKey
        self.coverage = coverage
        self.coverageNote = coverageNote
        self.columns = columns
        self.coverageDates = coverageDates
    }

    public func column(named name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }

    public var columnNames: [String] { columns.map(\.name) }
}
