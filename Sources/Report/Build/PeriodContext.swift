import Analysis
import Dataset

/// Reads periods and status filters in a report's own terms: `latest-3` means the last three
/// years with data in the table the figure uses, so one spec fits any imported file.
struct PeriodContext {
    let store: EventTableStore

    func period(_ text: String, table: String) throws -> Period {
        let latest = text.hasPrefix("latest") ? (try? store.table(named: table))?.events.map(\.year).max() : nil
        return try Period(parsing: text, latestYear: latest)
    }

    func statuses(_ words: [String]) throws -> Set<MembershipSpell.Status>? {
        try EventFilter.statuses(parsing: words)
    }
}
