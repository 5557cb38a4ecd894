import Foundation
import Testing
@testable import Dataset
import TestSupport

/// The corpus with an imported table in place of the curated one, and what coverage applies.
@Suite struct GTDCorpusTests {
    @Test func replacingTheAttacksTableWithAnImport() throws {
        let (result, folder) = try importGTD(GTDImportCountsTests.sample.bytes)
        let shipped = ShippedCorpus.corpus
        let (corpus, diagnostics) = shipped.replacingTable("attacks", withFile: folder.file("out/attacks.csv"))
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(3).map(\.description))")
        #expect(corpus.attacks.count == result.summary.rowsWritten)
        #expect(corpus.exercises == shipped.exercises)
        #expect(corpus.membership == shipped.membership)
        // The shipped sources stay (other tables cite them) and the release is added.
        #expect(corpus.sources.count == shipped.sources.count + 1)
        #expect(corpus.source(id: "gtd-globalterrorismdb-0522dist")?.isDataset == true)

        let imported = corpus.effectiveCoverage(of: corpus.attacks)
        #expect(imported.coverage == .complete)
        #expect(imported.notes.count == 1 && imported.notes[0].contains("1993"))
        let curated = shipped.effectiveCoverage(of: shipped.attacks)
        #expect(curated.coverage == .illustrative)
        #expect(curated.notes == [shipped.catalog.table(named: "attacks")!.coverageNote])
        let mixed = corpus.effectiveCoverage(ofTable: "attacks", sourceIDs: ["gtd-globalterrorismdb-0522dist", "zhao-2012-isdp-asia-paper"])
        #expect(mixed.coverage == .partial)
        #expect(mixed.notes.count == 2)
        #expect(corpus.effectiveCoverage(ofTable: "attacks", sourceIDs: []).coverage == .illustrative)
    }

    @Test func replacingReportsTheFilesProblems() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-gtd")
        let header = ShippedCorpus.corpus.catalog.table(named: "attacks")!.columnNames.prefix(12).joined(separator: ",")
        let path = try folder.write("attacks.csv", header + "\natk-1,2004,SUHH,,1,,,,x,zhao-2012-isdp-asia-paper,,\natk-2,2004,RUS,,1,,,,x,nobody,q,\n")
        let (corpus, diagnostics) = ShippedCorpus.corpus.replacingTable("attacks", withFile: path)
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("quote is blank but source 'zhao-2012-isdp-asia-paper' is not a dataset"))
        #expect(messages.contains("source_id 'nobody' is not in sources.csv"))
        #expect(diagnostics.allSatisfy { $0.location.file == path })
        #expect(corpus.attacks.count == 2, "reference problems are reported; the rows themselves parsed")
        let unknown = ShippedCorpus.corpus.replacingTable("atacks", withFile: path)
        #expect(unknown.diagnostics.first?.hint == "did you mean 'attacks'?")
        #expect(ShippedCorpus.corpus.replacingTable("attacks", withFile: folder.file("none.csv")).diagnostics.first?.message == "no such file")
    }

    @Test func loadingTheShippedCorpusWithAnImportedTable() throws {
        let (_, folder) = try importGTD(GTDImportCountsTests.sample.bytes)
        let (corpus, warnings) = try DataLocation.loadShippedCorpus(explicit: PackagePaths.datasets, replacingTable: "attacks", withFile: folder.file("out/attacks.csv"))
        #expect(warnings.isEmpty)
        #expect(corpus.attacks.contains { $0.country == "SUHH" })
        #expect(corpus.country(code: "SUHH")?.isHistorical == true)
        #expect(corpus.countryName("DEDE") == "West Germany")
    }
}

