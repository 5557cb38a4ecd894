import Foundation
import Testing
@testable import Dataset
import TestSupport
import Support

/// The compiled catalog (`catalog.compiled`): it holds exactly what the YAML gives, and it is read
/// only while `catalog.yaml` still has the hash it names.
@Suite struct CompiledCatalogTests {
    private func copyOfShippedCorpus() throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "scobrief-compiled")
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.datasets)
        where name.hasSuffix(".csv") || name == "catalog.yaml" || name == "validated.sha256" || name == CompiledCatalog.fileName {
            try FileManager.default.copyItem(atPath: (PackagePaths.datasets as NSString).appendingPathComponent(name), toPath: folder.file(name))
        }
        return folder
    }

    @Test func theShippedCompiledCatalogIsCurrentAndEqualsTheYAML() throws {
        let yaml = try Catalog.load(path: PackagePaths.catalog)
        let compiled = try #require(CompiledCatalog.load(directory: PackagePaths.datasets),
                                    "after editing catalog.yaml, run `scobrief datasets validate --write-digest`")
        #expect(compiled == yaml)
        #expect(compiled.tables.map(\.columns.count) == yaml.tables.map(\.columns.count))
    }

    @Test func everyFieldSurvivesTheTextIncludingEscapesAndBlanks() throws {
        var column = ColumnSchema(name: "notes", type: .enumeration, required: false, description: "tab\there, line\nbreak, back\\slash, \\N",
                                  unit: "", minimum: -0.1, maximum: 1e300, allowedValues: ["a b", "\\N", "", "ü\tx"],
                                  references: nil, qualifies: "count", blankMeaning: "unknown")
        column.statedInQuote = true
        var reference = ColumnSchema(name: "source", type: .ref, required: true)
        reference.references = ColumnReference(table: "sources", column: "id")
        let dates = try CoverageText.dates(from: ["covers_from": "2001", "covers_to": "2024-06", "gaps": "2005;2011-11..2012-02",
                                                  "collection_breaks": "2011-11: START took over collection",
                                                  "covers_from_by_country": "KAZ=2018;RUS=2018-01"])
        let catalog = Catalog(version: 1, tables: [
            TableSchema(name: "t", file: "t.csv", title: "T\r\n", description: nil, primaryKey: "notes", coverage: .partial,
                        coverageNote: "", columns: [column, reference], coverageDates: dates),
            TableSchema(name: "empty", file: "e.csv", title: "E", description: "", primaryKey: "x", coverage: .complete,
                        coverageNote: "n", columns: [], coverageDates: nil),
        ])
        let text = CompiledCatalog.text(of: catalog, catalogHash: "abc")
        #expect(CompiledCatalog.catalog(from: Array(text.utf8), catalogHash: "abc") == catalog)
        #expect(CompiledCatalog.catalog(from: Array(text.utf8), catalogHash: "abd") == nil, "compiled from another catalog.yaml")
    }

    @Test func aMalformedCompiledCatalogIsNotRead() throws {
        let catalog = try Catalog.load(path: PackagePaths.catalog)
        let text = CompiledCatalog.text(of: catalog, catalogHash: "abc")
        let broken = [
            text.replacingOccurrences(of: "\tinteger\t", with: "\tinteger-ish\t"),
            text.replacingOccurrences(of: "column\t", with: "kolumn\t"),
            text.replacingOccurrences(of: "\\N", with: "\\q"),
            String(text.dropLast()),
            "scobrief compiled catalog 2" + text.drop { $0 != "\n" },
        ]
        for variant in broken {
            #expect(variant != text)
            #expect(CompiledCatalog.catalog(from: Array(variant.utf8), catalogHash: "abc") == nil)
        }
    }

    @Test func theLoadReadsTheCompiledCatalogOnlyWhileTheYAMLIsUnchanged() throws {
        let folder = try copyOfShippedCorpus()
        let shipped = try Catalog.load(path: PackagePaths.catalog)
        // A compiled catalog that differs from the YAML in one title shows which of the two was read.
        var marked = shipped
        let index = try #require(marked.tables.firstIndex { $0.name == "attacks" })
        marked.tables[index].title = "Read from catalog.compiled"
        let hash = SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: folder.file("catalog.yaml"))))
        try folder.write(CompiledCatalog.fileName, CompiledCatalog.text(of: marked, catalogHash: hash))
        let fromCompiled = try DataLocation.loadShippedCorpus(explicit: folder.path, only: ["attacks"])
        #expect(fromCompiled.catalog.table(named: "attacks")?.title == "Read from catalog.compiled")
        var lowLimits = YAMLLimits.default
        lowLimits.maxNodes += 1
        let withOwnLimits = try DataLocation.loadShippedCorpus(explicit: folder.path, yamlLimits: lowLimits, only: ["attacks"])
        #expect(withOwnLimits.catalog == shipped, "limits other than the defaults are checked on the YAML")
        let yaml = try #require(folder.contents("catalog.yaml"))
        try folder.write("catalog.yaml", yaml + "# an edit\n")
        #expect(CompiledCatalog.load(directory: folder.path) == nil)
        let afterEdit = try DataLocation.loadShippedCorpus(explicit: folder.path, only: ["attacks"])
        #expect(afterEdit.catalog == shipped)
    }
}
