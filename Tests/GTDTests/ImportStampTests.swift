import Foundation
import Testing
@testable import Dataset
import TestSupport

/// The stamp an import writes beside its table, and what a later `--input` does with it: a table
/// as written is read with the cheap typed parse; an edited one is validated in full.
@Suite struct ImportStampTests {
    static let sourceID = "gtd-globalterrorismdb-0522dist"

    /// CRC-32 (ISO-HDLC) bit by bit, independent of libdeflate's table-driven one.
    static func referenceCRC32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }

    @Test func theImportWritesAStampBesideTheTable() throws {
        let (_, folder) = try importGTD(GTDImportCountsTests.sample.bytes)
        let table = folder.file("out/attacks.csv")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: table)))
        let stamp = try #require(ImportStamp.read(folder.file("out/attacks.csv.import-stamp")))
        #expect(stamp.table == "attacks")
        #expect(stamp.sourceID == Self.sourceID)
        #expect(stamp.bytes == bytes.count)
        #expect(stamp.crc32 == Self.referenceCRC32(bytes))
        #expect(stamp.tool == ImportStamp.toolVersion)
        #expect(ImportStamp.vouching(for: table, table: "attacks") == stamp)
        #expect(ImportStamp.vouching(for: table, table: "exercises") == nil)
    }

    @Test func aStampedTableLoadsAsTheFullValidationDoes() throws {
        let (result, folder) = try importGTD(GTDImportCountsTests.sample.bytes)
        let path = folder.file("out/attacks.csv")
        let shipped = ShippedCorpus.corpus
        let (full, fullProblems) = shipped.replacingTable("attacks", withFile: path, trustingStamp: false)
        let (trusted, trustedProblems) = shipped.replacingTable("attacks", withFile: path, trustingStamp: true)
        #expect(fullProblems.isEmpty && trustedProblems.isEmpty, "\(fullProblems.prefix(2)) \(trustedProblems.prefix(2))")
        #expect(trusted.attacks.count == result.summary.rowsWritten)
        #expect(trusted.attacks == full.attacks)
        #expect(trusted.sources == full.sources)
        // The stamped read keeps no cell positions (nothing to report); the full one does.
        #expect(trusted.tables["attacks"]!.rows[0].position(ofColumn: 0) == nil)
        #expect(full.tables["attacks"]!.rows[0].position(ofColumn: 0).map { [$0.line, $0.column] } == [2, 1])

        // Only the columns asked for: the rest read as blank, the records agree on the rest.
        let columns: Set<String> = ["id", "date", "country", "killed", "wounded", "source_id"]
        let (some, someProblems) = shipped.replacingTable("attacks", withFile: path, trustingStamp: true, columns: columns)
        #expect(someProblems.isEmpty)
        #expect(some.tables["attacks"]!.loadedColumns == columns)
        #expect(some.tables["attacks"]!.rows[0].values.count == columns.count)
        #expect(some.attacks.map(\.id) == full.attacks.map(\.id))
        #expect(some.attacks.map(\.date) == full.attacks.map(\.date))
        #expect(some.attacks.map(\.killed.value) == full.attacks.map(\.killed.value))
        #expect(some.attacks.map(\.wounded.value) == full.attacks.map(\.wounded.value))
        #expect(some.attacks.map(\.provenance.sourceID) == full.attacks.map(\.provenance.sourceID))
        #expect(full.attacks.contains { $0.place != nil } && some.attacks.allSatisfy { $0.place == nil })
    }

    /// Cell by cell, not only as records: every value of every row read on the stamp equals the
    /// full validating load's, for all columns and for the columns `trend` reads (whose shared
    /// source cell must still be the row's own source id).
    @Test func everyCellReadOnTheStampEqualsTheValidatedCell() throws {
        let (result, folder) = try importGTD(GTDImportCountsTests.sample.bytes)
        let path = folder.file("out/attacks.csv")
        let (full, fullProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: false)
        let (trusted, trustedProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true)
        #expect(fullProblems.isEmpty && trustedProblems.isEmpty)
        let fullRows = full.tables["attacks"]!.rows, trustedRows = trusted.tables["attacks"]!.rows
        #expect(fullRows.count == result.summary.rowsWritten)
        #expect(trustedRows.count == fullRows.count)
        #expect(trustedRows.map(\.line) == fullRows.map(\.line))
        // By column name: the full load keeps every catalog column in catalog order, the stamped
        // load the file's columns in the file's order, so the value arrays differ in shape.
        let schema = try #require(ShippedCorpus.corpus.catalog.table(named: "attacks"))
        for column in schema.columns.map(\.name) {
            #expect(trustedRows.map { $0[column] } == fullRows.map { $0[column] }, "\(column)")
        }
        #expect(fullRows.contains { $0["summary"] != .blank } && fullRows.contains { $0["latitude"] != .blank })

        let columns: Set<String> = ["id", "date", "country", "killed", "wounded", "source_id", "stands_for"]
        let (some, someProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true, columns: columns)
        #expect(someProblems.isEmpty)
        let someRows = some.tables["attacks"]!.rows
        #expect(someRows[0].position(ofColumn: 0) == nil, "read on the stamp")
        for column in columns.sorted() {
            #expect(someRows.map { $0[column] } == fullRows.map { $0[column] }, "\(column)")
        }
        #expect(someRows.allSatisfy { $0["source_id"] == .text(Self.sourceID) })
        #expect(some.tables["attacks"]!.distinctKeys(ofColumn: "source_id") == [Self.sourceID])
        #expect(full.tables["attacks"]!.distinctKeys(ofColumn: "source_id") == [Self.sourceID])
    }

    @Test func aHandEditedTableIsValidatedInFullWithItsLocation() throws {
        let (_, folder) = try importGTD(GTDImportCountsTests.sample.bytes)
        let path = folder.file("out/attacks.csv")
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        // Line 3's country, changed to a code of the same size that countries.csv does not list:
        // the size stays, the CRC does not.
        var fields = lines[2].components(separatedBy: ",")
        let column = fields[0].count + fields[1].count + 3
        fields[2] = "QQQ"
        lines[2] = fields.joined(separator: ",")
        let edited = lines.joined(separator: "\n")
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(edited.utf8.count == size)
        #expect(ImportStamp.vouching(for: path, table: "attacks") == nil)

        let (corpus, problems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true)
        let problem = try #require(problems.first { $0.message.contains("'QQQ'") })
        #expect(problem.message == "'QQQ' is not a country code listed in countries.csv")
        #expect(problem.location.file == path)
        #expect(problem.location.line == 3)
        #expect(problem.location.column == column)
        #expect(corpus.tables["attacks"]!.rows[0].position(ofColumn: 0) != nil, "validated in full")
    }

    @Test func aStampFromAnotherVersionOrForAnotherSourceIsNotTrusted() throws {
        let (_, folder) = try importGTD(GTDImportCountsTests.sample.bytes)
        let path = folder.file("out/attacks.csv")
        let stampPath = ImportStamp.path(for: path)
        var stamp = try #require(ImportStamp.read(stampPath))
        stamp.tool = "scobrief 0.0.9 (import-stamp 0)"
        try stamp.text.write(toFile: stampPath, atomically: true, encoding: .utf8)
        #expect(ImportStamp.vouching(for: path, table: "attacks") == nil)
        let (older, olderProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true)
        #expect(olderProblems.isEmpty)
        #expect(older.tables["attacks"]!.rows[0].position(ofColumn: 0) != nil, "validated in full")

        // A stamp naming another source than the rows cite: the rows are read in full.
        stamp.tool = ImportStamp.toolVersion
        stamp.sourceID = "gtd-some-other-release"
        try stamp.text.write(toFile: stampPath, atomically: true, encoding: .utf8)
        #expect(ImportStamp.vouching(for: path, table: "attacks") != nil)
        let (other, otherProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true)
        #expect(otherProblems.isEmpty)
        #expect(other.tables["attacks"]!.rows[0].position(ofColumn: 0) != nil, "validated in full")
    }

    @Test func aStampedTableWhoseSourceRowIsGoneIsValidatedInFull() throws {
        let (_, folder) = try importGTD(GTDImportCountsTests.sample.bytes)
        let path = folder.file("out/attacks.csv")
        try FileManager.default.removeItem(atPath: folder.file("out/sources.csv"))
        let (_, problems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true)
        let first = try #require(problems.first)
        #expect(first.message == "source_id '\(Self.sourceID)' is not in sources.csv")
        #expect(first.location.line == 2)
        #expect(first.location.column != nil)
    }
}
