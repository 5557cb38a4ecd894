import Dataset
import GTDSynthetic

/// Writes a deterministic file in the column layout of UCDP GED's CSV export (the 49 columns of
/// GEDEvent_v23_1 to v25_1), with GED's conventions: Gleditsch–Ward country numbers (365 for the
/// Soviet Union and Russia), date_start/date_end with date_prec, best/low/high deaths as the sum
/// of their parts, free text with commas, quotes and line breaks.
public final class UCDPSyntheticGenerator {
    /// Every column of the export, in file order.
    public static let columns = [
        "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id",
        "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a",
        "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office", "source_date",
        "source_headline", "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
        "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
        "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
        "gwnoa", "gwnob",
    ]

    /// A country as GED names and numbers it, with a place and the years it appears.
    struct Country {
        var name: String
        var number: Int
        var region: String
        var weight: Double
        var place: (adm1: String, adm2: String, town: String)
        var at: (Double, Double)
    }

    static let countries: [Country] = [
        Country(name: "Russia (Soviet Union)", number: 365, region: "Europe", weight: 3, place: ("Chechnya", "Groznyy gorsovet", "Grozny town"), at: (43.3, 45.7)),
        Country(name: "China", number: 710, region: "Asia", weight: 0.6, place: ("Xinjiang", "Ürümqi", "Ürümqi city"), at: (43.8, 87.6)),
        Country(name: "Kazakhstan", number: 705, region: "Asia", weight: 0.2, place: ("Almaty", "Almaty", "Almaty city"), at: (43.2, 76.9)),
        Country(name: "Kyrgyzstan", number: 703, region: "Asia", weight: 0.2, place: ("Osh", "Osh", "Osh town"), at: (40.5, 72.8)),
        Country(name: "Tajikistan", number: 702, region: "Asia", weight: 0.5, place: ("Khatlon", "Kulob", "Kulob town"), at: (37.9, 69.8)),
        Country(name: "Uzbekistan", number: 704, region: "Asia", weight: 0.2, place: ("Andijan", "Andijan", "Andijan, the market"), at: (40.8, 72.3)),
        Country(name: "India", number: 750, region: "Asia", weight: 3, place: ("Jammu and Kashmir", "Srinagar", "Srinagar town"), at: (34.1, 74.8)),
        Country(name: "Pakistan", number: 770, region: "Asia", weight: 4, place: ("Khyber Pakhtunkhwa", "Peshawar", "Peshawar city"), at: (34.0, 71.5)),
        Country(name: "Iran", number: 630, region: "Middle East", weight: 0.6, place: ("Sistan and Baluchestan", "Zahedan", "Zahedan city"), at: (29.5, 60.9)),
        Country(name: "Belarus", number: 370, region: "Europe", weight: 0.02, place: ("Minsk", "Minsk", "Minsk city"), at: (53.9, 27.6)),
        Country(name: "Afghanistan", number: 700, region: "Asia", weight: 6, place: ("Kabul", "Kabul", "Kabul city"), at: (34.5, 69.2)),
        Country(name: "Serbia (Yugoslavia)", number: 345, region: "Europe", weight: 0.4, place: ("Kosovo", "Prishtina", "Prishtina town"), at: (42.7, 21.2)),
        Country(name: "Yemen (North Yemen)", number: 678, region: "Middle East", weight: 1, place: ("Sanaa", "Sanaa", "Sanaa city"), at: (15.4, 44.2)),
        Country(name: "DR Congo (Zaire)", number: 490, region: "Africa", weight: 2, place: ("North Kivu", "Beni", "Beni town"), at: (0.5, 29.5)),
        Country(name: "Somalia", number: 520, region: "Africa", weight: 2, place: ("Banadir", "Mogadishu", "Mogadishu city"), at: (2.0, 45.3)),
        Country(name: "Syria", number: 652, region: "Middle East", weight: 3, place: ("Aleppo", "Aleppo", "Aleppo city"), at: (36.2, 37.2)),
    ]

    /// The name and number of the rows the import must report as unknown.
    public static let unknownCountry = (name: "Zubrowka", number: 999)

    public let options: EventSyntheticOptions
    private var random: SyntheticRandom

    public init(options: EventSyntheticOptions) {
        self.options = options
        random = SyntheticRandom(seed: options.seed)
    }

    /// The code a GW number stands for on a day, as SCOBrief's table says (the truth's expectation).
    static func expectedCode(number: Int, day: DayDate) -> String? {
        guard let spans = GleditschWardCodes.spans[number] else { return nil }
        for span in spans {
            if let before = span.before.flatMap({ try? PartialDate(parsing: $0) }), day >= before.earliestDay { continue }
            return span.code
        }
        return nil
    }

    /// Writes the file to `path`, calling `record` with each row's truth.
    public func write(to path: String, record: (EventSyntheticRecord) -> Void = { _ in }) throws {
        try writeFile(path) { sink in try generate(into: sink, record: record) }
    }

    /// The whole file in memory, for small samples.
    public func bytes(record: (EventSyntheticRecord) -> Void = { _ in }) -> [UInt8] {
        var output: [UInt8] = []
        try? generate(into: { output.append(contentsOf: $0) }, record: record)
        return output
    }

