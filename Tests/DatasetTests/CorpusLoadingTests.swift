import Foundation
import Testing
@testable import Dataset
import TestSupport
import Support

/// Loading only the tables a command reads, and the digest that lets unchanged files skip the
/// checks `datasets validate` made.
@Suite struct CorpusLoadingTests {
    /// A copy of the shipped corpus to break.
    private func copyOfShippedCorpus() throws -> (folder: TemporaryFolder, catalog: Catalog) {
        let folder = try TemporaryFolder(prefix: "scobrief-corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.datasets)
        where name.hasSuffix(".csv") || name == "catalog.yaml" {
            try FileManager.default.copyItem(atPath: (PackagePaths.datasets as NSString).appendingPathComponent(name), toPath: folder.file(name))
        }
        return (folder, try Catalog.load(path: folder.file("catalog.yaml")))
    }

    private func append(_ line: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data((line + "\n").utf8))
        handle.closeFile()
    }

    @Test func theTablesNeededFollowReferences() throws {
        let catalog = try Catalog.load(path: PackagePaths.catalog)
        #expect(catalog.tablesNeeded(for: ["attacks"]) == ["attacks", "sources", "countries"])
        #expect(catalog.tablesNeeded(for: ["exercises", "membership"]) == ["exercises", "membership", "sources", "countries"])
        #expect(catalog.tablesNeeded(for: ["no-such-table"]) == ["sources", "countries"])
    }

    @Test func aBrokenUnrelatedTableDoesNotStopALoadOfAnother() throws {
        let (folder, catalog) = try copyOfShippedCorpus()
        try append("ind-broken,attacks-prevented,not-a-year,,,,,,,,,", to: folder.file("indicators.csv"))
        let (corpus, partial) = Corpus.load(directory: folder.path, catalog: catalog, only: ["attacks"])
        #expect(partial.isEmpty, "\(partial.map(\.description))")
        #expect(corpus.tables["indicators"] == nil, "not read at all")
        #expect(corpus.attacks.count == 30)
        let (_, whole) = Corpus.load(directory: folder.path, catalog: catalog)
        #expect(whole.contains { $0.severity == .error && $0.location.file.hasSuffix("indicators.csv") })
    }

    @Test func theShippedDigestIsCurrentAndTheCorpusItVouchesForIsClean() throws {
        let catalog = try Catalog.load(path: PackagePaths.catalog)
        let recorded = try #require(CorpusDigest.recorded(in: PackagePaths.datasets), "Datasets/validated.sha256 is committed")
        let current = CorpusDigest.current(directory: PackagePaths.datasets, catalog: catalog)
        #expect(recorded.differences(from: current).isEmpty,
                "after editing Datasets, run `scobrief datasets validate --write-digest`")
        #expect(Set(recorded.hashes.keys) == Set(["catalog.yaml"] + catalog.tables.map(\.file)))
        let (_, diagnostics) = Corpus.load(directory: PackagePaths.datasets, catalog: catalog)
        #expect(diagnostics.isEmpty)
    }

    @Test func aFileChangedSinceTheDigestIsValidatedInFull() throws {
        let (folder, catalog) = try copyOfShippedCorpus()
        try CorpusDigest.current(directory: folder.path, catalog: catalog).write(to: folder.path)
        // A source id that sources.csv lacks: only the check across tables finds it.
        let row = "atk-2020-01-test,2020-01,RUS,,,,,,test,no-such-source,quote,,"
        try append(row, to: folder.file("attacks.csv"))
        let recorded = try #require(CorpusDigest.recorded(in: folder.path))
        #expect(recorded.differences(from: CorpusDigest.current(directory: folder.path, catalog: catalog)) == ["attacks.csv"])
        let (_, diagnostics) = Corpus.load(directory: folder.path, catalog: catalog, trustingDigest: true)
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("no-such-source") })
    }

    @Test func anUnchangedFileSkipsTheChecksTheDigestVouchesFor() throws {
        let (folder, catalog) = try copyOfShippedCorpus()
        let row = "atk-2020-01-test,2020-01,RUS,,,,,,test,no-such-source,quote,,"
        try append(row, to: folder.file("attacks.csv"))
        // A digest written over the broken file (not by `datasets validate`) is trusted as it stands,
        // which shows the checks are skipped; a load that does not trust it still finds the problem.
        try CorpusDigest.current(directory: folder.path, catalog: catalog).write(to: folder.path)
        let (trusted, skipped) = Corpus.load(directory: folder.path, catalog: catalog, trustingDigest: true)
        #expect(skipped.isEmpty)
        #expect(trusted.attacks.count == 31)
        let (_, checked) = Corpus.load(directory: folder.path, catalog: catalog)
        #expect(checked.contains { $0.severity == .error && $0.message.contains("no-such-source") })
    }

    @Test func aChangedCatalogMeansNoFileIsVouchedFor() throws {
        let (folder, catalog) = try copyOfShippedCorpus()
        let row = "atk-2020-01-test,2020-01,RUS,,,,,,test,no-such-source,quote,,"
        try append(row, to: folder.file("attacks.csv"))
        try CorpusDigest.current(directory: folder.path, catalog: catalog).write(to: folder.path)
        try append("# an edit", to: folder.file("catalog.yaml"))
        let (_, diagnostics) = Corpus.load(directory: folder.path, catalog: catalog, trustingDigest: true)
        #expect(diagnostics.contains { $0.message.contains("no-such-source") })
    }
}
