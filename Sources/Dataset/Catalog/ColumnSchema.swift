/// The kinds of value a catalog column may hold. Each has one textual form in CSV.
public enum ColumnType: String, Sendable, Hashable, CaseIterable, Codable {
    /// A stable row identifier: lowercase letters, digits and hyphens.
    case id
    /// Free text.
    case text
    /// A whole number, without thousands separators.
    case integer
    /// A decimal number.
    case number
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the precision is kept.
    case date
    /// An ISO 3166-1 alpha-3 code listed in the countries table, or a former state's
    /// four-letter code (ISO 3166-3 style) listed there.
    case country
    /// Several country codes separated by `;`.
    case countryList = "country-list"
    /// One of the column's `values`.
    case enumeration = "enum"
    /// A value of another table's column, e.g. `sources.id`.
    case ref
    /// An http(s) address.
    case url
    /// Dates or ranges of dates separated by `;`: `1993;2011-11..2012-02` (a coverage's gaps).
    case dateSpans = "date-spans"
    /// `DATE: note` entries separated by `|` (a coverage's collection breaks).
    case datedNotes = "dated-notes"
    /// `ISO3=DATE` entries separated by `;` (a coverage's later starts by country).
    case countryDates = "country-dates"
}

/// `table.column`, the target of a `ref` column.
public struct ColumnReference: Sendable, Hashable, CustomStringConvertible {
    public var table: String
    public var column: String
    public var description: String { "\(table).\(column)" }
}

/// One column of a catalog table: its type and what its values may be.
public struct ColumnSchema: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
    public var required: Bool
    public var description: String?
    public var unit: String?
    public var minimum: Double?
    public var maximum: Double?
    public var allowedValues: [String]
    public var references: ColumnReference?
    /// The column whose number this one qualifies ("more-than" qualifies `killed`).
    public var qualifies: String?
    /// What a blank cell means, in words ("unknown", "still in force").
    public var blankMeaning: String?
    /// Whether the row's quote must state this column's value (a date: its year), so that
    /// `datasets validate --seeds` can catch a figure its own quote contradicts.
    public var statedInQuote: Bool = false

    public init(name: String, type: ColumnType, required: Bool = false, description: String? = nil, unit: String? = nil,
                minimum: Double? = nil, maximum: Double? = nil, allowedValues: [String] = [],
                references: ColumnReference? = nil, qualifies: String? = nil, blankMeaning: String? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.allowedValues = allowedValues
        self.references = references
        self.qualifies = qualifies
        self.blankMeaning = blankMeaning
    }

    /// What a valid value looks like, for error messages.
    public var expectation: String {
        switch type {
        case .id: return "an identifier of lowercase letters, digits and hyphens (e.g. atk-2004-09-beslan)"
        case .text: return "text"
        case .integer:
            var text = "a whole number without separators"
            if let minimum, minimum == 0 { text += " (0 or more)" }
            return text
        case .number: return "a number such as 12 or 0.5"
        case .date: return "a date as YYYY, YYYY-MM or YYYY-MM-DD"
        case .country: return "an ISO 3166-1 alpha-3 code listed in countries.csv (e.g. RUS), or a former state's four-letter code listed there (e.g. SUHH)"
        case .countryList: return "ISO 3166-1 alpha-3 codes separated by ';' (e.g. RUS;CHN)"
        case .enumeration: return "one of: \(allowedValues.joined(separator: ", "))"
        case .ref: return "an id listed in \(references.map { "\($0.table).csv (column \($0.column))" } ?? "another table")"
        case .url: return "an http:// or https:// address"
        case .dateSpans: return "dates or ranges separated by ';' (e.g. 1993;2011-11..2012-02)"
        case .datedNotes: return "'DATE: note' entries separated by '|' (e.g. 2011-11: START took over collection)"
        case .countryDates: return "ISO3=DATE entries separated by ';' (e.g. KAZ=2018;RUS=2018-01)"
        }
    }
}
