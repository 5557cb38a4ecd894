import Dataset

/// A table of results for scripts: typed values at full precision under stable snake_case
/// column names. It is what `--format json` and `--format csv` write; the display formats
/// (table, Markdown, LaTeX) print the rounded `ResultTable` of the same results instead.
public struct OutputTable: Sendable, Hashable {
    /// What a column holds; the JSON Schema states the same for each table.
    public enum ValueType: String, Sendable, Hashable {
        case integer, number, text, boolean
    }

    /// One column: a stable name (snake_case, the CSV header and the JSON key), a title for people, a unit.
    public struct Column: Sendable, Hashable {
        /// The snake_case name; never changes with `--level` or the data.
        public var name: String
        /// What a reader calls it ("95% CI low").
        public var title: String
        /// The type every non-null value in the column has.
        public var type: ValueType
        /// The unit of the values ("events", "events per year", "years"), nil when they have none.
        public var unit: String?

        /// A column named `name`, titled `title` (the name when nil).
        public init(_ name: String, _ type: ValueType, title: String? = nil, unit: String? = nil) {
            self.name = name
            self.title = title ?? name
            self.type = type
            self.unit = unit
        }
    }

    /// One cell; `.null` is unknown or not applicable, never 0.
    public enum Value: Sendable, Hashable {
        case integer(Int)
        case number(Double)
        case text(String)
        case boolean(Bool)
        case null

        /// An optional number, null when absent or not finite.
        public static func number(_ value: Double?) -> Value {
            guard let value, value.isFinite else { return .null }
            return .number(value)
        }

        /// An optional integer, null when absent.
        public static func integer(_ value: Int?) -> Value { value.map { .integer($0) } ?? .null }

        /// An optional text, null when absent.
        public static func text(_ value: String?) -> Value { value.map { .text($0) } ?? .null }

        var json: JSONValue {
            switch self {
            case .integer(let value): return .integer(value)
            case .number(let value): return .number(value)
            case .text(let value): return .string(value)
            case .boolean(let value): return .bool(value)
            case .null: return .null
            }
        }

        /// The CSV field: full precision, blank when null.
        public var csvField: String {
            switch self {
            case .integer(let value): return String(value)
            case .number(let value): return JSONValue.numberText(value)
            case .text(let value): return value
            case .boolean(let value): return value ? "true" : "false"
            case .null: return ""
            }
        }
    }

    /// The table's stable name (`counts`, `tests`, `periods`, …): the CSV file name and `--table`'s value.
    public var name: String
    /// A title for people.
    public var title: String
    /// The columns, in the order of every row's values.
    public var columns: [Column]
    /// Rows of values, one per column, in column order.
    public var rows: [[Value]]
    /// Sources, caveats and method notes that belong to this table.
    public var notes: [String]
    /// True when the columns are named after a user's own table (`trend --csv`), not fixed by the
    /// JSON Schema: the JSON then says `"declared_columns": true`, and each row's keys are exactly
    /// the declared columns' names, each value of its column's type or null.
    public var declaredColumns = false

    /// A table; every row must have one value per column.
    public init(name: String, title: String, columns: [Column], rows: [[Value]], notes: [String] = []) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "OutputTable \(name): a row does not match the columns")
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// RFC 4180 CSV with a header of the column names; one table per file, nothing else in it.
    public func csv() -> String {
        var output = CSVWriter.line(columns.map(\.name))
        for row in rows { output += CSVWriter.line(row.map(\.csvField)) }
        return output
    }

    /// The table as the JSON Schema's `table`: name, title, columns (name, title, type, unit), rows as objects, notes.
    public var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("title", .string(title)),
            ("columns", .array(columns.map { column in
                .object([("name", .string(column.name)), ("title", .string(column.title)),
                         ("type", .string(column.type.rawValue)), ("unit", .string(column.unit))])
            })),
            ("rows", .array(rows.map { row in .object(zip(columns, row).map { ($0.name, $1.json) }) })),
            ("notes", .array(notes.map { .string($0) })),
        ] + (declaredColumns ? [("declared_columns", .bool(true))] : []))
    }
}
