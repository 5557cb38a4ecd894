import Foundation
import Support
import Testing
@testable import Dataset

/// The tidy table model: type inference, the Frictionless schema sidecar, missing values, constraint errors.
@Suite struct TidyTableTests {
    /// A reader whose country list is fixed, so tests do not depend on the shipped corpus.
    let reader = TidyTableReader(countryCodes: { ["KAZ", "CHN", "RUS", "KGZ"] })

    @Test func infersIntegerBeforeNumberBeforeDateBeforeBooleanBeforeString() throws {
        let csv = """
        year,value,share,month,flag,region,code
        2001,3,0.5,2001-01,true,Central Asia,KAZ
        2002,,1e-3,2001-02,FALSE,South Asia,CHN
        2003,4,2,2002,True,East Asia,RUS

        """
        let table = try reader.read(csv: csv, file: "my.csv")
        #expect(table.columns.map(\.type) == [.integer, .integer, .number, .date(.month), .boolean, .string, .string])
        #expect(table.rowCount == 3)
        #expect(table.rowLines == [2, 3, 4])
        #expect(try table.column(named: "value").cells == [.integer(3), nil, .integer(4)])
        #expect(try table.column(named: "share").cells == [.number(0.5), .number(0.001), .number(2)])
        #expect(try table.column(named: "month").cells[2] == .date(try PartialDate(parsing: "2002")))
        #expect(try table.column(named: "flag").cells == [.boolean(true), .boolean(false), .boolean(true)])
        // Three capital letters stay text unless a schema declares them countries.
        #expect(try table.column(named: "code").cells.first == .string("KAZ"))
    }

    @Test func aColumnWithOneNonNumberIsText() throws {
        let table = try reader.read(csv: "a,b\n1,x\n2,3\n", file: "t.csv")
        #expect(table.columns.map(\.type) == [.integer, .string])
        // A column with every cell missing has no evidence of a type: text.
        let empty = try reader.read(csv: "a,b\n1,\n2,\n", file: "t.csv")
        #expect(empty.columns[1].type == .string)
        #expect(empty.columns[1].cells == [nil, nil])
    }

    @Test func missingStaysMissingNeverZero() throws {
        let schema = try TidySchema(text: """
        missingValues: ["", "NA"]
        fields:
          - {name: year, type: integer}
          - {name: value, type: number, missingValues: ["-", "n/a"]}
        """, file: "my.schema.yaml")
        let table = try reader.read(csv: "year,value\n2001,-\n2002,n/a\nNA,4.5\n", file: "my.csv", schema: schema)
        #expect(try table.column(named: "value").cells == [nil, nil, .number(4.5)])
        #expect(try table.column(named: "year").cells == [.integer(2001), .integer(2002), nil])
        #expect(try table.column(named: "value").missingValues == ["-", "n/a"])
        // "NA" is missing only where declared: in value it is a wrong cell.
        #expect(throws: DiagnosticList.self) { try reader.read(csv: "year,value\n2001,NA\n", file: "my.csv", schema: schema) }
    }

    @Test func schemaGivesTypesTitlesUnitsSourceAndCoverage() throws {
        let schema = try TidySchema(text: """
        {
          "title": "Regional values",
          "source": "National statistics offices, 2024 release",
          "coverage": {"scope": "Five regions", "from": "2001", "to": "2024"},
          "fields": [
            {"name": "year", "type": "year", "title": "Year"},
            {"name": "region", "type": "string", "title": "Region", "description": "UN M49 region"},
            {"name": "value", "type": "number", "title": "Spending", "unit": "USD m"},
            {"name": "country", "type": "country"}
          ]
        }
        """, file: "my.schema.json")
        let table = try reader.read(csv: "year,region,value,country\n2001,Asia,1.5,KAZ\n2002,Asia,,CHN\n", file: "my.csv", schema: schema)
        #expect(table.title == "Regional values")
        #expect(table.source == "National statistics offices, 2024 release")
        #expect(table.coverage == TidyCoverage(scope: "Five regions", from: try PartialDate(parsing: "2001"), to: try PartialDate(parsing: "2024")))
        let year = try table.column(named: "year")
        #expect(year.type == .date(.year) && year.declared)
        #expect(year.cells == [.date(try PartialDate(parsing: "2001")), .date(try PartialDate(parsing: "2002"))])
        #expect(try table.column(named: "value").displayTitle == "Spending (USD m)")
        #expect(try table.column(named: "region").description == "UN M49 region")
        #expect(try table.column(named: "country").cells == [.country("KAZ"), .country("CHN")])
    }

