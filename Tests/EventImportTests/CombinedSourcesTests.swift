import Analysis
import Foundation
import Testing
@testable import Dataset
import TestSupport

/// Datasets added together with `--input attacks+=FILE` stay apart: only a compare table with
/// `sources:` may use the combined table; every other count, chart, trend or figure over it is
/// refused with the sources it holds and the ways to fix it, and nothing is written.
@Suite(.serialized) struct CombinedSourcesTests {
    /// A UCDP GED and an ACLED import of the generators' output, in `ucdp/` and `acled/` of one folder.
    nonisolated(unsafe) static let imports: TemporaryFolder = {
        let folder = try! TemporaryFolder(prefix: "scobrief-combined")
        for sub in ["ucdp", "acled"] { try! FileManager.default.createDirectory(atPath: folder.file(sub), withIntermediateDirectories: true) }
        try! PeriodsSpecTests.runTool("gen-events", ["ucdp-ged", "-o", folder.file("ged.csv"), "--rows", "800", "--seed", "5"])
        try! PeriodsSpecTests.runTool("gen-events", ["acled", "-o", folder.file("acled.csv"), "--rows", "800", "--seed", "5"])
        for (command, input, output) in [("ucdp-ged", "ged.csv", "ucdp"), ("acled", "acled.csv", "acled")] {
            let run = try! CLI.run(["import", command, folder.file(input), "-o", folder.file("\(output)/attacks.csv"), "--quiet"])
            precondition(run.status == 0, run.stderr)
        }
        return folder
    }()

    static var both: [String] {
        ["--input", "attacks=\(imports.file("ucdp/attacks.csv"))", "--input", "attacks+=\(imports.file("acled/attacks.csv"))"]
    }

    static func overlaid(_ inputs: [String]) throws -> Corpus {
        try CorpusOverlay(inputs: inputs).apply(to: ShippedCorpus.corpus).corpus
    }

    @Test func theCombinedTableIsRefusedAndEachSourceAloneIsNot() throws {
        let corpus = try Self.overlaid(["attacks=\(Self.imports.file("ucdp/attacks.csv"))", "attacks+=\(Self.imports.file("acled/attacks.csv"))"])
        let origins = EventTables.combinedOrigins(ofTable: "attacks", in: corpus)
        #expect(origins == [.dataset("acled"), .dataset("ucdp-ged-ged")])
        #expect(throws: AnalysisInputError.combinedSources(table: "attacks", origins: origins)) {
            _ = try EventTables.table(named: "attacks", in: corpus)
        }
        // What a sources: table does: each source restricted on its own counts as before.
        for selector in ["ucdp-ged", "acled"] {
            let alone = try corpus.restricting("attacks", toSource: selector)
            #expect(EventTables.combinedOrigins(ofTable: "attacks", in: alone).isEmpty)
            #expect(try EventTables.table(named: "attacks", in: alone).events.count == alone.tables["attacks"]!.rows.count)
        }
        // The notes on the data used may still describe it.
        #expect(try EventTables.table(named: "attacks", in: corpus, allowingCombined: true).events.count == corpus.tables["attacks"]!.rows.count)
        // The curated tables and one import alone are single sources.
        #expect(EventTables.combinedOrigins(ofTable: "attacks", in: ShippedCorpus.corpus).isEmpty)
        #expect(EventTables.combinedOrigins(ofTable: "attacks", in: try Self.overlaid(["attacks=\(Self.imports.file("ucdp/attacks.csv"))"])).isEmpty)
    }

    @Test func aDatasetAddedToTheCuratedListIsCombinedToo() throws {
        let corpus = try Self.overlaid(["attacks+=\(Self.imports.file("ucdp/attacks.csv"))"])
        let origins = EventTables.combinedOrigins(ofTable: "attacks", in: corpus)
        #expect(origins == [.dataset("ucdp-ged-ged"), .curatedList(table: "attacks")])
        let message = AnalysisInputError.combinedSources(table: "attacks", origins: origins).description
        #expect(message.contains("adds together rows of 2 sources (ucdp-ged-ged; the curated attacks list)"), "\(message)")
        #expect(message.contains("--input attacks=FILE, which replaces the curated list"))
        // A dataset whose id starts like the curated list's words is still a dataset, and two
        // datasets get the side-by-side fix, not the curated list's.
        let twoDatasets = AnalysisInputError.combinedSources(table: "attacks", origins: [.dataset("the-curated-copy"), .dataset("acled")]).description
        #expect(twoDatasets.contains("sources: [the-curated-copy, acled]"), "\(twoDatasets)")
    }

    @Test func commandsOverTheCombinedTableAreRefused() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-combined-cli")
        let commands: [[String]] = [
            ["trend", "attacks", "--from", "2019", "--to", "2024"],
            ["compare", "attacks", "--period", "2019", "--period", "2024"],
            ["chart", "attacks-per-year", "-o", folder.file("chart.pdf")],
            ["chart", "bar", "--table", "attacks", "--x", "year", "--by", "country", "-o", folder.file("bar.png")],
        ]
        for command in commands {
            let run = try CLI.run(command + Self.both)
            #expect(run.status == 1, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("the attacks table adds together rows of 2 sources (acled; ucdp-ged-ged)"), "\(command): \(run.stderr)")
            #expect(run.stderr.contains("sources: [acled, ucdp-ged-ged]"), "\(command): \(run.stderr)")
        }
        #expect(folder.entries().isEmpty, "nothing written")
        // Each source alone is counted as before.
        let alone = try CLI.run(["trend", "attacks", "--from", "2019", "--to", "2024", "--input", "attacks=\(Self.imports.file("ucdp/attacks.csv"))"])
        #expect(alone.status == 0, "\(alone.stderr)")
    }

    @Test func reportBlocksOverTheCombinedTableAreRefused() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-combined-report")
        let blocks = [
            "- chart: {id: fig-a, preset: attacks-per-year, caption: C}",
            "- table: {id: tab-t, analysis: trend, period: 2019-2024, caption: C}",
            "- text: \"{{ count attacks 2024 }} attacks in 2024.\"",
            "- table: {id: tab-c, analysis: compare, periods: [2019, 2024], caption: C}",
        ]
        for block in blocks {
            let spec = folder.file("spec.yaml")
            try "report: {title: T}\nbody:\n  \(block)\n".write(toFile: spec, atomically: true, encoding: .utf8)
            let run = try CLI.run(["report", spec, "-o", folder.file("out.pdf")] + Self.both)
            #expect(run.status == 1, "\(block): \(run.stderr)")
            #expect(run.stderr.contains("adds together rows of 2 sources"), "\(block): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.file("out.pdf")))
        }
        // The same compare, kept apart by sources:, builds.
        let spec = folder.file("spec.yaml")
        try "report: {title: T}\nbody:\n  - table: {id: tab-c, analysis: compare, sources: [ucdp-ged, acled], periods: [2019-2021, 2024], caption: C}\n"
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let kept = try CLI.run(["report", spec, "-o", folder.file("out.pdf"), "--quiet"] + Self.both)
        #expect(kept.status == 0, "\(kept.stderr)")
    }
}
