import Dataset

/// "Source: Zhao (2012); Mei (2024). SCOBrief corpus." — generated from the rows a figure used.
public enum SourceLine {
    /// The line for the sources of `sourceIDs`, each named once, in order of id.
    public static func text(for sourceIDs: [String], corpus: Corpus, localiser: Localiser = Localiser(language: .english)) -> String {
        let sources = Array(Set(sourceIDs)).sorted().compactMap { corpus.source(id: $0) }
        guard !sources.isEmpty else { return localiser.text("source.corpus") }
        let names = sources.map(\.shortCitation)
        return localiser.text("source.line", ["sources": names.joined(separator: localiser.text("source.separator"))])
    }
}
