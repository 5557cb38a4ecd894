/// Where a row's facts come from: the cited source and the passage that states them.
public struct Provenance: Sendable, Hashable {
    public var sourceID: String
    public var quote: String
    public var notes: String?

    init(sourceID: String, quote: String, notes: String?) {
        self.sourceID = sourceID
        self.quote = quote
        self.notes = notes
    }

    init(row: Table.Row) {
        sourceID = row.text("source_id") ?? ""
        quote = row.text("quote") ?? ""
        notes = row.text("notes")
    }
}
