import Dataset
import Foundation

/// How to generate a synthetic GTD export.
public struct GTDSyntheticOptions: Sendable {
    public enum LineEnding: String, Sendable, CaseIterable {
        case lf, crlf
        var bytes: [UInt8] { self == .lf ? [0x0A] : [0x0D, 0x0A] }
    }

    public var rows = 200_000
    public var seed: UInt64 = 1
    public var encoding: GTDTextEncoding = .utf8
    public var lineEnding: LineEnding = .lf
    /// Share of casualty figures written as floats (`3.0`), as some exports write them.
    public var decimalCasualtyRate = 0.0
    /// Share of rows with a country name no GTD release uses.
    public var unmappedCountryRate = 0.0005

    public init() {}
}

/// The truth about one generated row, recorded as it is generated (never read back from the CSV),
/// so tests can check the import against numbers it did not produce.
public struct GTDSyntheticRecord: Sendable, Hashable {
    public var eventID: String
    /// The physical line the row starts on.
    public var line: Int
    public var year: Int
    /// 0 when unknown, as in GTD.
    public var month: Int
    /// 0 when unknown.
    public var day: Int
    public var countryName: String
    /// The code SCOBrief should give the country; nil for a name it must report as unmapped.
    public var expectedCode: String?
    public var killed: Int?
    public var wounded: Int?
}

/// Writes a deterministic file in the exact column layout of GTD's CSV export (the 135 columns
/// of `globalterrorismdb_0522dist`), with GTD's conventions: years 1970–2020 without 1993, 0 for
/// unknown months and days, blank for unknown casualties, historical states, free text with
/// commas, quotes, line breaks and non-ASCII names, in UTF-8 or Windows-1252.
public final class GTDSyntheticGenerator {
    public let options: GTDSyntheticOptions
    private var random: SyntheticRandom
    private var row: [UInt8] = []
    private var line = 2
    private let newline: [UInt8]

    /// GTD's yearly incident counts, roughly: the shape of the real series (1993 is absent).
    static let yearWeights: [Int: Double] = [
        1970: 651, 1971: 471, 1972: 568, 1973: 473, 1974: 581, 1975: 740, 1976: 923, 1977: 1319, 1978: 1526, 1979: 2662,
        1980: 2662, 1981: 2586, 1982: 2544, 1983: 2870, 1984: 3495, 1985: 2915, 1986: 2860, 1987: 3183, 1988: 3721, 1989: 4324,
        1990: 3887, 1991: 4683, 1992: 5071, 1994: 3456, 1995: 3081, 1996: 3058, 1997: 3197, 1998: 934, 1999: 1395,
        2000: 1814, 2001: 1906, 2002: 1333, 2003: 1278, 2004: 1166, 2005: 2017, 2006: 2758, 2007: 3242, 2008: 4805, 2009: 4721,
        2010: 4826, 2011: 5076, 2012: 8522, 2013: 12036, 2014: 16903, 2015: 14965, 2016: 13587, 2017: 10900, 2018: 9607,
        2019: 8500, 2020: 8600,
    ]

    /// The country name of the rows the import must report as unmapped.
    public static var unmappedCountryName: String { SyntheticCountries.unmappedName }

    public init(options: GTDSyntheticOptions) {
        self.options = options
        random = SyntheticRandom(seed: options.seed)
        newline = options.lineEnding.bytes
        row.reserveCapacity(8192)
    }

    /// Writes the file to `path` (replacing it), calling `record` with each row's truth.
    public func write(to path: String, record: ((GTDSyntheticRecord) -> Void)? = nil) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var pending: [UInt8] = []
        pending.reserveCapacity(1 << 20)
        try generate { bytes in
            pending.append(contentsOf: bytes)
            if pending.count >= 1 << 20 {
                try handle.write(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
            }
        } record: { record?($0) }
        try handle.write(contentsOf: pending)
    }

