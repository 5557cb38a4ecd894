/// A loaded table: its schema and its rows, each cell parsed by the column's type.
public struct Table: Sendable {
    public let schema: TableSchema
    /// The file the rows came from, as it should appear in messages.
    public let file: String
    public let rows: [Row]

    public init(schema: TableSchema, file: String, rows: [Row]) {
        self.schema = schema
        self.file = file
        self.rows = rows
    }

    /// One data row; values are in the schema's column order whatever the file's order was.
    public struct Row: Sendable {
        public let line: Int
        public let values: [CellValue]
        let columnIndex: [String: Int]

        public subscript(column: String) -> CellValue {
            guard let index = columnIndex[column] else { return .blank }
            return values[index]
        }

        public func text(_ column: String) -> String? { self[column].text }
        public func integer(_ column: String) -> Int? { self[column].integer }
        public func number(_ column: String) -> Double? { self[column].number }
        public func date(_ column: String) -> PartialDate? { self[column].date }
        public func countries(_ column: String) -> [String] { self[column].countries }
    }

    /// The value of the primary key of every row, in file order.
    public var keys: [String] {
        rows.compactMap { $0.text(schema.primaryKey) }
    }
}
