/// What a column of a tidy table holds. Declared in a schema (Frictionless Data Table Schema types)
/// or inferred from the cells.
public enum TidyColumnType: Sendable, Hashable, CustomStringConvertible {
    /// Whole numbers: `2001`, `-4`.
    case integer
    /// Any finite number: `3.5`, `1e-3`.
    case number
    /// Free text.
    case string
    /// Calendar dates known to a year, a month or a day (`PartialDate`); the precision is the finest
    /// the column allows (declared) or holds (inferred).
    case date(PartialDate.Precision)
    /// An ISO 3166-1 alpha-3 country code, checked against the corpus's code list (Datasets/countries.csv).
    case country
    /// `true`/`false` (also `True`, `TRUE`, `False`, `FALSE`; Frictionless's default true and false values).
    case boolean

    /// The Frictionless name of the type (`date` for day precision, `yearmonth`, `year`), and our `country`.
    public var description: String {
        switch self {
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .date(.day): return "date"
        case .date(.month): return "yearmonth"
        case .date(.year): return "year"
        case .country: return "country"
        case .boolean: return "boolean"
        }
    }

    /// The type names a schema may use, for messages and suggestions.
    public static let schemaNames = ["integer", "number", "string", "date", "yearmonth", "year", "country", "boolean"]

    /// The type a schema names, or nil for a name it does not know.
    public init?(schemaName: String) {
        switch schemaName {
        case "integer": self = .integer
        case "number": self = .number
        case "string": self = .string
        case "date": self = .date(.day)
        case "yearmonth": self = .date(.month)
        case "year": self = .date(.year)
        case "country": self = .country
        case "boolean": self = .boolean
        default: return nil
        }
    }

    /// True for integer and number columns, the ones a numeric channel (y, size, fill) can read.
    public var isNumeric: Bool { self == .integer || self == .number }

    /// Words for messages: "an integer column", "a text column".
    public var article: String {
        switch self {
        case .integer: return "an integer column"
        case .number: return "a number column"
        case .string: return "a text column"
        case .date: return "a date column"
        case .country: return "a country column"
        case .boolean: return "a boolean column"
        }
    }
}

/// One cell of a tidy table, typed by its column. A missing cell is not a value: columns hold
/// `TidyValue?` and nil is missing, never 0 or "".
public enum TidyValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case string(String)
    case date(PartialDate)
    case country(String)
    case boolean(Bool)

    /// The value as a number: integers and numbers; nil for every other type.
    public var number: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    /// The value as a point in time, in years: integers as years (2001), dates as fractional years
    /// from their first day (2001-07 → 2001.496), numbers as they are; nil for text, codes and booleans.
    public var timeValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        case .date(let date):
            guard date.precision != .year else { return Double(date.year) }
            let start = DayDate(year: date.year, month: 1, day: 1).daysSinceEpoch
            let days = Double(DayDate(year: date.year + 1, month: 1, day: 1).daysSinceEpoch - start)
            return Double(date.year) + Double(date.earliestDay.daysSinceEpoch - start) / days
        default: return nil
        }
    }

    /// The value as the CSV spelt it, in canonical form (dates as YYYY[-MM[-DD]], numbers in full precision).
    public var description: String {
        switch self {
        case .integer(let i): return String(i)
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .string(let s), .country(let s): return s
        case .date(let d): return d.description
        case .boolean(let b): return b ? "true" : "false"
        }
    }

    /// Orders values of one type naturally (numbers by value, dates by day, text by code point);
    /// values of different types (never in one column) by their text.
    public static func < (a: TidyValue, b: TidyValue) -> Bool {
        switch (a, b) {
        case (.date(let x), .date(let y)): return x < y
        case (.boolean(let x), .boolean(let y)): return !x && y
        default:
            if let x = a.number, let y = b.number { return x < y }
            return a.description < b.description
        }
    }
}