    @Test func sidecarSchemaIsFoundBesideTheCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tidy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("my.csv").path
        try "year,value\n2001,3\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try TidySchema.sidecar(for: csv) == nil)
        #expect(try reader.read(path: csv).columns[1].title == nil)
        try "fields:\n  - {name: year, type: integer}\n  - {name: value, type: number, title: Value}\n"
            .write(toFile: folder.appendingPathComponent("my.schema.yaml").path, atomically: true, encoding: .utf8)
        let table = try reader.read(path: csv)
        #expect(table.name == "my")
        #expect(table.columns[1].type == .number && table.columns[1].title == "Value")
        // Two sidecars: either could be meant, so neither is guessed.
        try "{\"fields\": []}".write(toFile: folder.appendingPathComponent("my.schema.json").path, atomically: true, encoding: .utf8)
        #expect(throws: Diagnostic.self) { try TidySchema.sidecar(for: csv) }
    }

    @Test func wrongCellsAreReportedAtTheirLineAndColumn() throws {
        let schema = try TidySchema(text: """
        fields:
          - name: year
            type: integer
            constraints: {required: true, minimum: 2000, maximum: 2030}
          - name: region
            constraints: {enum: [Asia, Europe]}
          - {name: value, type: number}
          - {name: code, type: country}
        """, file: "my.schema.yaml")
        let csv = "year,region,value,code\n1999,Asia,1,KAZ\n,Eurpoe,x,RUX\n2031,Asia,2,KGZ\n"
        let error = try #require(throws: DiagnosticList.self) { try reader.read(csv: csv, file: "my.csv", schema: schema) }
        let lines = error.diagnostics.map(\.description)
        #expect(lines == [
            "my.csv:2:1: error: 1999 in column 'year' is below the minimum 2000 (at my.schema.yaml:2:5) (hint: correct the cell, or the minimum if the value is genuine)",
            "my.csv:3:1: error: column 'year' is required but this row's cell is missing (hint: fill it in, or drop required: true at my.schema.yaml:2:5)",
            "my.csv:4:1: error: 2031 in column 'year' is above the maximum 2030 (at my.schema.yaml:2:5) (hint: correct the cell, or the maximum if the value is genuine)",
            "my.csv:3:2: error: 'Eurpoe' in column 'region' is not one of the allowed values Asia, Europe (enum at my.schema.yaml:5:5) (hint: did you mean 'Europe'?)",
            "my.csv:3:9: error: 'x' in column 'value' is not a number, e.g. 3.5 (declared number at my.schema.yaml:7:5) (hint: leave the cell empty if the value is unknown)",
            "my.csv:3:11: error: 'RUX' in column 'code' is not a country code of countries.csv (hint: did you mean 'RUS'?)",
        ])
    }

    @Test func schemaAndHeaderMustNameTheSameColumns() throws {
        let schema = try TidySchema(text: "fields:\n  - {name: year}\n  - {name: regoin}\n", file: "s.yaml")
        let error = try #require(throws: DiagnosticList.self) { try reader.read(csv: "year,region\n2001,Asia\n", file: "my.csv", schema: schema) }
        #expect(error.diagnostics.map(\.description) == [
            "s.yaml:3:5: error: the schema's field 'regoin' is not a column of my.csv; its columns are year, region (hint: did you mean 'region'?)",
            "my.csv:1:6: error: column 'region' is not described in the schema s.yaml (hint: add a field with name: region (a type may be left out to infer it))",
        ])
    }

    @Test func schemaErrorsPointIntoTheSchema() throws {
        let error = try #require(throws: Diagnostic.self) {
            try TidySchema(text: "fields:\n  - {name: year, type: intger}\n", file: "s.yaml")
        }
        #expect(error.description.hasPrefix("s.yaml:2:24: error: fields[0].type: 'intger' is not allowed here"))
        #expect(error.hint == "did you mean 'integer'?")
        let unknownKey = try #require(throws: Diagnostic.self) { try TidySchema(text: "{\"feilds\": []}", file: "s.json") }
        #expect(unknownKey.hint?.hasPrefix("did you mean 'fields'?") == true)
    }

    @Test func columnLookupListsColumnsAndSuggests() throws {
        let table = try reader.read(csv: "year,region,value\n2001,Asia,1\n", file: "my.csv")
        let error = try #require(throws: Diagnostic.self) { try table.column(named: "regoin", for: "--color") }
        #expect(error.description == "my.csv: error: no column 'regoin' (--color); the columns are year, region, value (hint: did you mean 'region'?)")
    }

    @Test func malformedTablesAreRefused() throws {
        let short = try #require(throws: Diagnostic.self) { try reader.read(csv: "a,b\n1\n", file: "t.csv") }
        #expect(short.description.hasPrefix("t.csv:2:2: error: this row has 1 fields but the header has 2"))
        let twice = try #require(throws: Diagnostic.self) { try reader.read(csv: "a,a\n1,2\n", file: "t.csv") }
        #expect(twice.description.hasPrefix("t.csv:1:3: error: column name 'a' appears twice"))
        #expect(throws: Diagnostic.self) { try reader.read(csv: "a,b\n", file: "t.csv") }
        #expect(throws: Diagnostic.self) { try reader.read(csv: "", file: "t.csv") }
    }

    @Test func timeValuesAreYearsAndFractionsOfYears() throws {
        #expect(TidyValue.integer(2001).timeValue == 2001)
        #expect(TidyValue.date(try PartialDate(parsing: "2001")).timeValue == 2001)
        // July 1st is day 181 of 365 in 2001.
        #expect(TidyValue.date(try PartialDate(parsing: "2001-07")).timeValue == 2001 + 181.0 / 365)
        #expect(TidyValue.date(try PartialDate(parsing: "2004-03-01")).timeValue == 2004 + 60.0 / 366)
        #expect(TidyValue.string("2001").timeValue == nil && TidyValue.boolean(true).timeValue == nil)
    }
}
