/// One spell of a state's status in the SCO, from a date until another (or still, when `to` is nil).
public struct MembershipSpell: Sendable, Hashable, Identifiable {
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        case foundingMember = "founding-member"
        case member
        case observer
        case dialoguePartner = "dialogue-partner"

        /// Founding members are members; counts by status merge the two.
        public var countsAs: Status { self == .foundingMember ? .member : self }
    }

    public var id: String
    public var country: String
    public var status: Status
    public var from: PartialDate
    public var to: PartialDate?
    public var provenance: Provenance

    init?(row: Table.Row) {
        guard let id = row.text("id"), let country = row.countries("country").first,
              let status = row.text("status").flatMap(Status.init(rawValue:)), let from = row.date("from") else { return nil }
        self.id = id
        self.country = country
        self.status = status
        self.from = from
        self.to = row.date("to")
        self.provenance = Provenance(row: row)
    }

    /// Whether the spell holds on `day`: it starts on the first day its `from` can mean and
    /// ends the day before its `to`, so a state moving from observer to member on one date
    /// is counted once on that date, as a member.
    public func isActive(on day: DayDate) -> Bool {
        guard from.earliestDay <= day else { return false }
        guard let to else { return true }
        return day < to.earliestDay
    }
}
