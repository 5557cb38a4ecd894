import Dataset
import Render
import Support

/// The row of large numbers with labels at the top of a briefing.
struct KeyFiguresBlock: ReportBlock {
    static let key = "key_figures"

    /// One box: the big number (usually a single placeholder), what it counts, and an optional
    /// smaller line under the label, often a comparison.
    struct Figure: Sendable {
        var value: LocatedText
        var label: LocatedText
        var detail: LocatedText?
    }

    var figures: [Figure]

    static func read(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> KeyFiguresBlock {
        var figures: [Figure] = []
        for item in try node.sequence() {
            // Each figure and each of its keys is read on its own, so every mistake in the row is reported.
            guard let figure = problems.attempt({ () throws(Diagnostic) in try item.mapping(allowedKeys: ["value", "label", "detail"], reporting: problems) })
            else { continue }
            let value = figure.require("value", "the number, usually a placeholder", problems) { node throws(Diagnostic) in try SpecReader.text(node, problems) }
            let label = figure.require("label", "what the number counts", problems) { node throws(Diagnostic) in try SpecReader.text(node, problems) }
            let detail = figure.read("detail", problems) { node throws(Diagnostic) in try SpecReader.text(node, problems) }
            if let value, let label { figures.append(Figure(value: value, label: label, detail: detail)) }
        }
        return KeyFiguresBlock(figures: figures)
    }

    func build(_ context: BuildContext) throws -> [any BuiltBlock] {
        let binding = context.binding
        return [BuiltKeyFigures(figures: try figures.map { figure throws(Diagnostic) in
            ResolvedKeyFigure(value: try binding.plain(figure.value), label: try binding.plain(figure.label),
                              detail: try figure.detail.map { detail throws(Diagnostic) in try binding.plain(detail) })
        })]
    }
}

/// A key figure with its placeholders filled.
struct ResolvedKeyFigure: Sendable {
    var value: String
    var label: String
    var detail: String?
}

/// The key figures with their values computed.
struct BuiltKeyFigures: BuiltBlock {
    var figures: [ResolvedKeyFigure]

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] {
        let prefixes = Qualifier.allCases.filter { $0 != .exact }.map { context.localiser.qualifierPrefix($0) }
        return [KeyFiguresFlow(figures: figures, style: context.style, qualifiers: prefixes, language: context.language,
                               height: KeyFigureBoxes.height(figures, width: context.width, style: context.style, qualifiers: prefixes,
                                                             language: context.language, pdf: context.pdf))]
    }
}

/// The key figures measured for the page, kept whole.
struct KeyFiguresFlow: WholeFlowBlock {
    var figures: [ResolvedKeyFigure]
    var style: ReportStyle
    /// The words before a qualified number ("more than "), in the report's language.
    var qualifiers: [String]
    var language: String
    var height: Double
    var spaceAfter: Double { 12 }

    func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas) {
        KeyFigureBoxes.draw(figures, at: Point(x: page.left, y: y), width: page.width, style: style, qualifiers: qualifiers,
                            language: language, pdf: page.pdf)
    }
}

/// The row of large numbers with labels at the top of a briefing.
enum KeyFigureBoxes {
    static let perRow = 4
    static let gap = 8.0

    static func boxWidth(count: Int, width: Double) -> Double {
        let columns = min(perRow, max(1, count))
        return (width - gap * Double(columns - 1)) / Double(columns)
    }

    static func paragraphs(_ figure: ResolvedKeyFigure, style: ReportStyle, qualifiers: [String], language: String) -> [Paragraph] {
        // "more than 1,300": the qualifier goes small above the number, so the number stays one line.
        var value = figure.value
        var result: [Paragraph] = []
        for prefix in qualifiers where !prefix.isEmpty && value.hasPrefix(prefix) {
            result.append(Paragraph(text: prefix.trimmingCharacters(in: .whitespaces), font: style.keyLabel,
                                    color: style.accent, alignment: .left, lineSpacing: 1.0, language: language))
            value = String(value.dropFirst(prefix.count))
        }
        result += [Paragraph(text: value, font: style.keyValue, color: style.accent, alignment: .left, lineSpacing: 1.0, language: language),
                   Paragraph(text: figure.label, font: style.keyLabel, color: style.text, alignment: .left, lineSpacing: 1.1, language: language)]
        if let detail = figure.detail {
            result.append(Paragraph(text: detail, font: style.note, color: style.secondary, alignment: .left, lineSpacing: 1.1, language: language))
        }
        return result
    }

