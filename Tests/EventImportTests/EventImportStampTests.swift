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
}
