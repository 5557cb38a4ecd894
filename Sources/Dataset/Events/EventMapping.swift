import Foundation
import Support

/// A declarative description of one event export: which of its columns fill which columns of
/// SCOBrief's attacks table, how codes translate, which type filters it offers and what it covers.
///
/// The built-in mappings (UCDP GED, ACLED) are YAML embedded in the binary (`BuiltInEventMappings`);
/// `scobrief import events FILE --mapping MAP.yaml` reads a user's own in the same form, for
/// another export (RAND-MIPT, a national dataset). The YAML keys are documented in the README.
public struct EventMapping: Sendable {
    /// Short name, e.g. `ucdp-ged`: the import command's name and the start of source ids.
    public var name: String
    /// The dataset's title for the source row, e.g. "UCDP Georeferenced Event Dataset (GED)".
    public var title: String
    /// The name messages use, e.g. "GTD" ("not a GTD CSV export"); the title when not given.
    public var shortTitle: String
    public var publisher: String
    public var url: String
    /// Licence or terms of use, as the source row's notes state them.
    public var licence: String
    /// Prefix of the `id` written for each row, before the record id: `ucdp-123456`.
    public var recordPrefix: String
    /// Columns whose presence identifies this export (to name the source of a wrong file).
    public var signature: [String]
    /// Output field → where it comes from.
    public var fields: [EventField: FieldSource]
    /// The date's precision, from a column of codes (ACLED's time_precision); nil: the date's own.
    public var precision: PrecisionSource?
    /// Type filters the import offers, by option name.
    public var filters: [EventFilterSpec]
    /// What the release covers beyond what the rows show.
    public var coverage: CoverageSpec
    /// Where the mapping came from (`built-in ucdp-ged` or a file path), for messages.
    public var origin: String
    /// Which attacks columns are written and how the description is worded.
    public var output: OutputSpec = OutputSpec()
    /// How the release's `sources.csv` row is worded; nil parts take the event imports' wording.
    public var source: SourceSpec = SourceSpec()

    /// The table an import writes: its columns (catalog names, in the catalog's order), and the
    /// description built from the event type and sub-type.
    public struct OutputSpec: Sendable {
        /// nil: the event columns, and the optional ones the mapping gives (`EventImporter.outputColumns(for:)`).
        public var columns: [EventOutputColumn]?
        /// The description when the row has no event type.
        public var unrecorded = "Event of unrecorded type"
        /// What follows the type when the row has a sub-type; `{}` stands for the sub-type.
        public var subtype = ": {}"
    }

    /// The source row's wording. Templates fill `{file}`, `{command}`, `{encoding}`, `{mapping}`,
    /// `{written}`, `{read}`, `{selection}`, `{scope}`, `{licence}`, `{title}`, `{types}`, `{note}`
    /// and `{release_date_note}`.
    public struct SourceSpec: Sendable {
        public var title: String?
        public var notes: String?
        public var coverageNote: String?
        /// Where the file name carries the release date: letters MM and YY (or YYYY) stand for its
        /// digits, e.g. `MMYYdist` for START's `globalterrorismdb_0522dist` (May 2022).
        public var releaseDateInFileName: String?
    }

    /// Where an output field's value comes from: one column, or the first non-blank of several,
    /// with an optional translation.
    public struct FieldSource: Sendable {
        public var columns: [String]
        /// A code table for countries: `gleditsch-ward`, `iso3166-numeric`, `iso3166-alpha3`,
        /// `gtd-names` (the GTD's country_txt names) or `names`.
        public var codes: String?
        /// Value translations (e.g. `3: One-sided violence`, or country names to codes with `codes: names`).
        public var values: [String: String]
        /// Values the source writes for "unknown" (the GTD's -9 and -99, "Unknown"): a count is
        /// then blank (unknown, never 0), and a text column is passed over for the next one.
        public var unknown: [String]
        /// Whether a file without the column is refused (the GTD's nwound), rather than its
        /// output column written blank.
        public var required = false
        /// Where the field's entry is in the mapping file.
        public var location: SourceLocation
    }

    /// A column of precision codes and what each code means for the date.
    public struct PrecisionSource: Sendable {
        public var column: String
        /// Code → `day`, `week` (the day kept, marked approximate), `month` or `year`.
        public var values: [String: DatePrecisionCode]
    }

    /// A type filter: `--type-of-violence 3` keeps rows whose `type_of_violence` is 3.
    public struct EventFilterSpec: Sendable {
        /// The option's name without dashes.
        public var option: String
        public var column: String
        /// The values the source uses, to check what is given; empty: any value.
        public var values: [String]
        /// Words for the values (3 → One-sided violence), for the source row.
        public var labels: [String: String]
    }

