import Support

/// Turns a source's country field into SCOBrief codes from the field's bytes: a number looked up
/// in a table (Gleditsch–Ward, ISO 3166 numeric), with date ranges where a number named a former
/// state for part of the time; or a text code or name looked up by hash (`GTDCountryLookup`).
struct EventCountryCodes {
    /// One code the import can write; `entries` are indexed by it everywhere in the pass.
    struct Entry {
        let code: String
        let codeBytes: [UInt8]
        /// Whether countries.csv lists the code (rows with other codes cannot be validated).
        let isListed: Bool
    }

    private enum Kind {
        /// Number → spans of (entry, first day past it as days since 1970, or Int.max).
        case numbers([[(entry: Int, before: Int)]])
        case text(GTDCountryLookup, [Int])
    }

    let entries: [Entry]
    private let kind: Kind
    let tableName: String

    init(source: EventMapping.FieldSource, listedCodes: Set<String>) throws(Diagnostic) {
        var entries: [Entry] = []
        var indexOf: [String: Int] = [:]
        func entry(_ code: String) -> Int {
            if let index = indexOf[code] { return index }
            indexOf[code] = entries.count
            entries.append(Entry(code: code, codeBytes: Array(code.utf8), isListed: listedCodes.contains(code)))
            return entries.count - 1
        }
        let table = source.codes ?? "iso3166-alpha3"
        tableName = table
        switch table {
        case "gleditsch-ward", "iso3166-numeric":
            var spans: [[(entry: Int, before: Int)]] = Array(repeating: [], count: 1000)
            if table == "gleditsch-ward" {
                for (number, list) in GleditschWardCodes.spans where number < 1000 {
                    spans[number] = list.map { span in
                        let before = span.before.flatMap { try? PartialDate(parsing: $0) }?.earliestDay.daysSinceEpoch ?? Int.max
                        return (entry(span.code), before)
                    }
                }
            } else {
                for (number, code) in ISO3166Numeric.alpha3 where number < 1000 { spans[number] = [(entry(code), Int.max)] }
            }
            // The mapping's own values add numbers or override them (a code a source uses outside ISO).
            for (key, code) in source.values {
                guard let number = Int(key), (0..<1000).contains(number) else {
                    throw Diagnostic(source.location, "'\(key)' is not a number of 0–999, as \(table) codes are",
                                     hint: "values under a numeric code table map numbers to codes, e.g. \"412\": XKX")
                }
                spans[number] = [(entry(code), Int.max)]
            }
            kind = .numbers(spans)
        default:
            // Text: ISO alpha-3 codes as written (checked against countries.csv), the GTD's country names,
            // or names from values (which add to or override the GTD's).
            var names: [String: String] = table == "iso3166-alpha3" ? Dictionary(uniqueKeysWithValues: listedCodes.map { ($0, $0) })
                : table == "gtd-names" ? GTDCountryNames.codes : [:]
            for (key, code) in source.values { names[key] = code }
            let lookup = GTDCountryLookup(names: names, historicalCodes: [])
            kind = .text(lookup, lookup.entries.map { entry($0.code) })
        }
        self.entries = entries
    }

    /// What the field says: an entry, or the unknown value as text to report.
    enum Resolution {
        case entry(Int)
        case unknown(String)
    }

    @inline(__always)
    func resolve(_ bytes: UnsafeBufferPointer<UInt8>, day: Int) -> Resolution {
        switch kind {
        case .numbers(let table):
            switch GTDNumber.wholeNumber(bytes) {
            case .value(let number) where number >= 0 && number < 1000:
                let spans = table[number]
                for span in spans where day < span.before { return .entry(span.entry) }
                return .unknown(String(number))
            default:
                return .unknown(bytes.isEmpty ? "(blank)" : String(decoding: bytes, as: UTF8.self))
            }
        case .text(let lookup, let map):
            if let index = lookup.find(bytes) { return .entry(map[index]) }
            return .unknown(bytes.isEmpty ? "(blank)" : String(decoding: bytes, as: UTF8.self))
        }
    }
}
