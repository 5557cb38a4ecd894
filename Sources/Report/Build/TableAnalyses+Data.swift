import Analysis
import Dataset
import Foundation

/// The typed, full-precision tables behind the display tables of share, cadence, indicators,
/// membership and the attack, exercise and document lists: what a figure set's CSV holds
/// (numbers as numbers, a qualifier apart from its number, snake_case columns, dates as ISO
/// text, unknown as blank). The display table keeps the rounding and the prose.
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

    /// Named attacks: each casualty figure as a number with its qualifier apart (blank when the source gives none).
    static func attacksData(_ attacks: [Attack], countryName: (String) -> String) -> OutputTable {
        OutputTable(
            name: "attacks", title: "Attacks named in the sources",
            columns: [.init("id", .text), .init("date", .text), .init("country", .text, title: "country (ISO 3166-1 alpha-3)"),
                      .init("country_name", .text), .init("place", .text),
                      .init("killed", .number, unit: "persons"), .init("killed_qualifier", .text),
                      .init("wounded", .number, unit: "persons"), .init("wounded_qualifier", .text),
                      .init("description", .text, title: "what the source says"), .init("source_id", .text)],
            rows: attacks.map { attack in
                [.text(attack.id), .text(attack.date.description), .text(attack.country), .text(countryName(attack.country)),
                 .text(attack.place), .number(attack.killed.value), .text(attack.killed.isKnown ? attack.killed.qualifier.rawValue : nil),
                 .number(attack.wounded.value), .text(attack.wounded.isKnown ? attack.wounded.qualifier.rawValue : nil),
                 .text(attack.description), .text(attack.provenance.sourceID)]
            })
    }

    /// Named exercises: start and end apart, hosts as ISO codes separated by ";" and by name.
    static func exercisesData(_ exercises: [Exercise], countryName: (String) -> String) -> OutputTable {
        OutputTable(
            name: "exercises", title: "Joint exercises named in the sources",
            columns: [.init("id", .text), .init("exercise", .text), .init("start", .text), .init("end", .text),
                      .init("hosts", .text, title: "hosts (ISO 3166-1 alpha-3, ';'-separated)"), .init("host_names", .text),
                      .init("kind", .text), .init("source_id", .text)],
            rows: exercises.map { exercise in
                [.text(exercise.id), .text(exercise.name), .text(exercise.start.description), .text(exercise.end?.description),
                 .text(exercise.hosts.joined(separator: ";")), .text(exercise.hosts.map(countryName).joined(separator: "; ")),
                 .text(exercise.kind), .text(exercise.provenance.sourceID)]
            })
    }

    /// Named documents: the date blank when unknown, whether the sources disagree as a boolean.
    static func documentsData(_ documents: [LegalDocument]) -> OutputTable {
        OutputTable(
            name: "documents", title: "Documents named in the sources",
            columns: [.init("id", .text), .init("date", .text), .init("document", .text), .init("type", .text), .init("place", .text),
                      .init("sources_disagree", .boolean, title: "the sources disagree on its date, place or title"), .init("source_id", .text)],
            rows: documents.map { document in
                [.text(document.id), .text(document.date?.description), .text(document.title), .text(document.type), .text(document.place),
                 .boolean(document.conflict != nil), .text(document.provenance.sourceID)]
            })
    }
}
