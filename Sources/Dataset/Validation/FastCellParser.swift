/// Parses the common, well-formed cell straight from the CSV reader's bytes, without building a
/// `String` to inspect it character by character. It decides only what it can decide exactly:
/// a cell it accepts gets the same value `CellParser` would give, and any other cell (blank,
/// padded, non-ASCII, out of range, malformed) returns nil so that `CellParser` parses it and
/// writes the message. Every cell is still checked; only the checking is cheaper.
///
/// One parser serves one table load: it keeps each column's allowed values as bytes and shares
/// the one-code arrays of country cells, so a 200,000-row table does not allocate per cell.
struct FastCellParser {
    /// What the fast path needs of each column, kept apart from `ColumnSchema`: copying a schema
    /// (names, descriptions, values) for every cell was a retain per field per cell.
    private struct Rule {
        var type: ColumnType
        var required: Bool
        var minimum: Double?
        var maximum: Double?
    }

    private let rules: [Rule]
    /// Each enumeration column's allowed values as UTF-8, with the `String` to return for each.
    private let allowed: [[([UInt8], String)]]
    /// `.countries([code])` values already made, by code.
    private var countryCells: [String: CellValue] = [:]
    /// Codes seen in lists of several countries (single codes are the keys of `countryCells`).
    private var listedCodes: Set<String> = []

    /// Every country code the parser has accepted, to check them against countries.csv once
    /// rather than once a row.
    var countryCodesSeen: Set<String> { listedCodes.union(countryCells.keys) }

    init(columns: [ColumnSchema]) {
        rules = columns.map { Rule(type: $0.type, required: $0.required, minimum: $0.minimum, maximum: $0.maximum) }
        allowed = columns.map { column in
            column.type == .enumeration ? column.allowedValues.map { (Array($0.utf8), $0) } : []
        }
    }

    /// The value of a cell of schema column `index` (its bytes without quotes, with no doubled
    /// quotes inside), or nil when `CellParser` must decide.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, column index: Int) -> CellValue? {
        let column = rules[index]
        guard let first = bytes.first, let last = bytes.last else { return column.required ? nil : .blank }
        // Leading or trailing spaces are an error for every type but text; non-ASCII ends might be
        // Unicode spaces. Both go to the slow path, which knows the message.
        if column.type != .text && (Self.isSpaceOrNonASCII(first) || Self.isSpaceOrNonASCII(last)) { return nil }
        switch column.type {
        case .text, .ref:
            return String(validating: bytes, as: UTF8.self).map { .text($0) }
        case .id:
            guard bytes.allSatisfy({ Self.isLowerLetterOrDigit($0) || $0 == UInt8(ascii: "-") }) else { return nil }
            return .text(String(decoding: bytes, as: UTF8.self))
        case .integer:
            guard let value = Self.integer(bytes), Self.inRange(Double(value), column) else { return nil }
            return .integer(value)
        case .number:
            // Plain decimals only (-12.5); exponents and other spellings go to the slow path.
            guard bytes.count <= 32, Self.isPlainDecimal(bytes),
                  let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite, Self.inRange(value, column) else { return nil }
            return .number(value)
        case .date:
            return Self.date(bytes).map { .date($0) }
        case .country:
            guard Self.isCountryCode(bytes[...]) else { return nil }
            return countryCell(bytes[...])
        case .countryList:
            var codes: [String] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ";") {
                let code = bytes[start..<end]
                guard Self.isCountryCode(code) else { return nil }
                let text = String(decoding: code, as: UTF8.self)
                guard !codes.contains(text) else { return nil }
                codes.append(text)
                start = end + 1
            }
            if codes.count == 1 { return countryCell(bytes[...]) }
            listedCodes.formUnion(codes)
            return .countries(codes)
        case .enumeration:
            for (utf8, value) in allowed[index] where utf8.elementsEqual(bytes) { return .text(value) }
            return nil
        case .url:
            guard Self.hasPrefix(bytes, "http://") || Self.hasPrefix(bytes, "https://"),
                  !bytes.contains(UInt8(ascii: " ")), let text = String(validating: bytes, as: UTF8.self) else { return nil }
            return .text(text)
        case .dateSpans, .datedNotes, .countryDates:
            // Coverage's structured texts (a few cells per table): the full parser reads them.
            return nil
        }
    }

    private mutating func countryCell(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> CellValue {
        let code = String(decoding: bytes, as: UTF8.self)
        if let cell = countryCells[code] { return cell }
        let cell = CellValue.countries([code])
        countryCells[code] = cell
        return cell
    }

    /// Space, any control character, or a byte of a non-ASCII character.
    private static func isSpaceOrNonASCII(_ byte: UInt8) -> Bool {
        byte >= 0x7F || byte <= 0x20
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLowerLetterOrDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    /// `-?[0-9]{1,18}`: what `Int(_:)` and the integer check both accept, short enough not to overflow.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let negative = bytes[0] == UInt8(ascii: "-")
        let digits = bytes[(negative ? 1 : 0)...]
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// `-?[0-9]+(\.[0-9]+)?`
    private static func isPlainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = bytes[0] == UInt8(ascii: "-") ? 1 : 0
        var digitsBefore = 0, digitsAfter = 0, seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                if seenPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return false
            }
            index += 1
        }
        return digitsBefore > 0 && (!seenPoint || digitsAfter > 0)
    }

    private static func inRange(_ value: Double, _ column: Rule) -> Bool {
        if let minimum = column.minimum, value < minimum { return false }
        if let maximum = column.maximum, value > maximum { return false }
        return true
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of ASCII digits, as `PartialDate(parsing:)` reads them.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> PartialDate? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10, let year = number(0..<4) else { return nil }
        var month: Int? = nil, day: Int? = nil
        if bytes.count >= 7 {
            guard bytes[4] == UInt8(ascii: "-"), let value = number(5..<7) else { return nil }
            month = value
        }
        if bytes.count == 10 {
            guard bytes[7] == UInt8(ascii: "-"), let value = number(8..<10) else { return nil }
            day = value
        }
        return try? PartialDate(year: year, month: month, day: day)
    }

    /// Three or four upper-case ASCII letters: the shape `CellParser` accepts for a country code.
    private static func isCountryCode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        (bytes.count == 3 || bytes.count == 4) && bytes.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return UnsafeBufferPointer(start: prefix.utf8Start, count: count).elementsEqual(bytes[..<count])
    }
}
