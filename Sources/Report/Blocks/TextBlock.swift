import Dataset
import Render
import Support

/// Text in the markup subset (emphasis, links, bullet lists) with placeholders filled from the data.
struct TextBlock: ReportBlock {
    static let key = "text"

    var text: LocatedText

    static func read(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> TextBlock {
        TextBlock(text: try SpecReader.text(node, problems))
    }

    func build(_ context: BuildContext) throws -> [any BuiltBlock] {
        try context.binding.blocks(text).map { block -> any BuiltBlock in
            switch block {
            case .paragraph(let runs): return BuiltParagraph(runs: runs)
            case .bulletList(let items): return BuiltBullets(items: items, number: context.nextListNumber())
            }
        }
    }
}

/// A paragraph of body text with every placeholder filled.
struct BuiltParagraph: BuiltBlock {
    var runs: [MarkupRun]

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] {
        [context.text(runs)]
    }
}

/// A bulleted list: one paragraph per item, the bullet hanging in the margin.
struct BuiltBullets: BuiltBlock {
    var items: [[MarkupRun]]
    /// Numbers the report's lists, so the items of one list share a list element.
    var number: Int

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] {
        items.enumerated().map { index, runs in
            var block = context.text(runs, indent: 12)
            block.bullet = Paragraph(text: "•", font: context.style.body, color: context.style.text, alignment: .left,
                                     lineSpacing: context.style.bodyLeading, language: context.language)
            block.spaceAfter = index == items.count - 1 ? context.style.paragraphSpacing : 2
            block.listNumber = number
            return block
        }
    }
}
