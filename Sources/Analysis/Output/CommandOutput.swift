import Dataset

/// Everything one command computed, for scripts: the same top-level object for `trend`,
/// `compare`, `datasets list` and `import gtd --summary-by`, as documented by
/// `scobrief-output.schema.json` beside this file. Numbers are JSON numbers at full precision,
/// years are integers, periods have a start and an end, and coverage and notes are fields.
public struct CommandOutput: Sendable {
    /// The version of the shape; it changes only when a field is renamed or removed.
    public static let version = 1

    /// The period a result covers: inclusive first and last day, the years it spans, its length.
    public struct PeriodField: Sendable, Hashable {
        /// The role or name of the period ("period", "first", "second").
        public var role: String
        /// The period itself.
        public var period: Period

        /// A period in the role `role`.
        public init(_ role: String, _ period: Period) {
            self.role = role
            self.period = period
        }

        var json: JSONValue {
            .object([("role", .string(role)), ("label", .string(period.description)),
                     ("start", .string(period.start.earliestDay.description)), ("end", .string(period.end.latestDay.description)),
                     ("first_year", .integer(period.firstYear)), ("last_year", .integer(period.lastYear)),
                     ("years", .number(period.years))])
        }
    }

    /// How much of the world a table counts, with the note a reader needs.
    public struct CoverageField: Sendable, Hashable {
        /// The table or figure the coverage is of.
        public var table: String
        /// Complete, illustrative or partial.
        public var coverage: CoverageScope
        /// What the coverage means for this table, from the catalog.
        public var note: String

        /// The coverage of `table`.
        public init(table: String, coverage: CoverageScope, note: String) {
            self.table = table
            self.coverage = coverage
            self.note = note
        }

        var json: JSONValue {
            .object([("table", .string(table)), ("coverage", .string(coverage.rawValue)),
                     ("description", .string(coverage.description)), ("note", .string(note))])
        }
    }

    /// `trend`, `compare`, `datasets list` or `import gtd`.
    public var command: String
    /// What was computed, in words.
    public var title: String
    /// The options that shaped the numbers (level, alpha, tests, grouping…), typed.
    public var parameters: [(String, JSONValue)]
    /// The periods the numbers cover (none for `datasets list`).
    public var periods: [PeriodField]
    /// How completely each table or figure counts what it counts.
    public var coverage: [CoverageField]
    /// The tables, each with a stable name; `--table NAME` picks one.
    public var tables: [OutputTable]
    /// Caveats about the whole result.
    public var notes: [String]

    /// An output; see the schema for what each field holds.
    public init(command: String, title: String, parameters: [(String, JSONValue)] = [], periods: [PeriodField] = [],
                coverage: [CoverageField] = [], tables: [OutputTable], notes: [String] = []) {
        self.command = command
        self.title = title
        self.parameters = parameters
        self.periods = periods
        self.coverage = coverage
        self.tables = tables
        self.notes = notes
    }

    /// The names of the tables, in order.
    public var tableNames: [String] { tables.map(\.name) }

    /// The output with only the table named `name` (nil when there is none).
    public func only(table name: String) -> CommandOutput? {
        guard let table = tables.first(where: { $0.name == name }) else { return nil }
        var copy = self
        copy.tables = [table]
        return copy
    }

    /// The whole output as one JSON object.
    public var json: JSONValue {
        .object([
            ("format", .string("scobrief-output")),
            ("version", .integer(CommandOutput.version)),
            ("command", .string(command)),
            ("title", .string(title)),
            ("parameters", .object(parameters)),
            ("periods", .array(periods.map(\.json))),
            ("coverage", .array(coverage.map(\.json))),
            ("tables", .array(tables.map(\.json))),
            ("notes", .array(notes.map { .string($0) })),
        ])
    }
}
