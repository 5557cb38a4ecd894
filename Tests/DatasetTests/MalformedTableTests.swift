import Foundation
import Testing
@testable import Dataset
import TestSupport
import Support

/// A user's folder holding one attacks.csv, validated against the shipped catalog and corpus.
private func validateAttacks(_ body: String, rawPrefix: [UInt8] = [], lineEnd: String = "\n") throws -> [Diagnostic] {
    let catalog = try Catalog.load(path: PackagePaths.catalog)
    let (shipped, _) = Corpus.load(directory: PackagePaths.datasets, catalog: catalog)
    let folder = try TemporaryFolder()
    let header = "id,date,country,place,killed,killed_qualifier,wounded,wounded_qualifier,description,source_id,quote,notes"
    let text = ([header] + body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        .joined(separator: lineEnd)
    try folder.write("attacks.csv", rawPrefix + Array(text.utf8))
    let (_, diagnostics) = Corpus.load(directory: folder.path, catalog: catalog, fallback: shipped, requireAllTables: false)
    return diagnostics
}

private let goodRow = "atk-x,2004-09,RUS,Beslan,300,,,,attack,zhao-2012-isdp-asia-paper,\"Beslan, Russia: 300 dead\","

@Suite struct MalformedTableTests {
    @Test func aValidRowPasses() throws {
        #expect(try validateAttacks(goodRow + "\n").isEmpty)
    }

    @Test func byteOrderMarkAndCRLFAreValid() throws {
        #expect(try validateAttacks(goodRow + "\n", rawPrefix: [0xEF, 0xBB, 0xBF], lineEnd: "\r\n").isEmpty)
    }

    @Test func unterminatedQuote() throws {
        let problems = try validateAttacks("atk-x,2004-09,RUS,\"Beslan,300,,,,attack,zhao-2012-isdp-asia-paper,q,\n")
        #expect(problems.count == 1)
        #expect(problems[0].message.contains("unterminated quoted field"))
        #expect(problems[0].location.line == 2)
        #expect(problems[0].location.column == 19)
    }

    @Test func wrongColumnCount() throws {
        let problems = try validateAttacks("atk-x,2004-09,RUS,Moscow, Russia,300,,,,attack,zhao-2012-isdp-asia-paper,q,\n")
        #expect(problems.count == 1)
        #expect(problems[0].message == "row has 13 fields; the header has 12")
        #expect(problems[0].hint?.contains("must be quoted") == true)
    }

    @Test func badDate() throws {
        let problems = try validateAttacks(goodRow.replacingOccurrences(of: "2004-09", with: "09/2004") + "\n")
        #expect(problems.count == 1)
        #expect(problems[0].location == SourceLocation(file: problems[0].location.file, line: 2, column: 7))
        #expect(problems[0].message.contains("'date' is not a valid date: '09/2004'"))
        #expect(problems[0].hint?.contains("YYYY-MM-DD") == true)
    }

    @Test func impossibleDayOfMonth() throws {
        let problems = try validateAttacks(goodRow.replacingOccurrences(of: "2004-09", with: "2004-09-31") + "\n")
        #expect(problems.first?.message.contains("day 31 does not exist in September 2004") == true)
    }

    @Test func unknownCountry() throws {
        let problems = try validateAttacks(goodRow.replacingOccurrences(of: ",RUS,", with: ",RUX,") + "\n")
        #expect(problems.count == 1)
        #expect(problems[0].message == "'RUX' is not a country code listed in countries.csv")
        #expect(problems[0].hint == "did you mean 'RUS'?")
        #expect(problems[0].location.line == 2 && problems[0].location.column == 15)
    }

    @Test func twoLetterCountryCodeGetsAHint() throws {
        let problems = try validateAttacks(goodRow.replacingOccurrences(of: ",RUS,", with: ",RU,") + "\n")
        #expect(problems.first?.hint?.contains("three-letter") == true)
    }

    @Test func unknownSource() throws {
        let problems = try validateAttacks(goodRow.replacingOccurrences(of: "zhao-2012-isdp-asia-paper", with: "zhao-2012-isdp-asia-papr") + "\n")
        #expect(problems.count == 1)
        #expect(problems[0].message == "source_id 'zhao-2012-isdp-asia-papr' is not in sources.csv")
        #expect(problems[0].hint == "did you mean 'zhao-2012-isdp-asia-paper'?")
    }

    @Test func negativeCount() throws {
        let problems = try validateAttacks(goodRow.replacingOccurrences(of: ",300,", with: ",-3,") + "\n")
        #expect(problems.count == 1)
        #expect(problems[0].message.contains("below the minimum of 0"))
        #expect(problems[0].hint?.contains("leave the cell blank") == true)
    }

    @Test func thousandsSeparatorAndWordsInCounts() throws {
        let separated = try validateAttacks(goodRow.replacingOccurrences(of: ",300,", with: ",\"1,300\",") + "\n")
        #expect(separated.first?.hint?.contains("without thousands separators") == true)
        let unknown = try validateAttacks(goodRow.replacingOccurrences(of: ",300,", with: ",unknown,") + "\n")
        #expect(unknown.first?.hint?.contains("blank") == true)
    }

    @Test func duplicateID() throws {
        let problems = try validateAttacks(goodRow + "\n" + goodRow + "\n")
        #expect(problems.count == 1)
        #expect(problems[0].message == "duplicate id 'atk-x'; first used on line 2")
        #expect(problems[0].location.line == 3)
    }

    @Test func emptyFile() throws {
        let catalog = try Catalog.load(path: PackagePaths.catalog)
        let folder = try TemporaryFolder()
        try folder.write("attacks.csv", "")
        let (_, problems) = Corpus.load(directory: folder.path, catalog: catalog, requireAllTables: false)
        #expect(problems.contains { $0.message == "the file is empty" })
    }

    @Test func headerProblems() throws {
        let catalog = try Catalog.load(path: PackagePaths.catalog)
        let folder = try TemporaryFolder()
        try folder.write("attacks.csv", "id,date,contry,date\natk-x,2004,RUS,2004\n")
        let (_, problems) = Corpus.load(directory: folder.path, catalog: catalog, requireAllTables: false)
        #expect(problems.contains { $0.message == "unknown column 'contry' for table 'attacks'" && $0.hint == "did you mean 'country'?" })
        #expect(problems.contains { $0.message.contains("column 'date' appears twice") })
        #expect(problems.contains { $0.message == "missing required column 'source_id'" })
    }

    @Test func qualifierWithoutNumber() throws {
        let problems = try validateAttacks(goodRow.replacingOccurrences(of: ",300,,", with: ",,more-than,") + "\n")
        #expect(problems.count == 1)
        #expect(problems[0].message.contains("killed_qualifier is 'more-than' but killed is blank"))
    }

    @Test func unknownEnumValueGetsSuggestion() throws {
        let problems = try validateAttacks(goodRow.replacingOccurrences(of: ",300,,", with: ",300,more-then,") + "\n")
        #expect(problems.first?.hint == "did you mean 'more-than'?")
    }

    @Test func strayFilesAreWarnedAbout() throws {
        let catalog = try Catalog.load(path: PackagePaths.catalog)
        let folder = try TemporaryFolder()
        try folder.write("attack.csv", "id\n")
        let (_, problems) = Corpus.load(directory: folder.path, catalog: catalog, requireAllTables: false)
        #expect(problems.contains { $0.severity == .warning && $0.hint == "did you mean attacks.csv?" })
    }

    @Test func reversedMembershipDates() throws {
        let catalog = try Catalog.load(path: PackagePaths.catalog)
        let (shipped, _) = Corpus.load(directory: PackagePaths.datasets, catalog: catalog)
        let folder = try TemporaryFolder()
        try folder.write("membership.csv", """
            id,country,status,from,to,source_id,quote,notes
            m-1,IND,observer,2017-06-09,2005-07,zhao-2012-isdp-asia-paper,q,
            m-2,IND,member,2010,,zhao-2012-isdp-asia-paper,q,

            """)
        let (_, problems) = Corpus.load(directory: folder.path, catalog: catalog, fallback: shipped, requireAllTables: false)
        #expect(problems.contains { $0.message == "to 2005-07 is before from 2017-06-09" })
    }
}
