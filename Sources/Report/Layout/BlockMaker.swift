import Analysis
import Dataset
import Foundation
import Render

/// Lays the built blocks out at the page's text width, each block by its own `layOut`, and
/// holds what they share: the report, the style, the document that measures text.
struct BlockMaker {
    let report: BuiltReport
    let corpus: Corpus
    let style: ReportStyle
    let pdf: any PagedDocument
    let width: Double

    /// A short pointer instead of the full coverage note under every figure; the full notes are in the appendix.
    static let coverageNote = "Coverage: not a complete count — the data are examples named in the sources (see “About the data”)."

    func blocks() throws -> [any FlowBlock] {
        try report.items.flatMap { try $0.layOut(self) }
    }

    /// A paragraph of body text, measured.
    func text(_ runs: [MarkupRun], indent: Double = 0, font: FontSpec? = nil, color: Color? = nil) -> TextFlow {
        let alignment: TextRun.Alignment = report.metadata.alignment == .justified ? .justify : .left
        let paragraph = Paragraph(spans: runs.spans(linkColor: style.accent), font: font ?? style.body, color: color ?? style.text,
                                  alignment: alignment, lineSpacing: style.bodyLeading, language: report.metadata.language)
        return TextFlow(paragraph: paragraph, metrics: pdf.measure(paragraph, width: width - indent),
                        indent: indent, bullet: nil, spaceAfter: style.paragraphSpacing)
    }

    /// A figure's or table's caption, led by its bold label ("Figure 3. ").
    func caption(label: String, _ runs: [MarkupRun]) -> Paragraph {
        Paragraph(spans: ([MarkupRun("\(label). ", bold: true)] + runs).spans(linkColor: style.accent), font: style.caption,
                  color: style.text, alignment: .left, lineSpacing: 1.15)
    }

    /// The small notes under a figure or table, empty ones left out.
    func notes(_ texts: [String]) -> [Paragraph] {
        texts.filter { !$0.isEmpty }.map {
            Paragraph(text: $0, font: style.note, color: style.secondary, alignment: .left, lineSpacing: 1.1, language: report.metadata.language)
        }
    }

    /// The height of notes drawn one under another.
    func notesHeight(_ notes: [Paragraph]) -> Double {
        notes.reduce(0) { $0 + pdf.measure($1, width: width).height + 1 }
    }

    /// A heading measured at the text width.
    func heading(_ text: String, level: Int, anchor: String, lineSpacing: Double = 1.1) -> HeadingFlow {
        let paragraph = Paragraph(text: text, font: style.headings[level]!, color: style.text, alignment: .left, lineSpacing: lineSpacing)
        return HeadingFlow(text: text, level: level, anchor: anchor, paragraph: paragraph,
                           height: pdf.measure(paragraph, width: width).height, spaceAbove: style.headingSpaceAbove[level]!)
    }

    /// "Attacks named in the sources by year, 2001–2011." from a longer caption, for the contents.
    static func firstSentence(_ runs: [MarkupRun]) -> String {
        let text = runs.map(\.text).joined()
        if let end = text.range(of: ". ") { return String(text[..<end.lowerBound]) + "." }
        return text
    }
}
