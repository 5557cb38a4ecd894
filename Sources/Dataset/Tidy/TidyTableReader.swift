import Foundation
import Support

/// Reads any tidy CSV into a `TidyTable`: with the existing `CSVReader`, then the schema's types
/// (a sidecar `my.schema.json`/`.yaml`, or one named) or types inferred from the cells, then the
/// schema's constraints. Every problem is reported at once, each at its file:line:column with what
/// was expected and how to fix it.
public struct TidyTableReader: Sendable {
    /// The ISO 3166-1 alpha-3 codes a `country` column may hold; asked for only when a schema declares one.
    public var countryCodes: @Sendable () throws -> Set<String>
    /// Bounds on the CSV's size.
    public var limits: CSVLimits
    /// Bounds on the schema file's size and nesting.
    public var yamlLimits: YAMLLimits = .default
    /// At most this many problems are listed; a wholly wrong column would otherwise print one per row.
    public var maxDiagnostics = 20

    /// A reader; `countryCodes` is called once, only for tables with a declared country column.
    public init(countryCodes: @escaping @Sendable () throws -> Set<String> = { try TidyTableReader.shippedCountryCodes() },
                limits: CSVLimits = .default) {
        self.countryCodes = countryCodes
        self.limits = limits
    }

    /// The codes of the corpus's `countries.csv` in the Datasets folder (`--data`, `$SCOBRIEF_DATA` or found).
    public static func shippedCountryCodes(dataDirectory: String? = nil) throws -> Set<String> {
        let directory = try DataLocation.datasetsDirectory(explicit: dataDirectory)
        let path = (directory as NSString).appendingPathComponent("countries.csv")
        var codes = Set<String>()
        var codeIndex: Int?
        try CSVReader(path: path).forEachRow { row in
            guard let index = codeIndex else {
                codeIndex = try row.strings().firstIndex(of: "code")
                if codeIndex == nil { throw Diagnostic(row.location(ofField: 0), "countries.csv has no 'code' column") }
                return
            }
            if index < row.count { codes.insert(try row.string(index)) }
        }
        return codes
    }

    /// Reads `path`; `schemaPath` names the schema, else a sidecar beside the CSV is used when there is one.
    /// Throws a `Diagnostic` for a file or schema that cannot be read at all, and a `DiagnosticList`
    /// with every problem found in the cells (up to `maxDiagnostics`).
    public func read(path: String, schemaPath: String? = nil, displayName: String? = nil) throws -> TidyTable {
        let name = displayName ?? path
        let schema: TidySchema?
        if let schemaPath {
            schema = try TidySchema(path: schemaPath, limits: yamlLimits)
        } else if let sidecar = try TidySchema.sidecar(for: path) {
            schema = try TidySchema(path: sidecar, limits: yamlLimits)
        } else {
            schema = nil
        }
        let raw = try RawTable(path: path, displayName: name, limits: limits)
        return try build(raw, schema: schema, path: path, displayName: name)
    }

    /// Reads CSV text already in memory (tests, specs), with an optional schema.
    public func read(csv text: String, file: String, schema: TidySchema? = nil) throws -> TidyTable {
        let raw = try RawTable(reader: CSVReader(bytes: Array(text.utf8), file: file))
        return try build(raw, schema: schema, path: file, displayName: file)
    }

    // MARK: - Typing and checking

