import Dataset
import Foundation
import Render
import Support

/// `- sources`: each cited source with the figures and tables that use it, then what each
/// table the report draws on covers ("About the data").
struct SourcesBlock: ReportBlock, BuiltBlock {
    static let key = "sources"
    static var isBareWord: Bool { true }
    /// Whether the appendix starts with its own "Sources" heading: unless the spec put a heading right before it.
    var ownHeading = true

    static func read(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> SourcesBlock { SourcesBlock() }

    func build(_ context: BuildContext) throws -> [any BuiltBlock] { [SourcesBlock(ownHeading: !context.followsHeading)] }

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] {
        let report = context.report
        var blocks: [any FlowBlock] = []
        let localiser = context.localiser
        if ownHeading { blocks.append(context.heading(localiser.text("sources"), level: 1, anchor: "sources-appendix")) }
        // Sorted by author and year, as a reference list is read; titles with typographic quotes.
        let uses = report.sourceUses.sorted { $0.source.shortCitation.lowercased() < $1.source.shortCitation.lowercased() }
        for use in uses {
            let source = use.source
            var runs = [MarkupRun(source.shortCitation + ". ", bold: true),
                        MarkupRun(TypographicQuotes.apply(source.title, language: localiser.language), italic: true), MarkupRun(". ")]
            var details: [String] = []
            if let author = source.author { details.append(author) }
            if let publisher = source.publisher, publisher != source.author { details.append(publisher) }
            if let date = source.date {
                // In CLDR's long form: "28 December 2017", "28 декабря 2017 г.", "2017年12月28日".
                details.append(localiser.language == .english ? Localiser.englishDates(date.description) ?? date.description
                                                              : localiser.date(date.description))
            }
            if let url = source.url { details.append(url) }
            if !details.isEmpty { runs.append(MarkupRun(details.joined(separator: ", ") + ". ")) }
            if let notes = source.notes, source.kind == "public-record" { runs.append(MarkupRun(notes + " ")) }
            runs.append(MarkupRun(localiser.text("sources.used-in")))
            for (position, label) in use.usedBy.enumerated() {
                let target = report.figures.first { $0.label == label }?.id ?? report.tables.first { $0.label == label }?.id
                // "Figure 6" kept on one line, as in the body.
                runs.append(MarkupRun(label.replacingOccurrences(of: " ", with: "\u{00A0}"), link: target.map { "#\($0)" }))
                let last = position == use.usedBy.count - 1
                runs.append(MarkupRun(localiser.language == .chinese ? (last ? "。" : "、") : (last ? "." : ", ")))
            }
            blocks.append(entry(runs, context))
        }
        blocks.append(context.heading(localiser.text("about-the-data"), level: 2, anchor: "about-the-data", lineSpacing: 1.2))
        for note in report.dataNotes {
            let file = (note.file as NSString).lastPathComponent
            let lead = localiser.text("about-the-data.entry", ["title": localiser.label(note.title), "file": file,
                                                               "coverage": localiser.text("coverage.\(note.coverage.rawValue)")])
            blocks.append(entry([MarkupRun(lead, bold: true), MarkupRun(note.note)], context))
        }
        for note in report.ownTableNotes { blocks.append(entry([MarkupRun(note)], context)) }
        return blocks
    }

    /// An appendix entry: ragged, in the captions' sans face and at their measure (about 68
    /// characters; at the full column a line held 120–147).
    private func entry(_ runs: [MarkupRun], _ context: BlockMaker) -> TextFlow {
        var block = context.text(runs, font: FontSpec(family: ReportStyle.sans, size: context.style.caption.size))
        block.paragraph.alignment = .left
        block.metrics = context.pdf.measure(block.paragraph, width: context.captionWidth)
        block.width = context.captionWidth
        return block
    }
}
