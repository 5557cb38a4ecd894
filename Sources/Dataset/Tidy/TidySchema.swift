import Foundation
import Support

/// A Frictionless Data Table Schema (https://specs.frictionlessdata.io/table-schema/) for one CSV,
/// read from a sidecar `my.schema.json` or `my.schema.yaml`. Supported: `fields` (name, type, title,
/// description, missingValues, constraints: required, minimum, maximum, enum) and the schema-level
/// `missingValues`. SCOBrief extensions, outside the standard: a field's `unit`, the `country` type
/// (ISO 3166-1 alpha-3), and the table-level `title`, `source` and `coverage` (scope, from, to).
/// Both forms are read through Support's YAML reader (JSON is a subset of YAML), so every error in
/// a schema, JSON or YAML, points at its line and column.
public struct TidySchema: Sendable {
    /// One declared column.
    public struct Field: Sendable {
        /// The column's name, as in the CSV header.
        public var name: String
        /// The declared type; nil leaves it to inference.
        public var type: TidyColumnType?
        /// A human title.
        public var title: String?
        /// What the column means.
        public var description: String?
        /// The unit of the values (extension).
        public var unit: String?
        /// Cell texts that mean missing; nil takes the schema's.
        public var missingValues: [String]?
        /// What every cell must satisfy.
        public var constraints: Constraints
        /// Where the field is declared, for errors about it.
        public var location: SourceLocation

        /// A field; all but the name optional.
        public init(name: String, type: TidyColumnType? = nil, title: String? = nil, description: String? = nil, unit: String? = nil,
                    missingValues: [String]? = nil, constraints: Constraints = Constraints(), location: SourceLocation) {
            self.name = name
            self.type = type
            self.title = title
            self.description = description
            self.unit = unit
            self.missingValues = missingValues
            self.constraints = constraints
            self.location = location
        }
    }

    /// Frictionless field constraints, each with where it was written so a violation can cite it.
    public struct Constraints: Sendable {
        /// No cell may be missing.
        public var required = false
        /// Smallest allowed value (numbers; dates compare by their earliest day).
        public var minimum: TidyValue?
        /// Largest allowed value.
        public var maximum: TidyValue?
        /// The only allowed cell texts.
        public var allowed: [String]?
        /// No constraints.
        public init() {}
    }

    /// The fields, in schema order.
    public var fields: [Field]
    /// Cell texts that mean missing for every field without its own list (default `[""]`).
    public var missingValues: [String]
    /// The table's title (extension).
    public var title: String?
    /// Where the data come from (extension): printed as a chart's source line.
    public var source: String?
    /// What the data cover (extension).
    public var coverage: TidyCoverage?
    /// The schema file as named, for messages.
    public var file: String

    /// The sidecar schema beside `csvPath`: `my.schema.json`, `my.schema.yaml` or `my.schema.yml` for
    /// `my.csv`; nil when there is none. Two at once is an error, since either could be meant.
    public static func sidecar(for csvPath: String) throws(Diagnostic) -> String? {
        let base = (csvPath as NSString).deletingPathExtension
        let found = ["json", "yaml", "yml"].map { "\(base).schema.\($0)" }.filter { FileManager.default.fileExists(atPath: $0) }
        guard found.count <= 1 else {
            throw Diagnostic(SourceLocation(file: csvPath), "more than one schema beside the table: \(found.joined(separator: ", "))",
                             hint: "keep one, or name the one to use with --schema")
        }
        return found.first
    }

    /// Reads a schema file, JSON or YAML.
    public init(path: String, displayName: String? = nil, limits: YAMLLimits = .default) throws(Diagnostic) {
        let document = try YAMLDocument(path: path, displayName: displayName, limits: limits)
        try self.init(document: document)
    }

    /// Reads a schema from text already in memory (tests, specs).
    public init(text: String, file: String) throws(Diagnostic) {
        try self.init(document: try YAMLDocument(bytes: Array(text.utf8), file: file))
    }

