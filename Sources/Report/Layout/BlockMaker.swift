import Analysis
import Dataset
import Foundation
import Render

/// Turns report items into measured blocks at the page's text width.
struct BlockMaker {
    let report: BuiltReport
    let corpus: Corpus
    let style: ReportStyle
    let pdf: any PagedDocument
    let width: Double

    func blocks() throws -> [FlowBlock] {
        var blocks: [FlowBlock] = []
        for item in report.items {
            switch item {
            case let .heading(text, level, anchor):
                let paragraph = Paragraph(text: text, font: style.headings[level]!, color: style.text, alignment: .left, lineSpacing: 1.1)
                blocks.append(.heading(HeadingBlock(text: text, level: level, anchor: anchor, paragraph: paragraph,
                                                    height: pdf.measure(paragraph, width: width).height,
                                                    spaceAbove: style.headingSpaceAbove[level]!)))
            case .paragraph(let runs):
                blocks.append(.text(text(runs)))
            case .bullets(let items):
                for (index, runs) in items.enumerated() {
                    var block = text(runs, indent: 12)
                    block.bullet = Paragraph(text: "•", font: style.body, color: style.text, alignment: .left, lineSpacing: style.bodyLeading)
                    block.spaceAfter = index == items.count - 1 ? style.paragraphSpacing : 2
                    blocks.append(.text(block))
                }
            case .keyFigures(let figures):
                blocks.append(.keyFigures(figures, height: KeyFigureBoxes.height(figures, width: width, style: style, pdf: pdf)))
            case .figure(let index):
                blocks.append(.figure(try figure(index)))
            case .table(let index):
                blocks.append(.table(table(index)))
            case .sources:
                blocks += sourcesAppendix()
            case .pageBreak:
                blocks.append(.pageBreak)
            }
        }
        return blocks
    }

    private func text(_ runs: [MarkupRun], indent: Double = 0, font: FontSpec? = nil, color: Color? = nil) -> TextBlock {
        let alignment: TextRun.Alignment = report.metadata.alignment == .justified ? .justify : .left
        let paragraph = Paragraph(spans: runs.spans(linkColor: style.accent), font: font ?? style.body, color: color ?? style.text,
                                  alignment: alignment, lineSpacing: style.bodyLeading, language: report.metadata.language)
        return TextBlock(paragraph: paragraph, metrics: pdf.measure(paragraph, width: width - indent),
                         indent: indent, bullet: nil, spaceAfter: style.paragraphSpacing)
    }

    private func figure(_ index: Int) throws -> FigureBlock {
        let figure = report.figures[index]
        var spec = figure.chart.spec
        // The source line goes under the caption, with the report's other notes.
        spec.text.source = nil
        let chart = pdf.layout(try spec.figure())
        let label = MarkupRun("\(figure.label). ", bold: true)
        let captionParagraph = Paragraph(spans: ([label] + figure.caption).spans(linkColor: style.accent), font: style.caption,
                                         color: style.text, alignment: .left, lineSpacing: 1.15)
        let notes = notes([SourceLine.text(for: figure.chart.sourceIDs, corpus: corpus)] + coverageNotes(figure.chart.caveats))
        return FigureBlock(index: index, anchor: figure.id, chart: chart, caption: captionParagraph,
                           captionHeight: pdf.measure(captionParagraph, width: width).height,
                           notes: notes, notesHeight: notes.reduce(0) { $0 + pdf.measure($1, width: width).height + 1 })
    }

    private func table(_ index: Int) -> TableBlock {
        let table = report.tables[index]
        let label = MarkupRun("\(table.label). ", bold: true)
        let captionParagraph = Paragraph(spans: ([label] + table.caption).spans(linkColor: style.accent), font: style.caption,
                                         color: style.text, alignment: .left, lineSpacing: 1.15)
        let notes = notes(table.notes)
        return TableBlock(index: index, anchor: table.id, caption: captionParagraph,
                          captionHeight: pdf.measure(captionParagraph, width: width).height,
                          layout: TableLayout(table.table, width: width, style: style, pdf: pdf),
                          notes: notes, notesHeight: notes.reduce(0) { $0 + pdf.measure($1, width: width).height + 1 })
    }

    private func notes(_ texts: [String]) -> [Paragraph] {
        texts.filter { !$0.isEmpty }.map {
            Paragraph(text: $0, font: style.note, color: style.secondary, alignment: .left, lineSpacing: 1.1, language: report.metadata.language)
        }
    }

