/// Dates as event exports write them, read straight from the field's bytes:
/// `2024-03-22` (ISO, optionally followed by a time, as UCDP writes `2024-03-22 00:00:00.000`),
/// `22 March 2024` or `22-Mar-2024` (older ACLED exports), and `22-03-2024` (day-month-year, as
/// ACLED's codebook gives it).
enum EventDateParser {
    /// The day, or nil when the bytes are not a date in one of the forms above or name no real day.
    static func day(_ bytes: UnsafeBufferPointer<UInt8>) -> DayDate? {
        let count = bytes.count
        guard count >= 8 else { return nil }
        @inline(__always) func digits(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= count else { return nil }
            var value = 0
            for i in start..<(start + length) {
                let digit = bytes[i] &- UInt8(ascii: "0")
                guard digit <= 9 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        var year: Int?, month: Int?, day: Int?
        if let y = digits(0, 4), count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            // ISO; anything after the day must be a time (space or T).
            guard count == 10 || bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T") else { return nil }
            year = y; month = digits(5, 2); day = digits(8, 2)
        } else {
            // Day first: "22 March 2024", "22-Mar-2024", "22-03-2024", "2 March 2024".
            var i = 0
            var d = 0
            while i < count, i < 2, let digit = digits(i, 1) { d = d * 10 + digit; i += 1 }
            guard i > 0, i < count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "-") else { return nil }
            let separator = bytes[i]
            i += 1
            let monthStart = i
            while i < count, bytes[i] != separator { i += 1 }
            guard i < count else { return nil }
            let monthBytes = UnsafeBufferPointer(rebasing: bytes[monthStart..<i])
            month = digits(monthStart, i - monthStart).flatMap { i - monthStart <= 2 ? $0 : nil } ?? monthNumber(monthBytes)
            i += 1
            guard count - i == 4 else { return nil }
            year = digits(i, 4)
            day = d
        }
        guard let year, let month, let day, (1...12).contains(month), year >= 1,
              (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        return DayDate(year: year, month: month, day: day)
    }

    /// "March", "march", "Mar" → 3.
    static func monthNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 3 else { return nil }
        let lowered = bytes.map { $0 | 0x20 }
        for (index, name) in names.enumerated() {
            if lowered.count == 3 ? lowered.elementsEqual(name.prefix(3)) : lowered.elementsEqual(name) { return index + 1 }
        }
        return nil
    }

    private static let names: [[UInt8]] = ["january", "february", "march", "april", "may", "june", "july", "august",
                                           "september", "october", "november", "december"].map { Array($0.utf8) }
}
