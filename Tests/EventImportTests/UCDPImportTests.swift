import Foundation
import Testing
@testable import Dataset
import EventSynthetic
import TestSupport

/// `import ucdp-ged` on the generator's output, checked against the truth it recorded.
@Suite struct UCDPImportTests {
    static let sample = EventSample("ucdp-ged", rows: 6_000)

    @Test func oneSidedViolenceMatchesTheTruthCellByCell() throws {
        let run = try EventImportRun("ucdp-ged", bytes: Self.sample.bytes, filters: [("type-of-violence", ["3"])])
        var expected: [Cell: [Int]] = [:]
        for record in Self.sample.records where record.type == "3" {
            guard let code = record.expectedCode else { continue }
            expected[Cell(year: record.date.year, country: code), default: [0, 0]] = zip(expected[Cell(year: record.date.year, country: code), default: [0, 0]], [1, record.killed]).map(+)
        }
        var imported: [Cell: [Int]] = [:]
        for row in run.rows {
            let cell = Cell(year: Int(row["date"]!.prefix(4))!, country: row["country"]!)
            imported[cell, default: [0, 0]] = zip(imported[cell, default: [0, 0]], [1, Int(row["killed"]!)!]).map(+)
        }
        #expect(!expected.isEmpty)
        #expect(imported == expected)
        #expect(run.summary.rowsAccounted == run.summary.rowsRead)
        #expect(run.summary.rowsRead == Self.sample.records.count)
        // An unknown country code is a fault of the row, counted whatever the filters keep.
        let unknown = Self.sample.records.filter { $0.expectedCode == nil }.count
        #expect(run.summary.unknownCodeRows == unknown)
        #expect(run.summary.filteredByType == Self.sample.records.filter { $0.type != "3" && $0.expectedCode != nil }.count)
    }

    @Test func datesKeepTheirPrecisionAndFormerStatesTheirCodes() throws {
        let run = try EventImportRun("ucdp-ged", bytes: Self.sample.bytes)
        let truth = Dictionary(uniqueKeysWithValues: Self.sample.records.map { ($0.recordID, $0) })
        var checked = 0, ranges = 0
        for row in run.rows {
            let record = try #require(truth[row["record_id"]!])
            #expect(row["date"] == record.date.description, "record \(record.recordID)")
            #expect(row["country"] == record.expectedCode)
            #expect(row["killed"] == String(record.killed))
            #expect(row["killed_low"] == record.killedLow.map(String.init))
            #expect(row["killed_high"] == record.killedHigh.map(String.init))
            if record.date.precision != .day { ranges += 1; #expect(row["date_approx"]!.contains("..")) }
            checked += 1
        }
        #expect(checked == Self.sample.records.filter { $0.expectedCode != nil }.count)
        #expect(ranges > 0)
        // Gleditsch–Ward 365 is the Soviet Union before 26 December 1991 and Russia after.
        let soviet = run.rows.filter { $0["country"] == "SUHH" }
        #expect(!soviet.isEmpty)
        #expect(soviet.allSatisfy { $0["date"]! < "1991-12-26" })
        #expect(run.rows.filter { $0["country"] == "RUS" }.allSatisfy { $0["date"]!.prefix(4) >= "1991" })
        #expect(run.summary.historicalRows["SUHH"] == soviet.count)
    }

    @Test func theSourceRowRecordsTheFilterAndTheCoverage() throws {
        let run = try EventImportRun("ucdp-ged", bytes: Self.sample.bytes, filters: [("type-of-violence", ["3"])])
        let source = try #require(run.sources.first)
        #expect(source["kind"] == "dataset")
        #expect(source["title"]!.contains("type_of_violence 3"))
        #expect(source["notes"]!.contains("Selection: type_of_violence 3 (one-sided violence against civilians)"))
        let first = Self.sample.records.map { $0.date.earliestDay }.min()!
        #expect(source["covers_from"] == first.description)
        #expect(source["covers_to"]!.hasPrefix("2024-12"))
        #expect(source["gaps"] == "")
        #expect(source["covers_from_by_country"] == "")
        #expect(run.rows.allSatisfy { $0["source_id"] == source["id"] && $0["quote"] == "" })
    }

    @Test func theYearAndCountrySelectionsCount() throws {
        let run = try EventImportRun("ucdp-ged", bytes: Self.sample.bytes) { options in
            options.fromYear = 2001
            options.toYear = 2011
            options.countries = .codes(["RUS", "KAZ"])
        }
        let expected = Self.sample.records.filter { (2001...2011).contains($0.date.year) && ["RUS", "KAZ"].contains($0.expectedCode ?? "") }
        #expect(run.rows.count == expected.count)
        #expect(run.summary.filteredByYear == Self.sample.records.filter { !(2001...2011).contains($0.date.year) && $0.expectedCode != nil }.count)
        #expect(run.summary.rowsAccounted == run.summary.rowsRead)
    }
}
