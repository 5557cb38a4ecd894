import Support

/// One entry of a spec's `tables:` section: a user's own tidy CSV beside the corpus, named so that
/// charts, tables and placeholders can read it (`table: survey`).
///
/// ```yaml
/// tables:
///   - {name: survey, file: survey.csv, schema: survey.schema.yaml}
/// ```
/// Paths are relative to the spec and only read. Without `schema:`, a sidecar beside the CSV
/// (`survey.schema.json` or `.yaml`) is used when there is one.
struct SpecTable: Sendable {
    /// The name blocks use; never a corpus table's name, so `table: attacks` always means the corpus.
    var name: Located<String>
    /// The CSV, as written in the spec.
    var file: Located<String>
    /// The Frictionless schema, as written in the spec.
    var schema: Located<String>?

    /// The corpus tables' names, which a spec table may not take.
    static let reservedNames = ["attacks", "exercises", "documents", "membership", "indicators", "sources", "countries"]

    /// Reads the `tables:` list, refusing a name used twice or a corpus table's name. Every problem
    /// goes to `problems`; an entry with one is left out and the next is read.
    static func readList(_ node: YAMLNode, _ problems: DiagnosticCollector) -> [SpecTable] {
        var tables: [SpecTable] = []
        for item in problems.attempt({ () throws(Diagnostic) in try node.sequence() }) ?? [] {
            let before = problems.errorCount
            if let table = problems.attempt({ () throws(Diagnostic) in try read(item, problems, after: tables) }), problems.errorCount == before {
                tables.append(table)
            }
        }
        return tables
    }

    private static func read(_ item: YAMLNode, _ problems: DiagnosticCollector, after tables: [SpecTable]) throws(Diagnostic) -> SpecTable {
        let map = try item.mapping(allowedKeys: ["name", "file", "schema"], reporting: problems)
        let file = map.require("file", "the CSV file, relative to the spec, e.g. survey.csv", problems) { node throws(Diagnostic) in
            Located(try node.string(), at: node.location)
        }
        let schema = map.read("schema", problems) { node throws(Diagnostic) in Located(try node.string(), at: node.location) }
        let nameNode = try map.require("name", "the name blocks use for the table, e.g. survey")
        let name = try nameNode.string()
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
            throw nameNode.error("table name '\(name)' must be lowercase letters, digits, '-' and '_'", hint: "e.g. name: survey")
        }
        if reservedNames.contains(name) {
            throw nameNode.error("'\(name)' is a table of the corpus; give your table another name", hint: "e.g. name: my-\(name)")
        }
        if let earlier = tables.first(where: { $0.name.value == name }) {
            throw nameNode.error("table name '\(name)' is already used at line \(earlier.name.location.line ?? 0)", hint: "give each table its own name")
        }
        return SpecTable(name: Located(name, at: nameNode.location), file: file ?? Located("", at: item.location), schema: schema)
    }
}
