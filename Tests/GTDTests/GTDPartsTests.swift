import Foundation
import Testing
@testable import Dataset
import GTDSynthetic
import TestSupport
import Support

/// The import's parts on their own: numbers, release ids, the sources file, the writer, progress.
@Suite struct GTDPartsTests {
    @Test(arguments: [
        ("12", GTDNumber.WholeNumber.value(12)), ("-9", .value(-9)), ("3.0", .value(3)), ("0.00", .value(0)),
        ("", .blank), ("1.5", .fractional), ("1,200", .notANumber), ("abc", .notANumber), ("3.", .notANumber),
        (".5", .notANumber), ("-", .notANumber), ("1e3", .notANumber), ("1234567890123456", .notANumber),
    ])
    func wholeNumbers(text: String, expected: GTDNumber.WholeNumber) {
        let parsed = Array(text.utf8).withUnsafeBufferPointer { GTDNumber.wholeNumber($0) }
        #expect(parsed == expected)
    }

    @Test func decimals() {
        func parse(_ text: String) -> Double? { Array(text.utf8).withUnsafeBufferPointer { GTDNumber.decimal($0) } }
        #expect(parse("34.516895") == 34.516895)
        #expect(parse("-86185896") == -86185896)
        #expect(parse("nan") == nil)
        #expect(parse("1e999") == nil)
        #expect(parse("12 ") == nil)
    }

    @Test func releaseIdentityFromTheFileName() {
        let release = GTDRelease(inputPath: "/data/globalterrorismdb_0522dist.csv")
        #expect(release.sourceID == "gtd-globalterrorismdb-0522dist")
        #expect(release.releaseDate?.description == "2022-05")
        #expect(GTDRelease(inputPath: "globalterrorismdb_0718dist.csv").releaseDate?.description == "2018-07")
        let other = GTDRelease(inputPath: "My GTD copy (v2).CSV")
        #expect(other.sourceID == "gtd-my-gtd-copy-v2")
        #expect(other.releaseDate == nil)
        #expect(GTDRelease(inputPath: "x.csv", sourceID: "gtd-own").sourceID == "gtd-own")
        #expect(GTDRelease(inputPath: "GTD_2020.csv").sourceID == "gtd-2020")
    }

    @Test func sourcesFileKeepsOtherRowsAndReplacesTheSameID() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        let schema = ShippedCorpus.corpus.catalog.table(named: "sources")!
        let path = try folder.write("sources.csv", "id,title,publisher,kind,extra\nmine,\"My notes, 2024\",Me,report,kept\ngtd-x,Old,START,dataset,\n")
        var row = ["id": "gtd-x", "title": "New", "publisher": "START", "kind": "dataset", "coverage": "complete"]
        let merged = String(decoding: try SourcesFile.upserting(row, into: path, schema: schema), as: UTF8.self)
        let lines = merged.split(separator: "\n")
        #expect(lines[0] == Substring(schema.columnNames.joined(separator: ",") + ",extra"))
        #expect(lines[1].hasPrefix("mine,\"My notes, 2024\",,Me,,report,") && lines[1].hasSuffix(",kept"))
        #expect(lines[2].hasPrefix("gtd-x,New,,START,,dataset,"))
        #expect(lines.count == 3)
        row["id"] = "gtd-y"
        let added = String(decoding: try SourcesFile.upserting(row, into: folder.file("none.csv"), schema: schema), as: UTF8.self)
        #expect(added.split(separator: "\n").count == 2)
    }

    @Test func atomicWriterCommitsOrLeavesNothing() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        let target = try folder.write("table.csv", "old\n")
        do {
            let writer = try AtomicFileWriter(path: target, flushThreshold: 4)
            writer.append("new content that is flushed in pieces\n")
            try writer.flushIfFull()
            #expect(folder.contents("table.csv") == "old\n", "the target is untouched until commit")
            #expect(folder.entries().count == 2)
            writer.abandon()
        }
        #expect(folder.entries() == ["table.csv"])
        #expect(folder.contents("table.csv") == "old\n")

        let writer = try AtomicFileWriter(path: target)
        writer.append("first try\n")
        try writer.flush()
        try writer.discardAll()
        writer.append("second\n")
        writer.append("dropped\n")
        writer.truncate(to: 7)
        try writer.commit()
        #expect(folder.contents("table.csv") == "second\n")
        #expect(folder.entries() == ["table.csv"])
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
    }

    @Test func writerReleasedWithoutCommitDeletesItsTemporaryFile() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        var writer: AtomicFileWriter? = try AtomicFileWriter(path: folder.file("out.csv"))
        writer?.append("x")
        try writer?.flush()
        #expect(folder.entries().count == 1)
        writer = nil
        #expect(folder.entries().isEmpty)
    }

    @Test func progressLinesSayRowsRateAndETA() {
        var plain: [String] = []
        let display = GTDProgressDisplay(totalBytes: 200_000_000, interactive: false, interval: 0) { plain.append($0) }
        display.update(rows: 50_000, bytes: 50_000_000)
        display.finish()
        #expect(plain.count == 1)
        #expect(plain[0].hasPrefix("import gtd: 50,000 rows, 50 of 200 MB (25%), "))
        #expect(plain[0].contains(" MB/s, ETA "))
        #expect(plain[0].hasSuffix("\n"))

        var terminal: [String] = []
        let live = GTDProgressDisplay(totalBytes: 0, interactive: true, interval: 0) { terminal.append($0) }
        live.update(rows: 10, bytes: 1_000_000)
        live.finish()
        #expect(terminal.first?.hasPrefix("\r\u{1B}[K  import gtd: 10 rows · 1 MB · ") == true)
        #expect(terminal.last == "\r\u{1B}[K", "the line is cleared at the end")

        var quiet: [String] = []
        let slow = GTDProgressDisplay(totalBytes: 1, interactive: false) { quiet.append($0) }
        slow.update(rows: 1, bytes: 1)
        #expect(quiet.isEmpty, "nothing within the first ten seconds")
    }

    @Test func generatorIsDeterministicAndInGTDsLayout() throws {
        let first = SyntheticSample(rows: 300, seed: 3)
        let second = SyntheticSample(rows: 300, seed: 3)
        #expect(first.bytes == second.bytes)
        #expect(SyntheticSample(rows: 300, seed: 4).bytes != first.bytes)
        let reader = CSVReader(bytes: first.bytes, file: "sample.csv")
        var rows = 0
        var lines: [Int] = []
        try reader.forEachRow { row in
            #expect(row.count == 135)
            if rows == 0 {
                let header = try row.strings()
                #expect(header == GTDExportColumns.all)
            } else {
                lines.append(row.line)
            }
            rows += 1
        }
        #expect(rows == 301)
        #expect(lines == first.records.map(\.line), "the recorded lines are where the rows are")
        #expect(Set(first.records.map(\.eventID)).count == 300)
        #expect(!first.records.contains { $0.year == 1993 })
    }
}
