import Foundation
import Testing
@testable import Dataset
import TestSupport
import Support

/// The rows of an imported attacks.csv, read back through the catalog; any problem fails the test.
func outputRows(_ folder: TemporaryFolder, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Table.Row] {
    let schema = ShippedCorpus.corpus.catalog.table(named: "attacks")!
    let (table, diagnostics) = TableLoader().load(schema, path: folder.file("out/attacks.csv"), displayName: "attacks.csv")
    #expect(diagnostics.isEmpty, "\(diagnostics.prefix(3).map(\.description))", sourceLocation: sourceLocation)
    return table.rows
}

/// The written table against the catalog, and the corpus built on it.
@Suite struct GTDOutputTableTests {
    @Test func outputColumnsAreTheCatalogsAttacksColumns() throws {
        let attacks = try #require(ShippedCorpus.corpus.catalog.table(named: "attacks"))
        // The catalog's columns are the GTD import's and the event imports' (UCDP GED, ACLED), in catalog order.
        let eventOnly = Set(EventImporter.outputColumns).subtracting(GTDImporter.outputColumns)
        #expect(GTDImporter.outputColumns == attacks.columnNames.filter { !eventOnly.contains($0) })
        #expect(Set(GTDImporter.outputColumns).union(EventImporter.outputColumns) == Set(attacks.columnNames))
        // The GTD columns are optional, so the curated table (without them) still validates.
        let curatedHeader = try #require(String(contentsOfFile: PackagePaths.datasets + "/attacks.csv", encoding: .utf8).split(separator: "\n").first)
        for column in attacks.columns where !curatedHeader.split(separator: ",").contains(Substring(column.name)) {
            #expect(!column.required, "\(column.name) is not in the curated attacks.csv, so it must be optional")
            #expect(column.blankMeaning != nil)
        }
        #expect(ShippedCorpus.corpus.attacks.count == 30)
    }

    @Test func importedFolderValidatesAgainstTheCatalog() throws {
        let sample = GTDImportCountsTests.sample
        let (result, folder) = try importGTD(sample.bytes)
        let shipped = ShippedCorpus.corpus
        let (corpus, diagnostics) = Corpus.load(directory: folder.file("out"), catalog: shipped.catalog, fallback: shipped, requireAllTables: false)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.prefix(5).map(\.description))")
        #expect(corpus.attacks.count == result.summary.rowsWritten)
        let source = try #require(corpus.sources.first)
        #expect(corpus.sources.count == 1)
        #expect(source.id == "gtd-globalterrorismdb-0522dist")
        #expect(source.kind == "dataset")
        #expect(source.date?.description == "2022-05")
        #expect(source.coverage == .complete)
        #expect(source.coverageNote?.contains("1993") == true)
        #expect(source.coverageNote?.contains("November 2011") == true)
        // Unknown casualties are unknown in the typed records too.
        let unknownKilled = corpus.attacks.filter { !$0.killed.isKnown }.count
        #expect(unknownKilled == result.summary.overall.killedUnknown)
        #expect(corpus.attacks.allSatisfy { $0.provenance.quote.isEmpty && $0.provenance.sourceID == source.id })
    }

    @Test func datesKeepOnlyTheirKnownPrecision() throws {
        var file = GTDFileBuilder()
        file.add("198500000001", year: "1985", month: "0", day: "0")
        file.add("198503000001", year: "1985", month: "3", day: "0")
        file.add("198503070001", year: "1985", month: "3", day: "7")
        file.add("201406150001", year: "2014", month: "6", day: "15", ["approxdate": "\"June 13-17, 2014\""])
        let (result, folder) = try importGTD(file.bytes)
        #expect(result.summary.rowsWritten == 4)
        let rows = outputRows(folder)
        #expect(rows.map { $0.date("date")?.description } == ["1985", "1985-03", "1985-03-07", "2014-06-15"])
        #expect(rows.map { $0.date("date")?.precision } == [.year, .month, .day, .day])
        #expect(rows[3].text("date_approx") == "June 13-17, 2014")
    }

    @Test func textFieldsKeepCommasQuotesLineBreaksAndScripts() throws {
        var file = GTDFileBuilder(lineEnd: "\r\n")
        let summary = "\"Assailants attacked a \"\"peace\"\" rally, near Грозный;\r\nno group (烏魯木齊) claimed it.\""
        file.add("200503070001", ["summary": summary, "city": "\"Grozny, Chechnya\"", "gname": " Unknown "])
        let (result, folder) = try importGTD(file.bytes)
        #expect(result.summary.rowsWritten == 1)
        let row = try #require(outputRows(folder).first)
        #expect(row.text("summary") == "Assailants attacked a \"peace\" rally, near Грозный;\r\nno group (烏魯木齊) claimed it.")
        #expect(row.text("city") == "Grozny, Chechnya")
        #expect(row.text("place") == "Grozny, Chechnya")
        #expect(row.text("group_name") == " Unknown ")
        #expect(row.text("description") == "Bombing/Explosion (target: Police)")
    }

    @Test func placeFallsBackFromUnknownCityToProvince() throws {
        var file = GTDFileBuilder()
        file.add("200503070001", ["city": "Unknown", "provstate": "Dagestan"])
        file.add("200503070002", ["city": "", "provstate": "Unknown"])
        let (_, folder) = try importGTD(file.bytes)
        let rows = outputRows(folder)
        #expect(rows[0].text("place") == "Dagestan")
        #expect(rows[1]["place"].isBlank)
        #expect(rows[0].text("city") == "Unknown", "the GTD columns keep GTD's own words")
    }

    @Test func flagsAndCoordinates() throws {
        var file = GTDFileBuilder()
        file.add("200503070001", ["doubtterr": "-9", "success": "0", "suicide": "1"])
        file.add("200503070002", ["latitude": "200.5", "longitude": "-86185896", "success": "7"])
        let (result, folder) = try importGTD(file.bytes)
        #expect(result.summary.rowsWritten == 2, "unusable auxiliary values do not cost the incident")
        #expect(result.summary.clearedValues == 3)
        #expect(result.summary.problems.count == 3)
        #expect(result.summary.problems.allSatisfy { $0.kind == .valueCleared })
        #expect(result.summary.unlistedMalformedRows == nil, "a cleared value is not a row left out")
        #expect(result.summary.problems.allSatisfy { $0.severity == .warning && $0.location.line == 3 })
        #expect(result.summary.problems.contains { $0.message.contains("'latitude' is 200.5") })
        let rows = outputRows(folder)
        #expect(rows[0].integer("success") == 0 && rows[0].integer("suicide") == 1)
        #expect(rows[0]["doubt_terrorism"].isBlank, "-9 is GTD's unknown")
        #expect(rows[1]["latitude"].isBlank && rows[1]["longitude"].isBlank && rows[1]["success"].isBlank)
        #expect(rows[0].number("latitude") == 43.3)
    }
}