/// countries.csv and the GTD name table agree, and the curated corpus still validates.
@Suite struct GTDCountryTableTests {
    /// Every country_txt of the GTD releases since 2017 (205 names).
    static let releaseNames = """
    Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|\
    Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia-Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|\
    Burundi|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|Costa Rica|Croatia|Cuba|Cyprus|\
    Czech Republic|Czechoslovakia|Democratic Republic of the Congo|Denmark|Djibouti|Dominica|Dominican Republic|East Germany (GDR)|\
    East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Ethiopia|Falkland Islands|Fiji|Finland|France|French Guiana|\
    French Polynesia|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guadeloupe|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|\
    Hong Kong|Hungary|Iceland|India|Indonesia|International|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|\
    Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Lithuania|Luxembourg|Macau|Macedonia|Madagascar|Malawi|\
    Malaysia|Maldives|Mali|Malta|Martinique|Mauritania|Mauritius|Mexico|Moldova|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|\
    Netherlands|New Caledonia|New Hebrides|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Yemen|Norway|Pakistan|Panama|\
    Papua New Guinea|Paraguay|People's Republic of the Congo|Peru|Philippines|Poland|Portugal|Qatar|Republic of the Congo|Rhodesia|\
    Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Serbia-Montenegro|Seychelles|Sierra Leone|Singapore|Slovak Republic|Slovenia|\
    Solomon Islands|Somalia|South Africa|South Korea|South Sudan|South Vietnam|South Yemen|Soviet Union|Spain|Sri Lanka|\
    St. Kitts and Nevis|St. Lucia|Sudan|Suriname|Swaziland|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|\
    Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|\
    Uzbekistan|Vanuatu|Vatican City|Venezuela|Vietnam|Wallis and Futuna|West Bank and Gaza Strip|West Germany (FRG)|Western Sahara|\
    Yemen|Yugoslavia|Zaire|Zambia|Zimbabwe
    """.split(separator: "|").map(String.init)

    @Test func everyReleaseNameIsMapped() {
        #expect(GTDCountryTableTests.releaseNames.count == 205)
        #expect(GTDCountryTableTests.releaseNames.filter { GTDCountryNames.codes[$0] == nil } == [])
    }

    @Test func everyMappedCodeIsACountryWithThreeNames() {
        let countries = Dictionary(uniqueKeysWithValues: ShippedCorpus.corpus.countries.map { ($0.code, $0) })
        for (name, code) in GTDCountryNames.codes {
            let country = countries[code]
            #expect(country != nil, "\(name) → \(code)")
            #expect(country?.nameRussian?.isEmpty == false && country?.nameChinese?.isEmpty == false, "\(code)")
        }
    }

    @Test func formerStatesAreFlaggedAndNeverAModernCode() {
        let former = ["Soviet Union": "SUHH", "West Germany (FRG)": "DEDE", "East Germany (GDR)": "DDDE", "Yugoslavia": "YUCS",
                      "Czechoslovakia": "CSHH", "South Yemen": "YDYE", "North Yemen": "YEYE", "Zaire": "ZRCD", "Rhodesia": "RHZW",
                      "South Vietnam": "VNVN", "People's Republic of the Congo": "CGCG", "Serbia-Montenegro": "CSXX", "New Hebrides": "NHVU"]
        for (name, code) in former {
            #expect(GTDCountryNames.codes[name] == code)
            let country = ShippedCorpus.corpus.country(code: code)
            #expect(country?.isHistorical == true, "\(code)")
            #expect(country?.successors.isEmpty == false, "\(code)")
            #expect(["iso-3166-3", "scobrief"].contains(country?.codeStandard ?? ""), "\(code)")
        }
        #expect(GTDCountryNames.codes["Kosovo"] == "XKX")
        #expect(GTDCountryNames.codes["International"] == "XIN")
        #expect(GTDCountryNames.codes["West Bank and Gaza Strip"] == "PSE")
        #expect(ShippedCorpus.corpus.countries.filter(\.isHistorical).count == 13)
    }

    @Test func shippedCorpusStillValidates() throws {
        let catalog = try Catalog.load(path: PackagePaths.datasets + "/catalog.yaml")
        let (corpus, diagnostics) = Corpus.load(directory: PackagePaths.datasets, catalog: catalog)
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(3).map(\.description))")
        #expect(corpus.countries.count == 213)
        #expect(corpus.country(code: "RUS")?.nameRussian == "Россия")
    }
}