    public func generate(into sink: ([UInt8]) throws -> Void, record: (EventSyntheticRecord) -> Void) throws {
        let choice = WeightedChoiceOfCountries(UCDPSyntheticGenerator.countries.map(\.weight))
        try writeRows(columns: UCDPSyntheticGenerator.columns, count: options.rows, into: sink, record: record) { index, row in
            let unknown = random.chance(options.unknownCountryRate)
            let country = UCDPSyntheticGenerator.countries[choice.draw(&random)]
            let year = random.int(options.firstYear...options.lastYear)
            let month = random.int(1...12)
            let day = random.int(1...PartialDate.daysIn(month: month, year: year))
            let start = DayDate(year: year, month: month, day: day)
            // date_prec: 1 exact, 2 a range of days, 4 the month, 5 the year (GED's codes).
            let precision = random.chance(0.8) ? 1 : random.chance(0.5) ? 2 : random.chance(0.6) ? 4 : 5
            var first = start, last = start
            var date = try! PartialDate(year: year, month: month, day: day)
            switch precision {
            case 2:
                let lastDay = min(PartialDate.daysIn(month: month, year: year), day + random.int(1...5))
                if lastDay > day {
                    last = DayDate(year: year, month: month, day: lastDay)
                    date = try! PartialDate(year: year, month: month)
                }
            case 4:
                first = DayDate(year: year, month: month, day: 1)
                last = DayDate(year: year, month: month, day: PartialDate.daysIn(month: month, year: year))
                date = try! PartialDate(year: year, month: month)
            case 5:
                first = DayDate(year: year, month: 1, day: 1)
                last = DayDate(year: year, month: 12, day: 31)
                date = try! PartialDate(year: year)
            default:
                break
            }
            let type = random.chance(0.5) ? 1 : random.chance(0.5) ? 2 : 3
            let deathsA = type == 3 ? 0 : random.int(0...6)
            let deathsB = type == 3 ? 0 : random.int(0...8)
            let civilians = random.chance(0.6) ? random.int(0...(type == 3 ? 40 : 5)) : 0
            let unknownDeaths = random.chance(0.3) ? random.int(0...3) : 0
            var best = deathsA + deathsB + civilians + unknownDeaths
            if best == 0 { best = 1 }  // GED holds lethal events only
            let low = max(1, best - random.int(0...2))
            let high = best + random.int(0...10)
            let number = unknown ? UCDPSyntheticGenerator.unknownCountry.number : country.number
            let name = unknown ? UCDPSyntheticGenerator.unknownCountry.name : country.name
            let id = 100_000 + index
            let sideA = type == 2 ? "Militia \(random.int(1...9))" : "Government of \(name)"
            let sideB = type == 3 ? "Civilians" : "Insurgent group \(random.int(1...20))"
            let dyad = "\(sideA) - \(sideB)"
            let startText = first.description + (random.chance(0.5) ? " 00:00:00.000" : "")
            row.field(id)
            row.field("\(country.name.prefix(3).uppercased())-\(year)-1-\(id)-\(random.int(1...9))")
            row.field(year)
            row.field(random.chance(0.9) ? "TRUE" : "FALSE")
            row.field("Clear")
            row.field(type)
            row.field(random.int(200...15000))
            row.field(random.int(200...15000))
            row.field("\(name): Government")
            row.field(random.int(500...16000))
            row.field(random.int(500...16000))
            row.field(dyad)
            row.field(random.int(1...1500))
            row.field(random.int(1...1500))
            row.field(sideA)
            row.field(random.int(1...1500))
            row.field(random.int(1...1500))
            row.field(sideB)
            row.field(random.int(1...6))
            row.field("\"Attack in \(country.place.town)\",\nAgence France Presse, \(start) ;")
            row.field("AFP")
            row.field(start.description)
            row.field("Gunmen kill \(best), wound others in \"\(country.place.town)\", officials say")
            row.field("local police; \"residents\"")
            row.field(random.int(1...7))
            row.field(country.place.town)
            row.field("\(country.place.town), \(country.place.adm1) province")
            row.field("\(country.place.adm1) province")
            row.field(country.place.adm2)
            let latitude = country.at.0 + Double(random.int(-300...300)) / 1000
            let longitude = country.at.1 + Double(random.int(-300...300)) / 1000
            row.field(String(format: "%.4f", latitude))
            row.field(String(format: "%.4f", longitude))
            row.field(String(format: "POINT (%.4f %.4f)", longitude, latitude))
            row.field(random.int(100_000...200_000))
            row.field(name)
            row.field(number)
            row.field(country.region)
            row.field(random.chance(0.9) ? 1 : 2)
            row.field(precision)
            row.field(startText)
            row.field(last.description + (random.chance(0.5) ? " 00:00:00.000" : ""))
            row.field(deathsA)
            row.field(deathsB)
            row.field(civilians)
            row.field(best - deathsA - deathsB - civilians)
            row.field(best)
            row.field(high)
            row.field(low)
            row.field(number)
            row.field(type == 1 ? "" : "")
            let expected = unknown ? nil : UCDPSyntheticGenerator.expectedCode(number: number, day: first)
            return EventSyntheticRecord(recordID: String(id), line: 0, date: date, expectedCode: expected, type: String(type),
                                        subtype: dyad, killed: best, killedLow: low, killedHigh: high)
        }
    }
}

/// Draws indices in proportion to weights.
struct WeightedChoiceOfCountries {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var total = 0.0
        cumulative = weights.map { total += $0; return total }
    }

    func draw(_ random: inout SyntheticRandom) -> Int {
        let target = random.unit() * cumulative[cumulative.count - 1]
        return cumulative.firstIndex { $0 > target } ?? cumulative.count - 1
    }
}
