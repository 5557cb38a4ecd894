import Dataset
import Support

/// One kind of block a report body may hold: how it is read from the spec and built against
/// the corpus. Its built form (`BuiltBlock`) lays itself out, and the laid-out form (`FlowBlock`)
/// measures, splits and draws itself, so a new kind is one file plus one entry in `BlockRegistry`.
protocol ReportBlock: Sendable {
    /// The key that starts the block in the spec's body list, e.g. `table`.
    static var key: String { get }
    /// Whether the block may be written as a bare word (`- sources`) because it takes no settings.
    static var isBareWord: Bool { get }
    /// Reads the block from the value under its key (or from the bare word itself). Every problem the
    /// reader can step over (an unknown key, a bad value, a missing key) goes to `problems` and reading
    /// goes on, so the spec's author sees them all at once; only what leaves nothing to read (a value
    /// that is not a mapping) is thrown. A block with problems is left out of the spec.
    static func read(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> Self
    /// The id other blocks refer to it by, if it has one; ids are unique in a spec.
    var id: String? { get }
    /// Registers the block's label (`Figure 3`) before anything is built, so text may refer to a later block.
    func register(in references: inout References)
    /// Computes what the block shows; any error is reported at the block's place in the spec.
    func build(_ context: BuildContext) throws -> [any BuiltBlock]
}

extension ReportBlock {
    static var isBareWord: Bool { false }
    var id: String? { nil }
    func register(in references: inout References) {}
}

/// A block with everything computed, ready to be laid out at the page's text width.
protocol BuiltBlock: Sendable {
    /// The measured pieces the paginator places, in reading order.
    func layOut(_ context: BlockMaker) throws -> [any FlowBlock]
}

/// The labels of everything a text may refer to, numbered in the order of the spec.
struct References: Sendable {
    /// Writes "Figure 1" and "Table 2" in the report's language.
    var localiser = Localiser(language: .english)
    /// "fig-attacks" → "Figure 1", "tab-compare" → "Table 2" (as running text refers to them: "рис. 1" in
    /// Russian), a heading's id → its text.
    private(set) var labels: [String: String] = [:]
    /// Ids of numbered figures and tables, the targets a callout's `see:` may name.
    private(set) var numbered: [String] = []
    private var figureCount = 0
    private var tableCount = 0

    /// No labels yet; figures and tables will be labelled in `localiser`'s language.
    init(localiser: Localiser = Localiser(language: .english)) {
        self.localiser = localiser
    }

    mutating func addFigure(_ id: String) {
        figureCount += 1
        labels[id] = Self.unbreakable(localiser.text("figure.reference", ["n": String(figureCount)]))
        numbered.append(id)
    }

    mutating func addTable(_ id: String) {
        tableCount += 1
        labels[id] = Self.unbreakable(localiser.text("table.reference", ["n": String(tableCount)]))
        numbered.append(id)
    }

    /// "Figure 6" with a no-break space (U+00A0), so the word and its number never part at a line end.
    static func unbreakable(_ reference: String) -> String {
        reference.replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    mutating func addHeading(_ id: String, text: String) {
        labels[id] = text
    }
}
