/// The coverage that applies to a set of rows, once each row's source has had its say.
public struct EffectiveCoverage: Sendable, Hashable {
    public var coverage: CoverageScope
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
        var coverages = Set<CoverageScope>()
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

extension Corpus {
    /// The whole coverage of rows of `table` citing `sourceIDs` and dated in `years`: the scope and
    /// notes of `effectiveCoverage`, with the dates the sources state (a GTD release's first and
    /// last date, 1993, its breaks), else the catalog's for the table, else the years of the rows.
    ///
    /// Dates are taken from sources only when every source of the rows states some: a table that
    /// mixes a dated release with undated curated rows has no stated span, so the rows' years stand in.
    public func coverage(ofTable table: String, sourceIDs: some Sequence<String>, years: some Sequence<Int>) -> Coverage {
        let ids = Set(sourceIDs)
        let yearsOfData = Coverage.fromYearsOfData(years, scope: .partial)
        // A stated coverage without a start or an end takes that end from the rows.
        func bounded(_ dates: CoverageDates) -> CoverageDates {
            var dates = dates
            dates.from = dates.from ?? yearsOfData.dates.from
            dates.to = dates.to ?? yearsOfData.dates.to
            return dates
        }
        let effective = effectiveCoverage(ofTable: table, sourceIDs: ids)
        let note = effective.notes.joined(separator: " ")
        let sourcesByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let stated = ids.sorted().map { sourcesByID[$0]?.coverageDates }
        if !stated.isEmpty, stated.allSatisfy({ $0 != nil }), let dates = CoverageDates.combined(stated.compactMap { $0 }) {
            return Coverage(scope: effective.coverage, note: note, dates: bounded(dates), basis: .stated)
        }
        if let dates = catalog.table(named: table)?.coverageDates {
            return Coverage(scope: effective.coverage, note: note, dates: bounded(dates), basis: .stated)
        }
        return Coverage(scope: effective.coverage, note: note, dates: yearsOfData.dates, basis: .yearsOfData)
    }
}
