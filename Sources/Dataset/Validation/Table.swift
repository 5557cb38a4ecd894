/// A loaded table: its schema and its rows, each cell parsed by the column's type.
public struct Table: Sendable {
    public let schema: TableSchema
    /// The file the rows came from, as it should appear in messages.
    public let file: String
    public let rows: [Row]
    /// Rows left out for a problem in some cell; their other cells are still checked
    /// against other tables, so one run reports every problem.
    public let rejectedRows: [Row]

    public init(schema: TableSchema, file: String, rows: [Row], rejectedRows: [Row] = []) {
        self.schema = schema
        self.file = file
        self.rows = rows
        self.rejectedRows = rejectedRows
    }

    /// One data row; values are in the schema's column order whatever the file's order was.
    public struct Row: Sendable {
        public let line: Int
        public let values: [CellValue]
        let columnIndex: [String: Int]
        /// Where each schema column's cell starts in the file (line, character column), for messages.
        let cellPositions: [(line: Int, column: Int)?]

        public subscript(column: String) -> CellValue {
            guard let index = columnIndex[column] else { return .blank }
            return values[index]
        }

        public func text(_ column: String) -> String? { self[column].text }
        /// The cell as an identifier: text, or a single country code.
        public func key(_ column: String) -> String? {
            switch self[column] {
            case .text(let value): return value
            case .countries(let codes) where codes.count == 1: return codes[0]
            default: return nil
            }
        }
        public func integer(_ column: String) -> Int? { self[column].integer }
        public func number(_ column: String) -> Double? { self[column].number }
        public func date(_ column: String) -> PartialDate? { self[column].date }
        public func countries(_ column: String) -> [String] { self[column].countries }
    }

    /// The value of the primary key of every row, in file order.
    public var keys: [String] {
        rows.compactMap { $0.key(schema.primaryKey) }
    }
}
