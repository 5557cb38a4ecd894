/// Where a table's rows come from, for the refusal of a table that adds several together: one
/// imported dataset (its source id), or the curated list the shipped corpus holds (whose rows
/// cite many papers but are one origin).
public enum TableOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A dataset release, by its source id (`ucdp-ged-ged`).
    case dataset(String)
    /// The shipped corpus's curated list of the table.
    case curatedList(table: String)

    /// The dataset's source id; nil for the curated list.
    public var datasetID: String? {
        if case .dataset(let id) = self { return id }
        return nil
    }

    /// `ucdp-ged-ged`, or `the curated attacks list`, as the refusal names it.
    public var description: String {
        switch self {
        case .dataset(let id): return id
        case .curatedList(let table): return "the curated \(table) list"
        }
    }
}
