import Foundation
import Support

/// The GTD release file an import read, as the `sources.csv` row its rows cite.
public struct GTDRelease: Sendable, Hashable {
    /// The file's name, e.g. `globalterrorismdb_0522dist.csv`.
    public var fileName: String
    /// The source id rows cite, e.g. `gtd-globalterrorismdb-0522dist`.
    public var sourceID: String
    /// Month of the release when the name carries START's MMYY code (`0522` → 2022-05).
    public var releaseDate: PartialDate?


    public init(inputPath: String, sourceID: String? = nil) {
        fileName = (inputPath as NSString).lastPathComponent
        let stem = (fileName as NSString).deletingPathExtension
        let identifier = GTDRelease.identifier(stem)
        // "gtd-" says what the source is, unless the file name already does ("gtd-2020.csv").
        self.sourceID = sourceID ?? (identifier == "gtd" || identifier.hasPrefix("gtd-") ? identifier : "gtd-" + identifier)
        releaseDate = GTDRelease.releaseDate(stem)
    }

    /// Lowercase letters, digits and single hyphens, as catalog ids are.
    static func identifier(_ text: String) -> String {
        var result = ""
        var lastWasHyphen = true
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
                lastWasHyphen = false
            } else if !lastWasHyphen {
                result.append("-")
                lastWasHyphen = true
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "file" : result
    }

    /// START names releases `globalterrorismdb_MMYYdist`: 0522 is May 2022, 0718 July 2018 (the
    /// built-in mapping's `release_date_in_file_name`).
    static func releaseDate(_ stem: String) -> PartialDate? {
        EventImporter.releaseDate(in: stem, pattern: "MMYYdist")
    }
}

/// Reads and rewrites a `sources.csv` to add or replace one row, keeping the other rows as they are.
public enum SourcesFile {
    /// The new file's bytes: `row` replaces the row with the same id, or is appended. Columns follow
    /// the catalog's order; columns of the existing file the catalog lacks are kept at the end.
    public static func upserting(_ row: [String: String], into path: String, schema: TableSchema) throws(Diagnostic) -> [UInt8] {
        var header = schema.columnNames
        var records: [[String: String]] = []
        if FileManager.default.fileExists(atPath: path) {
            let existing: [CSVRecord]
            do {
                existing = try CSVReader(path: path).readAll()
            } catch let error as Diagnostic {
                throw error
            } catch {
                throw Diagnostic(SourceLocation(file: path), "\(error)")
            }
            if let first = existing.first {
                guard first.fields.contains(schema.primaryKey) else {
                    throw Diagnostic(SourceLocation(file: path, line: first.line), "the existing sources file has no '\(schema.primaryKey)' column",
                                     hint: "the import adds its source row to the sources.csv beside the output; move this file away or fix its header")
                }
                for name in first.fields where !header.contains(name) { header.append(name) }
                for record in existing.dropFirst() {
                    guard record.fields.count == first.fields.count else {
                        throw Diagnostic(SourceLocation(file: path, line: record.line),
                                         "row has \(record.fields.count) fields; the header has \(first.fields.count)",
                                         hint: "fix the existing sources file before importing beside it")
                    }
                    records.append(Dictionary(zip(first.fields, record.fields), uniquingKeysWith: { first, _ in first }))
                }
            }
        }
        let key = schema.primaryKey
        if let index = records.firstIndex(where: { $0[key] == row[key] }) {
            records[index] = row
        } else {
            records.append(row)
        }
        var text = CSVWriter.line(header)
        for record in records { text += CSVWriter.line(header.map { record[$0] ?? "" }) }
        return Array(text.utf8)
    }
}
