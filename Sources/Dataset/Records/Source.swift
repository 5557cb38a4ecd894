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

    /// Whether quotes attributed to this source can be checked against a text.
    public var hasText: Bool { seedFile != nil }

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
    }

    /// "Author, Title (Publisher, 2024)", for source lines under figures.
    public var citation: String {
        var parts: [String] = []
        if let author { parts.append(author) }
        parts.append(title)
        var trailer: [String] = []
        if let publisher, publisher != author { trailer.append(publisher) }
        if let date { trailer.append(String(date.year)) }
        return parts.joined(separator: ", ") + (trailer.isEmpty ? "" : " (\(trailer.joined(separator: ", ")))")
    }
}

/// A country with its names in the SCO's working languages.
public struct Country: Sendable, Hashable, Identifiable {
    public var code: String
    public var nameEnglish: String
    public var nameRussian: String?
    public var nameChinese: String?
    public var region: String?

    public var id: String { code }

    init(row: Table.Row) {
        code = row.key("code") ?? ""
        nameEnglish = row.text("name_en") ?? ""
        nameRussian = row.text("name_ru")
        nameChinese = row.text("name_zh")
        region = row.text("region")
    }
}
