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

    /// The attacks of a table's rows, each cell read by its slot rather than looked up by name
    /// (eleven lookups a row were a tenth of reading a 200,000-row import).
    static func records(of table: Table) -> [Attack] {
        guard let first = table.rows.first else { return [] }
        let id = first.slot(of: "id"), date = first.slot(of: "date"), country = first.slot(of: "country")
        let place = first.slot(of: "place"), description = first.slot(of: "description"), standsFor = first.slot(of: "stands_for")
        let killed = first.slot(of: "killed"), killedQualifier = first.slot(of: "killed_qualifier")
        let wounded = first.slot(of: "wounded"), woundedQualifier = first.slot(of: "wounded_qualifier")
        let sourceID = first.slot(of: "source_id"), quote = first.slot(of: "quote"), notes = first.slot(of: "notes")
        var attacks: [Attack] = []
        attacks.reserveCapacity(table.rows.count)
        for row in table.rows {
            guard let idText = row[slot: id].text, let day = row[slot: date].date, let code = row[slot: country].countries.first else { continue }
            var attack = Attack(
                id: idText, date: day, country: code, place: row[slot: place].text,
                killed: Quantity(value: row[slot: killed].number, qualifier: Qualifier(cell: row[slot: killedQualifier].text)),
                wounded: Quantity(value: row[slot: wounded].number, qualifier: Qualifier(cell: row[slot: woundedQualifier].text)),
                description: row[slot: description].text,
                provenance: Provenance(sourceID: row[slot: sourceID].text ?? "", quote: row[slot: quote].text ?? "", notes: row[slot: notes].text))
            attack.standsForSeveral = row[slot: standsFor].text == "several-events"
            attacks.append(attack)
        }
        return attacks
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