    /// Coverage stated by the mapping; first and last date and gaps come from the rows.
    public struct CoverageSpec: Sendable {
        public var note: String
        public var breaks: [CollectionBreak]
        /// Countries whose coverage starts later than the release's first date (ACLED's regions).
        public var fromByCountry: [String: PartialDate]
    }

    /// The known code tables for `codes:`.
    public static let codeTables = ["gleditsch-ward", "iso3166-numeric", "iso3166-alpha3", "gtd-names", "names"]
}

/// The attacks-table fields a mapping can fill.
public enum EventField: String, Sendable, CaseIterable {
    case recordID = "record_id"
    /// One date column (`date`), or a range (`date_start`, `date_end`).
    case date, dateStart = "date_start", dateEnd = "date_end"
    case country, place
    case killed, killedLow = "killed_low", killedHigh = "killed_high", wounded
    case eventType = "event_type", eventSubtype = "event_subtype"
    case provstate, city, latitude, longitude, summary
    /// A date in parts (the GTD's iyear, imonth, iday), 0 for an unknown month or day.
    case year, month, day
    /// The source's own text for an uncertain date (the GTD's approxdate), copied to date_approx.
    case dateApprox = "date_approx"
    /// Columns of the catalog's attacks table that only some sources fill (the GTD's attack and
    /// target types, perpetrator group, 0/1 flags and country name as written): written only when
    /// the mapping gives them.
    case attackType = "attack_type", targetType = "target_type", groupName = "group_name"
    case success, suicide, doubtTerrorism = "doubt_terrorism", countryAsWritten = "country_gtd"

    /// The field's position in `allCases`, for array lookups in the row loop.
    var ordinal: Int {
        switch self {
        case .recordID: return 0
        case .date: return 1
        case .dateStart: return 2
        case .dateEnd: return 3
        case .country: return 4
        case .place: return 5
        case .killed: return 6
        case .killedLow: return 7
        case .killedHigh: return 8
        case .wounded: return 9
        case .eventType: return 10
        case .eventSubtype: return 11
        case .provstate: return 12
        case .city: return 13
        case .latitude: return 14
        case .longitude: return 15
        case .summary: return 16
        case .year: return 17
        case .month: return 18
        case .day: return 19
        case .dateApprox: return 20
        case .attackType: return 21
        case .targetType: return 22
        case .groupName: return 23
        case .success: return 24
        case .suicide: return 25
        case .doubtTerrorism: return 26
        case .countryAsWritten: return 27
        }
    }

    /// The columns a mapping may add to the event columns, in the catalog's order (between
    /// longitude and summary).
    static let optionalColumns: [EventField] = [.attackType, .targetType, .groupName, .success, .suicide, .doubtTerrorism, .countryAsWritten]

    /// Columns of 0 or 1 (1: yes); any other value but an `unknown:` one is written blank and counted.
    var isFlag: Bool { self == .success || self == .suicide || self == .doubtTerrorism }

    /// Fields a mapping must give (the date as `date`, `date_start` or `year`).
    static let required: [EventField] = [.recordID, .country, .killed]

    /// Fields whose `unknown:` values the import reads: counts become blank, text moves on to the
    /// next column.
    static let readsUnknown: [EventField] = [.killed, .killedLow, .killedHigh, .wounded, .place, .provstate, .city, .summary,
                                             .attackType, .targetType, .groupName, .success, .suicide, .doubtTerrorism]
}

/// What a precision code says about a date.
public enum DatePrecisionCode: String, Sendable {
    case day, week, month, year
}

extension EventMapping {
    /// Reads a mapping from YAML text; errors name the file, line and key.
    public init(yaml: String, file: String) throws(Diagnostic) {
        try self.init(bytes: Array(yaml.utf8), file: file)
    }

