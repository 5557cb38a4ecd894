import Analysis
import Foundation
import Testing
@testable import Dataset
import EventSynthetic
import TestSupport

/// The mapping-driven imports (UCDP GED, ACLED, `import events`) stamp their table as `import gtd` does.
@Suite struct EventImportStampTests {
    @Test func anEventImportIsStampedAndReadOnTheStrengthOfIt() throws {
        let run = try EventImportRun("ucdp-ged", bytes: UCDPImportTests.sample.bytes)
        let path = run.folder.file("attacks.csv")
        let stamp = try #require(ImportStamp.vouching(for: path, table: "attacks"))
        #expect(stamp.sourceID == run.sources.last?["id"])
        let (full, fullProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: false)
        let (trusted, trustedProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true)
        #expect(fullProblems.isEmpty && trustedProblems.isEmpty)
        #expect(trusted.attacks.count == run.rows.count)
        #expect(trusted.attacks == full.attacks)
        #expect(trusted.tables["attacks"]!.rows[0].position(ofColumn: 0) == nil, "read on the stamp")
    }

    /// What `trend` builds from a table read on its stamp, for only the columns it reads, equals
    /// what it builds from the table validated in full: the same events in the same order, the
    /// same coverage and the same year × country counts.
    @Test func aTrendOverAStampedTableEqualsOneOverTheValidatedTable() throws {
        let run = try EventImportRun("ucdp-ged", bytes: UCDPImportTests.sample.bytes)
        let path = run.folder.file("attacks.csv")
        let columns = try #require(EventTables.columnsRead("attacks"))
        let (full, fullProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: false)
        let (trusted, trustedProblems) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path, trustingStamp: true, columns: columns)
        #expect(fullProblems.isEmpty && trustedProblems.isEmpty)
        #expect(trusted.tables["attacks"]!.loadedColumns == columns)
        #expect(trusted.tables["attacks"]!.rows[0].position(ofColumn: 0) == nil, "read on the stamp")
        let fullTable = try EventTables.table(named: "attacks", in: full)
        let trustedTable = try EventTables.table(named: "attacks", in: trusted)
        #expect(trustedTable.events.count == run.rows.count)
        #expect(trustedTable.events == fullTable.events)
        #expect(trustedTable.dataCoverage == fullTable.dataCoverage)
        #expect(trustedTable.title == fullTable.title)
        let keys: [GroupKey] = [.year, .country]
        let fullGroups = EventFilter().apply(to: fullTable).grouped(by: keys).groups
        let trustedGroups = EventFilter().apply(to: trustedTable).grouped(by: keys).groups
        #expect(trustedGroups == fullGroups)
        #expect(trustedGroups.map(\.count).reduce(0, +) == run.rows.count)
    }
}
