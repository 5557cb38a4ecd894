import Foundation
import Testing
@testable import Dataset
import EventSynthetic
import TestSupport

/// `import acled` on the generator's output, checked against the truth it recorded.
@Suite struct ACLEDImportTests {
    static let sample = EventSample("acled", rows: 6_000)
    static let terrorism: [(option: String, values: [String])] = [
        ("event-type", ["Explosions/Remote violence"]), ("sub-event-type", ["Suicide bomb", "Remote explosive/landmine/IED"]),
    ]

    static func expectedCells(_ records: [EventSyntheticRecord], keep: (EventSyntheticRecord) -> Bool) -> [Cell: [Int]] {
        var cells: [Cell: [Int]] = [:]
        for record in records where keep(record) {
            guard let code = record.expectedCode, code != "ASM" else { continue }
            let cell = Cell(year: record.date.year, country: code)
            cells[cell] = zip(cells[cell] ?? [0, 0], [1, record.killed]).map(+)
        }
        return cells
    }

    static func importedCells(_ run: EventImportRun) -> [Cell: [Int]] {
        var cells: [Cell: [Int]] = [:]
        for row in run.rows {
            let cell = Cell(year: Int(row["date"]!.prefix(4))!, country: row["country"]!)
            cells[cell] = zip(cells[cell] ?? [0, 0], [1, Int(row["killed"]!)!]).map(+)
        }
        return cells
    }

    @Test func theTerrorismSelectionMatchesTheTruth() throws {
        let run = try EventImportRun("acled", bytes: Self.sample.bytes, filters: Self.terrorism)
        let expected = Self.expectedCells(Self.sample.records) {
            $0.type == "Explosions/Remote violence" && ["Suicide bomb", "Remote explosive/landmine/IED"].contains($0.subtype)
        }
        #expect(!expected.isEmpty)
        #expect(Self.importedCells(run) == expected)
        #expect(run.summary.rowsAccounted == run.summary.rowsRead)
        #expect(run.rows.allSatisfy { $0["description"]!.hasPrefix("Explosions/Remote violence: ") })
        let source = try #require(run.sources.first)
        #expect(source["notes"]!.contains("event_type Explosions/Remote violence; sub_event_type Suicide bomb, Remote explosive/landmine/IED"))
    }

    @Test func textDatesOfOlderExportsImportTheSame() throws {
        let iso = try EventImportRun("acled", bytes: Self.sample.bytes)
        let text = try EventImportRun("acled", bytes: EventSample("acled", rows: 6_000, textDates: true).bytes)
        #expect(iso.rows.map { $0["date"]! } == text.rows.map { $0["date"]! })
        #expect(Self.importedCells(iso) == Self.expectedCells(Self.sample.records) { _ in true })
    }

    @Test func datesHaveThePrecisionTimePrecisionGives() throws {
        let run = try EventImportRun("acled", bytes: Self.sample.bytes)
        let truth = Dictionary(uniqueKeysWithValues: Self.sample.records.map { ($0.recordID, $0) })
        var months = 0
        for row in run.rows {
            let record = try #require(truth[row["record_id"]!])
            #expect(row["date"] == record.date.description)
            #expect(row["country"] == record.expectedCode)
            if record.date.precision == .month { months += 1 }
        }
        #expect(months > 0)
    }

    @Test func coverageStartsByCountryFromACLEDsTable() throws {
        let run = try EventImportRun("acled", bytes: Self.sample.bytes)
        let source = try #require(run.sources.first)
        let starts = try CoverageText.countryStarts(source["covers_from_by_country"]!)
        #expect(starts["KAZ"]?.description == "2018-01-01")
        #expect(starts["RUS"]?.description == "2018-01-01")
        #expect(starts["CHN"]?.description == "2018-01-01")
        #expect(starts["PAK"]?.description == "2010-01-01")
        #expect(starts["AFG"]?.description == "2017-01-01")
        #expect(starts["NGA"] == nil, "Africa is covered from the release's start")
        #expect(starts["ASM"] == nil, "codes countries.csv lacks are left out")
        #expect(source["covers_from"]!.hasPrefix("1997"))
    }

    @Test func unknownAndUnlistedCountriesAreCountedApart() throws {
        let sample = EventSample("acled", rows: 4_000, unknownRate: 0.02)
        let run = try EventImportRun("acled", bytes: sample.bytes)
        #expect(run.summary.unknownCodeRows == sample.records.filter { $0.expectedCode == nil }.count)
        #expect(run.summary.unknownCodes["999"] == run.summary.unknownCodeRows)
        #expect(run.summary.unlistedRows == sample.records.filter { $0.expectedCode == "ASM" }.count)
        #expect(run.summary.unlistedRows > 0)
        #expect(run.summary.lines.contains { $0.contains("not in countries.csv") && $0.contains("ASM") })
        #expect(run.rows.count == sample.records.filter { $0.expectedCode != nil && $0.expectedCode != "ASM" }.count)
    }
}
