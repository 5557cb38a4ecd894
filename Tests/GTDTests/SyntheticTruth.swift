@testable import Dataset
import GTDSynthetic

/// Expected results computed from the generator's records, by rules written out here rather than
/// taken from the importer: what the import must produce, reached another way.
enum SyntheticTruth {
    struct Cell: Equatable {
        var incidents = 0, killed = 0, killedUnknown = 0, wounded = 0, woundedUnknown = 0
    }

    static func cells(_ records: [GTDSyntheticRecord], where keep: (GTDSyntheticRecord) -> Bool = { _ in true }) -> [GTDYearCountry: Cell] {
        var result: [GTDYearCountry: Cell] = [:]
        for record in records {
            guard let code = record.expectedCode, keep(record) else { continue }
            var cell = result[GTDYearCountry(year: record.year, country: code), default: Cell()]
            cell.incidents += 1
            if let killed = record.killed { cell.killed += killed } else { cell.killedUnknown += 1 }
            if let wounded = record.wounded { cell.wounded += wounded } else { cell.woundedUnknown += 1 }
            result[GTDYearCountry(year: record.year, country: code)] = cell
        }
        return result
    }

    static func cells(_ summary: GTDImportSummary) -> [GTDYearCountry: Cell] {
        summary.totals.mapValues { Cell(incidents: $0.incidents, killed: $0.killed, killedUnknown: $0.killedUnknown,
                                        wounded: $0.wounded, woundedUnknown: $0.woundedUnknown) }
    }

    /// SCO members at the end of 2024, and the day each became one (membership never ended).
    static let memberSince: [String: (Int, Int, Int)] = [
        "CHN": (2001, 6, 15), "KAZ": (2001, 6, 15), "KGZ": (2001, 6, 15), "RUS": (2001, 6, 15), "TJK": (2001, 6, 15), "UZB": (2001, 6, 15),
        "IND": (2017, 6, 9), "PAK": (2017, 6, 9), "IRN": (2023, 7, 4), "BLR": (2024, 7, 4),
    ]

    enum Membership { case member, notMember, ambiguous }

    /// Whether a GTD date (0 = unknown month or day) falls wholly after the country joined.
    static func membership(code: String?, year: Int, month: Int, day: Int) -> Membership {
        guard let code, let since = memberSince[code] else { return .notMember }
        let first = (year, month == 0 ? 1 : month, month == 0 || day == 0 ? 1 : day)
        let lastMonth = month == 0 ? 12 : month
        let last = (year, lastMonth, month == 0 || day == 0 ? PartialDate.daysIn(month: lastMonth, year: year) : day)
        if first >= since { return .member }
        if last < since { return .notMember }
        return .ambiguous
    }
}
