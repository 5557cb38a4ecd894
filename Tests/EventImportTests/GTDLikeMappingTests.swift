import Foundation
import Support
import Testing
@testable import Dataset
import TestSupport

/// A mapping a user writes for a GTD-like export, with the GTD's conventions: the date in parts
/// (iyear, imonth, iday, 0 for unknown), the approximate date as the source words it, country
/// names, "Unknown" places passed over and -9/-99 counts as unknown. `import events --mapping`
/// with it counts every year × country cell as `import gtd` does, and writes the same dates,
/// countries, places and casualties.
@Suite struct GTDLikeMappingTests {
    static let mapping = """
    name: gtd-own
    title: Global Terrorism Database (own mapping)
    publisher: START, University of Maryland
    licence: by request; the raw data may not be republished
    record_prefix: gtd
    signature: [eventid, iyear, imonth, iday, country_txt, nkill]
    fields:
      record_id: eventid
      year: iyear
      month: imonth
      day: iday
      date_approx: approxdate
      country: {column: country_txt, codes: gtd-names}
      place: {columns: [city, provstate], unknown: [Unknown]}
      killed: {column: nkill, unknown: ["-9", "-99"]}
      wounded: {column: nwound, unknown: ["-9", "-99"]}
      event_type: attacktype1_txt
      event_subtype: targtype1_txt
      provstate: provstate
      city: city
      latitude: latitude
      longitude: longitude
      summary: summary
      attack_type: attacktype1_txt
      target_type: targtype1_txt
      group_name: gname
      success: success
      suicide: suicide
      doubt_terrorism: {column: doubtterr, unknown: ["-9"]}
      country_gtd: country_txt
    coverage:
      note: The GTD has no 1993 records.
      collection_breaks: {"1998": CETIS, "2008": ISVG, "2011-11": START}
    """

    /// Rows of a CSV file by the value of `key`.
    static func rows(_ path: String, key: String) throws -> [String: [String: String]] {
        let records = try CSVReader(path: path).readAll()
        let header = records[0].fields
        var rows: [String: [String: String]] = [:]
        for record in records.dropFirst() {
            let row = Dictionary(uniqueKeysWithValues: zip(header, record.fields))
            rows[row[key]!] = row
        }
        return rows
    }

    /// A user's own mapping file, and the built-in `gtd` mapping `import gtd` runs.
    @Test(arguments: ["own mapping file", "built-in gtd"])
    func aGTDLikeMappingCountsAndWritesAsImportGTD(_ mapping: String) throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd-like")
        for sub in ["gtd", "own"] { try FileManager.default.createDirectory(atPath: folder.file(sub), withIntermediateDirectories: true) }
        try PeriodsSpecTests.runTool("gen-gtd", ["-o", folder.file("gtd.csv"), "--rows", "4000", "--seed", "17"])
        try Self.mapping.write(toFile: folder.file("gtd-own.yaml"), atomically: true, encoding: .utf8)
        let summaryOptions = ["--summary-by", "year,country", "--format", "csv"]
        let gtd = try CLI.run(["import", "gtd", folder.file("gtd.csv"), "-o", folder.file("gtd/attacks.csv")] + summaryOptions)
        #expect(gtd.status == 0, "\(gtd.stderr)")
        let mappingArgument = mapping == "built-in gtd" ? "gtd" : folder.file("gtd-own.yaml")
        let own = try CLI.run(["import", "events", folder.file("gtd.csv"), "--mapping", mappingArgument, "-o", folder.file("own/attacks.csv")]
                              + summaryOptions)
        #expect(own.status == 0, "\(own.stderr)")
        let cells = { (text: String) in text.split(separator: "\n").filter { $0.first?.isNumber == true } }
        #expect(!cells(gtd.stdout).isEmpty)
        #expect(cells(own.stdout) == cells(gtd.stdout), "every year × country cell: events, killed, wounded and the unknowns")
        #expect(own.stderr.contains("malformed rows (left out)                            0"), "\(own.stderr)")

