/// The attacks of a stamped import, as a command that only counts them reads them (`trend`):
/// id, date, country, killed, wounded and stands_for of every row, with the one source the stamp
/// names. `StampedAttacksReader` builds it straight from the bytes of the file the import wrote,
/// without a `Table.Row`, `CellValue` or `Attack` per row; `EventTables` turns it into events.
///
/// A table read this way has no rows (`Table.rows` is empty and `Table.stampedAttacks` holds the
/// records), so only a command that reads the table through `EventTables` asks for it
/// (`CorpusOverlay.countedTables`).
public struct StampedAttacks: Sendable {
    /// One row's counted fields: 32 bytes, half of them the id string, rather than a row of cells
    /// (7 × 9 bytes plus arrays) and an `Attack` (150 bytes, eight strings).
    public struct Record: Sendable {
        public var id: String
        public var date: PartialDate
        /// Index into `countryCodes`.
        public var country: UInt16
        public var standsForSeveral: Bool
        /// nil when blank (unknown), never 0.
        public var killed: Int? { killedValue < 0 ? nil : Int(killedValue) }
        public var wounded: Int? { woundedValue < 0 ? nil : Int(woundedValue) }
        /// -1 for a blank cell.
        var killedValue: Int32
        var woundedValue: Int32
    }

    /// The `sources.csv` row every row cites (the stamp's).
    public let sourceID: String
    /// Each distinct country code, in order of first appearance.
    public let countryCodes: [String]
    /// The rows in file order.
    public let records: [Record]
    /// The records come ordered by date, then id (as `EventTables` orders events, and as an
    /// import writes them): checked by the reader on the ids' bytes.
    public let inDateOrder: Bool

    public var count: Int { records.count }
}
