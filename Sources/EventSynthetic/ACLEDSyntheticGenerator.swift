import Dataset
import GTDSynthetic

/// Writes a deterministic file in the column layout of ACLED's CSV export (the 31 columns from
/// event_id_cnty to timestamp), with ACLED's conventions: numeric ISO 3166 country codes, each
/// country only from its coverage start year, time_precision 1–3, event and sub-event types from
/// ACLED's table, notes with commas, quotes and line breaks; dates as 2024-03-22 or, as older
/// exports write them, 22 March 2024.
public final class ACLEDSyntheticGenerator {
    /// Every column of the export, in file order.
    public static let columns = [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ]

    struct Country {
        var name: String
        var iso: Int
        var code: String
        var region: String
        var start: Int
        var weight: Double
        var place: (admin1: String, admin2: String, location: String)
    }

    /// Countries with the start year of ACLED's coverage table (acledR's acled_countries).
    static let countries: [Country] = [
        Country(name: "Pakistan", iso: 586, code: "PAK", region: "South Asia", start: 2010, weight: 4, place: ("Khyber Pakhtunkhwa", "Peshawar", "Peshawar")),
        Country(name: "India", iso: 356, code: "IND", region: "South Asia", start: 2016, weight: 4, place: ("Jammu and Kashmir", "Srinagar", "Srinagar")),
        Country(name: "Iran", iso: 364, code: "IRN", region: "Middle East", start: 2016, weight: 1, place: ("Sistan and Baluchestan", "Zahedan", "Zahedan")),
        Country(name: "Afghanistan", iso: 4, code: "AFG", region: "Caucasus and Central Asia", start: 2017, weight: 4, place: ("Kabul", "Kabul", "Kabul")),
        Country(name: "Russia", iso: 643, code: "RUS", region: "Europe", start: 2018, weight: 2, place: ("Dagestan", "Makhachkala", "Makhachkala")),
        Country(name: "China", iso: 156, code: "CHN", region: "East Asia", start: 2018, weight: 1, place: ("Xinjiang", "Urumqi", "Ürümqi")),
        Country(name: "Kazakhstan", iso: 398, code: "KAZ", region: "Caucasus and Central Asia", start: 2018, weight: 0.4, place: ("Almaty", "Almaty", "Almaty")),
        Country(name: "Kyrgyzstan", iso: 417, code: "KGZ", region: "Caucasus and Central Asia", start: 2018, weight: 0.3, place: ("Osh", "Osh", "Osh")),
        Country(name: "Tajikistan", iso: 762, code: "TJK", region: "Caucasus and Central Asia", start: 2018, weight: 0.3, place: ("Gorno-Badakhshan", "Khorugh", "Khorugh")),
        Country(name: "Uzbekistan", iso: 860, code: "UZB", region: "Caucasus and Central Asia", start: 2018, weight: 0.3, place: ("Karakalpakstan", "Nukus", "Nukus")),
        Country(name: "Belarus", iso: 112, code: "BLR", region: "Europe", start: 2018, weight: 0.2, place: ("Minsk", "Minsk", "Minsk")),
        Country(name: "Nigeria", iso: 566, code: "NGA", region: "Western Africa", start: 1997, weight: 3, place: ("Borno", "Maiduguri", "Maiduguri")),
        Country(name: "Somalia", iso: 706, code: "SOM", region: "Eastern Africa", start: 1997, weight: 2, place: ("Banadir", "Mogadishu", "Mogadishu")),
        Country(name: "Syria", iso: 760, code: "SYR", region: "Middle East", start: 2017, weight: 2, place: ("Aleppo", "Jebel Saman", "Aleppo")),
        Country(name: "Ukraine", iso: 804, code: "UKR", region: "Europe", start: 2018, weight: 2, place: ("Donetsk", "Bakhmutskyi", "Bakhmut")),
    ]

    /// A country countries.csv does not list (the import counts its rows apart) and a number no table has.
    public static let unlistedCountry = (name: "American Samoa", iso: 16, code: "ASM")
    public static let unknownCountry = (name: "Zubrowka", iso: 999)