        // The columns the mapping fills, in the catalog's order: the event columns and the GTD's own.
        let written = try CSVReader(path: folder.file("own/attacks.csv")).readAll()[0].fields
        let catalogOrder = ShippedCorpus.corpus.catalog.table(named: "attacks")!.columnNames
        #expect(written == catalogOrder.filter(Set(written).contains))
        // The built-in mapping writes the GTD's own table (its output columns); a user's mapping
        // without `output:` writes the event columns.
        let builtIn = mapping == "built-in gtd"
        if builtIn {
            #expect(written == GTDImporter.outputColumns)
        } else {
            #expect(Set(catalogOrder).subtracting(written) == ["stands_for", "gtd_eventid"])
        }
        let expected = try Self.rows(folder.file("gtd/attacks.csv"), key: "id")
        let actual = try Self.rows(folder.file("own/attacks.csv"), key: "id")
        #expect(actual.count == expected.count)
        #expect(expected.values.contains { $0["date"]!.count == 4 } && expected.values.contains { $0["date"]!.count == 7 }, "dates of year and month precision")
        #expect(expected.values.contains { !$0["date_approx"]!.isEmpty })
        for (id, row) in expected {
            let mine = try #require(actual[id], "\(id)")
            for column in ["date", "country", "place", "killed", "wounded", "date_approx", "provstate", "city", "latitude", "longitude", "summary",
                           "attack_type", "target_type", "group_name", "success", "suicide", "doubt_terrorism", "country_gtd"] {
                #expect(mine[column] == row[column], "\(id) \(column): \(mine[column] ?? "none") against \(row[column] ?? "none")")
            }
            #expect(mine[builtIn ? "gtd_eventid" : "record_id"] == row["gtd_eventid"])
        }
    }

    /// With an encoding chosen (as import gtd takes --encoding), a Windows-1252 export is detected
    /// at its first field that is not UTF-8 and decoded, giving import gtd's text and note.
    @Test func aWindows1252ExportIsDetectedAndDecodedAsImportGTDDoes() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd-like-1252")
        try FileManager.default.createDirectory(atPath: folder.file("gtd"), withIntermediateDirectories: true)
        try PeriodsSpecTests.runTool("gen-gtd", ["-o", folder.file("gtd.csv"), "--rows", "3000", "--seed", "5", "--encoding", "windows-1252"])
        let gtd = try CLI.run(["import", "gtd", folder.file("gtd.csv"), "-o", folder.file("gtd/attacks.csv")])
        #expect(gtd.status == 0, "\(gtd.stderr)")
        var options = EventImportOptions()
        options.encoding = .auto
        let importer = EventImporter(corpus: ShippedCorpus.corpus, mapping: try EventMapping(yaml: Self.mapping, file: "gtd-own.yaml"),
                                     options: options, command: "scobrief import events")
        let result = try importer.importFile(input: folder.file("gtd.csv"), output: folder.file("own.csv"))
        #expect(result.summary.encoding == .windows1252)
        let note = try #require(result.summary.encodingNote)
        #expect(note.hasPrefix("detected: '"))
        #expect(gtd.stderr.contains("Windows-1252; \(note)"), "\(gtd.stderr)")
        #expect(result.summary.lines.first?.contains("Windows-1252; \(note)") == true, "\(result.summary.lines)")
        let expected = try Self.rows(folder.file("gtd/attacks.csv"), key: "id")
        let actual = try Self.rows(folder.file("own.csv"), key: "id")
        #expect(actual.count == expected.count)
        #expect(expected.values.contains { !$0["summary"]!.unicodeScalars.allSatisfy(\.isASCII) }, "some text to decode")
        for (id, row) in expected {
            let mine = try #require(actual[id], "\(id)")
            for column in ["place", "provstate", "city", "summary", "attack_type", "target_type", "group_name", "country_gtd"] {
                #expect(mine[column] == row[column], "\(id) \(column): \(mine[column] ?? "none") against \(row[column] ?? "none")")
            }
        }
    }

    /// Valid UTF-8 text before the first field that is not: the whole file is read again in
    /// Windows-1252 and the note says which line to check; with UTF-8 asked for, it is an error at
    /// the byte. Without an encoding (UCDP, ACLED), such a row is malformed, as before.
    @Test func mixedEncodingsRestartOrStop() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd-like-mixed")
        var bytes = Array("eventid,iyear,imonth,iday,country_txt,city,nkill,nwound\n200501010001,2005,1,1,Russia,Caf\u{E9},1,0\n".utf8)
        bytes += Array("200501010002,2005,1,2,Russia,Caf".utf8) + [0xE9] + Array(",2,0\n".utf8)
        let input = try folder.write("mixed.csv", bytes)
        let mapping = try EventMapping(yaml: Self.mapping, file: "gtd-own.yaml")
        func run(_ encoding: GTDEncodingChoice?) throws -> EventImportResult {
            var options = EventImportOptions()
            options.encoding = encoding
            return try EventImporter(corpus: ShippedCorpus.corpus, mapping: mapping, options: options, command: "scobrief import events")
                .importFile(input: input, output: folder.file("out.csv"))
        }
        let auto = try run(.auto)
        #expect(auto.summary.encoding == .windows1252)
        #expect(auto.summary.encodingNote == "read as Windows-1252 because 'city' on line 3 is not valid UTF-8 (byte 0xE9); line 2 held text that was valid UTF-8, so check its text in the output")
        let rows = try Self.rows(folder.file("out.csv"), key: "record_id")
        #expect(rows["200501010001"]?["city"] == "Caf\u{C3}\u{A9}", "the whole file is Windows-1252 on the second pass")
        #expect(rows["200501010002"]?["city"] == "Caf\u{E9}")
        #expect(throws: Diagnostic.self) { try run(.utf8) }
        do {
            _ = try run(.utf8)
        } catch let error as Diagnostic {
            #expect(error.message == "'city' is not valid UTF-8 (byte 0xE9)")
            #expect(error.location.line == 3 && error.location.column == 33, "\(error.location)")
            // import events reads strict UTF-8 without --encoding: leaving it out would not detect it.
            #expect(error.hint == "the file looks like Windows-1252: use --encoding windows-1252, or --encoding auto to detect it")
        }
        let plain = try run(nil)
        #expect(plain.summary.encoding == nil)
        #expect(plain.summary.malformedRows == 1 && plain.summary.rowsWritten == 1)
    }

    @Test func unknownCountsAndPlacesFromTheirValues() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd-like")
        let header = "eventid,iyear,imonth,iday,approxdate,country_txt,provstate,city,nkill,nwound,attacktype1_txt,targtype1_txt"
        let input = try folder.write("own.csv", """
        \(header)
        200503070001,2005,3,7,,Russia,Chechnya,Unknown,-99,2,Bombing/Explosion,Police
        200503000001,2005,3,0,"March 2005",Kazakhstan,UNKNOWN,,1,-9,,
        200500000001,2005,0,0,,Soviet Union,,Moscow,,,Armed Assault,
        200502300001,2005,2,30,,Russia,,,1,1,,
        200513000001,2005,13,1,,Russia,,,1,1,,

        """)
        let mapping = try EventMapping(yaml: Self.mapping, file: "gtd-own.yaml")
        let importer = EventImporter(corpus: ShippedCorpus.corpus, mapping: mapping, options: EventImportOptions(), command: "scobrief import events")
        let result = try importer.importFile(input: input, output: folder.file("attacks.csv"))
        #expect(result.summary.rowsWritten == 3)
        #expect(result.summary.malformedRows == 2)
        let messages = result.summary.problems.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.first?.hasPrefix("the date 2005-2-30 does not exist") == true, "\(messages)")
        #expect(messages.last == "'imonth' must be a month 1–12, or 0 for unknown, got '13' (row left out)")
        #expect(result.summary.problems.map(\.location.line) == [5, 6])
        let rows = try Self.rows(folder.file("attacks.csv"), key: "record_id")
        #expect(rows["200503070001"]?["place"] == "Chechnya", "an Unknown city gives way to the province")
        #expect(rows["200503070001"]?["killed"] == "", "-99 is unknown, never a count")
        #expect(rows["200503000001"]?["place"] == "", "an UNKNOWN province is no place either")
        #expect(rows["200503000001"]?["wounded"] == "")
        #expect(rows["200503000001"]?["date"] == "2005-03")
        #expect(rows["200503000001"]?["date_approx"] == "March 2005")
        #expect(rows["200500000001"]?["date"] == "2005")
        #expect(rows["200500000001"]?["country"] == "SUHH", "a former state keeps its own code")
        #expect(result.summary.overall.killedUnknown == 2 && result.summary.overall.woundedUnknown == 2)
    }

    @Test func aDateInPartsIsCheckedInTheMapping() throws {
        let noYear = Self.mapping.replacingOccurrences(of: "  year: iyear\n", with: "")
        #expect {
            _ = try EventMapping(yaml: noYear, file: "gtd-own.yaml")
        } throws: { error in
            (error as? Diagnostic)?.message.hasSuffix("'month' is given without 'year'") == true
        }
        let twoDates = Self.mapping.replacingOccurrences(of: "  year: iyear\n", with: "  year: iyear\n  date: when\n")
        #expect {
            _ = try EventMapping(yaml: twoDates, file: "gtd-own.yaml")
        } throws: { error in
            (error as? Diagnostic)?.message.hasSuffix("both 'date' and 'year' are given") == true
        }
        let unknownOnCountry = Self.mapping.replacingOccurrences(of: "codes: gtd-names}", with: "codes: gtd-names, unknown: [Unknown]}")
        #expect {
            _ = try EventMapping(yaml: unknownOnCountry, file: "gtd-own.yaml")
        } throws: { error in
            (error as? Diagnostic)?.message.contains("'unknown' applies to counts and text columns") == true
        }
    }
}
