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
        /// Where each schema column's cell starts in the file, for messages: 8 bytes a cell rather
        /// than an optional pair of Ints (24), since a 200,000-row import keeps millions of them.
        let cellPositions: [CellPosition]

        /// Where a cell starts: lines after the row's first line, and the character column
        /// (1-based; 0 when the file has no such column).
        struct CellPosition {
            var lineOffset: UInt32
            var column: UInt32

            static let absent = CellPosition(lineOffset: 0, column: 0)
        }

        /// The line and character column where schema column `index`'s cell starts, if the file has it.
        func position(ofColumn index: Int) -> (line: Int, column: Int)? {
            let position = cellPositions[index]
            guard position.column > 0 else { return nil }
            return (line + Int(position.lineOffset), Int(position.column))
        }

        public subscript(column: String) -> CellValue {
            guard let index = columnIndex[column] else { return .blank }
            return values[index]
        }

        public func text(_ column: String) -> String? { self[column].text }
        /// The cell as an identifier: text, or a single country code.
        public func key(_ column: String) -> String? { Row.key(of: self[column]) }

        /// A cell as an identifier: text, or a single country code.
        static func key(of value: CellValue) -> String? {
            switch value {
            case .text(let value): return value
            case .countries(let codes) where codes.count == 1: return codes[0]
            default: return nil
            }
        }

        /// The cell of schema column `index` (the catalog's column order), without a lookup by name.
        subscript(index index: Int) -> CellValue { values[index] }
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
