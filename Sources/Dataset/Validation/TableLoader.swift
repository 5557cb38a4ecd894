import Foundation
import Support

/// Reads one CSV file against its catalog table: header, column count, and every cell's type,
/// range and allowed values. Problems are collected, not thrown, so a user sees all of them.
public struct TableLoader {
    public var limits: CSVLimits

    public init(limits: CSVLimits = .default) {
        self.limits = limits
    }

    /// Loads the file. Rows with problems are left out of the table and reported. `checkingKeys`
    /// false skips the duplicate-key check, for a file a digest vouches for.
    public func load(_ schema: TableSchema, path: String, displayName: String, checkingKeys: Bool = true) -> (table: Table, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var rows: [Table.Row] = []
        var rejectedRows: [Table.Row] = []
        var header: [String]? = nil
        var fileColumnToSchema: [Int?] = []
        let columnIndex = Dictionary(uniqueKeysWithValues: schema.columns.enumerated().map { ($1.name, $0) })
        let layout = Table.Layout(schema: schema)
        var seenKeys: [String: Int] = [:]
        var fastParser = FastCellParser(columns: schema.columns)
        let keyColumn = checkingKeys ? columnIndex[schema.primaryKey] : nil

        do {
            let reader = try CSVReader(path: path, displayName: displayName, limits: limits)
            try reader.forEachRow { row in
                guard let header else {
                    let names = try row.strings()
                    header = names
                    let (mapping, problems) = checkHeader(names, schema: schema, file: displayName, line: row.line)
                    fileColumnToSchema = mapping
                    diagnostics += problems
                    if problems.contains(where: { $0.severity == .error }) { throw HeaderRejected() }
                    return
                }
                if row.count == 1 && row.isEmpty(0) {
                    diagnostics.append(Diagnostic(SourceLocation(file: displayName, line: row.line), "empty line",
                                                  hint: "remove blank lines between rows"))
                    return
                }
                guard row.count == header.count else {
                    diagnostics.append(Diagnostic(
                        SourceLocation(file: displayName, line: row.line),
                        "row has \(row.count) fields; the header has \(header.count)",
                        hint: row.count > header.count ? "a field containing a comma must be quoted: \"Moscow, Russia\"" : "every row needs a value (or an empty field) for each column"))
                    return
                }
                var values = [CellValue](repeating: .blank, count: schema.columns.count)
                var cellPositions = [Table.Row.CellPosition](repeating: .absent, count: schema.columns.count)
                let positions = row.fieldPositions()
                var rowIsValid = true
                for fileColumn in 0..<row.count {
                    guard let schemaColumn = fileColumnToSchema[fileColumn] else { continue }
                    cellPositions[schemaColumn] = Table.Row.CellPosition(lineOffset: UInt32(clamping: positions[fileColumn].line - row.line),
                                                                         column: UInt32(clamping: positions[fileColumn].column))
                    if !row.spans[fileColumn].hasDoubledQuotes,
                       let value = fastParser.parse(row.rawBytes(fileColumn), column: schemaColumn) {
                        values[schemaColumn] = value
                        continue
                    }
                    do throws(Diagnostic) {
                        let text = try row.string(fileColumn)
                        values[schemaColumn] = try CellParser.parse(text, as: schema.columns[schemaColumn])
                    } catch {
                        rowIsValid = false
                        var located = error
                        located.location = SourceLocation(file: displayName, line: positions[fileColumn].line, column: positions[fileColumn].column)
                        diagnostics.append(located)
                    }
                }
                let parsed = Table.Row(line: row.line, values: values, layout: layout, cellPositions: cellPositions)
                if let keyColumn, let key = Table.Row.key(of: values[keyColumn]) {
                    if let first = seenKeys[key] {
                        rowIsValid = false
                        diagnostics.append(Diagnostic(
                            RowLocation.of(table: displayName, parsed, column: schema.primaryKey),
                            "duplicate \(schema.primaryKey) '\(key)'; first used on line \(first)",
                            hint: "each row needs its own \(schema.primaryKey)"))
                    } else {
                        seenKeys[key] = row.line
                    }
                }
                if rowIsValid { rows.append(parsed) } else { rejectedRows.append(parsed) }
            }
            if header == nil {
                diagnostics.append(Diagnostic(SourceLocation(file: displayName, line: 1), "the file is empty",
                                              hint: "a table needs a header row: \(schema.columnNames.joined(separator: ","))"))
            } else if rows.isEmpty && rejectedRows.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics.append(Diagnostic(SourceLocation(file: displayName, line: 2), TableLoader.headerOnlyMessage,
                                              hint: "statistics over it would all be empty; check that this is the file you meant",
                                              severity: .warning))
            }
        } catch {
            switch error {
            case let diagnostic as Diagnostic: diagnostics.append(diagnostic)
            case is HeaderRejected: break  // already reported; rows cannot be read without a usable header
            default: diagnostics.append(Diagnostic(SourceLocation(file: displayName), "\(error)"))
            }
        }
        return (Table(schema: schema, file: displayName, rows: rows, rejectedRows: rejectedRows), diagnostics)
    }

    private struct HeaderRejected: Error {}

    /// The warning for a file with a header and no rows; a replacement table (`--input`) makes it an error.
    public static let headerOnlyMessage = "the file has a header but no data rows"

    /// Maps file columns to schema columns; reports unknown, duplicate and missing required columns.
    func checkHeader(_ names: [String], schema: TableSchema, file: String, line: Int) -> ([Int?], [Diagnostic]) {
        var problems: [Diagnostic] = []
        var mapping: [Int?] = []
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let location = SourceLocation(file: file, line: line, column: index + 1)
            if let first = seen[name] {
                problems.append(Diagnostic(location, "column '\(name)' appears twice in the header (columns \(first + 1) and \(index + 1))",
                                           hint: "rename or remove one of them"))
                mapping.append(nil)
                continue
            }
            seen[name] = index
            if let schemaIndex = schema.columns.firstIndex(where: { $0.name == name }) {
                mapping.append(schemaIndex)
            } else {
                let suggestion = Suggestion.closest(to: name, in: schema.columnNames)
                let looksDelimited = names.count == 1 && (name.contains(";") || name.contains("\t"))
                problems.append(Diagnostic(
                    location, "unknown column '\(name)' for table '\(schema.name)'",
                    hint: looksDelimited ? "the file seems to use ';' or tabs between fields; SCOBrief reads comma-separated files"
                        : suggestion.map { "did you mean '\($0)'?" } ?? "expected columns: \(schema.columnNames.joined(separator: ","))"))
                mapping.append(nil)
            }
        }
        for column in schema.columns where column.required && seen[column.name] == nil {
            problems.append(Diagnostic(SourceLocation(file: file, line: line), "missing required column '\(column.name)'",
                                       hint: "add it to the header; expected columns: \(schema.columnNames.joined(separator: ","))"))
        }
        return (mapping, problems)
    }
}
