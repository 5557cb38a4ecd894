import Analysis
import Dataset
import Foundation

/// The typed, full-precision tables behind the display tables of share, cadence, indicators
/// and membership: what a figure set's CSV holds (numbers as numbers, snake_case columns, dates
/// as ISO text, unknown as blank). The display table keeps the rounding.
extension TableAnalyses {
    /// Gaps between consecutive events: one row for all events, then one per kind, as displayed.
    static func cadenceData(_ summaries: [(label: String, summary: EventGapSummary)]) -> OutputTable {
        OutputTable(
            name: "cadence", title: "Gaps between consecutive events",
            columns: [.init("events", .text), .init("n", .integer, unit: "events"),
                      .init("median_gap_months", .number, title: "median gap", unit: "months"),
                      .init("longest_gap_months", .number, title: "longest gap", unit: "months"),
                      .init("longest_gap_start", .text, title: "longest gap from"), .init("longest_gap_end", .text, title: "longest gap to")],
            rows: summaries.map { label, summary in
                [.text(label), .integer(summary.n), .number(summary.medianGap), .number(summary.longestGap),
                 .text(DayDate(summary.longestGapStart).description), .text(DayDate(summary.longestGapEnd).description)]
            })
    }

    /// Events in states of `statusLabel` at the time, by year, and their share of all events;
    /// the share is blank for a year with no events.
    static func shareData(years: [Int], totals: [Int], parts: [Int], statusLabel: String) -> OutputTable {
        OutputTable(
            name: "share", title: "Events in SCO states (\(statusLabel) at the time) as a share of all events",
            columns: [.init("year", .integer), .init("all", .integer, title: "all events", unit: "events"),
                      .init("in_sco_states", .integer, title: "in SCO states (\(statusLabel) at the time)", unit: "events"),
                      .init("share_percent", .number, title: "share", unit: "%")],
            rows: years.indices.map { index in
                [.integer(years[index]), .integer(totals[index]), .integer(parts[index]),
                 totals[index] > 0 ? .number(100 * Double(parts[index]) / Double(totals[index])) : .null]
            })
    }

    /// Reported figures: the value as a number with its qualifier apart, the period as two
    /// dates, the source by id and by citation.
    static func indicatorsData(_ rows: [Indicator], citation: (String) -> String?) -> OutputTable {
        OutputTable(
            name: "indicators", title: "Reported figures",
            columns: [.init("indicator", .text), .init("period_start", .text), .init("period_end", .text), .init("reported_on", .text),
                      .init("value", .number), .init("qualifier", .text), .init("unit", .text), .init("scope", .text),
                      .init("source_id", .text), .init("source", .text)],
            rows: rows.map { row in
                [.text(row.indicator), .text(row.periodStart?.description), .text(row.periodEnd?.description),
                 .text(row.reportedOn?.description), .number(row.quantity.value), .text(row.quantity.qualifier.rawValue),
                 .text(row.unit), .text(row.scope), .text(row.provenance.sourceID), .text(citation(row.provenance.sourceID))]
            })
    }

    /// States by status on 31 December of each year.
    static func membershipData(_ size: MembershipSize) -> OutputTable {
        let names: [MembershipSpell.Status: String] = [.member: "members", .observer: "observers", .dialoguePartner: "dialogue_partners"]
        return OutputTable(
            name: "membership", title: "States by status at the end of each year",
            columns: [.init("year", .integer, title: "end of")]
                + MembershipSize.statuses.map { .init(names[$0] ?? $0.rawValue, .integer, title: names[$0].map { $0.replacingOccurrences(of: "_", with: " ") }, unit: "states") },
            rows: size.years.indices.map { index in
                [.integer(size.years[index])] + MembershipSize.statuses.map { .integer(size.counts[$0]?[index]) }
            })
    }
}
