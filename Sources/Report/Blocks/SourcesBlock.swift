import Dataset
import Foundation
import Render
import Support

/// `- sources`: each cited source with the figures and tables that use it, then what each
/// table the report draws on covers ("About the data").
struct SourcesBlock: ReportBlock, BuiltBlock {
    static let key = "sources"
    static var isBareWord: Bool { true }

    static func read(_ node: YAMLNode) throws(Diagnostic) -> SourcesBlock { SourcesBlock() }

    func build(_ context: BuildContext) throws -> [any BuiltBlock] { [self] }

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] {
        let report = context.report
        var blocks: [any FlowBlock] = []
        for use in report.sourceUses {
            let source = use.source
            var runs = [MarkupRun(source.shortCitation + ". ", bold: true), MarkupRun(source.title, italic: true), MarkupRun(". ")]
            var details: [String] = []
            if let author = source.author { details.append(author) }
            if let publisher = source.publisher, publisher != source.author { details.append(publisher) }
            if let date = source.date { details.append(date.description) }
            if let url = source.url { details.append(url) }
            if !details.isEmpty { runs.append(MarkupRun(details.joined(separator: ", ") + ". ")) }
            if let notes = source.notes, source.kind == "public-record" { runs.append(MarkupRun(notes + " ")) }
            runs.append(MarkupRun("Used in "))
            for (position, label) in use.usedBy.enumerated() {
                let target = report.figures.first { $0.label == label }?.id ?? report.tables.first { $0.label == label }?.id
                runs.append(MarkupRun(label, link: target.map { "#\($0)" }))
                runs.append(MarkupRun(position == use.usedBy.count - 1 ? "." : ", "))
            }
            blocks.append(entry(runs, context))
        }
        blocks.append(context.heading("About the data", level: 2, anchor: "about-the-data", lineSpacing: 1.2))
        for note in report.dataNotes {
            let file = (note.file as NSString).lastPathComponent
            blocks.append(entry([MarkupRun("\(note.title) (\(file), \(note.coverage.description)). ", bold: true), MarkupRun(note.note)], context))
        }
        for note in report.ownTableNotes { blocks.append(entry([MarkupRun(note)], context)) }
        return blocks
    }

    /// An appendix entry: ragged, in the captions' sans face.
    private func entry(_ runs: [MarkupRun], _ context: BlockMaker) -> TextFlow {
        var block = context.text(runs, font: FontSpec(family: ReportStyle.sans, size: context.style.caption.size))
        block.paragraph.alignment = .left
        block.metrics = context.pdf.measure(block.paragraph, width: context.width)
        return block
    }
}
