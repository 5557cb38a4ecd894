/// The coverage that applies to a set of rows, once each row's source has had its say.
public struct EffectiveCoverage: Sendable, Hashable {
    public var coverage: Coverage
    /// The coverage notes behind it: the sources' own, or the table's for rows whose source has none.
    public var notes: [String]
}

extension Corpus {
    /// The coverage of rows of `table` citing `sourceIDs`. A source with its own coverage (a GTD
    /// release: complete) overrides the table's (the curated attacks list: illustrative). When every
    /// row agrees the result is that coverage; a mix (complete GTD rows with illustrative curated
    /// ones) is `partial`, complete for part of its scope only. No rows: the table's own coverage.
    public func effectiveCoverage(ofTable table: String, sourceIDs: some Sequence<String>) -> EffectiveCoverage {
        let schema = catalog.table(named: table)
        let tableCoverage = schema?.coverage ?? .partial
        let tableNote = schema?.coverageNote ?? ""
        let sourcesByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var coverages = Set<Coverage>()
        var notes: [String] = []
        for id in Set(sourceIDs).sorted() {
            let source = sourcesByID[id]
            let coverage = source?.coverage ?? tableCoverage
            let note = source?.coverage != nil ? (source?.coverageNote ?? "") : tableNote
            coverages.insert(coverage)
            if !note.isEmpty && !notes.contains(note) { notes.append(note) }
        }
        if coverages.isEmpty { return EffectiveCoverage(coverage: tableCoverage, notes: tableNote.isEmpty ? [] : [tableNote]) }
        return EffectiveCoverage(coverage: coverages.count == 1 ? coverages.first! : .partial, notes: notes)
    }

    /// The coverage of a set of attacks: complete when every one comes from a complete source.
    public func effectiveCoverage(of attacks: some Sequence<Attack>) -> EffectiveCoverage {
        effectiveCoverage(ofTable: "attacks", sourceIDs: attacks.lazy.map(\.provenance.sourceID))
    }

    /// The coverage of loaded rows of `table`, by their `source_id`.
    public func effectiveCoverage(of rows: some Sequence<Table.Row>, inTable table: String) -> EffectiveCoverage {
        effectiveCoverage(ofTable: table, sourceIDs: rows.lazy.compactMap { $0.text("source_id") })
    }
}