    private func build(_ raw: RawTable, schema: TidySchema?, path: String, displayName: String) throws -> TidyTable {
        var problems = Problems(limit: maxDiagnostics)
        let fields = try matchFields(raw, schema: schema, displayName: displayName)
        var codes: Set<String>?
        var columns: [TidyColumn] = []
        for (index, header) in raw.header.enumerated() {
            let field = fields[index]
            let missing = field?.missingValues ?? schema?.missingValues ?? [""]
            let missingSet = Set(missing)
            let texts = raw.rows.map { $0[index] }
            let type = field?.type ?? TidyCellParser.inferType(of: texts, missing: missingSet)
            if type == .country && codes == nil { codes = try countryCodes() }
            var cells: [TidyValue?] = []
            cells.reserveCapacity(texts.count)
            for (r, text) in texts.enumerated() {
                let location = raw.location(row: r, field: index)
                if missingSet.contains(text) {
                    if field?.constraints.required == true {
                        problems.add(Diagnostic(location, "column '\(header)' is required but this row's cell is missing",
                                                hint: "fill it in, or drop required: true at \(field!.location)"))
                    }
                    cells.append(nil)
                    continue
                }
                guard let value = TidyCellParser.parse(text, as: type) else {
                    let declared = field?.type.map { _ in " (declared \(type) at \(field!.location))" } ?? ""
                    problems.add(Diagnostic(location, "'\(text)' in column '\(header)' is not \(TidyCellParser.expectation(for: type))\(declared)",
                                            hint: missing == [""] ? "leave the cell empty if the value is unknown"
                                                : "write one of \(missing.map { "'\($0)'" }.joined(separator: ", ")) if the value is unknown"))
                    cells.append(nil)
                    continue
                }
                if case .country(let code) = value, let codes, !codes.contains(code) {
                    let suggestion = Suggestion.closest(to: code, in: codes)
                    problems.add(Diagnostic(location, "'\(code)' in column '\(header)' is not a country code of countries.csv",
                                            hint: suggestion.map { "did you mean '\($0)'?" } ?? "use ISO 3166-1 alpha-3 codes, e.g. KAZ, CHN, RUS"))
                }
                if let field { check(value, text: text, against: field, at: location, column: header, problems: &problems) }
                cells.append(value)
            }
            columns.append(TidyColumn(name: header, title: field?.title, unit: field?.unit, type: type, description: field?.description,
                                      missingValues: missing, declared: field?.type != nil, cells: cells))
        }
        if !problems.list.isEmpty { throw DiagnosticList(problems.all(file: displayName)) }
        let tableName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return TidyTable(name: tableName, file: URL(fileURLWithPath: path), displayName: displayName, columns: columns,
                         rowLines: raw.rowLines, title: schema?.title, source: schema?.source, coverage: schema?.coverage)
    }

    /// Each header column's field; the schema and the header must name the same columns.
    private func matchFields(_ raw: RawTable, schema: TidySchema?, displayName: String) throws -> [TidySchema.Field?] {
        guard let schema else { return raw.header.map { _ in nil } }
        var problems = Problems(limit: maxDiagnostics)
        for field in schema.fields where !raw.header.contains(field.name) {
            let suggestion = Suggestion.closest(to: field.name, in: raw.header)
            problems.add(Diagnostic(field.location, "the schema's field '\(field.name)' is not a column of \(displayName); its columns are \(raw.header.joined(separator: ", "))",
                                    hint: suggestion.map { "did you mean '\($0)'?" } ?? "name the field as the CSV header spells it"))
        }
        for (index, header) in raw.header.enumerated() where !schema.fields.contains(where: { $0.name == header }) {
            problems.add(Diagnostic(raw.headerLocation(index), "column '\(header)' is not described in the schema \(schema.file)",
                                    hint: "add a field with name: \(header) (a type may be left out to infer it)"))
        }
        if !problems.list.isEmpty { throw DiagnosticList(problems.all(file: displayName)) }
        return raw.header.map { name in schema.fields.first { $0.name == name } }
    }

    private func check(_ value: TidyValue, text: String, against field: TidySchema.Field, at location: SourceLocation,
                       column: String, problems: inout Problems) {
        let c = field.constraints
        if let allowed = c.allowed, !allowed.contains(text) {
            let suggestion = Suggestion.closest(to: text, in: allowed)
            problems.add(Diagnostic(location, "'\(text)' in column '\(column)' is not one of the allowed values \(allowed.joined(separator: ", ")) (enum at \(field.location))",
                                    hint: suggestion.map { "did you mean '\($0)'?" } ?? "correct the cell or add the value to the enum"))
        }
        if let minimum = c.minimum, Self.compare(value, minimum) == .orderedAscending {
            problems.add(Diagnostic(location, "\(value) in column '\(column)' is below the minimum \(minimum) (at \(field.location))",
                                    hint: "correct the cell, or the minimum if the value is genuine"))
        }
        if let maximum = c.maximum, Self.compare(value, maximum) == .orderedDescending {
            problems.add(Diagnostic(location, "\(value) in column '\(column)' is above the maximum \(maximum) (at \(field.location))",
                                    hint: "correct the cell, or the maximum if the value is genuine"))
        }
    }

