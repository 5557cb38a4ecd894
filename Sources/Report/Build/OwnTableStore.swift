import Analysis
import Dataset
import Foundation
import Support

/// The user's own tables a spec's `tables:` section names, read once per report, with the checks
/// that point at the spec: an unknown table or column is an error at its line and column in the
/// spec, listing what exists and the closest name.
final class OwnTableStore: @unchecked Sendable {
    /// The tables by the names the spec gave them, in spec order.
    private(set) var tables: [(name: String, table: TidyTable)] = []

    /// An empty store: a spec without `tables:`.
    init() {}

    /// Reads every table of `spec`, relative to its folder. A missing file is an error at its
    /// `file:` in the spec; a problem inside a CSV or schema is reported at its own file:line:column.
    init(spec: ReportSpec, reader: TidyTableReader) throws {
        for entry in spec.tables {
            let path = Self.resolve(entry.file.value, in: spec.directory)
            guard FileManager.default.fileExists(atPath: path) else {
                throw Diagnostic(entry.file.location, "table '\(entry.name.value)': no file '\(entry.file.value)' beside the spec (looked for \(path))",
                                 hint: "paths in tables: are relative to the spec's folder")
            }
            let schemaPath = entry.schema.map { Self.resolve($0.value, in: spec.directory) }
            if let schema = entry.schema, let schemaPath, !FileManager.default.fileExists(atPath: schemaPath) {
                throw Diagnostic(schema.location, "table '\(entry.name.value)': no schema '\(schema.value)' beside the spec (looked for \(schemaPath))",
                                 hint: "leave out schema: to use a sidecar FILE.schema.json or .yaml beside the CSV, if there is one")
            }
            tables.append((entry.name.value, try reader.read(path: path, schemaPath: schemaPath, displayName: path)))
        }
    }

    private static func resolve(_ path: String, in directory: String?) -> String {
        guard let directory, !directory.isEmpty, !path.hasPrefix("/") else { return path }
        return (directory as NSString).appendingPathComponent(path)
    }

    /// The names blocks may use.
    var names: [String] { tables.map(\.name) }

    /// The table called `name`, or nil when it is not one of the spec's (a corpus table, say).
    func table(named name: String) -> TidyTable? {
        tables.first { $0.name == name }?.table
    }

    /// The column `name` of table `tableName`; an unknown one is an error at `location` (the spec's
    /// `x:`, `count:`, a placeholder) naming the table's columns and the closest name.
    func column(_ name: String, of tableName: String, role: String, at location: SourceLocation) throws(Diagnostic) -> TidyColumn {
        guard let table = table(named: tableName) else {
            throw Diagnostic(location, "no table '\(tableName)' in the spec's tables: \(names.joined(separator: ", "))")
        }
        if let column = table.columns.first(where: { $0.name == name }) { return column }
        let suggestion = Suggestion.closest(to: name, in: table.columnNames)
        throw Diagnostic(location, "table '\(tableName)' (\((table.displayName as NSString).lastPathComponent)) has no column '\(name)' for \(role); its columns are \(table.columnNames.joined(separator: ", "))",
                         hint: suggestion.map { "did you mean '\($0)'?" } ?? "column names are matched exactly, as the CSV header spells them")
    }

    /// The yearly counts of `tableName` by the columns the spec names, each checked at its place in the spec.
    func counts(_ tableName: String, time: Located<String>?, count: Located<String>?, by: Located<String>?,
                period: Period?, at location: SourceLocation, keys: (time: String, count: String, by: String) = ("time:", "count:", "by:")) throws -> YearlyCountData {
        guard let table = table(named: tableName) else {
            throw Diagnostic(location, "no table '\(tableName)' in the spec's tables: \(names.joined(separator: ", "))")
        }
        guard let time else {
            let dated = table.columns.filter { $0.type == .integer || $0.type.isDate }.map(\.name)
            throw Diagnostic(location, "table '\(tableName)' needs \(keys.time) the column of years or dates",
                             hint: dated.isEmpty ? "its columns are \(table.columnNames.joined(separator: ", "))" : "e.g. \(keys.time) \(dated[0]) (columns of years or dates: \(dated.joined(separator: ", ")))")
        }
        _ = try column(time.value, of: tableName, role: keys.time, at: time.location)
        if let count { _ = try column(count.value, of: tableName, role: keys.count, at: count.location) }
        if let by { _ = try column(by.value, of: tableName, role: keys.by, at: by.location) }
        do {
            return try TidyTableCounts(table: table, time: time.value, count: count?.value, by: by?.value)
                .yearlyCounts(period: period, roles: keys)
        } catch let diagnostic as Diagnostic where diagnostic.location.line == nil {
            // A problem with the columns as named (a text column as count:) belongs to the spec's line.
            throw Diagnostic(count?.location ?? time.location, diagnostic.message, hint: diagnostic.hint)
        }
    }

    /// The source line under a figure or table from `tableName`: the schema's source, else the
    /// file, in the report's language.
    func sourceLine(_ tableName: String, _ localiser: Localiser) -> String {
        guard let table = table(named: tableName) else { return "" }
        return localiser.text("own.source", ["source": table.source ?? (table.displayName as NSString).lastPathComponent])
    }

    /// The tables placeholders have read, so "About the data" lists them too.
    private(set) var namesUsedByPlaceholders: [String] = []

    /// Records that a placeholder read `name`.
    func usedByPlaceholder(_ name: String) {
        if !namesUsedByPlaceholders.contains(name) { namesUsedByPlaceholders.append(name) }
    }

    /// "About the data" lines for the tables among `used`, in spec order: title, file, source,
    /// coverage, in the report's language.
    func notes(used: [String], _ localiser: Localiser) -> [String] {
        tables.filter { used.contains($0.name) }.map { name, table in
            let file = (table.displayName as NSString).lastPathComponent
            var text = localiser.text("own.about.entry", ["title": table.title ?? name, "file": file, "name": name,
                                                          "source": table.source ?? localiser.text("own.about.no-source")])
            if let coverage = table.coverage {
                let span = [coverage.from?.description, coverage.to?.description].compactMap { $0 }
                    .joined(separator: localiser.text("own.about.span-separator"))
                let scope = coverage.scope ?? localiser.text("own.about.what-rows-hold")
                text += localiser.text(span.isEmpty ? "own.about.covers" : "own.about.covers-span", ["scope": scope, "span": span])
                text += localiser.text(coverage.complete ? "own.about.complete" : "own.about.not-complete")
            } else {
                text += localiser.text("own.about.no-coverage")
            }
            return text
        }
    }

    /// The last year with a row, for `latest` periods.
    func latestYear(_ tableName: String, time: String?) -> Int? {
        guard let table = table(named: tableName), let time, let column = table.columns.first(where: { $0.name == time }) else { return nil }
        return column.cells.compactMap { cell -> Int? in
            switch cell {
            case .integer(let year)?: return year
            case .date(let date)?: return date.year
            default: return nil
            }
        }.max()
    }
}
