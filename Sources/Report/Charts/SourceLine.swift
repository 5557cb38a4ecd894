import Dataset

/// "Source: Zhao (2012); Mei (2024). SCOBrief corpus." — generated from the rows a figure used.
public enum SourceLine {
    /// The line for the sources of `sourceIDs`, each named once, in order of id.
    public static func text(for sourceIDs: [String], corpus: Corpus) -> String {
        let sources = Array(Set(sourceIDs)).sorted().compactMap { corpus.source(id: $0) }
        guard !sources.isEmpty else { return "Source: SCOBrief corpus." }
        let names = sources.map(\.shortCitation)
        return "Source: \(names.joined(separator: "; ")). Compiled in the SCOBrief corpus."
    }
}
