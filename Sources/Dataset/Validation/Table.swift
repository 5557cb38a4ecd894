/// A loaded table: its schema and its rows, each cell parsed by the column's type.
public struct Table: Sendable {
    public let schema: TableSchema
    /// The file the rows came from, as it should appear in messages.
    public let file: String
    public let rows: [Row]
    /// Rows left out for a problem in some cell; their other cells are still checked
    /// against other tables, so one run reports every problem.
    public let rejectedRows: [Row]
    /// The columns read from the file, when a command asked for only some (`trend` reads seven of
    /// an import's 27); nil when every column was read. Cells of other columns read as blank.
    public let loadedColumns: Set<String>?
    /// The attacks of a stamped import read for counting alone (`StampedAttacksReader`), in place
    /// of rows: `rows` is then empty. Only a command that reads the table through `EventTables`
    /// asks for this form (`CorpusOverlay.countedTables`).
    public let stampedAttacks: StampedAttacks?

    public init(schema: TableSchema, file: String, rows: [Row], rejectedRows: [Row] = [], loadedColumns: Set<String>? = nil) {
        self.schema = schema
        self.file = file
        self.rows = rows
        self.rejectedRows = rejectedRows
        self.loadedColumns = loadedColumns
        stampedAttacks = nil
    }

    /// A table of stamped attacks, read for the columns `StampedAttacksReader` reads.
    init(schema: TableSchema, file: String, stampedAttacks: StampedAttacks) {
        self.schema = schema
        self.file = file
        rows = []
        rejectedRows = []
        loadedColumns = StampedAttacksReader.columnNames
        self.stampedAttacks = stampedAttacks
    }

    /// Where each column's cell sits in a row's `values`, shared by every row of a table. A full
    /// load keeps every column in schema order; a load of some columns keeps only those, so a
    /// 200,000-row import read for a trend holds 7 cells a row rather than 27.
    final class Layout: Sendable {
        /// Slot by column name.
        let slotByName: [String: Int]
        /// Slot by schema column index; -1 for a column not kept.
        let slotBySchemaIndex: [Int]

        init(schema: TableSchema, keeping kept: [Int]? = nil) {
            let kept = kept ?? Array(schema.columns.indices)
            var bySchema = [Int](repeating: -1, count: schema.columns.count)
            var byName: [String: Int] = [:]
            for (slot, index) in kept.enumerated() {
                bySchema[index] = slot
                byName[schema.columns[index].name] = slot
            }
            slotByName = byName
            slotBySchemaIndex = bySchema
        }
    }

    /// One data row; values are in the schema's column order whatever the file's order was.
    public struct Row: Sendable {
        public let line: Int
        /// The cells of the columns kept, in the table's `Layout` order (schema order for a full load).
        public let values: [CellValue]
        let layout: Layout
        /// Where each kept cell starts in the file, for messages: 8 bytes a cell rather than an
        /// optional pair of Ints (24), since a 200,000-row import keeps millions of them. Empty
        /// for a table read on the strength of its import stamp, whose cells need no messages.
        let cellPositions: [CellPosition]

        init(line: Int, values: [CellValue], layout: Layout, cellPositions: [CellPosition]) {
            self.line = line
            self.values = values
            self.layout = layout
            self.cellPositions = cellPositions
        }

        /// Slot by column name.
        var columnIndex: [String: Int] { layout.slotByName }

        /// Where a cell starts: lines after the row's first line, and the character column
        /// (1-based; 0 when the file has no such column).
        struct CellPosition {
            var lineOffset: UInt32
            var column: UInt32

            static let absent = CellPosition(lineOffset: 0, column: 0)
        }

        /// The line and character column where the cell in slot `index` starts, if the file has it.
        func position(ofColumn index: Int) -> (line: Int, column: Int)? {
            guard index < cellPositions.count else { return nil }
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
        subscript(index index: Int) -> CellValue {
            let slot = layout.slotBySchemaIndex[index]
            return slot >= 0 ? values[slot] : .blank
        }

        /// The slot of a column in this table's rows, to read many rows by position (`self[slot:]`).
        func slot(of column: String) -> Int? { layout.slotByName[column] }

        /// The cell in `slot` (from `slot(of:)`); blank for nil.
        subscript(slot slot: Int?) -> CellValue {
            guard let slot else { return .blank }
            return values[slot]
        }
        public func integer(_ column: String) -> Int? { self[column].integer }
        public func number(_ column: String) -> Double? { self[column].number }
        public func date(_ column: String) -> PartialDate? { self[column].date }
        public func countries(_ column: String) -> [String] { self[column].countries }
    }

    /// Every distinct key (`Row.key`) of a column, for a column that takes few values over many
    /// rows (`source_id`): the cell is read by its slot rather than looked up by name, and the
    /// set is asked only when a row's key differs from the row before's — an imported table's
    /// 200,000 rows all cite one source.
    public func distinctKeys(ofColumn column: String) -> Set<String> {
        var keys = Set<String>()
        if let stampedAttacks {
            switch column {
            case "source_id": keys.insert(stampedAttacks.sourceID)
            case "country": keys.formUnion(stampedAttacks.countryCodes)
            case "id": keys.formUnion(stampedAttacks.records.lazy.map(\.id))
            default: break
            }
        }
        var layout: Layout? = nil
        var slot: Int? = nil
        var previous: String? = nil
        for row in rows {
            // Rows of one load share a layout; rows added from another file (`TABLE+=FILE`) may not.
            if row.layout !== layout {
                layout = row.layout
                slot = row.slot(of: column)
            }
            guard let key = Row.key(of: row[slot: slot]), key != previous else { continue }
            keys.insert(key)
            previous = key
        }
        return keys
    }

    /// The value of the primary key of every row, in file order.
    public var keys: [String] {
        rows.compactMap { $0.key(schema.primaryKey) }
    }
}
