import Foundation

/// A calendar date known to a year, a month or a day: `2004`, `2004-09`, `2004-09-01`.
///
/// Sources often say only "September 2004"; storing that as 2004-09-01 would invent a day,
/// so the precision travels with the value and every consumer decides what a partial date means
/// (a year count uses only the year; an exposure uses the whole month).
public struct PartialDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable, Codable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    /// Kept in four bytes rather than 33 (an `Int` and two `Int?`): a 200,000-row import holds
    /// a date in every table row, record and event, and the size of each of those follows the
    /// size of its largest cell. 0 stands for a month or day not stated.
    private let yearValue: Int16
    private let monthValue: UInt8
    private let dayValue: UInt8

    public var year: Int { Int(yearValue) }
    public var month: Int? { monthValue == 0 ? nil : Int(monthValue) }
    public var day: Int? { dayValue == 0 ? nil : Int(dayValue) }

    public var precision: Precision { dayValue != 0 ? .day : monthValue != 0 ? .month : .year }

    public init(year: Int, month: Int? = nil, day: Int? = nil) throws(PartialDateError) {
        guard (1...9999).contains(year) else { throw .outOfRange("year \(year) is outside 1–9999") }
        if let month, !(1...12).contains(month) { throw .outOfRange("month \(month) is outside 1–12") }
        if day != nil && month == nil { throw .outOfRange("a day needs a month") }
        if let day, let month {
            let last = PartialDate.daysIn(month: month, year: year)
            guard (1...last).contains(day) else {
                throw .outOfRange("day \(day) does not exist in \(PartialDate.monthNames[month - 1]) \(year) (it has \(last) days)")
            }
        }
        yearValue = Int16(year)
        monthValue = UInt8(month ?? 0)
        dayValue = UInt8(day ?? 0)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` strictly: four-digit year, two-digit month and day.
    public init(parsing text: String) throws(PartialDateError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw .malformed
        }
        let numbers = parts.map { Int($0)! }
        try self.init(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
    }

    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return text
    }

    /// The first day this date can mean: 2004 → 2004-01-01, 2004-09 → 2004-09-01.
    public var earliestDay: DayDate { DayDate(year: year, month: month ?? 1, day: day ?? 1) }

    /// The last day this date can mean: 2004 → 2004-12-31, 2004-09 → 2004-09-30.
    public var latestDay: DayDate {
        let m = month ?? 12
        return DayDate(year: year, month: m, day: day ?? PartialDate.daysIn(month: m, year: year))
    }

    /// Orders by earliest possible day, then coarser precision first ("2004" before "2004-01").
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        // The earliest day compared field by field (a month or day not stated is the 1st),
        // without building the two `DayDate`s: sorting 200,000 events makes millions of these.
        if a.yearValue != b.yearValue { return a.yearValue < b.yearValue }
        let aMonth = max(a.monthValue, 1), bMonth = max(b.monthValue, 1)
        if aMonth != bMonth { return aMonth < bMonth }
        let aDay = max(a.dayValue, 1), bDay = max(b.dayValue, 1)
        if aDay != bDay { return aDay < bDay }
        return a.precision < b.precision
    }

    /// One integer that orders as `<` does and is equal exactly when the dates are: the earliest
    /// day (a month or day not stated is the 1st), then the precision. Sorting 200,000 of these
    /// keys is a sort of integers, not of dates compared field by field.
    public var orderKey: UInt32 {
        UInt32(UInt16(bitPattern: yearValue)) << 11 | UInt32(max(monthValue, 1)) << 7 | UInt32(max(dayValue, 1)) << 2
            | UInt32(precision.rawValue)
    }

    /// Whether the two dates could name the same day (one contains the other).
    public func overlaps(_ other: PartialDate) -> Bool {
        earliestDay <= other.latestDay && other.earliestDay <= latestDay
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static let monthNames = ["January", "February", "March", "April", "May", "June",
                                    "July", "August", "September", "October", "November", "December"]
}

public enum PartialDateError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformed
    case outOfRange(String)

    public var description: String {
        switch self {
        case .malformed: return "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"
        case .outOfRange(let detail): return detail
        }
    }
}

/// A full calendar day, for arithmetic on the bounds of partial dates.
public struct DayDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    public static func < (a: DayDate, b: DayDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}
