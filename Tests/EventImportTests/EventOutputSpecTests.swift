import Foundation
import Support
import Testing
@testable import Dataset
import TestSupport

/// A mapping's `output:` (the columns written, the description's wording) and `source:` (the
/// source row's title, notes, coverage note and the release date in the file name): with them the
/// built-in `gtd` mapping writes the table and source row `import gtd` writes, byte for byte.
@Suite struct EventOutputSpecTests {
    @Test func theBuiltInGTDMappingWritesImportGTDsTableAndSourceRow() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd-output")
        for sub in ["gtd", "events"] { try FileManager.default.createDirectory(atPath: folder.file(sub), withIntermediateDirectories: true) }
        // START's file name carries the release month (0522: May 2022), which the source row's date takes.
        let input = folder.file("globalterrorismdb_0522dist.csv")
        try PeriodsSpecTests.runTool("gen-gtd", ["-o", input, "--rows", "3000", "--seed", "23"])
        let selection = ["--countries", "sco-members", "--from", "1995", "--to", "2015"]
        let gtd = try CLI.run(["import", "gtd", input, "-o", folder.file("gtd/attacks.csv")] + selection)
        #expect(gtd.status == 0, "\(gtd.stderr)")
        let events = try CLI.run(["import", "events", input, "--mapping", "gtd", "-o", folder.file("events/attacks.csv")] + selection)
        #expect(events.status == 0, "\(events.stderr)")

        let expected = try #require(FileManager.default.contents(atPath: folder.file("gtd/attacks.csv")))
        let actual = try #require(FileManager.default.contents(atPath: folder.file("events/attacks.csv")))
        #expect(actual == expected, "the table, byte for byte")
        let text = String(decoding: actual, as: UTF8.self)
        #expect(text.contains("(target: "), "descriptions worded as import gtd words them")
        #expect(text.hasPrefix(GTDImporter.outputColumns.joined(separator: ",") + "\n"))

