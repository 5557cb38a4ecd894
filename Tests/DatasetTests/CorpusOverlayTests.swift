import Foundation
import Testing
@testable import Dataset
import Support
import TestSupport

/// The rules of a spec's `data:` folder and of `--input TABLE=FILE`, applied without the CLI.
@Suite struct CorpusOverlayTests {
    static let shipped: Corpus = {
        let catalog = try! Catalog.load(path: PackagePaths.catalog)
        return Corpus.load(directory: PackagePaths.datasets, catalog: catalog).corpus
    }()

    /// The shipped attacks table, copied to `folder`.
    func copyAttacks(to folder: TemporaryFolder) throws -> String {
        let text = try String(contentsOfFile: PackagePaths.datasets + "/attacks.csv", encoding: .utf8)
        return try folder.write("attacks.csv", text)
    }

    @Test func inputsParseAtTheFirstEqualsSign() {
        #expect(CorpusOverlay.Input(parsing: "attacks=out/a=b.csv") == CorpusOverlay.Input(table: "attacks", file: "out/a=b.csv"))
        #expect(CorpusOverlay.Input(parsing: "attacks") == nil)
        #expect(CorpusOverlay.Input(parsing: "=file.csv") == nil)
        #expect(CorpusOverlay.Input(parsing: "attacks=") == nil)
    }

    @Test func emptyOverlayLeavesTheCorpusAlone() throws {
        let (corpus, warnings) = try CorpusOverlay().apply(to: Self.shipped)
        #expect(warnings.isEmpty)
        #expect(corpus.tables["attacks"]?.file == Self.shipped.tables["attacks"]?.file)
    }

    @Test func inputReplacesItsTable() throws {
        let folder = try TemporaryFolder()
        let path = try copyAttacks(to: folder)
        let (corpus, _) = try CorpusOverlay(inputs: ["attacks=\(path)"]).apply(to: Self.shipped)
        #expect(corpus.tables["attacks"]?.file == path)
        #expect(corpus.tables["attacks"]?.rows.count == Self.shipped.tables["attacks"]?.rows.count)
    }

    @Test func unknownTableSuggestsTheNearest() throws {
        do {
            _ = try CorpusOverlay(inputs: ["atacks=x.csv"]).apply(to: Self.shipped)
            Issue.record("an unknown table was accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.location.file == "--input")
            #expect(diagnostic.message.hasPrefix("'atacks=x.csv' must be TABLE=FILE with a table of the catalog"))
            #expect(diagnostic.hint == "did you mean 'attacks'?")
        }
    }

    @Test func missingInputFileIsNamed() throws {
        do {
            _ = try CorpusOverlay(inputs: ["attacks=/nonexistent/attacks.csv"]).apply(to: Self.shipped)
            Issue.record("a missing file was accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.description == "/nonexistent/attacks.csv: error: no such file (hint: check the path given to --input)")
        }
    }

    @Test func folderFilesReplaceTheTablesTheyName() throws {
        let folder = try TemporaryFolder()
        let path = try copyAttacks(to: folder)
        let (corpus, _) = try CorpusOverlay(folder: folder.path).apply(to: Self.shipped)
        #expect(corpus.tables["attacks"]?.file == path)
        #expect(corpus.tables["exercises"]?.file == Self.shipped.tables["exercises"]?.file)
    }

    @Test func inputsComeAfterTheFolder() throws {
        let folder = try TemporaryFolder(), other = try TemporaryFolder()
        _ = try copyAttacks(to: folder)
        let later = try copyAttacks(to: other)
        let (corpus, _) = try CorpusOverlay(folder: folder.path, inputs: ["attacks=\(later)"]).apply(to: Self.shipped)
        #expect(corpus.tables["attacks"]?.file == later)
    }

    @Test func missingOrEmptyFolderIsRefused() throws {
        let empty = try TemporaryFolder()
        for (folder, message) in [(empty.path + "/absent", "the spec's data folder does not exist"),
                                  (empty.path, "the spec's data folder holds no table files")] {
            do {
                _ = try CorpusOverlay(folder: folder).apply(to: Self.shipped)
                Issue.record("\(folder) was accepted")
            } catch let diagnostic as Diagnostic {
                #expect(diagnostic.message == message)
                #expect(diagnostic.location.file == folder)
            }
        }
    }

    @Test func errorsInAReplacedTableAreThrownTogether() throws {
        let folder = try TemporaryFolder()
        let header = "id,date,country,place,killed,killed_qualifier,wounded,wounded_qualifier,description,source_id,quote,notes"
        let path = try folder.write("attacks.csv", header + "\natk-x,2004-13,RUSS,Beslan,300,,,,attack,zhao-2012-isdp-asia-paper,q,\n")
        do {
            _ = try CorpusOverlay(inputs: ["attacks=\(path)"]).apply(to: Self.shipped)
            Issue.record("a table with errors was accepted")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.count >= 2)
            #expect(list.diagnostics.allSatisfy { $0.severity == .error && $0.location.file == path })
        }
    }
}
