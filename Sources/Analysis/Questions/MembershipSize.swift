import Foundation
import Dataset

/// How many states held each status at the end of each year: the organisation's growth.
public struct MembershipSize: Sendable {
    public static let statuses: [MembershipSpell.Status] = [.member, .observer, .dialoguePartner]

    public var years: [Int]
    /// One series per status in `statuses`, one value per year.
    public var counts: [MembershipSpell.Status: [Int]]

    /// Counts on 31 December of each year (founding members counted as members).
    public init(corpus: Corpus, years: [Int]) {
        self.years = years
        var counts: [MembershipSpell.Status: [Int]] = [:]
        for year in years {
            let statuses = corpus.statuses(on: DayDate(year: year, month: 12, day: 31)).values
            for status in MembershipSize.statuses {
                counts[status, default: []].append(statuses.filter { $0 == status }.count)
            }
        }
        self.counts = counts
    }

    /// Every year from the first spell to `lastYear` (or the last change in the table).
    public init(corpus: Corpus, through lastYear: Int? = nil) {
        let first = corpus.membership.map(\.from.year).min() ?? 2001
        let last = lastYear ?? max(first, corpus.membership.flatMap { [$0.from.year] + ($0.to.map { [$0.year] } ?? []) }.max() ?? first)
        self.init(corpus: corpus, years: Array(first...max(first, last)))
    }

    public var table: ResultTable {
        ResultTable(columns: [.init("end of", alignment: .right), .init("members", alignment: .right),
                              .init("observers", alignment: .right), .init("dialogue partners", alignment: .right)],
                    rows: years.indices.map { index in
                        [.text(String(years[index]))] + MembershipSize.statuses.map { .integer(counts[$0]![index]) }
                    })
    }
}

/// How often events recur: gaps between consecutive starts.
public enum EventCadence {
    /// Gaps in months between consecutive events, dated by the first day each date can mean.
    public static func summarize(_ events: [Event]) throws -> EventGapSummary {
        let dates = events.map(\.date.earliestDay).sorted().map { day in
            Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
        }
        return try EventGaps.summarize(dates, unit: .months)
    }
}

extension DayDate {
    /// The UTC calendar day of a Foundation date.
    public init(_ date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // Inverse of daysSinceEpoch (Howard Hinnant's civil_from_days).
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
