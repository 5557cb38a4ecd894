import Analysis
import Dataset

/// The one reader of periods in a report, for every block and placeholder: `2024`, `2001-2011`,
/// `2024-01..2024-09`, and `latest` / `latest-N`, the last N years with data in the table the
/// block or placeholder reads, so one spec fits any imported file.
///
/// `package` because the CLI's `compare --period` reads its periods with it too.
package struct PeriodContext {
    let store: EventTableStore

    /// Periods over the corpus's tables, read once through `store`.
    package init(store: EventTableStore) {
        self.store = store
    }

    /// A period over an event table (attacks, exercises, documents, membership or an imported one).
    func period(_ text: String, table: String) throws -> Period {
        try period(text) { (try? store.table(named: table))?.events.map(\.year).max() }
    }

    /// A period over a figure a comparison names: an event table, or a reported indicator, whose
    /// `latest` is the end of its last reported period.
    package func period(_ text: String, figure: String) throws -> Period {
        try period(text) {
            if let table = try? store.table(named: figure) { return table.events.map(\.year).max() }
            return store.corpus.indicators.filter { $0.indicator == figure }.compactMap { $0.periodEnd?.year }.max()
        }
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
