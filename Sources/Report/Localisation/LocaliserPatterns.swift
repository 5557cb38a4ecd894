import Foundation

extension Localiser {
    /// The patterns the localiser matches cells and notes against, compiled once per process: a
    /// regex literal written inside a function is built again on every call, and a briefing
    /// localises thousands of cells (building them was a measurable part of `report`).
    /// Regexes are immutable once built and safe to share between threads. `cell` tries each only
    /// when a cell can match it (perf: regex parsing per cell was 24% of the Russian edition).
    enum Patterns {
        /// "2002-10-10 to 2002-10-11": a span of dates in a cell.
        nonisolated(unsafe) static let dateSpan = #/^(\d{4}(?:-\d{2}){0,2}) to (\d{4}(?:-\d{2}){0,2})$/#
        /// "period not stated (reported 2017-12-28)"
        nonisolated(unsafe) static let periodNotStated = #/^period not stated \(reported (\d{4}(?:-\d{2}){0,2})\)$/#
        /// A count model's "dispersion = 1.02".
        nonisolated(unsafe) static let dispersion = #/^dispersion = (\S+)$/#
        /// The Mann–Kendall verdict, "increasing at α = 0.05".
        nonisolated(unsafe) static let verdict = #/^(no trend|increasing|decreasing) at α = (\S+)$/#
        /// A span from a month or a day, "2012-08 to 2013" (matched whole).
        nonisolated(unsafe) static let isoSpan = #/(\d{4}-\d{2}(?:-\d{2})?) to (\d{4}(?:-\d{2}){0,2})/#
        /// A month or a day, "2012-08", "2017-12-28" (matched whole).
        nonisolated(unsafe) static let isoDate = #/\d{4}-\d{2}(?:-\d{2})?/#
        /// Russian number conventions, in the order they apply (see `numbers(in:)`).
        nonisolated(unsafe) static let russianNumbers: [(NSRegularExpression, String)] = [
            (#"(?<=\d), (?=[-−]?\d)"#, "; "), (#"(?<=\d),(?=\d{3}(?!\d))"#, "\u{202F}"), (#"(?<=\d)\.(?=\d)"#, ","),
            (#"(?<=\d)%"#, "\u{00A0}%"),
        ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
        /// The note a count needs when rows stand for several events.
        nonisolated(unsafe) static let lowerBound = #/^(?:(\S+): )?(\d+) rows? stands? for several events the source does not tell apart \((.+)\) and counts? as one: counts that include (?:it|them) are lower bounds\.$/#
    }
}
