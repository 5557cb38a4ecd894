import Foundation
import Support

/// Where a mapping's columns are in one file, found from its header by name, so an export with
/// columns in another order, or with extra ones, imports the same. A file of another source, a
/// renamed or a missing required column is an error that says which and what to do.
/// A class: the row loop hands it to each row's steps, and a struct of arrays and a dictionary
/// was copied out of the pass, with a retain and a release of each, on every row.
final class EventHeader {
    let columnCount: Int
    /// By field ordinal: the indices of its columns present in the file (first non-blank wins),
    /// and the first of them or -1; arrays, so the row loop does no hashing.
    private let columnsByField: [[Int]]
    private let firstByField: [Int]

    /// The field's columns present in the file.
    @inline(__always) func columns(_ field: EventField) -> [Int] { columnsByField[field.ordinal] }
    /// Whether the field has more than one column in the file (most have one: no loop over them).
    @inline(__always) func hasSeveral(_ field: EventField) -> Bool { severalByField[field.ordinal] }
    private let severalByField: [Bool]
    /// The field's first column present in the file, or nil.
    @inline(__always) func first(_ field: EventField) -> Int? {
        let index = firstByField[field.ordinal]
        return index < 0 ? nil : index
    }
    let precision: Int?
    /// Filter option → column index.
    let filters: [String: Int]
    /// Optional mapped columns the file lacks.
    let missingOptional: [String]

    init(names rawNames: [String], mapping: EventMapping, usedFilters: [String], command: String, location: SourceLocation) throws(Diagnostic) {
        let names = rawNames.map { $0.trimmingCharacters(in: .whitespaces) }
        if names.count == 1 {
            throw EventHeader.singleColumnProblem(names[0], mapping: mapping, location: SourceLocation(file: location.file, line: location.line, column: 1))
        }
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        for (index, name) in names.enumerated() where positions[name.lowercased()] == nil { positions[name.lowercased()] = index }
        func find(_ name: String) -> Int? { positions[name] ?? positions[name.lowercased()] }

        var required = mapping.requiredColumns
        for option in usedFilters {
            if let spec = mapping.filters.first(where: { $0.option == option }) { required.append(spec.column) }
        }
        let missing = required.filter { find($0) == nil }
        if !missing.isEmpty {
            throw EventHeader.missingColumnsProblem(missing, names: names, mapping: mapping, command: command, location: location)
        }
        columnCount = names.count
        var columns = [[Int]](repeating: [], count: EventField.allCases.count)
        var missingOptional: [String] = []
        for (field, source) in mapping.fields {
            let found = source.columns.compactMap(find)
            columns[field.ordinal] = found
            if found.isEmpty { missingOptional += source.columns }
        }
        columnsByField = columns
        firstByField = columns.map { $0.first ?? -1 }
        severalByField = columns.map { $0.count > 1 }
        precision = mapping.precision.flatMap { find($0.column) }
        if let column = mapping.precision?.column, precision == nil { missingOptional.append(column) }
        var filters: [String: Int] = [:]
        for spec in mapping.filters { if let index = find(spec.column) { filters[spec.option] = index } }
        self.filters = filters
        self.missingOptional = Array(Set(missingOptional)).sorted()
    }

    /// A header of one column: usually a file separated by something other than commas.
    private static func singleColumnProblem(_ name: String, mapping: EventMapping, location: SourceLocation) -> Diagnostic {
        let short = mapping.shortTitle
        if name.contains("\t") {
            return Diagnostic(location, "the header has no commas but has tabs: the file is tab-separated, not a comma-separated \(short) export",
                              hint: "export the \(short) as comma-separated CSV (in a spreadsheet: Save As 'CSV UTF-8'), not as tab-delimited text")
        }
        if name.contains(";") {
            return Diagnostic(location, "the header has no commas but has semicolons: the file is separated by ';', not a comma-separated \(short) export",
                              hint: "spreadsheets in some locales save CSV with ';'; re-save it with ',' as the separator (or take the publisher's original CSV)")
        }
        if name.contains("|") {
            return Diagnostic(location, "the header has no commas but has '|': the file is pipe-separated, not a comma-separated \(short) export",
                              hint: "export the \(short) as comma-separated CSV")
        }
        let shown = name.count > 60 ? String(name.prefix(60)) + "…" : name
        return Diagnostic(location, "the header has a single column ('\(shown)'), not \(mapping.title)'s columns",
                          hint: "expected \(short)'s CSV export, whose header has \(mapping.signature.joined(separator: ","))")
    }

    private static func missingColumnsProblem(_ missing: [String], names: [String], mapping: EventMapping, command: String,
                                              location: SourceLocation) -> Diagnostic {
        let list = missing.map { "'\($0)'" }.joined(separator: ", ")
        let plural = missing.count == 1 ? "column" : "columns"
        // Another export's header: say which, and which command reads it.
        let present = Set(names.map { $0.lowercased() })
        let others = BuiltInEventMappings.knownSignatures.filter { !mapping.signature.elementsEqual($0.columns) }
        if let other = others.max(by: { a, b in
            a.columns.filter(present.contains).count < b.columns.filter(present.contains).count
        }), other.columns.filter(present.contains).count >= 4 {
            let shown = other.columns.filter(present.contains).prefix(4).joined(separator: ", ")
            return Diagnostic(location, "this looks like \(other.name), not \(mapping.title): the header has \(shown) and lacks \(list)",
                              hint: "import it with `\(other.command)`")
        }
        // None of the source's own columns: not a changed header, another file altogether.
        if !mapping.signature.isEmpty && !mapping.signature.contains(where: { present.contains($0.lowercased()) }) {
            return Diagnostic(location, "missing required \(plural) \(list) in the header",
                              hint: "this does not look like a \(mapping.shortTitle) export, whose header has \(mapping.signature.joined(separator: ","))")
        }
        let unknown = names.filter { name in !mapping.fields.values.contains { $0.columns.contains(name) } }
        for name in missing {
            if let close = unknown.map({ ($0, Suggestion.editDistance($0.lowercased(), name.lowercased())) }).filter({ $0.1 <= 2 })
                .min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
                return Diagnostic(location, "missing required \(plural) \(list) in the header",
                                  hint: "the header has '\(close.0)': did you mean '\(name)'? (a changed header needs a mapping of its own: import events --mapping)")
            }
        }
        return Diagnostic(location, "missing required \(plural) \(list) in the header",
                          hint: "\(command) reads \(mapping.title)'s CSV export, whose header has \(mapping.signature.joined(separator: ", ")); for another layout write a mapping and use `scobrief import events FILE --mapping MAP.yaml`")
    }
}
