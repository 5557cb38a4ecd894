#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDeflate
import Foundation
import Support

/// What an import writes beside the table it wrote (`attacks.csv.import-stamp` beside
/// `attacks.csv`): the table's CRC-32 and size, the tool's version and the `sources.csv` row the
/// rows cite. A later `--input attacks=attacks.csv` whose file still has that CRC and size, read
/// by the same version, is the file the importer wrote and checked row by row: it is read with a
/// cheap typed parse (`TableLoader.loadImported`). Any other file — edited by hand, written by
/// another version, without a stamp — is validated in full, every cell, as before.
///
/// A CRC is enough here: the stamp guards against accidental change (an edit, a merge, a
/// truncated copy), not against someone forging a table, who could as well forge the stamp.
public struct ImportStamp: Sendable, Equatable {
    /// The suffix after the table file's name.
    public static let suffix = ".import-stamp"
    /// The version of the writer; a stamp from another version is not trusted, so a change in
    /// what an import writes never meets a reader that assumes the old form.
    public static let toolVersion = "scobrief 0.1.0 (import-stamp 1)"

    /// The catalog table the file holds, e.g. `attacks`.
    public var table: String
    /// The `sources.csv` row every row of the file cites.
    public var sourceID: String
    /// CRC-32 (ISO-HDLC, as zlib and libdeflate compute it) of the whole file.
    public var crc32: UInt32
    /// The file's size in bytes.
    public var bytes: Int
    /// `toolVersion` of the import that wrote it.
    public var tool: String

    public init(table: String, sourceID: String, crc32: UInt32, bytes: Int, tool: String = ImportStamp.toolVersion) {
        self.table = table
        self.sourceID = sourceID
        self.crc32 = crc32
        self.bytes = bytes
        self.tool = tool
    }

    /// The stamp's path for a table file.
    public static func path(for file: String) -> String { file + suffix }

    /// Writes the stamp of `file`, which an import has just committed. Called once after
    /// `writer.commit()` by every importer. A stamp that cannot be written costs only speed (the
    /// table is then validated in full when read), so the import does not fail for it; a stale
    /// stamp beside the new file is removed so that it can never vouch for it.
    @discardableResult
    public static func write(table: String, sourceID: String, file: String) -> Bool {
        let stampPath = path(for: file)
        guard let (crc, bytes) = checksum(of: file) else {
            unlink(stampPath)
            return false
        }
        let stamp = ImportStamp(table: table, sourceID: sourceID, crc32: crc, bytes: bytes)
        do {
            try AtomicFile.write(Array(stamp.text.utf8), to: stampPath)
            return true
        } catch {
            unlink(stampPath)
            return false
        }
    }

    /// The stamp beside `file` if it vouches for the file as it is now: same table, same tool
    /// version, same size and CRC-32. Nil otherwise (no stamp, unreadable, or the file changed).
    public static func vouching(for file: String, table: String) -> ImportStamp? {
        guard let stamp = read(path(for: file)), stamp.table == table, stamp.tool == toolVersion,
              let (crc, bytes) = checksum(of: file), bytes == stamp.bytes, crc == stamp.crc32 else { return nil }
        return stamp
    }

    /// The stamp beside `file` if it was written for `table` by this version, without reading the
    /// file: for a reader that computes the file's CRC-32 and size itself as it parses
    /// (`StampedAttacksReader`) and compares them with the stamp's before trusting anything.
    static func recorded(for file: String, table: String) -> ImportStamp? {
        guard let stamp = read(path(for: file)), stamp.table == table, stamp.tool == toolVersion else { return nil }
        return stamp
    }

    /// Whether a stamped table still fits the tables beside it: its source is a dataset row of
    /// the sources, and every country it names is listed in countries.csv. These are the checks
    /// against other tables that `ReferenceChecker` and `RecordRules` would make row by row.
    static func holds(_ countryCodes: Set<String>, sourceID: String, in tables: [String: Table]) -> Bool {
        guard let sources = tables["sources"],
              sources.rows.contains(where: { $0.text("id") == sourceID && $0.text("kind") == Source.datasetKind }) else { return false }
        guard let countries = tables["countries"] else { return true }
        return countryCodes.isSubset(of: Set(countries.keys))
    }

    /// The stamp's text: a comment line, then one `key value` line per field.
    public var text: String {
        """
        # Written by `scobrief import` beside the table it wrote. While the table keeps this CRC-32 and size, reading it skips the per-cell checks the import already made; an edited table is validated in full.
        table \(table)
        source_id \(sourceID)
        bytes \(bytes)
        crc32 \(hex(crc32))
        tool \(tool)

        """
    }

    /// Reads a stamp file; nil when it is missing or not in the form `text` writes.
    static func read(_ stampPath: String) -> ImportStamp? {
        guard let data = FileManager.default.contents(atPath: stampPath), data.count < 4096,
              let text = String(data: data, encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.firstIndex(of: " ") else { return nil }
            fields[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        guard let table = fields["table"], let sourceID = fields["source_id"], let tool = fields["tool"],
              let bytes = fields["bytes"].flatMap({ Int($0) }), let crc = fields["crc32"].flatMap({ UInt32($0, radix: 16) }) else { return nil }
        return ImportStamp(table: table, sourceID: sourceID, crc32: crc, bytes: bytes, tool: tool)
    }

    /// CRC-32 and size of a file, read in 1 MiB chunks: a memory map of the whole table would
    /// count as resident memory of the import (it doubled the import's peak, 46 → 95 MB, on a
    /// 67 MB table), and libdeflate's CRC runs at several GB/s either way. Nil when it cannot be read.
    static func checksum(of file: String) -> (crc: UInt32, bytes: Int)? {
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var crc: UInt32 = 0
        var total = 0
        while true {
            let count = Glibc.read(fd, buffer, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            crc = libdeflate_crc32(crc, buffer, count)
            total += count
        }
        return (crc, total)
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
