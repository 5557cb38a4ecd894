import Foundation
import Support

/// The SHA-256 of every file of a corpus folder as it was when `datasets validate` passed:
/// `validated.sha256` beside the catalog, in `sha256sum`'s format (`sha256sum -c` checks it).
///
/// A later load hashes the files it reads and, for a file whose hash is listed, skips the checks
/// that `datasets validate` already made: duplicate keys, references between tables and the
/// record rules. Cells are still parsed by their column's type (that is how they are read). A file
/// changed since (a hand edit, a merge), or a changed catalog, is validated in full as before.
public struct CorpusDigest: Sendable, Equatable {
    /// The digest file's name, beside `catalog.yaml`.
    public static let fileName = "validated.sha256"

    /// Hex SHA-256 by file name (the catalog and each table file).
    public var hashes: [String: String]

    /// A digest from its entries.
    public init(hashes: [String: String]) {
        self.hashes = hashes
    }

    /// The digest of the folder's catalog and table files as they are now (files that do not
    /// exist are left out).
    public static func current(directory: String, catalog: Catalog) -> CorpusDigest {
        var hashes: [String: String] = [:]
        for file in [DataLocation.catalogFile] + catalog.tables.map(\.file) {
            if let hash = hash(of: (directory as NSString).appendingPathComponent(file)) { hashes[file] = hash }
        }
        return CorpusDigest(hashes: hashes)
    }

    /// The folder's recorded digest, or nil when it has none or it cannot be read.
    public static func recorded(in directory: String) -> CorpusDigest? {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        var hashes: [String: String] = [:]
        for line in text.split(separator: "\n") {
            // "HEX  FILE" (two spaces, or " *" for binary mode in sha256sum's format).
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64 else { return nil }
            var file = parts[1].drop { $0 == " " }
            if file.hasPrefix("*") { file = file.dropFirst() }
            hashes[String(file)] = String(parts[0]).lowercased()
        }
        return CorpusDigest(hashes: hashes)
    }

    /// The digest file's text: one `HEX  FILE` line per file, in name order.
    public var text: String {
        hashes.keys.sorted().map { "\(hashes[$0]!)  \($0)\n" }.joined()
    }

    /// Writes the digest beside the catalog (atomically).
    public func write(to directory: String) throws {
        try AtomicFile.write(Array(text.utf8), to: (directory as NSString).appendingPathComponent(CorpusDigest.fileName))
    }

    /// The files whose recorded hash differs from `current`'s, or that one of the two lacks.
    public func differences(from current: CorpusDigest) -> [String] {
        Set(hashes.keys).union(current.hashes.keys).filter { hashes[$0] != current.hashes[$0] }.sorted()
    }

    /// Whether `file` in `directory` still has its recorded hash.
    func vouchesFor(_ file: String, in directory: String) -> Bool {
        guard let recorded = hashes[file] else { return false }
        return CorpusDigest.hash(of: (directory as NSString).appendingPathComponent(file)) == recorded
    }

    private static func hash(of path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return SHA256.hex(data)
    }
}
