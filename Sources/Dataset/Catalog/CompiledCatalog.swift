import Foundation
import Support

/// A checked catalog in a form read without YAML: `catalog.compiled` beside `catalog.yaml`.
///
/// Reading and checking the 30 KB `catalog.yaml` was about a tenth of a one-chart process, the
/// largest part of loading the corpus. `datasets validate --write-digest` writes this file from
/// the catalog it has just read and checked, with the SHA-256 of the `catalog.yaml` it came from;
/// a later load uses it only while `catalog.yaml` still has that hash, and reads the YAML as
/// before when the file is missing, stale or malformed. Like `validated.sha256` it is trusted as
/// it stands: a hand-written one that names the right hash is believed.
///
/// One record a line, fields separated by tabs; in a field `\\`, `\t`, `\n` and `\r` stand for a
/// backslash, tab, newline and carriage return, and a field of just `\N` for nothing (nil):
///
///     scobrief compiled catalog 1
///     catalog.yaml  HEX
///     version  1
///     table  NAME FILE TITLE DESCRIPTION PRIMARY-KEY COVERAGE COVERAGE-NOTE COVERAGE-COLUMNS…
///     column  NAME TYPE REQUIRED DESCRIPTION UNIT MIN MAX REFERENCES QUALIFIES BLANK STATED-IN-QUOTE VALUES…
///
/// The coverage columns are `CoverageText.keys`' texts; a column line belongs to the table above.
public enum CompiledCatalog {
    /// The file's name, beside `catalog.yaml`.
    public static let fileName = "catalog.compiled"

    static let heading = "scobrief compiled catalog 1"

    /// The table-level coverage keys, in the order the file stores them (as `CatalogReader` reads them).
    static let coverageKeys = ["covers_from", "covers_to", "gaps", "collection_breaks", "covers_from_by_country"]