    /// The whole file in memory, for small samples.
    public func bytes(record: ((GTDSyntheticRecord) -> Void)? = nil) -> [UInt8] {
        var output: [UInt8] = []
        try? generate(into: { output.append(contentsOf: $0) }, record: { record?($0) })
        return output
    }

    /// Emits the header and the rows in eventid order, year by year.
    public func generate(into sink: ([UInt8]) throws -> Void, record: (GTDSyntheticRecord) -> Void) throws {
        line = 2
        try sink(Array(GTDExportColumns.all.joined(separator: ",").utf8) + newline)
        let years = GTDSyntheticGenerator.yearWeights.keys.sorted()
        let perYear = GTDSyntheticGenerator.apportion(options.rows, weights: years.map { GTDSyntheticGenerator.yearWeights[$0]! })
        for (year, count) in zip(years, perYear) where count > 0 {
            let candidates = SyntheticCountries.all.filter { $0.years.contains(year) }
            let choice = WeightedChoice(candidates.map(\.weight))
            // Dates first, sorted, so event ids rise through the file as in GTD.
            var dates: [(month: Int, day: Int)] = (0..<count).map { _ in
                let month = random.int(1...12)
                return (month, random.int(1...PartialDate.daysIn(month: month, year: year)))
            }
            dates.sort { ($0.month, $0.day) < ($1.month, $1.day) }
            // Case numbers count per written date: rows whose month or day is unknown share "00".
            var sequences: [Int: Int] = [:]
            for date in dates {
                let country: SyntheticCountry? = random.chance(options.unmappedCountryRate) ? nil : candidates[choice.draw(&random)]
                let truth = makeRow(year: year, month: date.month, day: date.day, country: country) { month, day in
                    sequences[month * 100 + day, default: 0] += 1
                    return sequences[month * 100 + day]!
                }
                try sink(row)
                record(truth)
            }
        }
    }

