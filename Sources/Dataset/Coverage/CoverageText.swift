import Foundation

/// The text forms of coverage dates, as `sources.csv` and the catalog write them (see
/// Datasets/coverage-columns.md): one parser and one writer for every place that stores coverage.
///
/// - `gaps`: `;`-separated dates or ranges, `1993;2011-11..2012-02`.
/// - `collection_breaks`: `|`-separated `DATE: note`, `1998: ...|2011-11: ...`.
/// - `covers_from_by_country`: `;`-separated `ISO3=DATE`, `KAZ=2018;RUS=2018-01`.
public enum CoverageText {
    /// A text form that does not parse: what is wrong and what was expected.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong and what was expected.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// Reads `1993;2011-11..2012-02`.
    public static func gaps(_ text: String) throws(SyntaxError) -> [DateSpan] {
        var spans: [DateSpan] = []
        for item in text.split(separator: ";", omittingEmptySubsequences: false).map(String.init) {
            let ends = item.components(separatedBy: "..")
            guard ends.count <= 2, let first = try? PartialDate(parsing: ends[0]),
                  let last = try? PartialDate(parsing: ends.count == 2 ? ends[1] : ends[0]) else {
                throw SyntaxError(message: "'\(item)' is not a gap; write a date (1993) or a range of dates (2011-11..2012-02), separated by ';'")
            }
            guard first.earliestDay <= last.latestDay else {
                throw SyntaxError(message: "the gap '\(item)' ends before it starts (did you mean \(ends.count == 2 ? ends[1] : "")..\(ends[0])?)")
            }
            spans.append(DateSpan(first: first, last: last))
        }
        return spans
    }

    /// Reads `1998: START took over|2011-11: ...`.
    public static func breaks(_ text: String) throws(SyntaxError) -> [CollectionBreak] {
        var breaks: [CollectionBreak] = []
        for item in text.split(separator: "|", omittingEmptySubsequences: false).map(String.init) {
            guard let colon = item.firstIndex(of: ":"), let date = try? PartialDate(parsing: String(item[..<colon])) else {
                throw SyntaxError(message: "'\(item.prefix(40))' is not a collection break; write 'DATE: note' (e.g. '2011-11: START took over collection'), separated by '|'")
            }
            let note = item[item.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !note.isEmpty else {
                throw SyntaxError(message: "the collection break at \(date) has no note; say what changed and what it means for comparisons")
            }
            breaks.append(CollectionBreak(date: date, note: note))
        }
        return breaks
    }

    /// Reads `KAZ=2018;RUS=2018-01`. Codes are checked for shape only (three or four upper-case letters).
    public static func countryStarts(_ text: String) throws(SyntaxError) -> [String: PartialDate] {
        var starts: [String: PartialDate] = [:]
        for item in text.split(separator: ";", omittingEmptySubsequences: false).map(String.init) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, (3...4).contains(parts[0].count),
                  parts[0].unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }),
                  let date = try? PartialDate(parsing: parts[1]) else {
                throw SyntaxError(message: "'\(item)' is not a country start; write ISO3=DATE (e.g. KAZ=2018-01), separated by ';'")
            }
            guard starts[parts[0]] == nil else { throw SyntaxError(message: "\(parts[0]) is given two starts; give one") }
            starts[parts[0]] = date
        }
        return starts
    }

    /// `1993;2011-11..2012-02`.
    public static func text(of gaps: [DateSpan]) -> String { gaps.map(\.description).joined(separator: ";") }

    /// `1998: ...|2011-11: ...`; a `|` inside a note is written as `/`, since it would end the entry.
    public static func text(of breaks: [CollectionBreak]) -> String {
        breaks.map { "\($0.date): \($0.note.replacingOccurrences(of: "|", with: "/"))" }.joined(separator: "|")
    }

    /// `KAZ=2018;RUS=2018-01`, by code.
    public static func text(of starts: [String: PartialDate]) -> String {
        starts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    /// The five columns of a source row (or catalog entry) by name, blank where nothing is stated.
    public static func columns(of dates: CoverageDates) -> [String: String] {
        ["covers_from": dates.from?.description ?? "", "covers_to": dates.to?.description ?? "",
         "gaps": text(of: dates.gaps), "collection_breaks": text(of: dates.breaks),
         "covers_from_by_country": text(of: dates.fromByCountry)]
    }

    /// Reads the five columns by name (absent or blank: not stated); nil when none is given.
    public static func dates(from columns: [String: String]) throws(SyntaxError) -> CoverageDates? {
        func value(_ name: String) -> String? { columns[name].flatMap { $0.isEmpty ? nil : $0 } }
        func date(_ name: String) throws(SyntaxError) -> PartialDate? {
            guard let text = value(name) else { return nil }
            do { return try PartialDate(parsing: text) } catch {
                throw SyntaxError(message: "\(name) '\(text)' is not a date (\(error)); write YYYY, YYYY-MM or YYYY-MM-DD")
            }
        }
        let dates = CoverageDates(from: try date("covers_from"), to: try date("covers_to"),
                                  gaps: try value("gaps").map { text throws(SyntaxError) in try gaps(text) } ?? [],
                                  breaks: try value("collection_breaks").map { text throws(SyntaxError) in try breaks(text) } ?? [],
                                  fromByCountry: try value("covers_from_by_country").map { text throws(SyntaxError) in try countryStarts(text) } ?? [:])
        if let from = dates.from, let to = dates.to, to.latestDay < from.earliestDay {
            throw SyntaxError(message: "covers_to \(to) is before covers_from \(from)")
        }
        return dates.isEmpty ? nil : dates
    }
}
