/// A terrorist or extremist attack named in a source.
public struct Attack: Sendable, Hashable, Identifiable {
    public var id: String
    public var date: PartialDate
    public var country: String
    public var place: String?
    public var killed: Quantity
    public var wounded: Quantity
    public var description: String?
    public var provenance: Provenance
    /// The row stands for several events the source does not tell apart ("terror attacks in
    /// Iran"): it counts as one, so a count that includes it is a lower bound.
    public var standsForSeveral = false

    public init(id: String, date: PartialDate, country: String, place: String? = nil, killed: Quantity = .unknown,
                wounded: Quantity = .unknown, description: String? = nil, provenance: Provenance) {
        self.id = id
        self.date = date
        self.country = country
        self.place = place
        self.killed = killed
        self.wounded = wounded
        self.description = description
        self.provenance = provenance
    }

    init?(row: Table.Row) {
        guard let id = row.text("id"), let date = row.date("date"), let country = row.countries("country").first else { return nil }
        self.init(
            id: id, date: date, country: country, place: row.text("place"),
            killed: Quantity(value: row.number("killed"), qualifier: Qualifier(cell: row.text("killed_qualifier"))),
            wounded: Quantity(value: row.number("wounded"), qualifier: Qualifier(cell: row.text("wounded_qualifier"))),
            description: row.text("description"), provenance: Provenance(row: row))
        standsForSeveral = row.text("stands_for") == "several-events"
    }
}
