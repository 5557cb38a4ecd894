import Foundation
import Support

/// Where and when a table's data reach, as its schema states (`coverage: {scope, from, to}`).
public struct TidyCoverage: Sendable, Hashable {
    /// What the data cover, e.g. "SCO member states, national statistics".
    public var scope: String?
    /// The first date covered.
    public var from: PartialDate?
    /// The last date covered.
    public var to: PartialDate?
    /// The schema states that the table is complete over its years (`complete: true`): a counts
    /// table's year with no row then counts as 0; without it, such a year is missing, not 0.
    public var complete: Bool = false

    /// A coverage; every part is optional.
    public init(scope: String? = nil, from: PartialDate? = nil, to: PartialDate? = nil) {
        self.scope = scope
        self.from = from
        self.to = to
    }
}

/// Any tidy CSV table (one row per observation, one column per variable) with typed columns,
/// read by `TidyTableReader` with or without a Frictionless Table Schema sidecar. Charts,
/// trends and report blocks over a user's own data read this model.
public struct TidyTable: Sendable {
    /// The table's name: the file's name without `.csv`.
    public var name: String
    /// The CSV file.
    public var file: URL
    /// The file as the user named it, for messages.
    public var displayName: String
    /// The columns, in header order.
    public var columns: [TidyColumn]
    /// How many data rows (the header not counted).
    public var rowCount: Int
    /// The line of the file on which each data row starts, so messages can name rows as the user sees them.
    public var rowLines: [Int]
    /// How messages name rows when they have no line of their own (a corpus table's event ids); nil names them by line.
    public var rowNames: [String]?
    /// The table's title from the schema.
    public var title: String?
    /// Where the data come from, from the schema; charts print it as their source line.
    public var source: String?
    /// What the data cover, from the schema.
    public var coverage: TidyCoverage?

    /// A table; the row lines default to 2, 3, … (a header line, then one line per row).
    public init(name: String, file: URL, displayName: String? = nil, columns: [TidyColumn], rowLines: [Int]? = nil,
                title: String? = nil, source: String? = nil, coverage: TidyCoverage? = nil) {
        self.name = name
        self.file = file
        self.displayName = displayName ?? file.path
        self.columns = columns
        self.rowCount = columns.first?.cells.count ?? 0
        self.rowLines = rowLines ?? (0..<(columns.first?.cells.count ?? 0)).map { $0 + 2 }
        self.title = title
        self.source = source
        self.coverage = coverage
    }

    /// The column names, in header order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column called `name`. An unknown name is an error that lists the columns and suggests
    /// the closest one; `role` (e.g. "--x") says where the name was asked for.
    public func column(named name: String, for role: String? = nil) throws(Diagnostic) -> TidyColumn {
        if let column = columns.first(where: { $0.name == name }) { return column }
        let suggestion = Suggestion.closest(to: name, in: columnNames)
        let asked = role.map { " (\($0))" } ?? ""
        throw Diagnostic(SourceLocation(file: displayName),
                         "no column '\(name)'\(asked); the columns are \(columnNames.joined(separator: ", "))",
                         hint: suggestion.map { "did you mean '\($0)'?" } ?? "column names are matched exactly, as the header spells them")
    }
}

extension TidyTable {
    /// The same table with only the rows at `indices` (in that order), each keeping its line in the
    /// file (or its name), so messages about a part still point at the rows the user wrote.
    public func subset(rows indices: [Int]) -> TidyTable {
        var part = self
        part.columns = columns.map { column in
            var column = column
            column.cells = indices.map { column.cells[$0] }
            return column
        }
        part.rowCount = indices.count
        part.rowLines = indices.map { rowLines[$0] }
        part.rowNames = rowNames.map { names in indices.map { names[$0] } }
        return part
    }
}
