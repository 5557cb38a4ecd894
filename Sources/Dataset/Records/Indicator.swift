/// An aggregate figure as reported: RATS results, aggregate attack statistics, membership counts.
/// A total over a period stays one row; it is never spread over invented yearly rows.
public struct Indicator: Sendable, Hashable, Identifiable {
    public var id: String
    /// The controlled name of what is counted, e.g. `attacks-prevented`.
    public var indicator: String
    public var periodStart: PartialDate?
    public var periodEnd: PartialDate?
    public var reportedOn: PartialDate?
    public var quantity: Quantity
    public var unit: String
    public var scope: String?
    public var provenance: Provenance

    init?(row: Table.Row) {
        guard let id = row.text("id"), let indicator = row.text("indicator") else { return nil }
        self.id = id
        self.indicator = indicator
        self.periodStart = row.date("period_start")
        self.periodEnd = row.date("period_end")
        self.reportedOn = row.date("reported_on")
        self.quantity = Quantity(value: row.number("value"), qualifier: Qualifier(cell: row.text("qualifier")))
        self.unit = row.text("unit") ?? ""
        self.scope = row.text("scope")
        self.provenance = Provenance(row: row)
    }

    /// "2024", "1990–2001", or "period not stated (reported 2017-12-28)".
    public var periodDescription: String {
        switch (periodStart, periodEnd) {
        case let (start?, end?) where start == end: return start.description
        case let (start?, end?): return "\(start)–\(end)"
        case let (start?, nil): return "from \(start)"
        case let (nil, end?): return "to \(end)"
        case (nil, nil): return reportedOn.map { "period not stated (reported \($0))" } ?? "period not stated"
        }
    }
}