        let gtdSource = try CSVReader(path: folder.file("gtd/sources.csv")).readAll()
        let eventSource = try CSVReader(path: folder.file("events/sources.csv")).readAll()
        #expect(gtdSource.count == 2 && eventSource.count == 2)
        #expect(eventSource[0].fields == gtdSource[0].fields)
        let columns = gtdSource[0].fields
        let date = try #require(columns.firstIndex(of: "date"))
        #expect(gtdSource[1].fields[date] == "2022-05")
        let notes = try #require(columns.firstIndex(of: "notes"))
        for (index, column) in columns.enumerated() where index != notes {
            #expect(eventSource[1].fields[index] == gtdSource[1].fields[index], "\(column)")
        }
        // The notes name the command that ran, and only that differs.
        #expect(eventSource[1].fields[notes].replacingOccurrences(of: "`scobrief import events`", with: "`scobrief import gtd`")
                == gtdSource[1].fields[notes])
        #expect(gtdSource[1].fields[notes].contains("The date is the release code (MMYY) in the file name."))
    }

    @Test func theGTDMappingsColumnsAreImportGTDs() throws {
        let mapping = try BuiltInEventMappings.mapping(named: "gtd")
        #expect(EventImporter.outputColumns(for: mapping) == GTDImporter.outputColumns)
        #expect(mapping.output.unrecorded == "Incident of unrecorded type")
        #expect(EventImporter.outputColumns(for: try BuiltInEventMappings.mapping(named: "acled")).starts(with: EventImporter.outputColumns.dropLast()))
    }

    static let base = """
    name: own
    title: Own register
    fields:
      record_id: id
      date: day
      country: {column: iso, codes: iso3166-alpha3}
      killed: dead
      event_type: kind
      event_subtype: target
    """

    static func error(_ yaml: String) -> Diagnostic? {
        do {
            _ = try EventMapping(yaml: yaml, file: "own.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func mistakesInOutputAndSourceAreLocated() throws {
        let typo = try #require(Self.error(Self.base + "\noutput: {columns: [id, date, country, kiled, source_id]}\n"))
        #expect(typo.message == "output.columns[3]: 'kiled' is not an attacks column an import writes")
        #expect(typo.hint == "did you mean 'killed'?")
        #expect(typo.location.line == 10)
        let order = try #require(Self.error(Self.base + "\noutput: {columns: [id, country, date, source_id]}\n"))
        #expect(order.message == "output.columns[2]: 'date' is out of the catalog's order (or given twice)")
        let missing = try #require(Self.error(Self.base + "\noutput: {columns: [id, date, country]}\n"))
        #expect(missing.message == "output.columns: the columns lack 'source_id'")
        let subtype = try #require(Self.error(Self.base + "\noutput: {description: {subtype: \" on \"}}\n"))
        #expect(subtype.message == "output.description.subtype: the sub-type's wording needs one '{}' where the sub-type goes")
        let pattern = try #require(Self.error(Self.base + "\nsource: {release_date_in_file_name: dist}\n"))
        #expect(pattern.message == "source.release_date_in_file_name: the pattern needs MM and YY (or YYYY) where the file name has the month and year")
    }

    @Test func theDescriptionAndColumnsFollowTheMapping() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-output-spec")
        let input = try folder.write("own.csv", """
        id,day,iso,dead,kind,target
        a1,2016-06-05,KGZ,2,Bombing,Police
        a2,2016-06-06,KAZ,,,

        """)
        let yaml = Self.base + """

        output:
          columns: [id, date, country, killed, description, source_id, stands_for, record_id]
          description: {unrecorded: Unknown kind, subtype: " against {}"}
        source:
          title: "{title} from {file}"
          notes: "{written} of {read} rows, {selection}; {release_date_note}read in {encoding}"
          release_date_in_file_name: vYYYY-MM

        """
        let mapping = try EventMapping(yaml: yaml, file: "own.yaml")
        var options = EventImportOptions()
        options.sourceID = "own"
        let importer = EventImporter(corpus: ShippedCorpus.corpus, mapping: mapping, options: options, command: "scobrief import events")
        let result = try importer.importFile(input: input, output: folder.file("attacks.csv"))
        #expect(result.summary.rowsWritten == 2)
        #expect(folder.contents("attacks.csv") == """
        id,date,country,killed,description,source_id,stands_for,record_id
        own-a1,2016-06-05,KGZ,2,Bombing against Police,own,,a1
        own-a2,2016-06-06,KAZ,,Unknown kind,own,,a2

        """)
        let row = importer.sourceRow(summary: result.summary, input: "/data/register-v2024-03.csv", sourceID: "own")
        #expect(row["title"] == "Own register from register-v2024-03.csv")
        #expect(row["date"] == "2024-03")
        #expect(row["notes"] == "2 of 2 rows, every event; The date is the release code (YYYY-MM) in the file name. read in UTF-8")
        #expect(importer.sourceRow(summary: result.summary, input: "own.csv", sourceID: "own")["date"] == "")
    }

    @Test func templatesAndReleaseDates() {
        #expect(EventImporter.filled("{file} ({scope}) {unknown}", ["file": "a{scope}.csv", "scope": "all"]) == "a{scope}.csv (all) {unknown}")
        #expect(EventImporter.releaseDate(in: "globalterrorismdb_0718dist.csv", pattern: "MMYYdist")?.description == "2018-07")
        #expect(EventImporter.releaseDate(in: "GLOBALTERRORISMDB_0522DIST.CSV", pattern: "MMYYdist")?.description == "2022-05")
        #expect(EventImporter.releaseDate(in: "globalterrorismdb_1322dist.csv", pattern: "MMYYdist") == nil, "no month 13")
        #expect(EventImporter.releaseDate(in: "My GTD copy (v2).csv", pattern: "MMYYdist") == nil)
    }
}