    /// ACLED's event types with their sub-event types and disorder type.
    static let types: [(event: String, subs: [String], disorder: String, weight: Double)] = [
        ("Battles", ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"], "Political violence", 30),
        ("Explosions/Remote violence", ["Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"], "Political violence", 20),
        ("Violence against civilians", ["Attack", "Abduction/forced disappearance", "Sexual violence"], "Political violence", 15),
        ("Protests", ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"], "Demonstrations", 25),
        ("Riots", ["Violent demonstration", "Mob violence"], "Political violence; Demonstrations", 5),
        ("Strategic developments", ["Arrests", "Looting/property destruction", "Other"], "Strategic developments", 5),
    ]

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    public let options: EventSyntheticOptions
    private var random: SyntheticRandom

    public init(options: EventSyntheticOptions) {
        self.options = options
        random = SyntheticRandom(seed: options.seed)
    }

    public func write(to path: String, record: (EventSyntheticRecord) -> Void = { _ in }) throws {
        try writeFile(path) { sink in try generate(into: sink, record: record) }
    }

    public func bytes(record: (EventSyntheticRecord) -> Void = { _ in }) -> [UInt8] {
        var output: [UInt8] = []
        try? generate(into: { output.append(contentsOf: $0) }, record: record)
        return output
    }

    public func generate(into sink: ([UInt8]) throws -> Void, record: (EventSyntheticRecord) -> Void) throws {
        let countries = ACLEDSyntheticGenerator.countries.filter { $0.start <= options.lastYear }
        let choice = WeightedChoiceOfCountries(countries.map(\.weight))
        let typeChoice = WeightedChoiceOfCountries(ACLEDSyntheticGenerator.types.map(\.weight))
        var serials: [String: Int] = [:]
        try writeRows(columns: ACLEDSyntheticGenerator.columns, count: options.rows, into: sink, record: record) { _, row in
            var country = countries[choice.draw(&random)]
            var expected: String? = country.code
            if random.chance(options.unknownCountryRate) {
                country = Country(name: ACLEDSyntheticGenerator.unknownCountry.name, iso: ACLEDSyntheticGenerator.unknownCountry.iso, code: "ZZZ",
                                  region: "Oceania", start: 2021, weight: 0, place: ("Lutz", "Lutz", "Lutz"))
                expected = nil
            } else if random.chance(options.unknownCountryRate) {
                country = Country(name: ACLEDSyntheticGenerator.unlistedCountry.name, iso: ACLEDSyntheticGenerator.unlistedCountry.iso,
                                  code: "ASM", region: "Oceania", start: 2021, weight: 0, place: ("Eastern", "Pago Pago", "Pago Pago"))
                expected = "ASM"
            }
            let year = random.int(max(country.start, options.firstYear)...max(options.lastYear, country.start))
            let month = random.int(1...12)
            let day = random.int(1...PartialDate.daysIn(month: month, year: year))
            let precision = random.chance(0.85) ? 1 : random.chance(0.6) ? 2 : 3
            let date = precision == 3 ? try! PartialDate(year: year, month: month) : try! PartialDate(year: year, month: month, day: day)
            let type = ACLEDSyntheticGenerator.types[typeChoice.draw(&random)]
            let sub = random.pick(type.subs)
            let violent = type.event != "Protests" && type.event != "Strategic developments"
            let fatalities = violent && random.chance(0.5) ? random.int(1...12) : 0
            serials[country.code, default: 0] += 1
            let id = "\(country.code)\(serials[country.code]!)"
            let eventDate = options.textDates ? "\(day) \(ACLEDSyntheticGenerator.monthNames[month - 1]) \(year)"
                : String(format: "%04d-%02d-%02d", year, month, day)
            row.field(id)
            row.field(eventDate)
            row.field(year)
            row.field(precision)
            row.field(type.disorder)
            row.field(type.event)
            row.field(sub)
            row.field(violent ? "Unidentified Armed Group (\(country.name))" : "Protesters (\(country.name))")
            row.field(random.chance(0.3) ? "Labour Group (\(country.name)); Students (\(country.name))" : "")
            row.field(violent ? "Unidentified armed group" : "Protesters")
            row.field(violent ? "Civilians (\(country.name))" : "")
            row.field("")
            row.field(violent ? "Civilians" : "")
            row.field(violent ? "Unidentified armed group-Civilians" : "Protesters only")
            row.field(type.event == "Violence against civilians" ? "Civilian targeting" : "")
            row.field(country.iso)
            row.field(country.region)
            row.field(country.name)
            row.field(country.place.admin1)
            row.field(country.place.admin2)
            row.field("")
            row.field(country.place.location)
            row.field(String(format: "%.4f", 30 + Double(random.int(-2000...2000)) / 1000))
            row.field(String(format: "%.4f", 60 + Double(random.int(-2000...2000)) / 1000))
            row.field(random.int(1...3))
            row.field("Dawn; \"Interfax\"")
            row.field("National-Regional")
            row.field("On \(day) \(ACLEDSyntheticGenerator.monthNames[month - 1]) \(year), in \(country.place.location) (\(country.place.admin1)), \"unknown\" assailants attacked, \(fatalities) killed.\nReports vary.")
            row.field(fatalities)
            row.field(random.chance(0.2) ? "crowd size=no report" : "")
            row.field(1_700_000_000 + random.int(0...9_999_999))
            return EventSyntheticRecord(recordID: id, line: 0, date: date, expectedCode: expected, type: type.event, subtype: sub,
                                        killed: fatalities, killedLow: nil, killedHigh: nil)
        }
    }
}
