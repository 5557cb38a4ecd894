/// One column of a tidy table: its name in the CSV header, its description from the schema
/// (when one was given) and its typed cells, one per data row; nil cells are missing.
public struct TidyColumn: Sendable, Hashable {
    /// The header's name for the column.
    public var name: String
    /// A human title from the schema ("Attacks"), used for axis and legend titles; nil when not given.
    public var title: String?
    /// The unit of the values ("persons", "USD 2015"); a SCOBrief extension of the Frictionless field.
    public var unit: String?
    /// The type, declared or inferred.
    public var type: TidyColumnType
    /// What the column means, from the schema.
    public var description: String?
    /// The cell texts that mean "missing" (Frictionless `missingValues`, default `[""]`).
    public var missingValues: [String]
    /// True when the schema declared the type; false when it was inferred from the cells.
    public var declared: Bool
    /// The cells, one per data row, nil where missing.
    public var cells: [TidyValue?]

    /// A column; everything but the name, type and cells is optional.
    public init(name: String, title: String? = nil, unit: String? = nil, type: TidyColumnType, description: String? = nil,
                missingValues: [String] = [""], declared: Bool = false, cells: [TidyValue?]) {
        self.name = name
        self.title = title
        self.unit = unit
        self.type = type
        self.description = description
        self.missingValues = missingValues
        self.declared = declared
        self.cells = cells
    }

    /// The title for an axis or legend: "Title (unit)", the title alone, or the name when the schema gave neither.
    public var displayTitle: String {
        let base = title ?? name
        guard let unit, !unit.isEmpty else { return base }
        return "\(base) (\(unit))"
    }

    /// The distinct values present, in order of first appearance.
    public var distinctValues: [TidyValue] {
        var seen = Set<TidyValue>()
        return cells.compactMap { $0 }.filter { seen.insert($0).inserted }
    }
}