    /// Splits `total` in proportion to `weights`, largest remainders first, so counts add up exactly.
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0) }
        let order = exact.indices.sorted { exact[$0] - Double(counts[$0]) > exact[$1] - Double(counts[$1]) }
        for index in order.prefix(total - counts.reduce(0, +)) { counts[index] += 1 }
        return counts
    }

    // MARK: - One row

    private func makeRow(year: Int, month trueMonth: Int, day trueDay: Int, country: SyntheticCountry?,
                         caseNumber: (Int, Int) -> Int) -> GTDSyntheticRecord {
        row.removeAll(keepingCapacity: true)
        let startLine = line
        // Unknown month or day, written 0 (before the 2011 change of method); later an uncertain
        // day is a midpoint with the range in approxdate.
        var month = trueMonth, day = trueDay
        var approximate = ""
        if year < 2012 && random.chance(0.004) {
            month = 0
            day = 0
            approximate = "\(year)"
        } else if year < 2012 && random.chance(0.015) {
            day = 0
            approximate = "\(SyntheticVocabulary.monthNames[month - 1]) \(year)"
        } else if year >= 2012 && random.chance(0.02) {
            let last = PartialDate.daysIn(month: month, year: year)
            approximate = "\(SyntheticVocabulary.monthNames[month - 1]) \(max(1, trueDay - 2))-\(min(last, trueDay + 2)), \(year)"
        }
        let sequence = caseNumber(month, day)
        let eventID = String(format: "%04d%02d%02d%04d", year, month, day, sequence)
        let name = country?.name ?? SyntheticCountries.unmappedName
        let place = country.map { random.pick($0.places) } ?? (province: "Zubrowka Province", cities: ["Lutz"])
        var city = random.pick(place.cities)
        if let country, !country.accentedNames.isEmpty, random.chance(0.2) {
            city = random.pick(country.accentedNames)
        } else if let country, options.encoding == .utf8, !country.localNames.isEmpty, random.chance(0.1) {
            city = random.pick(country.localNames)
        }
        if random.chance(0.03) { city = "Unknown" }
        let killed = casualtyCount(unknownRate: 0.065)
        let wounded = casualtyCount(unknownRate: 0.09)
        let attack = weighted(SyntheticVocabulary.attackTypes.map(\.weight))
        let attackType = SyntheticVocabulary.attackTypes[attack]
        let target = SyntheticVocabulary.targetTypes[weighted(SyntheticVocabulary.targetTypes.map(\.weight))]
        let targetSubtype = random.pick(target.subtypes)
        let weapon = attackType.code == 3 ? SyntheticVocabulary.weaponTypes[1]
            : random.pick(SyntheticVocabulary.weaponTypes)
        let weaponSubtype = random.pick(weapon.subtypes)
        let group = country.flatMap { $0.groups.isEmpty || random.chance(0.45) ? nil : random.pick($0.groups) } ?? "Unknown"
        let success = random.chance(0.9) ? 1 : 0
        let suicide = random.chance(0.035) ? 1 : 0
        let doubt = year < 1997 ? -9 : (random.chance(0.1) ? 1 : (random.chance(0.01) ? -9 : 0))
        let extended = random.chance(0.045) ? 1 : 0
        let hostage = attackType.code == 5 || attackType.code == 6
        let multiple = random.chance(0.13) ? 1 : 0

        field(eventID)
        field(year)
        field(month)
        field(day)
        field(approximate)
        field(extended)
        field(extended == 1 ? String(format: "%02d/%02d/%04d", trueMonth, min(28, trueDay + 1), year) : "")
        field(country?.number ?? 9999)
        field(name)
        let region = country?.region ?? 8
        field(region)
        field(SyntheticVocabulary.regions[region]!)
        field(place.province)
        field(city)
        if country?.name == "International" || random.chance(0.025) {
            field("")
            field("")
            field(5)  // specificity 5: coordinates unknown
        } else {
            let latitude = (country?.latitude ?? 47.0) + Double(random.int(-500...500)) / 1000
            let longitude = (country?.longitude ?? 15.0) + Double(random.int(-500...500)) / 1000
            field(String(format: "%.6f", latitude))
            field(String(format: "%.6f", longitude))
            field(random.int(1...4))
        }
        field(random.chance(0.07) ? 1 : 0)  // vicinity
        field(random.chance(0.3) ? locationText(city: city) : "")
        field(year >= 1998 && random.chance(0.75)
              ? summaryText(year: year, month: month, day: day, city: city, province: place.province, country: name,
                            attack: attackType.text, killed: killed, wounded: wounded) : "")
        field(1)
        field(1)
        field(random.chance(0.88) ? 1 : 0)
        field(doubt)
        if doubt == 1 {
            let alternative = random.pick(SyntheticVocabulary.alternatives)
            field(alternative.0)
            field(alternative.1)
        } else {
            field("")
            field("")
        }
        field(multiple)
        field(success)
        field(suicide)
        field(attackType.code)
        field(attackType.text)
        // attacktype2, attacktype3
        if random.chance(0.03) {
            field(2)
            field("Armed Assault")
        } else {
            field("")
            field("")
        }
        field("")
        field("")
        // Target 1, then empty targets 2 and 3.
        field(target.code)
        field(target.text)
        field(targetSubtype.0 == 0 ? "" : "\(targetSubtype.0)")
        field(targetSubtype.1)
        field(corporationText(target: target.text))
        field(targetText(target: target.text, city: city))
        field(country?.number ?? 9999)
        field(name)
        for _ in 0..<2 {
            for _ in 0..<8 { field("") }
        }
        field(group)
        field("")
        for _ in 0..<4 { field("") }  // gname2, gsubname2, gname3, gsubname3
        field(random.chance(0.15) ? "The specific motive is unknown; however, sources noted that the attack took place during \"heightened tensions\" in \(place.province)." : "")
        field(group == "Unknown" ? 0 : (random.chance(0.1) ? 1 : 0))
        field("")
        field("")
        field(0)  // individual
        field(random.chance(0.6) ? -99 : random.int(1...6))
        field(random.chance(0.6) ? -99 : 0)
        let claimed = group == "Unknown" ? 0 : (random.chance(0.3) ? 1 : 0)
        field(claimed)
        if claimed == 1 {
            let mode = random.pick(SyntheticVocabulary.claimModes)
            field(mode.0)
            field(mode.1)
        } else {
            field("")
            field("")
        }
        for _ in 0..<7 { field("") }  // claim2, claimmode2(_txt), claim3, claimmode3(_txt), compclaim
        field(weapon.code)
        field(weapon.text)
        field(weaponSubtype.0 == 0 ? "" : "\(weaponSubtype.0)")
        field(weaponSubtype.1)
        for _ in 0..<12 { field("") }  // weapon types 2 to 4
        field(weapon.code == 6 ? "Explosive device, the type is unknown" : (random.chance(0.5) ? "Automatic firearm" : ""))
        casualtyField(killed)
        field(killed.map { _ in 0 })
        field(killed.map { _ in random.chance(0.1) ? 1 : 0 })
        casualtyField(wounded)
        field(wounded.map { _ in 0 })
        field(wounded.map { _ in 0 })
        let property = attackType.code == 3 || attackType.code == 7 ? 1 : (random.chance(0.2) ? -9 : 0)
        field(property)
        if property == 1 {
            let extent = random.pick(SyntheticVocabulary.propertyExtents)
            field(extent.0)
            field(extent.1)
            field(-99)
            field(random.chance(0.4) ? "A vehicle, a shop and two houses were damaged in the blast." : "")
        } else {
            for _ in 0..<4 { field("") }
        }
        field(hostage ? 1 : 0)
        if hostage {
            field(random.int(1...12))
            field(0)
            field(-99)
            field(random.int(1...30))
            field("")
            field("")
            field(0)
            field("")
            field("")
            field("")
            field("")
            field("")
            let outcome = random.pick(SyntheticVocabulary.hostageOutcomes)
            field(outcome.0)
            field(outcome.1)
            field(-99)
        } else {
            for _ in 0..<15 { field("") }
        }
        field(random.chance(0.05) ? "Casualty numbers for this incident conflict across sources." : "")
        field(year >= 1998 ? citation(city: city, year: year, month: trueMonth, day: trueDay) : "")
        field(year >= 1998 && random.chance(0.5) ? citation(city: city, year: year, month: trueMonth, day: trueDay) : "")
        field("")
        field(random.pick(SyntheticVocabulary.databaseSources))
        for _ in 0..<4 { field(random.chance(0.5) ? -9 : random.int(0...1)) }
        lastField(multiple == 1 ? "\(eventID), \(eventID.dropLast(4))\(String(format: "%04d", sequence + 1))" : "")

        return GTDSyntheticRecord(eventID: eventID, line: startLine, year: year, month: month, day: day, countryName: name,
                                  expectedCode: country?.expectedCode, killed: killed, wounded: wounded)
    }

    private func weighted(_ weights: [Double]) -> Int {
        WeightedChoice(weights).draw(&random)
    }

    /// A casualty figure shaped like GTD's: mostly 0 or 1, a long tail, blank for unknown.
    private func casualtyCount(unknownRate: Double) -> Int? {
        if random.chance(unknownRate) { return nil }
        let draw = random.unit()
        if draw < 0.5 { return 0 }
        if draw < 0.75 { return 1 }
        if draw < 0.87 { return random.int(2...4) }
        if draw < 0.95 { return random.int(5...20) }
        if draw < 0.99 { return random.int(21...100) }
        return random.int(101...500)
    }

    private func casualtyField(_ value: Int?) {
        guard let value else { return field("") }
        field(random.chance(options.decimalCasualtyRate) ? "\(value).0" : "\(value)")
    }

    // MARK: - Free text

    private func phrase() -> String {
        options.encoding == .utf8 && random.chance(0.5) ? random.pick(SyntheticVocabulary.otherScriptPhrases) : random.pick(SyntheticVocabulary.westernPhrases)
    }

    private func locationText(city: String) -> String {
        switch random.int(0...2) {
        case 0: return "The incident occurred near \(phrase()) in \(city)."
        case 1: return "The attack took place at the \"central\" bus station, on the road to \(city)."
        default: return "Near the bazaar, \(city)"
        }
    }

    private func summaryText(year: Int, month: Int, day: Int, city: String, province: String, country: String,
                             attack: String, killed: Int?, wounded: Int?) -> String {
        let date = month == 0 ? "\(year)" : String(format: "%02d/%02d/%04d", month, day, year)
        var text = "\(date): Assailants carried out an attack (\(attack.lowercased())) in \(city), \(province), \(country). "
        switch (killed, wounded) {
        case let (k?, w?): text += "At least \(k) people were killed and \(w) were injured in the attack. "
        case let (k?, nil): text += "\(k) people were killed; the number of wounded is not known. "
        default: text += "Casualty figures were not reported. "
        }
        if random.chance(0.3) { text += "A spokesman called the attack \"a message to the authorities,\" according to local media. " }
        if random.chance(0.25) { text += "Witnesses mentioned \(phrase()). " }
        if random.chance(0.1) { text += "\nThe victims included two police officers, a shopkeeper and a child." }
        if random.chance(0.05) { text += "\r\nNo group claimed responsibility for the incident." }
        return text.hasSuffix(" ") ? String(text.dropLast()) : text
    }

    private func corporationText(target: String) -> String {
        switch target {
        case "Police": return random.chance(0.5) ? "Police Department" : "\"Special Task Force\", police"
        case "Military": return "Army"
        case "Business": return random.chance(0.5) ? "Unknown" : "Al-Noor Trading Co., Ltd."
        default: return random.chance(0.5) ? "Not Applicable" : "Unknown"
        }
    }

    private func targetText(target: String, city: String) -> String {
        switch target {
        case "Police": return "Checkpoint in \(city)"
        case "Private Citizens & Property": return random.chance(0.5) ? "Civilians" : "Market, \"Eid\" shoppers"
        case "Religious Figures/Institutions": return "Mosque in \(city)"
        default: return "Unknown"
        }
    }

    private func citation(city: String, year: Int, month: Int, day: Int) -> String {
        let paper = random.pick(SyntheticVocabulary.newspapers)
        return "\"Attack kills several in \(city),\" \(paper), \(SyntheticVocabulary.monthNames[month - 1]) \(day), \(year)."
    }

    // MARK: - Field encoding

    private func field(_ value: Int) {
        row.append(contentsOf: String(value).utf8)
        row.append(UInt8(ascii: ","))
    }

    private func field(_ value: Int?) {
        if let value { row.append(contentsOf: String(value).utf8) }
        row.append(UInt8(ascii: ","))
    }

    private func field(_ value: String) {
        appendText(value)
        row.append(UInt8(ascii: ","))
    }

    private func lastField(_ value: String) {
        appendText(value)
        row.append(contentsOf: newline)
        line += 1
    }

    /// RFC 4180: quoted when the text holds a comma, a quote or a line break, quotes doubled.
    /// Windows-1252 files get their bytes from Foundation's encoder, not from the importer's table.
    private func appendText(_ text: String) {
        if text.isEmpty { return }
        let special = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if special { row.append(UInt8(ascii: "\"")) }
        let escaped = special ? text.replacingOccurrences(of: "\"", with: "\"\"") : text
        switch options.encoding {
        case .utf8:
            row.append(contentsOf: escaped.utf8)
        case .windows1252:
            if escaped.utf8.allSatisfy({ $0 < 0x80 }) {
                row.append(contentsOf: escaped.utf8)
            } else {
                guard let data = escaped.data(using: .windowsCP1252) else {
                    preconditionFailure("the generator chose text Windows-1252 cannot encode: \(escaped)")
                }
                row.append(contentsOf: data)
            }
        }
        if special { row.append(UInt8(ascii: "\"")) }
        line += escaped.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
