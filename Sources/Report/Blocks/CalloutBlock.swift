import Dataset
import Render
import Support

/// A boxed key message: an optional title, body text with placeholders, and an optional
/// pointer to the figure or table that shows it, drawn as a linked "See Figure 3".
///
///     - callout:
///         title: The headline
///         text: "Named attacks occurred at {{ compare attacks 2001-2011 2024 }}."
///         see: tab-compare
struct CalloutBlock: ReportBlock {
    static let key = "callout"

    var title: String?
    var text: LocatedText
    /// The id of a figure or table, checked when the report is built (ids are numbered then).
    var see: Located<String>?

    static func read(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> CalloutBlock {
        let map = try node.mapping(allowedKeys: ["title", "text", "see"], reporting: problems)
        let text = problems.attempt { () throws(Diagnostic) -> LocatedText in
            let textNode = try map.require("text", "the key message")
            let text = try SpecReader.text(textNode, problems)
            guard !text.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw textNode.error("a callout's text is empty", hint: "write the one message the reader should take away")
            }
            return text
        }
        let see = problems.attempt { () throws(Diagnostic) in try map["see"].map { node throws(Diagnostic) in Located(try node.string(), at: node.location) } } ?? nil
        let title = problems.attempt { () throws(Diagnostic) in try map["title"]?.string() } ?? nil
        return CalloutBlock(title: title, text: text ?? LocatedText(text: "", start: node.location), see: see)
    }

    func build(_ context: BuildContext) throws -> [any BuiltBlock] {
        var reference: (label: String, target: String)?
        if let see {
            let numbered = context.references.numbered
            guard numbered.contains(see.value), let label = context.references.labels[see.value] else {
                let suggestion = Suggestion.closest(to: see.value, in: numbered).map { "did you mean '\($0)'? " } ?? ""
                throw Diagnostic(see.location, "no figure or table has the id '\(see.value)'",
                                 hint: "\(suggestion)'see' names the id of a chart or table in this report")
            }
            reference = (label, see.value)
        }
        return [BuiltCallout(title: title, runs: try context.binding.runs(text), referenceLabel: reference?.label, referenceTarget: reference?.target)]
    }
}

/// A callout with its placeholders filled and its reference numbered.
struct BuiltCallout: BuiltBlock {
    var title: String?
    var runs: [MarkupRun]
    var referenceLabel: String?
    var referenceTarget: String?

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] {
        let style = context.style
        var paragraphs: [Paragraph] = []
        if let title {
            paragraphs.append(Paragraph(text: title, font: FontSpec(family: ReportStyle.sans, size: style.body.size, weight: .bold),
                                        color: style.accent, alignment: .left, lineSpacing: 1.1, language: context.report.metadata.language))
        }
        paragraphs.append(Paragraph(spans: runs.spans(linkColor: style.accent), font: style.body, color: style.text, alignment: .left,
                                    lineSpacing: style.bodyLeading, language: context.report.metadata.language))
        if let referenceLabel, let referenceTarget {
            let localiser = context.localiser
            let see = [MarkupRun(localiser.text("callout.see")), MarkupRun(referenceLabel, link: "#\(referenceTarget)"),
                       MarkupRun(localiser.text("callout.see-end"))]
            paragraphs.append(Paragraph(spans: see.spans(linkColor: style.accent), font: style.caption, color: style.secondary,
                                        alignment: .left, lineSpacing: 1.1, language: context.report.metadata.language))
        }
        let innerWidth = context.width - CalloutFlow.insetLeft - CalloutFlow.insetRight
        let heights = paragraphs.map { context.pdf.measure($0, width: innerWidth).height }
        return [CalloutFlow(paragraphs: paragraphs, heights: heights, style: style)]
    }
}

/// A callout measured for the page: a tinted box with an accent bar, kept whole.
struct CalloutFlow: WholeFlowBlock {
    var paragraphs: [Paragraph]
    var heights: [Double]
    var style: ReportStyle
    static let insetLeft = 14.0
    static let insetRight = 10.0
    static let padding = 9.0
    static let gap = 4.0

    var height: Double { heights.reduce(0, +) + Self.gap * Double(max(0, heights.count - 1)) + 2 * Self.padding }
    var spaceAfter: Double { 12 }

    func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas) {
        let box = Rect(x: page.left, y: y, width: page.width, height: height)
        page.pdf.draw(Scene(size: Size(width: box.width, height: box.height), background: nil, items: [
            .rect(box, .fill(style.keyBackground)),
            .rect(Rect(x: box.x, y: box.y, width: 2.5, height: box.height), .fill(style.accent)),
        ]), at: Point(x: 0, y: 0))
        var textY = y + Self.padding
        let pdf = page.pdf
        pdf.structure(.division) {
            for (paragraph, height) in zip(paragraphs, heights) {
                pdf.structure(.paragraph) {
                    pdf.draw(paragraph, at: Point(x: page.left + Self.insetLeft, y: textY), width: page.width - Self.insetLeft - Self.insetRight)
                }
                textY += height + Self.gap
            }
        }
    }
}
