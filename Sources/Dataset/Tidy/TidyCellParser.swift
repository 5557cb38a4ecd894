/// Reads one cell's text as a value of a column type, and infers a column's type from its cells.
public enum TidyCellParser {
    /// Frictionless's default texts for true and false.
    static let trueTexts: Set<String> = ["true", "True", "TRUE"]
    static let falseTexts: Set<String> = ["false", "False", "FALSE"]

    /// The cell as a value of `type`, or nil when the text is not one. Country codes are checked
    /// for shape here (three capital letters) and against the code list by the reader.
    public static func parse(_ text: String, as type: TidyColumnType) -> TidyValue? {
        switch type {
        case .integer:
            return Int(text).map(TidyValue.integer)
        case .number:
            // Finite numbers only, in the forms Swift and most tools write ("1", "-2.5", "3e4");
            // "nan"/"inf" are not measurements.
            guard let value = Double(text), value.isFinite, text.first.map({ $0.isNumber || $0 == "-" || $0 == "." || $0 == "+" }) ?? false
            else { return nil }
            return .number(value)
        case .string:
            return .string(text)
        case .date(let precision):
            guard let date = try? PartialDate(parsing: text), date.precision <= precision else { return nil }
            return .date(date)
        case .country:
            guard text.count == 3, text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
            return .country(text)
        case .boolean:
            if trueTexts.contains(text) { return .boolean(true) }
            if falseTexts.contains(text) { return .boolean(false) }
            return nil
        }
    }

    /// The narrowest type every present cell fits, tried in the order integer, number, date,
    /// boolean, string. A column with no present cell is text. Country is never inferred: three
    /// capital letters are as often a currency or an abbreviation, so ISO codes are a type only when
    /// a schema declares it (and then every code is checked against the code list).
    public static func inferType(of texts: [String], missing: Set<String>) -> TidyColumnType {
        let present = texts.filter { !missing.contains($0) }
        guard !present.isEmpty else { return .string }
        if present.allSatisfy({ parse($0, as: .integer) != nil }) { return .integer }
        if present.allSatisfy({ parse($0, as: .number) != nil }) { return .number }
        var finest = PartialDate.Precision.year
        let allDates = present.allSatisfy { text in
            guard let date = try? PartialDate(parsing: text) else { return false }
            finest = max(finest, date.precision)
            return true
        }
        if allDates { return .date(finest) }
        if present.allSatisfy({ parse($0, as: .boolean) != nil }) { return .boolean }
        return .string
    }

    /// What a cell of `type` must look like, for messages.
    public static func expectation(for type: TidyColumnType) -> String {
        switch type {
        case .integer: return "a whole number, e.g. 42"
        case .number: return "a number, e.g. 3.5"
        case .string: return "text"
        case .date(.day): return "a date as YYYY-MM-DD (or YYYY-MM, YYYY)"
        case .date(.month): return "a year and month as YYYY-MM (or YYYY)"
        case .date(.year): return "a year as YYYY"
        case .country: return "an ISO 3166-1 alpha-3 country code, e.g. KAZ"
        case .boolean: return "true or false"
        }
    }
}
