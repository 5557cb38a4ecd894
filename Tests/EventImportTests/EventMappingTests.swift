import Foundation
import Testing
@testable import Dataset
import Support
import TestSupport

/// The mapping format: the built-in mappings parse, a user's mapping drives the same import, and
/// mistakes in a mapping are errors at their line.
@Suite struct EventMappingTests {
    @Test func builtInMappingsParse() throws {
        let ged = try BuiltInEventMappings.mapping(named: "ucdp-ged")
        #expect(ged.fields[.country]?.codes == "gleditsch-ward")
        #expect(ged.filters.map(\.option) == ["type-of-violence"])
        let acled = try BuiltInEventMappings.mapping(named: "acled")
        #expect(acled.fields[.country]?.codes == "iso3166-numeric")
        #expect(acled.coverage.fromByCountry["KAZ"]?.description == "2018-01-01")
        #expect(acled.coverage.fromByCountry.count > 150)
        #expect(acled.precision?.values["3"] == .month)
    }

    @Test func codeTablesUseTablesNotGuesses() throws {
        #expect(ISO3166Numeric.alpha3.count == 249)
        #expect(ISO3166Numeric.alpha3[643] == "RUS")
        #expect(ISO3166Numeric.alpha3[398] == "KAZ")
        #expect(ISO3166Numeric.alpha3[4] == "AFG")
        // Every code either table gives is a code countries.csv lists, or is counted apart by the import.
        let listed = Set(ShippedCorpus.corpus.countries.map(\.code))
        for (number, spans) in GleditschWardCodes.spans {
            for span in spans where [700, 702, 703, 704, 705, 710, 750, 770, 630, 370, 365, 345, 678].contains(number) {
                #expect(listed.contains(span.code), "GW \(number) → \(span.code)")
            }
        }
        #expect(GleditschWardCodes.spans[365]?.map(\.code) == ["SUHH", "RUS"])
        #expect(GleditschWardCodes.spans[225]?.first?.code == "CHE")
        #expect(GleditschWardCodes.spans[305]?.first?.code == "AUT")
    }

    static let ownMapping = """
    name: national-register
    title: National register of terrorist acts
    licence: public domain
    signature: [case, when, region_name]
    fields:
      record_id: case
      date: when
      country: {column: state, codes: names, values: {Kazakhstan: KAZ, Kyrgyzstan: KGZ}}
      place: region_name
      killed: dead
      wounded: injured
      event_type: {column: kind, values: {B: Bombing, S: Shooting}}
    filters:
      - option: kind
        column: kind
        values: [B, S]
    coverage:
      note: Only acts a court recognised.
      collection_breaks: {"2016": a new criminal code widened the definition}
    """

    @Test func aUsersMappingDrivesTheSameImport() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-mapping")
        let input = try folder.write("register.csv", """
        case,when,state,region_name,dead,injured,kind
        A-1,2011-05-17,Kazakhstan,Aktobe,1,,B
        A-2,12 July 2016,Kazakhstan,"Almaty, city",6,10,S
        A-3,2016-06-05,Kyrgyzstan,Bishkek,0,3,B
        A-4,2017-01-01,Narnia,Cair Paravel,1,1,B

        """)
        let mapping = try EventMapping(yaml: Self.ownMapping, file: "register.yaml")
        var options = EventImportOptions()
        options.filters = [("kind", ["B"])]
        let importer = EventImporter(corpus: ShippedCorpus.corpus, mapping: mapping, options: options, command: "scobrief import events")
        let result = try importer.importFile(input: input, output: folder.file("attacks.csv"))
        #expect(result.summary.rowsWritten == 2)
        #expect(result.summary.filteredByType == 1)
        #expect(result.summary.unknownCodes == ["Narnia": 1])
        let text = try #require(folder.contents("attacks.csv"))
        #expect(text.contains("national-register-a-1,2011-05-17,KAZ,Aktobe,1,,,,Bombing,national-register-register"))
        #expect(text.contains("national-register-a-3,2016-06-05,KGZ,Bishkek,0,,3,,Bombing"))
        let sources = try #require(folder.contents("sources.csv"))
        #expect(sources.contains("2016: a new criminal code widened the definition"))
        #expect(sources.contains("Only acts a court recognised."))
    }

    @Test func mistakesInAMappingAreLocated() throws {
        let typo = Self.ownMapping.replacingOccurrences(of: "  killed: dead", with: "  kiled: dead")
        #expect {
            _ = try EventMapping(yaml: typo, file: "register.yaml")
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.message.contains("unknown key 'kiled'") && diagnostic.hint?.contains("did you mean 'killed'") == true
                && diagnostic.location.line == 10
        }
        let badTable = Self.ownMapping.replacingOccurrences(of: "codes: names", with: "codes: fips")
        #expect(throws: Diagnostic.self) { _ = try EventMapping(yaml: badTable, file: "register.yaml") }
    }
}