    /// A short pointer instead of the full note under every figure; the full notes are in the appendix.
    private func coverageNotes(_ caveats: [String]) -> [String] {
        caveats.isEmpty ? [] : ["Coverage: not a complete count — the data are examples named in the sources (see “About the data”)."]
    }

    /// Each cited source with the figures and tables that use it, then the coverage notes of the tables used.
    private func sourcesAppendix() -> [FlowBlock] {
        var blocks: [FlowBlock] = []
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
            var block = text(runs, font: FontSpec(family: ReportStyle.sans, size: style.caption.size))
            block.paragraph.alignment = .left
            block.metrics = pdf.measure(block.paragraph, width: width)
            blocks.append(.text(block))
        }
        let headingParagraph = Paragraph(text: "About the data", font: style.headings[2]!, color: style.text, alignment: .left)
        blocks.append(.heading(HeadingBlock(text: "About the data", level: 2, anchor: "about-the-data", paragraph: headingParagraph,
                                            height: pdf.measure(headingParagraph, width: width).height, spaceAbove: style.headingSpaceAbove[2]!)))
        for note in report.dataNotes {
            var block = text([MarkupRun("\(note.title) (\((note.file as NSString).lastPathComponent), \(note.coverage.description)). ", bold: true), MarkupRun(note.note)],
                             font: FontSpec(family: ReportStyle.sans, size: style.caption.size))
            block.paragraph.alignment = .left
            block.metrics = pdf.measure(block.paragraph, width: width)
            blocks.append(.text(block))
        }
        return blocks
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

    static func paragraphs(_ figure: ResolvedKeyFigure, style: ReportStyle) -> [Paragraph] {
        // "more than 1,300": the qualifier goes small above the number, so the number stays one line.
        var value = figure.value
        var result: [Paragraph] = []
        for qualifier in Qualifier.allCases where qualifier != .exact && value.hasPrefix(qualifier.prefix) {
            result.append(Paragraph(text: qualifier.prefix.trimmingCharacters(in: .whitespaces), font: style.keyLabel,
                                    color: style.accent, alignment: .left, lineSpacing: 1.0))
            value = String(value.dropFirst(qualifier.prefix.count))
        }
        result += [Paragraph(text: value, font: style.keyValue, color: style.accent, alignment: .left, lineSpacing: 1.0),
                   Paragraph(text: figure.label, font: style.keyLabel, color: style.text, alignment: .left, lineSpacing: 1.1)]
        if let detail = figure.detail {
            result.append(Paragraph(text: detail, font: style.note, color: style.secondary, alignment: .left, lineSpacing: 1.1))
        }
        return result
    }

    static func height(_ figures: [ResolvedKeyFigure], width: Double, style: ReportStyle, pdf: any PagedDocument) -> Double {
        let boxWidth = boxWidth(count: figures.count, width: width)
        var total = 0.0
        for row in stride(from: 0, to: figures.count, by: perRow) {
            let heights = figures[row..<min(row + perRow, figures.count)].map { figure in
                paragraphs(figure, style: style).reduce(0) { $0 + pdf.measure($1, width: boxWidth - 16).height + 3 }
            }
            total += (heights.max() ?? 0) + 16 + (row > 0 ? gap : 0)
        }
        return total
    }

    static func draw(_ figures: [ResolvedKeyFigure], at origin: Point, width: Double, style: ReportStyle, pdf: any PagedDocument) {
        let boxWidth = boxWidth(count: figures.count, width: width)
        var y = origin.y
        for row in stride(from: 0, to: figures.count, by: perRow) {
            let slice = Array(figures[row..<min(row + perRow, figures.count)])
            let rowHeight = height(slice, width: width, style: style, pdf: pdf)
            for (column, figure) in slice.enumerated() {
                let x = origin.x + Double(column) * (boxWidth + gap)
                pdf.draw(Scene(size: Size(width: boxWidth, height: rowHeight), background: nil, items: [
                    .rect(Rect(x: x, y: y, width: boxWidth, height: rowHeight), .fill(style.keyBackground)),
                    .rect(Rect(x: x, y: y, width: 2.5, height: rowHeight), .fill(style.accent)),
                ]), at: Point(x: 0, y: 0))
                var textY = y + 8
                for paragraph in paragraphs(figure, style: style) {
                    textY += pdf.draw(paragraph, at: Point(x: x + 10, y: textY), width: boxWidth - 16) + 3
                }
            }
            y += rowHeight + gap
        }
    }
}
