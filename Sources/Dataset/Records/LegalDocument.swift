/// A treaty, convention, agreement, programme, declaration or statement.
public struct LegalDocument: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var type: String
    public var date: PartialDate?
    public var place: String?
    public var country: String?
    /// Where two sources disagree on this document, which says what and where.
    public var conflict: String?
    public var provenance: Provenance

    init?(row: Table.Row) {
        guard let id = row.text("id"), let title = row.text("title") else { return nil }
        self.id = id
        self.title = title
        self.type = row.text("type") ?? ""
        self.date = row.date("date")
        self.place = row.text("place")
        self.country = row.countries("country").first
        self.conflict = row.text("conflict")
        self.provenance = Provenance(row: row)
    }
}
