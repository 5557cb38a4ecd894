import Foundation
import Testing
@testable import Dataset
import EventSynthetic
import Support
import TestSupport

/// Wrong files, changed headers, unknown codes and broken quotes: a clear error or a counted,
/// reported skip, never a silent miscount.
@Suite struct EventBadInputTests {
    func importing(_ mapping: String, _ text: String, filters: [(option: String, values: [String])] = [], strict: Bool = false) throws -> EventImportSummary {
        let folder = try TemporaryFolder(prefix: "scobrief-events-bad")
        let input = try folder.write("export.csv", text)
        var options = EventImportOptions()
        options.filters = filters
        options.strict = strict
        let importer = EventImporter(corpus: ShippedCorpus.corpus, mapping: try BuiltInEventMappings.mapping(named: mapping), options: options,
                                     command: "scobrief import \(mapping)")
        defer { #expect(!folder.exists("attacks.csv") || true) }
        return try importer.importFile(input: input, output: folder.file("attacks.csv")).summary
    }

    func error(_ mapping: String, _ text: String, filters: [(option: String, values: [String])] = [], strict: Bool = false) -> Diagnostic? {
        do {
            _ = try importing(mapping, text, filters: filters, strict: strict)
            return nil
        } catch let diagnostic as Diagnostic {
            return diagnostic
        } catch {
            return nil
        }
    }

    static let acledHeader = ACLEDSyntheticGenerator.columns.joined(separator: ",")
    static let gedHeader = UCDPSyntheticGenerator.columns.joined(separator: ",")

    /// A header of one column names the separator the file has, and a header with none of the
    /// source's columns says so, in the words `import gtd` uses (the mapping's short title).
    @Test func aHeaderOfAnotherShapeSaysWhat() throws {
        let tabs = try #require(error("gtd", "eventid\tiyear\timonth\n1\t2\t3\n"))
        #expect(tabs.message == "the header has no commas but has tabs: the file is tab-separated, not a comma-separated GTD export")
        #expect(tabs.hint?.contains("export the GTD as comma-separated CSV") == true)
        #expect(tabs.location.line == 1 && tabs.location.column == 1)
        let semicolons = try #require(error("acled", "event_id_cnty;event_date\n"))
        #expect(semicolons.message == "the header has no commas but has semicolons: the file is separated by ';', not a comma-separated ACLED export")
        let other = try #require(error("gtd", "name,year,deaths\nx,2001,1\n"))
        #expect(other.message.hasPrefix("missing required columns 'eventid', 'iyear'"))
        #expect(other.hint == "this does not look like a GTD export, whose header has eventid,iyear,imonth,iday,country_txt,nkill")
    }

    @Test func anACLEDFileGivenToUCDPNamesItsSource() throws {
        let sample = String(decoding: EventSample("acled", rows: 5).bytes, as: UTF8.self)
        let problem = try #require(error("ucdp-ged", sample))
        #expect(problem.message.contains("this looks like an ACLED export"))
        #expect(problem.hint?.contains("scobrief import acled") == true)
        let reverse = try #require(error("acled", String(decoding: EventSample("ucdp-ged", rows: 5).bytes, as: UTF8.self)))
        #expect(reverse.message.contains("UCDP GED"))
        #expect(reverse.hint?.contains("scobrief import ucdp-ged") == true)
    }

    @Test func aRenamedColumnGetsADidYouMean() throws {
        let sample = String(decoding: EventSample("acled", rows: 5).bytes, as: UTF8.self)
            .replacingOccurrences(of: "event_id_cnty,", with: "event_id_cty,")
        let problem = try #require(error("acled", sample))
        #expect(problem.message.contains("missing required column 'event_id_cnty'"))
        #expect(problem.hint?.contains("did you mean 'event_id_cnty'") == true)
        #expect(problem.location.line == 1)
    }

    @Test func aMissingColumnIsAnErrorAndAMissingFilterColumnToo() throws {
        let noFatalities = Self.acledHeader.replacingOccurrences(of: ",fatalities", with: "") + "\n"
        let problem = try #require(error("acled", noFatalities))
        #expect(problem.message.contains("'fatalities'"))
        // Optional columns may be missing, but not the column a filter reads.
        let noSubtype = Self.acledHeader.replacingOccurrences(of: ",sub_event_type", with: "") + "\n"
        #expect(try importing("acled", noSubtype).missingColumns.contains("sub_event_type"))
        let filtered = try #require(error("acled", noSubtype, filters: [("sub-event-type", ["Suicide bomb"])]))
        #expect(filtered.message.contains("sub_event_type"))
    }

    @Test func aFilterValueTheSourceNeverUsesIsRefused() throws {
        let problem = try #require(error("acled", Self.acledHeader + "\n", filters: [("sub-event-type", ["Suicide bombs"])]))
        #expect(problem.message.contains("'Suicide bombs' is not a value of sub_event_type"))
        #expect(problem.hint == "did you mean 'Suicide bomb'?")
        let unknown = try #require(error("ucdp-ged", Self.gedHeader + "\n", filters: [("event-type", ["Battles"])]))
        #expect(unknown.hint?.contains("--type-of-violence") == true)
    }

    @Test func unknownCountryCodesAreCountedAndNamed() throws {
        var lines = String(decoding: EventSample("ucdp-ged", rows: 40, unknownRate: 0).bytes, as: UTF8.self)
        lines = lines.replacingOccurrences(of: ",Afghanistan,700,", with: ",Afghanistan,7000,")
        let summary = try importing("ucdp-ged", lines)
        #expect(summary.unknownCodeRows > 0)
        #expect(summary.unknownCodes["7000"] == summary.unknownCodeRows)
        #expect(summary.rowsAccounted == summary.rowsRead)
        #expect(summary.lines.contains { $0.contains("country code not in the code table") && $0.contains("7000") })
    }

    @Test func anUnclosedQuoteLeavesOutItsRecordOnly() throws {
        let good = String(decoding: EventSample("acled", rows: 20).bytes, as: UTF8.self)
        // A note whose closing quote is lost swallows the rows after it.
        var lines = good.components(separatedBy: "\n")
        let index = try #require(lines.indices.first { $0 > 3 && lines[$0].hasPrefix("Reports vary.\"") })
        lines[index] = lines[index].replacingOccurrences(of: "Reports vary.\"", with: "Reports vary.")
        let broken = lines.joined(separator: "\n")
        let summary = try importing("acled", broken)
        #expect(summary.malformedRows == 1)
        #expect(summary.rowsRead == 20)
        #expect(summary.rowsAccounted == summary.rowsRead)
        let reported = try #require(summary.problems.first?.diagnostic)
        #expect(reported.location.line != nil && reported.location.column != nil)
        // --strict stops at it, saying what the quote does.
        let problem = try #require(error("acled", broken, strict: true))
        #expect(problem.location.line != nil)
        #expect(problem.hint?.contains("unclosed quote") == true)
    }

    @Test func malformedRowsAreCountedWithTheirLines() throws {
        var text = Self.acledHeader + "\n"
        text += "KAZ1,2019-02-30,2019,1,Political violence,Battles,Armed clash,,,,,,,,,398,x,Kazakhstan,,,,Almaty,,,1,,,,2,,1\n"
        text += "KAZ2,2019-02-03,2019,1,Political violence,Battles,Armed clash,,,,,,,,,398,x,Kazakhstan,,,,Almaty,,,1,,,,-2,,1\n"
        text += "KAZ3,2019-02-03,2019,7,Political violence,Battles,Armed clash,,,,,,,,,398,x,Kazakhstan,,,,Almaty,,,1,,,,2,,1\n"
        text += "KAZ4,2019-02-03,2019,1,Political violence,Battles,Armed clash,,,,,,,,,398,x,Kazakhstan,,,,Almaty,,,1,,,,2,,1\n"
        text += "KAZ4,2019-02-04,2019,1,Political violence,Battles,Armed clash,,,,,,,,,398,x,Kazakhstan,,,,Almaty,,,1,,,,2,,1\n"
        let summary = try importing("acled", text)
        #expect(summary.rowsWritten == 1)
        #expect(summary.malformedRows == 4)
        #expect(summary.problems.map(\.location.line) == [2, 3, 4, 6])
        #expect(summary.problems[0].message.contains("'2019-02-30' is not a date"))
        #expect(summary.problems[2].message.contains("precision code"))
        #expect(summary.problems[3].message.contains("appears twice"))
    }
}

/// The byte-level coordinate check agrees with reading the number.
@Suite struct CoordinateCheckTests {
    @Test(arguments: [("34.5", true), ("-90", true), ("90.0", true), ("90.0001", false), ("-180.000", true), ("180.5", false),
                      ("1e3", false), ("", false), ("-", false), ("12.", false), (".5", false), ("1234", false), ("45.1230", true), ("+3.2", true)])
    func coordinates(text: String, expected: Bool) {
        let bytes = Array(text.utf8)
        let limit = text.contains("180") ? 180 : 90
        let result = bytes.isEmpty ? false : bytes.withUnsafeBufferPointer { EventImportPass.isCoordinate($0, limit: limit) }
        #expect(result == expected, "\(text)")
    }
}
