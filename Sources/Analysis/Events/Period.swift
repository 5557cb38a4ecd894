import Dataset

/// A span of time given by its first and last year or month, inclusive: `2001-2011`, `2024`,
/// `2024-01..2024-09`. Partial years are measured in months, so exposures are honest.
public struct Period: Sendable, Hashable, CustomStringConvertible {
    public let start: PartialDate
    public let end: PartialDate

    public init(start: PartialDate, end: PartialDate) throws(AnalysisInputError) {
        guard start.earliestDay <= end.latestDay else {
            throw .invalidPeriod("\(start)-\(end)", reason: "it ends before it starts")
        }
        guard start.precision != .day, end.precision != .day else {
            throw .invalidPeriod("\(start)..\(end)", reason: "periods are whole years or whole months")
        }
        self.start = start
        self.end = end
    }

    public init(years first: Int, _ last: Int) throws(AnalysisInputError) {
        do {
            try self.init(start: PartialDate(year: first), end: PartialDate(year: last))
        } catch let error as AnalysisInputError {
            throw error
        } catch {
            throw .invalidPeriod("\(first)-\(last)", reason: "\(error)")
        }
    }

    /// Parses `2024`, `2001-2011`, `2001–2011`, `2024-03` (one month) or `2024-01..2024-09`.
    public init(parsing text: String) throws(AnalysisInputError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let bounds: (String, String)
        if let range = trimmed.range(of: "..") {
            bounds = (String(trimmed[..<range.lowerBound]), String(trimmed[range.upperBound...]))
        } else if trimmed.count == 9, let separator = trimmed.firstIndex(where: { $0 == "-" || $0 == "–" }),
                  trimmed.distance(from: trimmed.startIndex, to: separator) == 4 {
            bounds = (String(trimmed[..<separator]), String(trimmed[trimmed.index(after: separator)...]))
        } else {
            bounds = (trimmed, trimmed)
        }
        let start: PartialDate, end: PartialDate
        do {
            start = try PartialDate(parsing: bounds.0)
            end = try PartialDate(parsing: bounds.1)
        } catch {
            throw .invalidPeriod(text, reason: "\(error)")
        }
        guard start.earliestDay <= end.latestDay else {
            throw .invalidPeriod(text, reason: "it ends before it starts (did you mean \(bounds.1)-\(bounds.0)?)")
        }
        try self.init(start: start, end: end)
    }

    /// Parses a period that may be relative to the data: `latest` (the last year with data)
    /// or `latest-N` (the last N years), besides the forms `init(parsing:)` takes.
    public init(parsing text: String, latestYear: Int?) throws(AnalysisInputError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("latest") else {
            try self.init(parsing: trimmed)
            return
        }
        let count = trimmed == "latest" ? 1 : Int(trimmed.dropFirst("latest-".count)) ?? 0
        guard count >= 1 && (trimmed == "latest" || trimmed.hasPrefix("latest-")) else {
            throw .invalidPeriod(text, reason: "write latest or latest-N (the last N years with data), e.g. latest-3")
        }
        guard let latestYear else { throw .invalidPeriod(text, reason: "the table has no dated rows to count back from") }
        try self.init(years: latestYear - count + 1, latestYear)
    }

    /// Length in years, counting months: 2001-2011 is 11.0, 2024-01..2024-09 is 0.75.
    public var years: Double {
        // The initialisers guarantee valid months and order, so Exposure cannot refuse.
        (try? Exposure.years(from: YearMonth(year: start.year, month: start.month ?? 1),
                             through: YearMonth(year: end.year, month: end.month ?? 12))) ?? 0
    }

    /// The part of calendar year `year` the period covers, in years (months ÷ 12): 1 for a year
    /// inside it, 0.75 for 2011 in `2001-06..2011-09`, 0 outside. This is a year's exposure in
    /// the count models, so a part-year is not read as a quiet full year.
    public func exposure(inYear year: Int) -> Double {
        let first = YearMonth(year: start.year, month: start.month ?? 1)
        let last = YearMonth(year: end.year, month: end.month ?? 12)
        let from = max(first, YearMonth(year: year, month: 1))
        let through = min(last, YearMonth(year: year, month: 12))
        return from <= through ? Double(through.index - from.index + 1) / 12 : 0
    }

    /// Whether the two periods share at least one month.
    public func overlaps(_ other: Period) -> Bool {
        start.earliestDay <= other.end.latestDay && other.start.earliestDay <= end.latestDay
    }

    public var firstYear: Int { start.year }
    public var lastYear: Int { end.year }

    /// Whether a dated event falls inside. An event known only to its year counts in a
    /// period that covers that whole year; one that might fall outside is `nil` (uncertain).
    public func contains(_ date: PartialDate) -> Bool? {
        let first = start.earliestDay, last = end.latestDay
        if date.earliestDay >= first && date.latestDay <= last { return true }
        if date.latestDay < first || date.earliestDay > last { return false }
        return nil
    }

    public var description: String {
        if start == end { return start.description }
        if start.precision == .year && end.precision == .year { return "\(start.year)–\(end.year)" }
        return "\(start)..\(end)"
    }
}
