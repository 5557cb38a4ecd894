import ArgumentParser
import Analysis
import Dataset
import Support

/// Turns the shared filter options into analysis filters, refusing bad values with the reason.
/// A bound left out is the coverage's first or last year (`--from 2001` runs to the data's end),
/// or open when the coverage states none.
func periodOption(from: String?, to: String?, within coverage: Coverage? = nil) throws -> Period? {
    let first = coverage?.firstMonth().map { String($0 / 12) } ?? "0001"
    let last = coverage?.lastMonth.map { String($0 / 12) } ?? "9999"
    switch (from, to) {
    case (nil, nil): return nil
    case let (from?, to?): return try Period(parsing: "\(from)..\(to)")
    case let (from?, nil): return try Period(parsing: "\(from)..\(max(last, String(from.prefix(4))))")
    case let (nil, to?): return try Period(parsing: "\(min(first, String(to.prefix(4))))..\(to)")
    }
}

/// `--members-as-of DATE`: a date as YYYY, YYYY-MM or YYYY-MM-DD (a year means its last day).
func membersAsOfOption(_ text: String?) throws -> PartialDate? {
    guard let text else { return nil }
    do { return try PartialDate(parsing: text) } catch {
        throw ValidationError("--members-as-of: '\(text)' is not a date (\(error)); write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2001-06-15 for the founding six")
    }
}

func countryOption(_ values: [String], corpus: Corpus) throws -> Set<String>? {
    let codes = values.flatMap { $0.split(separator: ",").map { String($0).uppercased() } }
    guard !codes.isEmpty else { return nil }
    let known = Set(corpus.countries.map(\.code))
    for code in codes where !known.contains(code) {
        throw AnalysisInputError.unknownCountry(code, suggestion: Suggestion.closest(to: code, in: known))
    }
    return Set(codes)
}

func statusOption(_ values: [String]) throws -> Set<MembershipSpell.Status>? {
    try EventFilter.statuses(parsing: values)
}

func kindOption(_ values: [String], table: EventTable) throws -> Set<String>? {
    let kinds = values.flatMap { $0.split(separator: ",").map(String.init) }
    guard !kinds.isEmpty else { return nil }
    let known = Set(table.events.compactMap(\.kind))
    for kind in kinds where !known.contains(kind) {
        throw AnalysisInputError.unknownKind(kind, known: known.sorted())
    }
    return Set(kinds)
}

/// Several display tables (table, Markdown, LaTeX) in one output, a blank line between them.
/// JSON and CSV are written from the typed `CommandOutput` instead (`ResultOutputOptions`).
func render(_ tables: [ResultTable], as format: TableFormat) -> String {
    tables.map { $0.rendered(as: format) }.joined(separator: "\n")
}
