import Foundation
import Testing
@testable import Dataset
import TestSupport
import Support

/// Broken files: a clear error with file, line and column (and no output) for what stops the
/// import; counted, reported and left out for a bad row, which does not stop it.
@Suite struct GTDMalformedInputTests {
    /// Runs an import expected to fail; checks that no output and no temporary file was left.
    func failingImport(_ bytes: [UInt8], options: GTDImportOptions = GTDImportOptions(),
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        try folder.write("out/attacks.csv", "earlier output\n")
        do {
            _ = try importGTD(bytes, options: options, in: folder)
        } catch let error as Diagnostic {
            #expect(folder.contents("out/attacks.csv") == "earlier output\n", "an earlier output survives", sourceLocation: sourceLocation)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("out")) == ["attacks.csv"],
                    "no temporary file and no sources.csv", sourceLocation: sourceLocation)
            return error
        }
        Issue.record("the import should have failed", sourceLocation: sourceLocation)
        return Diagnostic(Support.SourceLocation(file: ""), "")
    }

    @Test func truncatedFileEndsInsideQuotes() throws {
        var file = GTDFileBuilder()
        file.add("200503070001")
        var bytes = file.bytes
        bytes += Array("200503070002,2005,3,7,,0,,167,Russia,9,Eastern Europe,Chechnya,Grozny,,,1,0,\"The summary was cut".utf8)
        let error = try failingImport(bytes)
        #expect(error.message.contains("unterminated quoted field"))
        #expect(error.location.file.hasSuffix("globalterrorismdb_0522dist.csv"))
        #expect(error.location.line == 3)
        #expect(error.location.column == 77, "the opening quote")
    }

    @Test func tabSeparatedFileIsNamed() throws {
        var file = GTDFileBuilder(delimiter: "\t")
        file.add("200503070001")
        let error = try failingImport(file.bytes)
        #expect(error.message.contains("tab-separated"))
        #expect(error.location.line == 1)
        #expect(error.hint?.contains("comma-separated") == true)
    }

    @Test func semicolonSeparatedFileIsNamed() throws {
        var file = GTDFileBuilder(delimiter: ";")
        file.add("200503070001")
        let error = try failingImport(file.bytes)
        #expect(error.message.contains("separated by ';'"))
    }

    @Test func missingRequiredColumnWithDidYouMean() throws {
        var file = GTDFileBuilder(columns: GTDExportColumns.all.map { $0 == "iyear" ? "iyaer" : $0 })
        file.add("200503070001")
        let error = try failingImport(file.bytes)
        #expect(error.message == "missing required column 'iyear' in the header")
        #expect(error.hint == "the header has 'iyaer': did you mean 'iyear'? (a changed header needs a mapping of its own: import events --mapping)")
        #expect(error.location.line == 1)

        let other = try failingImport(Array("id,date,country\natk-1,2004,RUS\n".utf8))
        #expect(other.message.contains("'eventid', 'iyear', 'imonth', 'iday', 'country_txt', 'nkill', 'nwound'"))
        #expect(other.hint?.contains("does not look like a GTD export") == true)
    }

    @Test func missingCarriedColumnIsWrittenBlank() throws {
        var file = GTDFileBuilder(columns: GTDExportColumns.all.filter { $0 != "summary" && $0 != "gname" })
        file.add("200503070001")
        let (result, folder) = try importGTD(file.bytes)
        #expect(result.summary.missingColumns == ["summary", "gname"])
        #expect(outputRows(folder).first?["group_name"].isBlank == true)
    }

    @Test func badNumbersAreCountedReportedAndLeftOut() throws {
        var file = GTDFileBuilder()
        file.add("200503070001")
        file.add("200503070002", killed: "abc")
        file.add("200503070003", killed: "1.5")
        file.add("200503070004", wounded: "-3")
        file.add("200503070005", year: "19x5")
        file.add("200503070006", month: "13")
        file.add("200502300001", month: "2", day: "30")
        file.add("1.97E+11")
        file.add("200503070009", killed: "2.0")
        file.addRaw("200503070010,2005,3")
        file.add("200503070001")
        file.add("200503070012")
        let (result, _) = try importGTD(file.bytes)
        let summary = result.summary
        #expect(summary.rowsRead == 12)
        #expect(summary.rowsWritten == 3)
        #expect(summary.malformedRows == 9)
        #expect(summary.rowsAccounted == 12)
        let lines = summary.problems.map { $0.location.line }
        #expect(lines == [3, 4, 5, 6, 7, 8, 9, 11, 12])
        let messages = summary.problems.map(\.message)
        #expect(messages[0] == "'nkill' must be a number of people or blank (unknown), got 'abc' (row left out)")
        #expect(messages[1].contains("'nkill' is '1.5'; a number of people must be whole"))
        #expect(messages[2].contains("'nwound' is -3"))
        #expect(messages[3].contains("'iyear' must be a year (1900–2100), got '19x5'"))
        #expect(messages[4].contains("'imonth' must be a month 1–12, or 0 for unknown, got '13'"))
        #expect(messages[5].contains("does not exist"))
        #expect(summary.problems[6].hint?.contains("spreadsheet") == true)
        #expect(messages[7].contains("row has 3 fields; the header has 135"))
        #expect(messages[8].contains("eventid 200503070001 appears twice (first on line 2)"))
        #expect(summary.problems.allSatisfy { $0.severity == .warning })
        #expect(summary.problems.allSatisfy { $0.kind == .rowLeftOut })
        #expect(summary.unlistedMalformedRows == nil, "all nine are listed")
        // Columns point at the field: nkill is field 99, after 98 commas and 79 characters of values.
        #expect(summary.problems[0].location.column == 178)
    }

    @Test func strictStopsAtTheFirstMalformedRow() throws {
        var file = GTDFileBuilder()
        file.add("200503070001")
        file.add("200503070002", killed: "abc")
        file.add("200503070003", killed: "1.5")
        var options = GTDImportOptions()
        options.strict = true
        let error = try failingImport(file.bytes, options: options)
        #expect(error.severity == .error)
        #expect(error.location.line == 3)
        #expect(error.message.contains("'abc'"))
        #expect(error.hint?.contains("without --strict") == true)
    }

    @Test func onlyTheFirstFewProblemsAreListed() throws {
        var file = GTDFileBuilder()
        for index in 1...25 { file.add(String(format: "20050307%04d", index), killed: "x") }
        let (result, _) = try importGTD(file.bytes)
        #expect(result.summary.malformedRows == 25)
        #expect(result.summary.problems.count == 10)
        // The note about the rest counts rows by the problems' kind, not by their wording.
        let unlisted = try #require(result.summary.unlistedMalformedRows)
        #expect(unlisted.severity == .warning)
        #expect(unlisted.message == "25 malformed rows in all; only the first 10 are listed")
    }

    @Test func utf16AndEmptyFilesAreRefused() throws {
        let utf16 = try failingImport([0xFF, 0xFE] + Array("e\0v\0".utf8))
        #expect(utf16.message.contains("UTF-16"))
        let empty = try failingImport([])
        #expect(empty.message == "the file is empty")
        let headerOnly = try importGTD(Array((GTDExportColumns.all.joined(separator: ",") + "\n").utf8))
        #expect(headerOnly.result.summary.rowsRead == 0)
    }

    @Test func badSelectionsAreClearErrors() throws {
        var file = GTDFileBuilder()
        file.add("200503070001")
        var options = GTDImportOptions()
        options.countries = GTDCountrySelection(argument: "RUS,CHNA")
        let error = try failingImport(file.bytes, options: options)
        #expect(error.message == "'CHNA' is not a country code listed in countries.csv")
        #expect(error.hint == "did you mean 'CHN'?")
        options.countries = .all
        options.fromYear = 2010
        options.toYear = 2001
        #expect(try failingImport(file.bytes, options: options).message.contains("--from 2010 is after --to 2001"))
    }

    @Test func missingInputAndOutputFolder() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        let importer = GTDImporter(corpus: ShippedCorpus.corpus, options: GTDImportOptions())
        #expect(throws: Diagnostic.self) { try importer.importFile(input: folder.file("none.csv"), output: folder.file("attacks.csv")) }
        #expect(folder.entries().isEmpty)
        let input = try folder.write("gtd.csv", GTDFileBuilder().bytes)
        do {
            _ = try importer.importFile(input: input, output: folder.file("no/such/attacks.csv"))
            Issue.record("should fail")
        } catch {
            #expect(error.message.contains("does not exist"))
        }
        do {
            _ = try importer.importFile(input: input, output: input)
            Issue.record("should fail")
        } catch {
            #expect(error.message.contains("overwrite the input"))
        }
        do {
            _ = try importer.importFile(input: input, output: PackagePaths.datasets + "/attacks.csv")
            Issue.record("should fail")
        } catch {
            #expect(error.message.contains("curated attacks table"))
        }
    }
}
