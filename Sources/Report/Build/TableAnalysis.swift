import Analysis
import Dataset
import Support

/// The analyses a report table can show, by the word a spec's `analysis:` uses. Each case has
/// one function in `TableAnalyses`; the switch in `build` makes the compiler check that every
/// case has one.
enum TableAnalysis: String, CaseIterable, Sendable {
    case counts, trend, compare, share, cadence, indicators, attacks, exercises, documents, membership

    /// Reads `analysis:`, refusing an unknown word with "did you mean" and the list of analyses.
    static func read(_ node: YAMLNode) throws(Diagnostic) -> TableAnalysis {
        TableAnalysis(rawValue: try node.choice(of: allCases.map(\.rawValue)))!
    }

    /// The spec keys the analysis reads besides `id`, `analysis` and `caption` (own tables'
    /// `time`, `count` and `by` column included). Any other key would be ignored, so a table
    /// block refuses it.
    var keys: Set<String> {
        switch self {
        case .counts: ["table", "by", "period", "countries", "status", "members_as_of", "assume_zero_outside_coverage", "limit", "time", "count"]
        case .trend: TableAnalysis.counts.keys.union(["alpha", "tests"])
        case .compare: ["table", "by", "periods", "countries", "status", "indicators", "members_as_of", "assume_zero_outside_coverage",
                        "sources", "time", "count"]
        case .cadence: ["table", "period", "countries"]
        case .share: ["table", "period", "status"]
        case .indicators: ["indicators"]
        case .attacks: ["period", "countries"]
        case .exercises, .documents, .membership: ["period"]
        }
    }

    /// The corpus table the analysis reads: its coverage goes in "About the data", and `latest`
    /// in its periods counts back from its last year.
    func dataTable(of spec: TableBlock) -> String {
        switch self {
        case .indicators, .attacks, .exercises, .documents, .membership: return rawValue
        case .cadence: return spec.table ?? "exercises"
        case .counts, .trend, .compare, .share: return spec.table ?? "attacks"
        }
    }

    func build(_ spec: TableBlock, with analyses: TableAnalyses) throws -> TableAnalysisResult {
        switch self {
        case .counts: return try analyses.counts(spec)
        case .trend: return try analyses.trend(spec)
        case .compare: return try analyses.compare(spec)
        case .share: return try analyses.share(spec)
        case .cadence: return try analyses.cadence(spec)
        case .indicators: return try analyses.indicators(spec)
        case .attacks: return try analyses.attacks(spec)
        case .exercises: return try analyses.exercises(spec)
        case .documents: return try analyses.documents(spec)
        case .membership: return try analyses.membership(spec)
        }
    }
}

/// An analysis's table with the sources of the rows it used and the notes to print under it.
struct TableAnalysisResult {
    var table: ResultTable
    var sourceIDs: [String]
    var notes: [String]
    /// The source line of a table from the user's own data (the schema's source), in place of the corpus's.
    var sourceLine: String? = nil
    /// An own table's notes with their message keys: a note in `notes` that is one of these is
    /// said in the report's language.
    var ownNotes: [OwnTableNote] = []

    /// The notes in the report's language.
    func localisedNotes(_ localiser: Localiser) -> [String] {
        notes.map { note in
            ownNotes.first { $0.description == note }.map(localiser.note) ?? TableAnalyses.localised(note: note, localiser)
        }
    }
}
