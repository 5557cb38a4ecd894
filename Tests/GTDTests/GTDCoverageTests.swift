import Foundation
import Testing
@testable import Dataset
import GTDSynthetic
import TestSupport

/// The import records the release's coverage in its sources.csv row: the first and last date in
/// the data, the years without rows (GTD's 1993) as gaps, and the codebook's collection breaks.
@Suite struct GTDCoverageTests {
    /// The coverage the import wrote into its sources.csv row, read back as the corpus reads it.
    static func writtenCoverage(in folder: TemporaryFolder) throws -> CoverageDates {
        let catalog = try Catalog.load(path: PackagePaths.catalog)
        let (corpus, diagnostics) = Corpus.load(directory: folder.file("out"), catalog: catalog, fallback: ShippedCorpus.corpus, requireAllTables: false)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let source = try #require(corpus.sources.first { $0.isDataset })
        return try #require(source.coverageDates)
    }

    @Test func theSourceRowStatesFirstAndLastDateGapsAndBreaks() throws {
        let sample = SyntheticSample(rows: 6_000)
        let (_, folder) = try importGTD(sample.bytes)
        let dates = try Self.writtenCoverage(in: folder)
        // The truth, from the generator's records (day 0 or month 0 is unknown: the date's first day).
        let days = sample.records.map { DayDate(year: $0.year, month: max($0.month, 1), day: max($0.day, 1)) }
        #expect(dates.from?.earliestDay == days.min())
        #expect(dates.to?.earliestDay == days.max())
        #expect(dates.to?.year == 2020)
        let years = Set(sample.records.map(\.year))
        #expect(!years.contains(1993))
        #expect(dates.gaps.map(\.description) == (1970...2020).filter { !years.contains($0) }.map(String.init))
        #expect(dates.gaps.map(\.description).contains("1993"))
        #expect(dates.breaks.map(\.date.description) == ["1998", "2008", "2011-11"])
        #expect(dates.breaks.allSatisfy { !$0.note.isEmpty })
    }

    @Test func aYearScopeBoundsTheCoverage() throws {
        var options = GTDImportOptions()
        options.fromYear = 2001
        options.toYear = 2011
        let (result, folder) = try importGTD(SyntheticSample(rows: 3_000).bytes, options: options)
        let dates = try Self.writtenCoverage(in: folder)
        #expect(dates.from?.year == 2001)
        #expect(dates.to?.year == 2011)
        #expect(dates.gaps.isEmpty)
        // 1998 lies before the scope; 2011-11 lies inside it when an incident is dated November 2011 or later.
        let reachesNovember = try #require(result.summary.lastDate) >= DayDate(year: 2011, month: 11, day: 1)
        #expect(dates.breaks.map(\.date.description) == (reachesNovember ? ["2008", "2011-11"] : ["2008"]))
    }
}