    /// Numbers by value; dates by their earliest day (a year is below a maximum in that year).
    private static func compare(_ a: TidyValue, _ b: TidyValue) -> ComparisonResult {
        if let x = a.number, let y = b.number { return x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame }
        if case .date(let x) = a, case .date(let y) = b {
            if x.latestDay < y.earliestDay { return .orderedAscending }
            if x.earliestDay > y.latestDay { return .orderedDescending }
        }
        return .orderedSame
    }

    /// Diagnostics up to a limit, then one line saying how many more there were.
    private struct Problems {
        let limit: Int
        var list: [Diagnostic] = []
        var dropped = 0
        mutating func add(_ diagnostic: Diagnostic) {
            if list.count < limit { list.append(diagnostic) } else { dropped += 1 }
        }
        /// The problems, and a last line saying how many were not listed.
        func all(file: String) -> [Diagnostic] {
            guard dropped > 0 else { return list }
            return list + [Diagnostic(SourceLocation(file: file), "\(dropped) more problems not listed",
                                      hint: "fix the ones above first; a wrong type for a whole column repeats on every row")]
        }
    }
}

/// The CSV's cells as text with where each one stands, before typing.
struct RawTable {
    var header: [String]
    var headerPositions: [(line: Int, column: Int)]
    var rows: [[String]]
    var positions: [[(line: Int, column: Int)]]
    var rowLines: [Int]
    var file: String

    init(path: String, displayName: String, limits: CSVLimits) throws {
        try self.init(reader: try CSVReader(path: path, displayName: displayName, limits: limits))
    }

    init(reader: CSVReader) throws {
        file = reader.file
        var header: [String]?
        var headerPositions: [(line: Int, column: Int)] = []
        var rows: [[String]] = []
        var positions: [[(line: Int, column: Int)]] = []
        var rowLines: [Int] = []
        try reader.forEachRow { row in
            guard let names = header else {
                let names = try row.strings()
                headerPositions = row.fieldPositions()
                try Self.checkHeader(names, positions: headerPositions, file: reader.file)
                header = names
                return
            }
            // A blank line (one empty field) between or after rows is not a row.
            if row.count == 1 && row.isEmpty(0) && names.count > 1 { return }
            guard row.count == names.count else {
                throw Diagnostic(row.location(ofField: min(row.count, names.count)),
                                 "this row has \(row.count) fields but the header has \(names.count) (\(names.joined(separator: ", ")))",
                                 hint: row.count < names.count ? "add the missing fields (empty for unknown values)" : "quote fields that contain the delimiter")
            }
            rows.append(try row.strings())
            positions.append(row.fieldPositions())
            rowLines.append(row.line)
        }
        guard let header else {
            throw Diagnostic(SourceLocation(file: reader.file, line: 1, column: 1), "the file is empty; expected a header line naming the columns",
                             hint: "a tidy CSV starts with a header, e.g. year,region,value")
        }
        guard !rows.isEmpty else {
            throw Diagnostic(SourceLocation(file: reader.file, line: 2, column: 1), "the table has a header but no rows",
                             hint: "add one row per observation under the header")
        }
        self.header = header
        self.headerPositions = headerPositions
        self.rows = rows
        self.positions = positions
        self.rowLines = rowLines
    }

    func location(row: Int, field: Int) -> SourceLocation {
        let position = positions[row][field]
        return SourceLocation(file: file, line: position.line, column: position.column)
    }

    func headerLocation(_ field: Int) -> SourceLocation {
        SourceLocation(file: file, line: headerPositions[field].line, column: headerPositions[field].column)
    }

    private static func checkHeader(_ names: [String], positions: [(line: Int, column: Int)], file: String) throws(Diagnostic) {
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let location = SourceLocation(file: file, line: positions[index].line, column: positions[index].column)
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw Diagnostic(location, "column \(index + 1) of the header has no name", hint: "name every column in the first line")
            }
            if let first = seen[name] {
                throw Diagnostic(location, "column name '\(name)' appears twice in the header (columns \(first + 1) and \(index + 1))",
                                 hint: "give each column its own name")
            }
            seen[name] = index
        }
    }
}
