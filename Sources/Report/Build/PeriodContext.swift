import Analysis
import Dataset

/// The one reader of periods in a report, for every block and placeholder: `2024`, `2001-2011`,
/// `2024-01..2024-09`, and `latest` / `latest-N`, the last N years with data in the table the
/// block or placeholder reads, so one spec fits any imported file.
struct PeriodContext {
    let store: EventTableStore

    /// A period over an event table (attacks, exercises, documents, membership or an imported one).
    func period(_ text: String, table: String) throws -> Period {
        try period(text) { (try? store.table(named: table))?.events.map(\.year).max() }
    }

    /// A period whose `latest` is the last year of `latestYear()`, asked only when the text needs it.
    func period(_ text: String, latestYear: () -> Int?) throws -> Period {
        let latest = text.trimmingCharacters(in: .whitespaces).hasPrefix("latest") ? latestYear() : nil
        return try Period(parsing: text, latestYear: latest)
    }

    func statuses(_ words: [String]) throws -> Set<MembershipSpell.Status>? {
        try EventFilter.statuses(parsing: words)
    }
}
