import Analysis
import Foundation
import Testing
@testable import Dataset
import TestSupport

/// A stamped import read for counting alone (`trend`): `StampedAttacksReader` builds the events'
/// fields straight from the file's bytes. Each test compares it with the table validated in full,
/// cell by cell, on real imports (GTD through gen-gtd and `import gtd`, UCDP GED, ACLED), and
/// checks that a file that is not as the import wrote it is read the general way.
@Suite struct StampedAttacksTests {
    /// A 3,000-row `import gtd` of gen-gtd's file, world-wide: descriptions and summaries with
    /// commas and quotes, so the reader skips quoted cells.
    static func gtdImport() throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "scobrief-stamped")
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        let input = folder.file("globalterrorismdb_0522dist.csv")
        try PeriodsSpecTests.runTool("gen-gtd", ["-o", input, "--rows", "3000", "--seed", "29"])
        let result = try CLI.run(["import", "gtd", input, "-o", folder.file("out/attacks.csv"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return folder
    }

    static let table = "out/attacks.csv"

    /// Where `pattern` first starts in `bytes`.
    static func offset(of pattern: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(pattern.utf8)
        return bytes.indices.first { start in start + needle.count <= bytes.count && bytes[start..<start + needle.count].elementsEqual(needle) }
    }

    /// Every record read on the stamp equals the validated row it stands for: id, date, country,
    /// killed, wounded, stands_for and source, row by row; and the events, coverage, title and
    /// year × country counts `trend` builds from each are equal.
    static func expectCountedEqualsValidated(_ path: String, rows: Int? = nil) throws {
        let (full, fullProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: false)
        let (counted, countedProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true,
                                                                             countedOnly: true)
        #expect(fullProblems.isEmpty && countedProblems.isEmpty, "\(fullProblems.prefix(2)) \(countedProblems.prefix(2))")
        let table = try #require(counted.tables["attacks"])
        let stamped = try #require(table.stampedAttacks, "read on the stamp, straight from the bytes")
        #expect(table.rows.isEmpty)
        let fullRows = try #require(full.tables["attacks"]).rows
        if let rows { #expect(fullRows.count == rows) }
        #expect(stamped.count == fullRows.count)
        for (record, row) in zip(stamped.records, fullRows) {
            #expect(CellValue.text(record.id) == row["id"])
            #expect(CellValue.date(record.date) == row["date"])
            #expect(CellValue.countries([stamped.countryCodes[Int(record.country)]]) == row["country"])
            #expect(record.killed.map(CellValue.integer) ?? .blank == row["killed"])
            #expect(record.wounded.map(CellValue.integer) ?? .blank == row["wounded"])
            #expect((record.standsForSeveral ? CellValue.text("several-events") : .blank) == row["stands_for"])
            #expect(CellValue.text(stamped.sourceID) == row["source_id"])
        }
        #expect(Set(stamped.countryCodes) == Set(fullRows.compactMap { $0["country"].countries.first }))

        let fullTable = try EventTables.table(named: "attacks", in: full)
        let countedTable = try EventTables.table(named: "attacks", in: counted)
        #expect(countedTable.events == fullTable.events)
        #expect(countedTable.dataCoverage == fullTable.dataCoverage)
        #expect(countedTable.title == fullTable.title)
        #expect(countedTable.coverage == fullTable.coverage)
        // Counted on the records in place, and on the events made one by one: equal for every grouping.
        let countedEvents = EventFilter().apply(to: countedTable), validated = EventFilter().apply(to: fullTable)
        for keys: [GroupKey] in [[.year, .country], [.year], [.country], [.country, .year], [.kind], [.year, .kind], [.country, .kind, .year]] {
            #expect(countedEvents.grouped(by: keys).groups == validated.grouped(by: keys).groups, "\(keys)")
        }
        #expect(countedEvents.casualties == validated.casualties)
        #expect(countedEvents.lowerBoundNote == validated.lowerBoundNote)
    }

    @Test func aGTDImportReadForCountingEqualsTheValidatedTableCellByCell() throws {
        let folder = try Self.gtdImport()
        let path = folder.file(Self.table)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\""), "some cells are quoted, and skipped as such")
        try Self.expectCountedEqualsValidated(path)
    }

    @Test func ucdpAndACLEDImportsReadForCountingEqualTheValidatedTables() throws {
        for (name, sample) in [("ucdp-ged", UCDPImportTests.sample), ("acled", ACLEDImportTests.sample)] {
            let run = try EventImportRun(name, bytes: sample.bytes)
            try Self.expectCountedEqualsValidated(run.folder.file("attacks.csv"), rows: run.rows.count)
        }
    }

    /// The file read in chunks of every small size: a row, a quoted cell, a doubled quote or a
    /// line end cut at any byte by the chunk boundary gives the same records as one chunk.
    @Test func anyChunkSizeReadsTheSameRecords() throws {
        let folder = try Self.gtdImport()
        let path = folder.file(Self.table)
        let schema = try #require(ShippedCorpus.corpus.catalog.table(named: "attacks"))
        let stamp = try #require(ImportStamp.recorded(for: path, table: "attacks"))
        try Self.expectChunkedReadsEqualOneRead(schema, path: path, stamp: stamp, chunkSizes: [1, 2, 3, 5, 64, 333, 4096])
    }

    /// The file at `path` read in chunks of each of `chunkSizes` gives the records, country codes
    /// and date order that one read gives.
    static func expectChunkedReadsEqualOneRead(_ schema: TableSchema, path: String, stamp: ImportStamp, chunkSizes: [Int]) throws {
        let whole = try #require(StampedAttacksReader.read(schema, path: path, stamp: stamp, limits: .default))
        for chunkSize in chunkSizes {
            let read = try #require(StampedAttacksReader.read(schema, path: path, stamp: stamp, limits: .default, chunkSize: chunkSize),
                                    "chunk \(chunkSize)")
            #expect(read.records.map(\.id) == whole.records.map(\.id), "chunk \(chunkSize)")
            #expect(read.records.map(\.date) == whole.records.map(\.date))
            #expect(read.records.map(\.country) == whole.records.map(\.country))
            #expect(read.records.map(\.killed) == whole.records.map(\.killed))
            #expect(read.records.map(\.wounded) == whole.records.map(\.wounded))
            #expect(read.countryCodes == whole.countryCodes)
            #expect(read.inDateOrder == whole.inDateOrder)
        }
    }

    /// An edit that keeps the size (one letter of a description, a column the reader skips)
    /// changes the CRC: the file is validated in full, and an edit that breaks a cell is reported
    /// where it is.
    @Test func anEditedFileIsValidatedInFull() throws {
        let folder = try Self.gtdImport()
        let path = folder.file(Self.table)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var bytes = original
        let description = try #require(Self.offset(of: "(target: ", in: bytes))
        bytes[description + 1] = UInt8(ascii: "T")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (counted, problems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true, countedOnly: true)
        #expect(problems.isEmpty)
        let table = try #require(counted.tables["attacks"])
        #expect(table.stampedAttacks == nil)
        #expect(table.rows.first?.position(ofColumn: 0) != nil, "validated in full")

        // A killed figure of 10 made "x0", the size kept: the full validation's message, located.
        var broken = original
        let lines = String(decoding: original, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let killed = try #require(lines[0].split(separator: ",").map(String.init).firstIndex(of: "killed"))
        var lineStart = lines[0].utf8.count + 1
        var located: (line: Int, column: Int)? = nil
        for (index, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count > killed, fields[..<killed].allSatisfy({ !$0.contains("\"") }), fields[killed] == "10" {
                let column = fields[..<killed].map { $0.utf8.count + 1 }.reduce(0, +)
                broken[lineStart + column] = UInt8(ascii: "x")
                located = (index + 1, column + 1)
                break
            }
            lineStart += line.utf8.count + 1
        }
        let place = try #require(located, "a row with killed 10")
        try Data(broken).write(to: URL(fileURLWithPath: path))
        let (_, brokenProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true, countedOnly: true)
        let problem = try #require(brokenProblems.first)
        #expect(brokenProblems.count == 1)
        #expect(problem.location.file == path)
        #expect(problem.location.line == place.line)
        #expect(problem.location.column == place.column)
        #expect(problem.message.contains("'x0'"), "\(problem.message)")
    }

    /// A stamp whose CRC and size match a file the import did not write that way (here the file
    /// rewritten with one id quoted, and stamped again): the reader refuses the quoted id, and
    /// the table is read the general way, with the same events.
    @Test func aStampedFileNotAsTheImportWritesItIsReadTheGeneralWay() throws {
        let folder = try Self.gtdImport()
        let path = folder.file(Self.table)
        let stamp = try #require(ImportStamp.recorded(for: path, table: "attacks"))
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let id = try #require(lines[5].split(separator: ",").first)
        lines[5] = "\"\(id)\"" + lines[5].dropFirst(id.count)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(ImportStamp.write(table: "attacks", sourceID: stamp.sourceID, file: path))
        let schema = try #require(ShippedCorpus.corpus.catalog.table(named: "attacks"))
        let restamped = try #require(ImportStamp.vouching(for: path, table: "attacks"))
        #expect(StampedAttacksReader.read(schema, path: path, stamp: restamped, limits: .default) == nil)

        let (full, _) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: false)
        let (counted, problems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true, countedOnly: true)
        #expect(problems.isEmpty)
        #expect(counted.tables["attacks"]?.stampedAttacks == nil)
        #expect(try EventTables.table(named: "attacks", in: counted).events == EventTables.table(named: "attacks", in: full).events)
    }

    /// The reader finds whether the rows come by date, then id, on the ids' bytes. gen-gtd's
    /// import is not quite in that order (nor is the world's); 300 of its one-line rows with full
    /// dates, sorted, are. Then two rows of one day swapped (ids falling), or of two days (dates
    /// falling), in a file stamped again: the reader says so, and the events come sorted, equal
    /// to those of the table validated in full.
    @Test func rowsOutOfOrderAreFoundSoAndTheEventsSorted() throws {
        let folder = try Self.gtdImport()
        let path = folder.file(Self.table)
        let schema = try #require(ShippedCorpus.corpus.catalog.table(named: "attacks"))
        let stamp = try #require(ImportStamp.recorded(for: path, table: "attacks"))
        let whole = try #require(StampedAttacksReader.read(schema, path: path, stamp: stamp, limits: .default))
        let ordered = zip(whole.records, whole.records.dropFirst()).allSatisfy { !($1.date < $0.date || ($1.date == $0.date && $1.id < $0.id)) }
        #expect(whole.inDateOrder == ordered)

        let original = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        func fields(_ line: String) -> [Substring] { line.split(separator: ",", omittingEmptySubsequences: false) }
        let rows = original.dropFirst().filter { $0.hasPrefix("gtd-") && !$0.contains("\"") && fields($0)[1].count == 10 }
            .prefix(300).sorted { (fields($0)[1], fields($0)[0]) < (fields($1)[1], fields($1)[0]) }
        let sameDay = try #require(rows.indices.dropLast().first { fields(rows[$0])[1] == fields(rows[$0 + 1])[1] })
        let twoDays = try #require(rows.indices.dropLast().first { fields(rows[$0])[1] != fields(rows[$0 + 1])[1] })
        for swapped in [nil, sameDay, twoDays] {
            var lines = rows
            if let swapped { lines.swapAt(swapped, swapped + 1) }
            try ([original[0]] + lines + [""]).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            #expect(ImportStamp.write(table: "attacks", sourceID: stamp.sourceID, file: path))
            let restamped = try #require(ImportStamp.vouching(for: path, table: "attacks"))
            let read = try #require(StampedAttacksReader.read(schema, path: path, stamp: restamped, limits: .default))
            #expect(read.inDateOrder == (swapped == nil), "rows \(swapped.map(String.init) ?? "sorted")")
            try Self.expectCountedEqualsValidated(path, rows: rows.count)
        }
    }

    /// `--input attacks=A --input attacks+=B` on a counting command: A is not read into records
    /// (B's rows would be added to a table without rows), so the combined table is refused as before.
    @Test func aTableAddedToAfterwardsIsNotReadForCounting() throws {
        let folder = try Self.gtdImport()
        let firstPath = folder.file(Self.table)
        let run = try EventImportRun("ucdp-ged", bytes: UCDPImportTests.sample.bytes)
        var overlay = CorpusOverlay(inputs: ["attacks=\(firstPath)", "attacks+=\(run.folder.file("attacks.csv"))"])
        overlay.countedTables = ["attacks"]
        let (corpus, _) = try overlay.apply(to: ShippedCorpus.corpus)
        #expect(corpus.tables["attacks"]?.stampedAttacks == nil)
        #expect(throws: AnalysisInputError.self) { try EventTables.table(named: "attacks", in: corpus) }

        var alone = CorpusOverlay(inputs: ["attacks=\(firstPath)"])
        alone.countedTables = ["attacks"]
        #expect(try alone.apply(to: ShippedCorpus.corpus).corpus.tables["attacks"]?.stampedAttacks != nil)
    }

    /// The `trend` command's output on a stamped import equals its output on the same file once
    /// its stamp is removed (validated in full), byte for byte, in the formats it writes.
    @Test func trendOutputOnTheStampEqualsTheValidatedOutput() throws {
        let folder = try Self.gtdImport()
        let path = folder.file(Self.table)
        let runs = [["--by", "year,country", "--test", "none", "--format", "csv"], ["--by", "year,country", "--format", "json"],
                    ["--by", "year", "--test", "ols,poisson"], ["--by", "country", "--status", "member", "--test", "none", "--format", "csv"],
                    ["--by", "kind,year", "--test", "mann-kendall"], ["--by", "country", "--format", "json"],
                    ["--by", "year", "--from", "1990", "--to", "2010", "--test", "poisson", "--format", "csv", "--table", "tests"]]
        let stamped = try runs.map { try CLI.run(["trend", "attacks", "--input", "attacks=\(path)"] + $0) }
        try FileManager.default.removeItem(atPath: ImportStamp.path(for: path))
        for (options, stamped) in zip(runs, stamped) {
            let plain = try CLI.run(["trend", "attacks", "--input", "attacks=\(path)"] + options)
            #expect(stamped.status == 0 && plain.status == 0, "\(stamped.stderr) \(plain.stderr)")
            #expect(stamped.stdout.count > 100)
            #expect(stamped.stdout == plain.stdout, "\(options)")
            #expect(stamped.stderr == plain.stderr, "\(options)")
        }
    }
}