    /// Reads a mapping from a file's bytes, checked as every YAML input is (size, UTF-8, NUL bytes,
    /// nesting) within `limits` (`import events --max-yaml-*`).
    public init(bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(Diagnostic) {
        let document = try YAMLDocument(bytes: bytes, file: file, limits: limits)
        let root = try document.requireRoot(expected: "an event mapping (name, title, fields, ...)")
        let map = try root.mapping(allowedKeys: ["name", "title", "short_title", "publisher", "url", "licence", "record_prefix", "signature",
                                                 "fields", "precision", "filters", "coverage", "output", "source"])
        origin = file
        name = try map.require("name", "a short name such as my-dataset").string()
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw try map.require("name", "").error("the name must be lowercase letters, digits and hyphens, like the catalog's ids")
        }
        title = try map.require("title", "the dataset's title").string()
        shortTitle = try map["short_title"]?.string() ?? title
        publisher = try map["publisher"]?.string() ?? ""
        url = try map["url"]?.string() ?? ""
        licence = try map["licence"]?.string() ?? ""
        recordPrefix = try map["record_prefix"]?.string() ?? name
        signature = try map["signature"]?.stringList() ?? []

        let fieldsNode = try map.require("fields", "which column fills which field")
        let fieldMap = try fieldsNode.mapping(allowedKeys: EventField.allCases.map(\.rawValue))
        var fields: [EventField: FieldSource] = [:]
        for (key, node) in fieldMap.entries {
            let field = EventField(rawValue: key)!
            fields[field] = try EventMapping.fieldSource(node, field: field)
        }
        for field in EventField.required where fields[field] == nil {
            throw fieldsNode.error("missing '\(field.rawValue)'", hint: "a mapping must give \(EventField.required.map(\.rawValue).joined(separator: ", ")) and a date (date, or date_start with date_end)")
        }
        for part in [EventField.month, .day] where fields[part] != nil && fields[.year] == nil {
            throw fieldsNode.error("'\(part.rawValue)' is given without 'year'", hint: "a date in parts needs year, month and day")
        }
        let dateForms = [EventField.date, .dateStart, .year].filter { fields[$0] != nil }
        if dateForms.isEmpty {
            throw fieldsNode.error("missing 'date' (or 'date_start', or 'year')", hint: "give the column of the event's date")
        }
        if dateForms.count > 1 {
            throw fieldsNode.error("both '\(dateForms[0].rawValue)' and '\(dateForms[1].rawValue)' are given",
                                   hint: "give one date column, a range with date_start and date_end, or parts with year, month and day")
        }
        if fields[.day] != nil && fields[.month] == nil {
            throw fieldsNode.error("'day' is given without 'month'", hint: "a date in parts needs year, month and day")
        }
        if fields[.country]!.codes == nil {
            throw fieldsNode.error("fields.country needs 'codes'", hint: "one of \(EventMapping.codeTables.joined(separator: ", ")); with names, list them under values")
        }
        self.fields = fields

        if let node = map["precision"] {
            let entry = try node.mapping(allowedKeys: ["column", "values"])
            let column = try entry.require("column", "the column of precision codes").string()
            var values: [String: DatePrecisionCode] = [:]
            if let valuesNode = entry["values"] {
                for (code, meaning) in try valuesNode.dataMapping() {
                    let word = try meaning.choice(of: ["day", "week", "month", "year"])
                    values[code] = DatePrecisionCode(rawValue: word)!
                }
            }
            precision = PrecisionSource(column: column, values: values)
        } else {
            precision = nil
        }

        var filters: [EventFilterSpec] = []
        for node in try map["filters"]?.sequence() ?? [] {
            let entry = try node.mapping(allowedKeys: ["option", "column", "values", "labels"])
            var labels: [String: String] = [:]
            if let labelsNode = entry["labels"] {
                for (value, label) in try labelsNode.dataMapping() { labels[value] = try label.string() }
            }
            filters.append(EventFilterSpec(option: try entry.require("option", "the option name, e.g. event-type").string(),
                                           column: try entry.require("column", "the column the filter reads").string(),
                                           values: try entry["values"]?.stringList() ?? [], labels: labels))
        }
        self.filters = filters

        var coverage = CoverageSpec(note: "", breaks: [], fromByCountry: [:])
        if let node = map["coverage"] {
            let entry = try node.mapping(allowedKeys: ["note", "collection_breaks", "covers_from_by_country"])
            coverage.note = try entry["note"]?.string() ?? ""
            if let breaks = entry["collection_breaks"] {
                for (date, note) in try breaks.dataMapping() {
                    guard let day = try? PartialDate(parsing: date) else { throw note.error("'\(date)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
                    coverage.breaks.append(CollectionBreak(date: day, note: try note.string()))
                }
            }
            if let starts = entry["covers_from_by_country"] {
                for (code, dateNode) in try starts.dataMapping() {
                    let text = try dateNode.string()
                    guard let day = try? PartialDate(parsing: text) else { throw dateNode.error("'\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
                    coverage.fromByCountry[code] = day
                }
            }
        }
        self.coverage = coverage

        if let node = map["output"] {
            let entry = try node.mapping(allowedKeys: ["columns", "description"])
            if let columnsNode = entry["columns"] {
                var columns: [EventOutputColumn] = []
                for item in try columnsNode.sequence() {
                    let name = try item.string()
                    guard let column = EventOutputColumn(rawValue: name) else {
                        throw item.error("'\(name)' is not an attacks column an import writes",
                                         hint: Suggestion.closest(to: name, in: EventOutputColumn.allCases.map(\.rawValue)).map { "did you mean '\($0)'?" }
                                            ?? "columns: \(EventOutputColumn.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    if let last = columns.last, last.order >= column.order {
                        throw item.error("'\(name)' is out of the catalog's order (or given twice)",
                                         hint: "list the columns in the order of the attacks table in Datasets/catalog.yaml")
                    }
                    columns.append(column)
                }
                for needed in EventOutputColumn.required where !columns.contains(needed) {
                    throw columnsNode.error("the columns lack '\(needed.rawValue)'",
                                            hint: "every attacks table has \(EventOutputColumn.required.map(\.rawValue).joined(separator: ", "))")
                }
                output.columns = columns
            }
            if let descriptionNode = entry["description"] {
                let description = try descriptionNode.mapping(allowedKeys: ["unrecorded", "subtype"])
                if let text = try description["unrecorded"]?.string() { output.unrecorded = text }
                if let subtypeNode = description["subtype"] {
                    let text = try subtypeNode.string()
                    guard text.components(separatedBy: "{}").count == 2 else {
                        throw subtypeNode.error("the sub-type's wording needs one '{}' where the sub-type goes", hint: "e.g. ' (target: {})'")
                    }
                    output.subtype = text
                }
            }
        }
        if let node = map["source"] {
            let entry = try node.mapping(allowedKeys: ["title", "notes", "coverage_note", "release_date_in_file_name"])
            source.title = try entry["title"]?.string()
            source.notes = try entry["notes"]?.string()
            source.coverageNote = try entry["coverage_note"]?.string()
            if let patternNode = entry["release_date_in_file_name"] {
                let pattern = try patternNode.string()
                guard pattern.contains("MM"), pattern.contains("YY") else {
                    throw patternNode.error("the pattern needs MM and YY (or YYYY) where the file name has the month and year", hint: "e.g. MMYYdist")
                }
                source.releaseDateInFileName = pattern
            }
        }
    }

    private static func fieldSource(_ node: YAMLNode, field: EventField) throws(Diagnostic) -> FieldSource {
        if node.isScalar {
            return FieldSource(columns: [try node.string()], codes: nil, values: [:], unknown: [], location: node.location)
        }
        let entry = try node.mapping(allowedKeys: ["column", "columns", "codes", "values", "unknown", "required"])
        var columns: [String] = []
        if let column = entry["column"] { columns = [try column.string()] }
        if let list = entry["columns"] { columns += try list.stringList() }
        guard !columns.isEmpty else { throw node.error("give 'column' (or 'columns', the first non-blank of several)") }
        var codes: String?
        if let codesNode = entry["codes"] {
            guard field == .country else { throw codesNode.error("'codes' applies to the country field only") }
            codes = try codesNode.choice(of: EventMapping.codeTables)
        }
        var values: [String: String] = [:]
        if let valuesNode = entry["values"] {
            for (key, value) in try valuesNode.dataMapping() { values[key] = try value.string() }
        }
        if codes == "names" && values.isEmpty {
            throw node.error("codes: names needs 'values', the country names and their codes")
        }
        let unknown = try entry["unknown"]?.stringList() ?? []
        if let unknownNode = entry["unknown"], !unknown.isEmpty, !EventField.readsUnknown.contains(field) {
            throw unknownNode.error("'unknown' applies to counts and text columns, not to \(field.rawValue)",
                                    hint: "fields that take it: \(EventField.readsUnknown.map(\.rawValue).joined(separator: ", "))")
        }
        var source = FieldSource(columns: columns, codes: codes, values: values, unknown: unknown, location: node.location)
        source.required = try entry["required"]?.bool() ?? false
        return source
    }

    /// Every column the mapping reads for the output's required fields.
    var requiredColumns: [String] {
        var columns: [String] = []
        for field in [EventField.recordID, .date, .dateStart, .year, .month, .day, .country, .killed] {
            if let source = fields[field] { columns += source.columns }
        }
        for field in EventField.allCases {
            if let source = fields[field], source.required, !columns.contains(source.columns[0]) { columns += source.columns }
        }
        return columns
    }
}
