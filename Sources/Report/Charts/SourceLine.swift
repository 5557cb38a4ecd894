import Dataset

/// "Source: Zhao (2012); Mei (2024). SCOBrief corpus." — generated from the rows a figure used.
public enum SourceLine {
    public static func text(for sourceIDs: [String], corpus: Corpus) -> String {
        let sources = Array(Set(sourceIDs)).sorted().compactMap { corpus.source(id: $0) }
        guard !sources.isEmpty else { return "Source: SCOBrief corpus." }
        let names = sources.map(shortCitation)
        return "Source: \(names.joined(separator: "; ")). Compiled in the SCOBrief corpus."
    }

    /// "Zhao (2012)", "Global Times (2024)", "public record".
    public static func shortCitation(_ source: Source) -> String {
        if source.kind == "public-record" { return "public record" }
        let who = source.author.map(surname) ?? source.publisher ?? source.title
        return source.date.map { "\(who) (\($0.year))" } ?? who
    }

    private static func surname(_ author: String) -> String {
        let first = author.split(separator: ",").first.map(String.init) ?? author
        return first.split(separator: " ").last.map(String.init) ?? first
    }
}
