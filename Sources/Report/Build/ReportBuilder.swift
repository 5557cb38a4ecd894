import Analysis
import Dataset
import Foundation
import Render
import Support

/// Computes everything a spec asks for: numbers figures and tables, fills placeholders,
/// builds the charts and tables, and records which sources each uses.
/// Every problem is reported with the spec's file, line and column; nothing is written.
public struct ReportBuilder {
    /// The data every block is built from.
    public let corpus: Corpus
    /// Bounds on the CSV files of the spec's `tables:`.
    public var csvLimits: CSVLimits = .default

    /// A builder over `corpus`.
    public init(corpus: Corpus) {
        self.corpus = corpus
    }

    /// Builds every block of `spec`; all problems found are reported together.
    public func build(_ spec: ReportSpec) throws(DiagnosticList) -> BuiltReport {
        var problems: [Diagnostic] = []
        let ownTables = try loadOwnTables(spec)
        // Numbers first, so text can refer to a figure that comes later.
        let localiser = Localiser(language: spec.metadata.reportLanguage, corpus: corpus)
        var references = References(localiser: localiser)
        for block in spec.body { block.value.register(in: &references) }
        let context = BuildContext(corpus: corpus, metadata: spec.metadata, references: references,
                                   location: SourceLocation(file: spec.file), ownTables: ownTables)
        var items: [any BuiltBlock] = []
        var previous: (any ReportBlock)?
        for block in spec.body {
            context.location = block.location
            context.followsHeading = previous is HeadingBlock
            previous = block.value
            do {
                items += try block.value.build(context)
            } catch let diagnostic as Diagnostic {
                problems.append(diagnostic)
            } catch let list as DiagnosticList {
                problems += list.diagnostics
            } catch {
                problems.append(Diagnostic(block.location, "\(error)"))
            }
        }
        problems += context.problems.diagnostics
        if !problems.isEmpty { throw DiagnosticList(sortingAndLimiting: problems) }
        var report = BuiltReport(metadata: spec.metadata, localiser: localiser, items: items, figures: context.figures, tables: context.tables,
                           sourceUses: sourceUses(figures: context.figures, tables: context.tables),
                           dataNotes: dataNotes(context.tablesUsed, store: context.store))
        report.ownTableNotes = ownTables.notes(used: context.tablesUsed + ownTables.namesUsedByPlaceholders, localiser)
        return report
    }

    /// The spec's `tables:`, read with the corpus's country codes for `country` columns.
    private func loadOwnTables(_ spec: ReportSpec) throws(DiagnosticList) -> OwnTableStore {
        let codes = Set(corpus.countries.map(\.code))
        do {
            return try OwnTableStore(spec: spec, reader: TidyTableReader(countryCodes: { codes }, limits: csvLimits))
        } catch let list as DiagnosticList {
            throw list
        } catch let diagnostic as Diagnostic {
            throw DiagnosticList([diagnostic])
        } catch {
            throw DiagnosticList([Diagnostic(SourceLocation(file: spec.file), "\(error)")])
        }
    }

    /// Coverage of each table used, as loaded: event tables by their rows' sources, others by the catalog.
    private func dataNotes(_ names: [String], store: EventTableStore) -> [DataNote] {
        names.compactMap { name in
            guard let schema = corpus.catalog.table(named: name) else { return nil }
            // A table that adds several sources together is described as loaded, though only
            // a sources: table may count it.
            if let events = (try? store.table(named: name)) ?? (try? EventTables.table(named: name, in: corpus, allowingCombined: true)) {
                return DataNote(title: events.title, file: corpus.tables[name]?.file ?? schema.file, coverage: events.coverage, note: events.coverageNote)
            }
            return DataNote(title: schema.title, file: schema.file, coverage: schema.coverage, note: schema.coverageNote)
        }
    }

    private func sourceUses(figures: [BuiltFigure], tables: [BuiltTable]) -> [SourceUse] {
        var uses: [String: [String]] = [:]
        for figure in figures { for id in figure.chart.sourceIDs { uses[id, default: []].append(figure.label) } }
        for table in tables { for id in table.sourceIDs { uses[id, default: []].append(table.label) } }
        return corpus.sources.filter { uses[$0.id] != nil }.map { SourceUse(source: $0, usedBy: uses[$0.id]!) }
    }

    /// "fig-attacks-by-year" → "attacks-by-year" for file names.
    static func slug(_ id: String) -> String {
        for prefix in ["fig-", "tab-", "table-", "figure-"] where id.hasPrefix(prefix) { return String(id.dropFirst(prefix.count)) }
        return id
    }
}
