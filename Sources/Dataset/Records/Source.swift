/// A document the corpus cites: one of the seed documents, or the public record.
public struct Source: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var author: String?
    public var publisher: String?
    public var date: PartialDate?
    public var kind: String
    /// The file under `shared/seeds/` holding the text, when the source is a seed document.
    public var seedFile: String?
    public var url: String?
    public var notes: String?
    /// The coverage of the rows citing this source when it differs from their table's
    /// (a dataset release is complete where the curated attacks list is illustrative).
    public var coverage: CoverageScope?
    public var coverageNote: String?
    /// The dates the rows citing this source cover (a release's first and last date, its gaps,
    /// its collection breaks, later starts by country); nil when the row states none.
    public var coverageDates: CoverageDates?
    /// The author–year form for source lines, as the table gives it.
    public var givenShortCitation: String?

    /// Whether quotes attributed to this source can be checked against a text.
    public var hasText: Bool { seedFile != nil }

    /// An event-data release rows were imported from, rather than a document quoted.
    public var isDataset: Bool { kind == Source.datasetKind }

    public static let datasetKind = "dataset"

    init(row: Table.Row) {
        id = row.text("id") ?? ""
        title = row.text("title") ?? ""
        author = row.text("author")
        publisher = row.text("publisher")
        date = row.date("date")
        kind = row.text("kind") ?? ""
        seedFile = row.text("seed_file")
        url = row.text("url")
        notes = row.text("notes")
        coverage = row.text("coverage").flatMap(CoverageScope.init(rawValue:))
        coverageNote = row.text("coverage_note")
        // The cells were checked when the table was loaded; a row that fails here states nothing.
        let coverageColumns = ["covers_from", "covers_to", "gaps", "collection_breaks", "covers_from_by_country"]
        coverageDates = try? CoverageText.dates(from: Dictionary(uniqueKeysWithValues: coverageColumns.map { name in
            (name, row[name].date?.description ?? row.text(name) ?? "")
        }))
        givenShortCitation = row.text("short_citation")
    }

    /// "Zhao (2012)", "Global Times (2024)": the table's own form, or one made from the author's
    /// last name (or the publisher, or the title) and the year.
    public var shortCitation: String {
        if let givenShortCitation { return givenShortCitation }
        let who: String
        if let author {
            let name = author.split(separator: ",").first.map(String.init) ?? author
            who = name.split(separator: " ").last.map(String.init) ?? name
        } else {
            who = publisher ?? title
        }
        return date.map { "\(who) (\($0.year))" } ?? who
    }

}

/// A country with its names in the SCO's working languages.
public struct Country: Sendable, Hashable, Identifiable {
    public var code: String
    public var nameEnglish: String
    public var nameRussian: String?
    public var nameChinese: String?
    public var region: String?
    /// For a former state, the day it ceased to exist in the form named.
    public var ended: PartialDate?
    /// The states holding a former state's territory after `ended`.
    public var successors: [String]
    /// Where a code that is not a current ISO 3166-1 alpha-3 code comes from (iso-3166-3, scobrief, user-assigned).
    public var codeStandard: String?

    public var id: String { code }

    /// A state that no longer exists (the Soviet Union, West Germany, ...): never folded into a modern one.
    public var isHistorical: Bool { ended != nil }

    init(row: Table.Row) {
        code = row.key("code") ?? ""
        nameEnglish = row.text("name_en") ?? ""
        nameRussian = row.text("name_ru")
        nameChinese = row.text("name_zh")
        region = row.text("region")
        ended = row.date("ended")
        successors = row.countries("successors")
        codeStandard = row.text("code_standard")
    }
}