    static func height(_ figures: [ResolvedKeyFigure], width: Double, style: ReportStyle, qualifiers: [String], language: String,
                       pdf: any PagedDocument) -> Double {
        let boxWidth = boxWidth(count: figures.count, width: width)
        var total = 0.0
        for row in stride(from: 0, to: figures.count, by: perRow) {
            let slice = figures[row..<min(row + perRow, figures.count)]
            // Heights below the qualifier lines, plus the row's deepest qualifier (numbers share a baseline).
            let heights = slice.map { figure in
                paragraphs(figure, style: style, qualifiers: qualifiers, language: language).reduce(0) { $0 + pdf.measure($1, width: boxWidth - 16).height + 3 }
                    - qualifierHeight(figure, width: boxWidth, style: style, qualifiers: qualifiers, language: language, pdf: pdf)
            }
            let deepest = slice.map { qualifierHeight($0, width: boxWidth, style: style, qualifiers: qualifiers, language: language, pdf: pdf) }.max() ?? 0
            total += (heights.max() ?? 0) + deepest + 16 + (row > 0 ? gap : 0)
        }
        return total
    }

    /// The height of the small qualifier lines ("more than") above a figure's number; 0 for none.
    static func qualifierHeight(_ figure: ResolvedKeyFigure, width boxWidth: Double, style: ReportStyle, qualifiers: [String], language: String,
                                pdf: any PagedDocument) -> Double {
        paragraphs(figure, style: style, qualifiers: qualifiers, language: language).prefix { $0.font == style.keyLabel && $0.color == style.accent }
            .reduce(0) { $0 + pdf.measure($1, width: boxWidth - 16).height + 3 }
    }

    static func draw(_ figures: [ResolvedKeyFigure], at origin: Point, width: Double, style: ReportStyle, qualifiers: [String], language: String,
                     pdf: any PagedDocument) {
        let boxWidth = boxWidth(count: figures.count, width: width)
        var y = origin.y
        for row in stride(from: 0, to: figures.count, by: perRow) {
            let slice = Array(figures[row..<min(row + perRow, figures.count)])
            let rowHeight = height(slice, width: width, style: style, qualifiers: qualifiers, language: language, pdf: pdf)
            let deepest = slice.map { qualifierHeight($0, width: boxWidth, style: style, qualifiers: qualifiers, language: language, pdf: pdf) }.max() ?? 0
            for (column, figure) in slice.enumerated() {
                let x = origin.x + Double(column) * (boxWidth + gap)
                pdf.draw(Scene(size: Size(width: boxWidth, height: rowHeight), background: nil, items: [
                    .rect(Rect(x: x, y: y, width: boxWidth, height: rowHeight), .fill(style.keyBackground)),
                    .rect(Rect(x: x, y: y, width: 2.5, height: rowHeight), .fill(style.accent)),
                ]), at: Point(x: 0, y: 0))
                // A box without a qualifier starts lower by the row's deepest one, so every number sits on one baseline.
                var textY = y + 8 + deepest - qualifierHeight(figure, width: boxWidth, style: style, qualifiers: qualifiers, language: language, pdf: pdf)
                pdf.structure(.division) {
                    for paragraph in paragraphs(figure, style: style, qualifiers: qualifiers, language: language) {
                        textY += pdf.structure(.paragraph) { pdf.draw(paragraph, at: Point(x: x + 10, y: textY), width: boxWidth - 16) } + 3
                    }
                }
            }
            y += rowHeight + gap
        }
    }
}
