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
        guard !words.isEmpty else { return nil }
        return try Set(words.map { word in
            guard let status = MembershipSpell.Status(rawValue: word == "founding-member" ? "member" : word) else {
                throw ChartRequestError("status '\(word)' is not one of member, observer, dialogue-partner")
            }
            return status
        })
    }
}
