import Analysis
import Dataset
import Foundation
import Support

/// What a placeholder stands for once computed: text, or a cross-reference to a numbered figure or table.
enum BoundValue: Sendable, Hashable {
    /// Computed text, escaped before it joins the markup.
    case text(String)
    /// "Figure 3", linking to the figure's anchor.
    case reference(label: String, target: String)
}

/// Computes placeholders from the corpus, so that prose and data cannot disagree.
/// An unknown verb, table, period or indicator is an error naming the placeholder.
struct PlaceholderEvaluator: Sendable {
    /// The corpus's event tables, read once per report.
    let store: EventTableStore
    var corpus: Corpus { store.corpus }
    /// Numbered labels of figures and tables by id ("fig-attacks" → "Figure 1").
    let references: [String: String]
    /// Writes the values in the report's language.
    let localiser: Localiser
    /// The spec's own tables, which `table=NAME` placeholders read.
    let ownTables: OwnTableStore

    init(store: EventTableStore, references: [String: String], localiser: Localiser = Localiser(language: .english),
         ownTables: OwnTableStore = OwnTableStore()) {
        self.store = store
        self.references = references
        self.localiser = localiser
        self.ownTables = ownTables
    }

    /// Every verb a placeholder may use.
    static var verbs: [String] { PlaceholderVerb.allCases.map(\.rawValue) }

    /// The placeholder's value, or an error naming it: an unknown verb (with "did you mean"),
    /// a missing argument, an unknown table, period, country or indicator.
    func evaluate(_ placeholder: Placeholder) throws(PlaceholderError) -> BoundValue {
        guard let verb = PlaceholderVerb(rawValue: placeholder.verb) else {
            let suggestion = Suggestion.closest(to: placeholder.verb, in: Self.verbs).map { "did you mean '\($0)'? " } ?? ""
            throw PlaceholderError(placeholder: placeholder,
                                   message: "unknown placeholder '\(placeholder.verb)'; \(suggestion)known: \(Self.verbs.joined(separator: ", "))")
        }
        let call = PlaceholderCall(p: placeholder, store: store, references: references, localiser: localiser, ownTables: ownTables)
        do {
            switch verb {
            case .count: return try call.count()
            case .share: return try call.share()
            case .killed: return try call.casualties(.killed)
            case .wounded: return try call.casualties(.wounded)
            case .killedKnown: return try call.knownRows(.killed)
            case .woundedKnown: return try call.knownRows(.wounded)
            case .killedUnknown: return try call.unknownRows(.killed)
            case .woundedUnknown: return try call.unknownRows(.wounded)
            case .rate: return try call.rate()
            case .indicator: return try call.indicator()
            case .members: return try call.members()
            case .compare: return try call.compare()
            case .trend: return try call.trend()
            case .span: return try call.span()
            case .growth: return try call.growth()
            case .gap: return try call.gap()
            case .latestYear: return try call.latestYear()
            case .figure, .table, .ref: return try call.reference()
            }
        } catch let error as PlaceholderError {
            throw error
        } catch {
            throw PlaceholderError(placeholder: placeholder, message: "\(error)")
        }
    }
}

/// A placeholder that cannot be computed, with the reason.
struct PlaceholderError: Error, Sendable, CustomStringConvertible {
    /// The placeholder as written.
    var placeholder: Placeholder
    /// What is wrong and, where it can, how to fix it.
    var message: String

    /// "{{ cout attacks }}: unknown placeholder 'cout'; ..."
    var description: String { "\(placeholder.source): \(message)" }
}
