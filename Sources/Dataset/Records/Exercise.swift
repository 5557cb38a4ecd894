/// A joint exercise of SCO states.
public struct Exercise: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var start: PartialDate
    public var end: PartialDate?
    /// Countries on whose territory it took place.
    public var hosts: [String]
    public var location: String?
    public var kind: String
    public var provenance: Provenance

    init?(row: Table.Row) {
        guard let id = row.text("id"), let name = row.text("name"), let start = row.date("start_date") else { return nil }
        self.id = id
        self.name = name
        self.start = start
        self.end = row.date("end_date")
        self.hosts = row.countries("hosts")
        self.location = row.text("location")
        self.kind = row.text("kind") ?? ""
        self.provenance = Provenance(row: row)
    }
}
