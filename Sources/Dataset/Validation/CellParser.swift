import Support

/// Parses one cell by its column's type. Throws a diagnostic without a location; the caller adds it.
enum CellParser {
    static func parse(_ raw: String, as column: ColumnSchema) throws(Diagnostic) -> CellValue {
        if raw.isEmpty {
            if column.required {
                throw problem("'\(column.name)' is required but blank", expected: column)
            }
            return .blank
        }
        // Checking the ends directly: Foundation's trimming made this check half the load time.
        if column.type != .text, raw.first?.isWhitespace == true || raw.last?.isWhitespace == true {
            throw problem("'\(column.name)' has leading or trailing spaces: '\(raw)'", hint: "remove the spaces")
        }
        switch column.type {
        case .text:
            return .text(raw)
        case .id:
            guard raw.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
                throw problem("'\(raw)' is not a valid \(column.name)", expected: column)
            }
            return .text(raw)
        case .ref:
            return .text(raw)
        case .integer:
            guard let value = Int(raw), raw.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
                let hint = raw.contains(",") || raw.contains(" ") ? "write numbers without thousands separators: 1300, not 1,300"
                    : raw.lowercased().contains("unknown") || raw == "?" || raw.uppercased() == "NA" ? "leave the cell blank when the value is unknown"
                    : raw.first == ">" || raw.lowercased().hasPrefix("more") || raw.lowercased().hasPrefix("over") ? "put the number here and the qualifier (more-than) in its qualifier column"
                    : nil
                throw problem("'\(column.name)' must be a whole number, got '\(raw)'", hint: hint, expected: hint == nil ? column : nil)
            }
            try checkRange(Double(value), raw: raw, column: column)
            return .integer(value)
        case .number:
            guard let value = Double(raw), value.isFinite, raw.allSatisfy({ $0.isASCII }) else {
                throw problem("'\(column.name)' must be a number, got '\(raw)'", expected: column)
            }
            try checkRange(value, raw: raw, column: column)
            return .number(value)
        case .date:
            do {
                return .date(try PartialDate(parsing: raw))
            } catch {
                throw problem("'\(column.name)' is not a valid date: '\(raw)' (\(error))",
                              hint: raw.contains("/") || raw.contains(".") ? "write dates as YYYY-MM-DD (e.g. 2004-09-01), YYYY-MM or YYYY" : nil)
            }
        case .country:
            try checkCountryCode(raw, column: column)
            return .countries([raw])
        case .countryList:
            let codes = raw.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            for code in codes { try checkCountryCode(code, column: column) }
            if Set(codes).count != codes.count {
                throw problem("'\(column.name)' lists a country twice: '\(raw)'", hint: "list each country once")
            }
            return .countries(codes)
        case .enumeration:
            guard column.allowedValues.contains(raw) else {
                let suggestion = Suggestion.closest(to: raw, in: column.allowedValues)
                throw problem("'\(raw)' is not an allowed \(column.name); expected one of: \(column.allowedValues.joined(separator: ", "))",
                              hint: suggestion.map { "did you mean '\($0)'?" })
            }
            return .text(raw)
        case .url:
            guard raw.hasPrefix("http://") || raw.hasPrefix("https://"), !raw.contains(" ") else {
                throw problem("'\(column.name)' is not a web address: '\(raw)'", expected: column)
            }
            return .text(raw)
        case .dateSpans, .datedNotes, .countryDates:
            // Kept as text; `CoverageText` reads it again where it is used, so this check and that
            // reading cannot disagree.
            do {
                switch column.type {
                case .dateSpans: _ = try CoverageText.gaps(raw)
                case .datedNotes: _ = try CoverageText.breaks(raw)
                default: _ = try CoverageText.countryStarts(raw)
                }
            } catch {
                throw problem("'\(column.name)': \(error)")
            }
            return .text(raw)
        }
    }

    /// Shape only; whether the code is in countries.csv is checked once all tables are loaded.
    /// Four letters are a former state's code (ISO 3166-3 style, e.g. SUHH for the Soviet Union).
    private static func checkCountryCode(_ code: String, column: ColumnSchema) throws(Diagnostic) {
        guard code.count == 3 || code.count == 4, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            let hint = code.count == 2 ? "use the three-letter code (RU → RUS, CN → CHN)"
                : code.contains(",") || code.contains(" ") ? "separate codes with ';' and no spaces: RUS;CHN"
                : "use an upper-case ISO 3166-1 alpha-3 code such as RUS, CHN, KAZ"
            throw problem("'\(code)' is not a country code", hint: hint)
        }
    }

    private static func checkRange(_ value: Double, raw: String, column: ColumnSchema) throws(Diagnostic) {
        if let minimum = column.minimum, value < minimum {
            throw problem("'\(column.name)' is \(raw), below the minimum of \(format(minimum))",
                          hint: minimum == 0 ? "counts cannot be negative; leave the cell blank if the value is unknown" : nil)
        }
        if let maximum = column.maximum, value > maximum {
            throw problem("'\(column.name)' is \(raw), above the maximum of \(format(maximum))")
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private static func problem(_ message: String, hint: String? = nil, expected column: ColumnSchema? = nil) -> Diagnostic {
        let full = column.map { "\(message); expected \($0.expectation)" } ?? message
        return Diagnostic(SourceLocation(file: ""), full, hint: hint)
    }
}