    /// The compiled text of `catalog`, read from a `catalog.yaml` whose SHA-256 is `catalogHash`.
    public static func text(of catalog: Catalog, catalogHash: String) -> String {
        var lines = [heading, "\(DataLocation.catalogFile)\t\(catalogHash)", "version\t\(catalog.version)"]
        for table in catalog.tables {
            let coverage = table.coverageDates.map(CoverageText.columns(of:)) ?? [:]
            let fields: [String?] = [table.name, table.file, table.title, table.description, table.primaryKey,
                                     table.coverage.rawValue, table.coverageNote] + coverageKeys.map { coverage[$0] }
            lines.append((["table"] + fields.map(escaped)).joined(separator: "\t"))
            for column in table.columns {
                let fields: [String?] = [column.name, column.type.rawValue, column.required ? "1" : "0", column.description, column.unit,
                                         column.minimum.map { "\($0)" }, column.maximum.map { "\($0)" },
                                         column.references?.description, column.qualifies, column.blankMeaning,
                                         column.statedInQuote ? "1" : "0"] + column.allowedValues
                lines.append((["column"] + fields.map(escaped)).joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the compiled form of `catalog`, read from `directory`'s `catalog.yaml`, beside it (atomically).
    public static func write(_ catalog: Catalog, to directory: String) throws {
        let yaml = try Data(contentsOf: URL(fileURLWithPath: DataLocation.catalogPath(in: directory)))
        try AtomicFile.write(Array(text(of: catalog, catalogHash: SHA256.hex(yaml)).utf8),
                             to: (directory as NSString).appendingPathComponent(fileName))
    }

    /// The catalog compiled beside `directory`'s `catalog.yaml`, or nil when there is none, it was
    /// compiled from another `catalog.yaml` (the hash differs), or it cannot be read.
    public static func load(directory: String) -> Catalog? {
        guard let compiled = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(fileName)),
              let yaml = FileManager.default.contents(atPath: DataLocation.catalogPath(in: directory)) else { return nil }
        return catalog(from: [UInt8](compiled), catalogHash: SHA256.hex(yaml))
    }

    /// The catalog `bytes` hold, if they are a compiled catalog of a `catalog.yaml` with SHA-256
    /// `catalogHash`; nil otherwise (including any malformed line). Lines and fields are cut on
    /// the bytes: splitting the text as Swift `Character`s took most of the read.
    public static func catalog(from bytes: [UInt8], catalogHash: String) -> Catalog? {
        guard bytes.last == UInt8(ascii: "\n"), String(validating: bytes, as: UTF8.self) != nil else { return nil }
        var lines: [[String?]] = []
        var lineStart = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            guard let fields = unescapedFields(bytes[lineStart..<index]) else { return nil }
            lines.append(fields)
            lineStart = index + 1
        }
        guard lines.count >= 3, lines[0] == [heading], lines[1] == [DataLocation.catalogFile, catalogHash],
              lines[2].count == 2, lines[2][0] == "version", let version = lines[2][1].flatMap({ Int($0) }) else { return nil }
        var tables: [TableSchema] = []
        for fields in lines[3...] {
            switch fields.first {
            case "table":
                guard let table = tableSchema(Array(fields.dropFirst())) else { return nil }
                tables.append(table)
            case "column":
                guard !tables.isEmpty, let column = columnSchema(Array(fields.dropFirst())) else { return nil }
                tables[tables.count - 1].columns.append(column)
            default:
                return nil
            }
        }
        return Catalog(version: version, tables: tables)
    }

    private static func tableSchema(_ fields: [String?]) -> TableSchema? {
        guard fields.count == 7 + coverageKeys.count,
              let name = fields[0], let file = fields[1], let title = fields[2], let primaryKey = fields[4],
              let coverage = fields[5].flatMap(CoverageScope.init(rawValue:)), let note = fields[6] else { return nil }
        var columns: [String: String] = [:]
        for (key, value) in zip(coverageKeys, fields[7...]) where value != nil { columns[key] = value }
        let dates: CoverageDates?
        do { dates = try CoverageText.dates(from: columns) } catch { return nil }
        return TableSchema(name: name, file: file, title: title, description: fields[3], primaryKey: primaryKey,
                           coverage: coverage, coverageNote: note, columns: [], coverageDates: dates)
    }

    private static func columnSchema(_ fields: [String?]) -> ColumnSchema? {
        guard fields.count >= 11, let name = fields[0], let type = fields[1].flatMap(ColumnType.init(rawValue:)),
              let required = flag(fields[2]), let statedInQuote = flag(fields[10]) else { return nil }
        var column = ColumnSchema(name: name, type: type, required: required, description: fields[3], unit: fields[4],
                                  qualifies: fields[8], blankMeaning: fields[9])
        if let text = fields[5] {
            guard let value = Double(text) else { return nil }
            column.minimum = value
        }
        if let text = fields[6] {
            guard let value = Double(text) else { return nil }
            column.maximum = value
        }
        if let reference = fields[7] {
            let parts = reference.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            column.references = ColumnReference(table: String(parts[0]), column: String(parts[1]))
        }
        column.statedInQuote = statedInQuote
        var values: [String] = []
        for value in fields[11...] {
            guard let value else { return nil }
            values.append(value)
        }
        column.allowedValues = values
        return column
    }

    private static func flag(_ field: String?) -> Bool? {
        switch field {
        case "1": return true
        case "0": return false
        default: return nil
        }
    }

    static func escaped(_ field: String?) -> String {
        guard let field else { return "\\N" }
        guard field.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return field }
        var out = ""
        for character in field.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The line's fields with escapes undone (nil for `\N`), or nil if an escape is malformed.
    /// The bytes are valid UTF-8 (checked once for the file), and tabs and backslashes are ASCII,
    /// so cutting at them leaves valid UTF-8 on both sides.
    static func unescapedFields(_ line: ArraySlice<UInt8>) -> [String?]? {
        let tab = UInt8(ascii: "\t"), backslash = UInt8(ascii: "\\")
        var fields: [String?] = []
        var fieldStart = line.startIndex
        var index = line.startIndex
        while true {
            guard index == line.endIndex || line[index] == tab else {
                index += 1
                continue
            }
            let raw = line[fieldStart..<index]
            if raw.count == 2 && raw.first == backslash && raw.last == UInt8(ascii: "N") {
                fields.append(nil)
            } else if !raw.contains(backslash) {
                fields.append(String(decoding: raw, as: UTF8.self))
            } else {
                var out: [UInt8] = []
                out.reserveCapacity(raw.count)
                var escaping = false
                for byte in raw {
                    if escaping {
                        switch byte {
                        case backslash: out.append(backslash)
                        case UInt8(ascii: "t"): out.append(tab)
                        case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                        case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
                        default: return nil
                        }
                        escaping = false
                    } else if byte == backslash {
                        escaping = true
                    } else {
                        out.append(byte)
                    }
                }
                guard !escaping else { return nil }
                fields.append(String(decoding: out, as: UTF8.self))
            }
            if index == line.endIndex { return fields }
            index += 1
            fieldStart = index
        }
    }
}