    // Only what is checked or shown: a key that would be ignored (primaryKey, unique, format) is
    // refused as unknown rather than silently dropped. `description` and `example` document only.
    private static let tableKeys = ["fields", "missingValues", "title", "source", "coverage", "description"]
    private static let fieldKeys = ["name", "type", "title", "description", "unit", "missingValues", "constraints", "example"]
    private static let constraintKeys = ["required", "minimum", "maximum", "enum"]

    private init(document: YAMLDocument) throws(Diagnostic) {
        file = document.file
        let root = try document.requireRoot(expected: "a table schema with fields")
        let table = try root.mapping(allowedKeys: Self.tableKeys)
        missingValues = try table["missingValues"]?.stringList() ?? [""]
        title = try table["title"]?.string()
        source = try table["source"]?.string()
        coverage = try table["coverage"].map { node throws(Diagnostic) in try Self.coverage(node) }
        var fields: [Field] = []
        for node in try table.require("fields", "a list of the table's columns").sequence() {
            let field = try Self.field(node)
            if let earlier = fields.first(where: { $0.name == field.name }) {
                throw node.error("field '\(field.name)' is declared twice", hint: "the first is at \(earlier.location)")
            }
            fields.append(field)
        }
        self.fields = fields
    }

    private static func field(_ node: YAMLNode) throws(Diagnostic) -> Field {
        let map = try node.mapping(allowedKeys: fieldKeys)
        let name = try map.require("name", "the column's name as the CSV header spells it").string()
        var type: TidyColumnType?
        if let typeNode = map["type"] {
            let typeName = try typeNode.choice(of: TidyColumnType.schemaNames)
            type = TidyColumnType(schemaName: typeName)
        }
        var field = Field(name: name, type: type, title: try map["title"]?.string(), description: try map["description"]?.string(),
                          unit: try map["unit"]?.string(), missingValues: try map["missingValues"]?.stringList(), location: node.location)
        if let constraintsNode = map["constraints"] {
            let c = try constraintsNode.mapping(allowedKeys: constraintKeys)
            field.constraints.required = try c["required"]?.bool() ?? false
            field.constraints.allowed = try c["enum"]?.stringList()
            for (key, keyPath) in [("minimum", \Constraints.minimum), ("maximum", \Constraints.maximum)] {
                guard let bound = c[key] else { continue }
                guard let type, type.isNumeric || type.isDate else {
                    throw bound.error("a \(key) needs a field of type integer, number, date, yearmonth or year",
                                      hint: "declare the field's type, e.g. type: number")
                }
                let text = try bound.string()
                guard let value = TidyCellParser.parse(text, as: type.isDate ? .date(.day) : .number) else {
                    throw bound.error("'\(text)' is not a \(type.isDate ? "date (YYYY, YYYY-MM or YYYY-MM-DD)" : "number")")
                }
                field.constraints[keyPath: keyPath] = value
            }
        }
        return field
    }

    private static func coverage(_ node: YAMLNode) throws(Diagnostic) -> TidyCoverage {
        let map = try node.mapping(allowedKeys: ["scope", "from", "to", "complete"])
        func date(_ key: String) throws(Diagnostic) -> PartialDate? {
            guard let value = map[key] else { return nil }
            let text = try value.string()
            do { return try PartialDate(parsing: text) } catch { throw value.error("'\(text)': \(error.description)") }
        }
        var coverage = TidyCoverage(scope: try map["scope"]?.string(), from: try date("from"), to: try date("to"))
        coverage.complete = try map["complete"]?.bool() ?? false
        if let from = coverage.from, let to = coverage.to, to < from {
            throw node.error("coverage ends (\(to)) before it starts (\(from))", hint: "swap from and to")
        }
        return coverage
    }
}

extension TidyColumnType {
    /// True for the date types (date, yearmonth, year).
    public var isDate: Bool {
        if case .date = self { return true }
        return false
    }
}
