import Foundation

/// Unit for reporting gaps between events.
public enum GapUnit: String, Sendable, Codable, Equatable {
    /// Calendar days.
    case days
    /// Mean Gregorian months of 365.2425/12 = 30.436875 days, so gaps of different lengths
    /// in days stay comparable (calendar-month counting would make 31 Jan → 1 Mar "1 month").
    case months
}

/// Gaps between consecutive dated events.
public struct EventGapSummary: Sendable, Codable, Equatable {
    /// Gap after each event, in `unit`, in date order (count − 1 entries).
    public var gaps: [Double]
    /// Median gap.
    public var medianGap: Double
    /// Longest gap.
    public var longestGap: Double
    /// Dates that bound the longest gap (the first such pair if several tie).
    public var longestGapStart: Date
    public var longestGapEnd: Date
    /// Unit of all gap values.
    public var unit: GapUnit
    /// Number of events.
    public var n: Int
}

/// Time between dated events.
public enum EventGaps {
    /// Days in a mean Gregorian month.
    public static let daysPerMonth = 365.2425 / 12

    /// Sorts the dates and measures the gaps between neighbours. Days are whole calendar days
    /// in UTC (`Calendar(identifier: .gregorian)`), so clock times and daylight saving do not
    /// matter.
    ///
    /// - Throws: `AnalysisError.tooFewEvents` for fewer than 2 dates.
    public static func summarize(_ dates: [Date], unit: GapUnit = .days) throws -> EventGapSummary {
        guard dates.count >= 2 else {
            throw AnalysisError.tooFewEvents(statistic: "Gaps between events", needed: 2, got: dates.count)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let sorted = dates.sorted()
        let days = zip(sorted, sorted.dropFirst()).map { start, end in
            Double(calendar.dateComponents([.day], from: calendar.startOfDay(for: start), to: calendar.startOfDay(for: end)).day ?? 0)
        }
        let gaps = unit == .days ? days : days.map { $0 / daysPerMonth }
        var longestIndex = 0
        for i in gaps.indices where gaps[i] > gaps[longestIndex] { longestIndex = i }
        return EventGapSummary(
            gaps: gaps, medianGap: median(gaps), longestGap: gaps[longestIndex],
            longestGapStart: sorted[longestIndex], longestGapEnd: sorted[longestIndex + 1], unit: unit, n: dates.count)
    }
}
