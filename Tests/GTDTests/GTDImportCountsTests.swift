import Foundation
import Testing
@testable import Dataset
import GTDSynthetic
import TestSupport

/// Imports a file into a scratch folder as attacks.csv, with the shipped corpus.
func importGTD(_ bytes: [UInt8], options: GTDImportOptions = GTDImportOptions(), fileName: String = "globalterrorismdb_0522dist.csv",
               in folder: TemporaryFolder? = nil) throws -> (result: GTDImportResult, folder: TemporaryFolder) {
    let folder = try folder ?? TemporaryFolder(prefix: "scobrief-gtd")
    let input = try folder.write(fileName, bytes)
    try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
    let result = try GTDImporter(corpus: ShippedCorpus.corpus, options: options).importFile(input: input, output: folder.file("out/attacks.csv"))
    return (result, folder)
}

/// The import's counts against the truth the generator recorded: every year × country cell,
/// incidents, known sums and unknown counts, in both encodings and both line endings.
@Suite struct GTDImportCountsTests {
    static let sample = SyntheticSample(rows: 5_000, unmappedRate: 0.002)

    @Test func everyCellMatchesTheGeneratorsTruth() throws {
        let sample = GTDImportCountsTests.sample
        let (result, _) = try importGTD(sample.bytes)
        let summary = result.summary
        #expect(summary.rowsRead == 5_000)
        #expect(summary.rowsAccounted == summary.rowsRead)
        #expect(summary.malformedRows == 0)
        #expect(summary.encoding == .utf8)
        #expect(summary.encodingNote == nil)
        let expected = SyntheticTruth.cells(sample.records)
        let actual = SyntheticTruth.cells(summary)
        #expect(actual.count == expected.count)
        for (key, cell) in expected {
            #expect(actual[key] == cell, "\(key.year) \(key.country)")
        }
        let unmapped = sample.records.filter { $0.expectedCode == nil }.count
        #expect(unmapped > 0, "the sample should hold unmapped names")
        #expect(summary.unmappedRows == unmapped)
        #expect(summary.unmappedNames == [GTDSyntheticGenerator.unmappedCountryName: unmapped])
        #expect(summary.rowsWritten == 5_000 - unmapped)
        // Blank casualties stay unknown: the unknown counts are neither 0 nor folded into the sums.
        #expect(summary.overall.killedUnknown == sample.records.filter { $0.expectedCode != nil && $0.killed == nil }.count)
        #expect(summary.overall.killedUnknown > 0)
    }

    @Test(arguments: [
        (GTDTextEncoding.utf8, GTDSyntheticOptions.LineEnding.crlf),
        (GTDTextEncoding.windows1252, GTDSyntheticOptions.LineEnding.lf),
        (GTDTextEncoding.windows1252, GTDSyntheticOptions.LineEnding.crlf),
    ])
    func encodingsAndLineEndingsGiveTheSameCounts(encoding: GTDTextEncoding, lineEnding: GTDSyntheticOptions.LineEnding) throws {
        let sample = SyntheticSample(rows: 5_000, seed: 11, encoding: encoding, lineEnding: lineEnding)
        let (result, folder) = try importGTD(sample.bytes)
        #expect(result.summary.encoding == encoding, "detected without --encoding")
        #expect(result.summary.malformedRows == 0)
        #expect(SyntheticTruth.cells(result.summary) == SyntheticTruth.cells(sample.records))
        let output = try #require(FileManager.default.contents(atPath: folder.file("out/attacks.csv")))
        let text = try #require(String(data: output, encoding: .utf8), "the output is always UTF-8")
        // Accented names survive the conversion from Windows-1252.
        #expect(text.contains("Medellín") || text.contains("Bogotá") || text.contains("Cúcuta"))
        #expect(!text.contains("\u{FFFD}"))
    }

    @Test func floatCasualtiesAreWholeNumbers() throws {
        let sample = SyntheticSample(rows: 2_000, seed: 5, decimalCasualtyRate: 0.5)
        #expect(sample.bytes.count > 0)
        let (result, folder) = try importGTD(sample.bytes)
        #expect(result.summary.malformedRows == 0)
        #expect(SyntheticTruth.cells(result.summary) == SyntheticTruth.cells(sample.records))
        // Read back as integers through the catalog: "3.0" was written as 3.
        #expect(outputRows(folder).count == result.summary.rowsWritten)
    }

    @Test func scoMembersTodayKeepsTheTenStates() throws {
        let sample = GTDImportCountsTests.sample
        var options = GTDImportOptions()
        options.countries = .scoMembers
        let (result, _) = try importGTD(sample.bytes, options: options)
        let members = Set(SyntheticTruth.memberSince.keys)
        #expect(SyntheticTruth.cells(result.summary) == SyntheticTruth.cells(sample.records) { members.contains($0.expectedCode ?? "") })
        #expect(result.summary.rowsAccounted == result.summary.rowsRead)
        #expect(!result.summary.totals.keys.contains { $0.country == "SUHH" }, "the Soviet Union was never an SCO member")
        #expect(result.summary.countryScope.contains("2024-07-04"))
    }

    @Test func scoMembersAtDateCountsEachIncidentByItsDate() throws {
        let sample = GTDImportCountsTests.sample
        var options = GTDImportOptions()
        options.countries = .scoMembersAtDate
        let (result, _) = try importGTD(sample.bytes, options: options)
        func status(_ record: GTDSyntheticRecord) -> SyntheticTruth.Membership {
            SyntheticTruth.membership(code: record.expectedCode, year: record.year, month: record.month, day: record.day)
        }
        #expect(SyntheticTruth.cells(result.summary) == SyntheticTruth.cells(sample.records) { status($0) == .member })
        #expect(result.summary.ambiguousMembership == sample.records.filter { status($0) == .ambiguous }.count)
        #expect(result.summary.rowsAccounted == result.summary.rowsRead)
        #expect(result.summary.totals.keys.allSatisfy { $0.year >= 2001 })
        #expect(!result.summary.totals.keys.contains { $0.country == "IND" && $0.year < 2017 })
    }

    @Test func yearRangeFiltersByIncidentYear() throws {
        let sample = GTDImportCountsTests.sample
        var options = GTDImportOptions()
        options.fromYear = 2001
        options.toYear = 2011
        let (result, _) = try importGTD(sample.bytes, options: options)
        #expect(SyntheticTruth.cells(result.summary) == SyntheticTruth.cells(sample.records) { (2001...2011).contains($0.year) })
        let mapped = sample.records.filter { $0.expectedCode != nil }
        #expect(result.summary.filteredByYear == mapped.filter { !(2001...2011).contains($0.year) }.count)
        #expect(result.summary.yearScope == "2001–2011")
    }

    @Test func noYear1993AndHistoricalStatesUnderTheirOwnCodes() throws {
        let (result, _) = try importGTD(GTDImportCountsTests.sample.bytes)
        #expect(!result.summary.totals.keys.contains { $0.year == 1993 })
        #expect(result.summary.lines.contains { $0.contains("no 1993 records") })
        let former = Set(result.summary.historicalRows.keys)
        #expect(former.isSubset(of: ["SUHH", "DEDE", "DDDE", "YUCS", "CSXX", "CSHH", "VNVN", "YEYE", "YDYE", "ZRCD", "RHZW", "CGCG"]))
        #expect(former.contains("SUHH") && former.contains("DEDE"))
        // A former state's rows are never counted as its successor's.
        #expect(!result.summary.totals.keys.contains { $0.country == "RUS" && $0.year < 1992 })
    }
}
