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

    /// The report's language: fixed words, country names, numbers.
    var localiser: Localiser { report.localiser }
    /// The report's language for Pango's shaping and line breaking ("en", "ru", "zh").
    var language: String { report.metadata.language }

    /// A short pointer instead of the full coverage note under every figure; the full notes are in the appendix.
    var coverageNote: String { localiser.text("coverage.figure") }

    func blocks() throws -> [any FlowBlock] {
        try report.items.flatMap { try $0.layOut(self) }
    }

    /// The width body text is set at: the page's text width, or narrower so that a line holds
    /// about `ReportStyle.charactersPerLine` characters of the body face (figures and tables keep
    /// the full width).
    var measure: Double { min(width, style.measure(pdf.textMeasurer, language: language)) }

    /// The width captions and notes are set at: about 68 characters of the caption face, as `PageCanvas.captionWidth`.
    var captionWidth: Double { min(width, style.captionMeasure(pdf.textMeasurer, language: language)) }

    /// A paragraph of body text, measured at the body measure.
    func text(_ runs: [MarkupRun], indent: Double = 0, font: FontSpec? = nil, color: Color? = nil) -> TextFlow {
        let alignment: TextRun.Alignment = report.metadata.alignment == .justified ? .justify : .left
        let paragraph = Paragraph(spans: runs.spans(linkColor: style.accent), font: font ?? style.body, color: color ?? style.text,
                                  alignment: alignment, lineSpacing: style.bodyLeading, language: report.metadata.language)
        return TextFlow(paragraph: paragraph, metrics: pdf.measure(paragraph, width: measure - indent),
                        indent: indent, bullet: nil, spaceAfter: style.paragraphSpacing, width: measure)
    }

    /// A figure's or table's caption, led by its bold label ("Figure 3. ").
    func caption(label: String, _ runs: [MarkupRun]) -> Paragraph {
        Paragraph(spans: ([MarkupRun(localiser.captionLead(label), bold: true)] + runs).spans(linkColor: style.accent), font: style.caption,
                  color: style.text, alignment: .left, lineSpacing: 1.15, language: language)
    }

    /// The small notes under a figure or table, empty ones left out.
    func notes(_ texts: [String]) -> [Paragraph] {
        texts.filter { !$0.isEmpty }.map {
            Paragraph(text: $0, font: style.note, color: style.secondary, alignment: .left, lineSpacing: 1.1, language: report.metadata.language)
        }
    }

    /// The height of notes drawn one under another.
    func notesHeight(_ notes: [Paragraph]) -> Double {
        notes.reduce(0) { $0 + pdf.measure($1, width: captionWidth).height + 1 }
    }

    /// A heading measured at the text width.
    func heading(_ text: String, level: Int, anchor: String, lineSpacing: Double = 1.1) -> HeadingFlow {
        let paragraph = Paragraph(text: text, font: style.headings[level]!, color: style.text, alignment: .left, lineSpacing: lineSpacing,
                                  language: language)
        return HeadingFlow(text: text, level: level, anchor: anchor, paragraph: paragraph,
                           height: pdf.measure(paragraph, width: width).height, spaceAbove: style.headingSpaceAbove[level]!)
    }

    /// "Attacks named in the sources by year, 2001–2011." from a longer caption, for the contents
    /// (a Chinese caption ends its first sentence with "。").
    static func firstSentence(_ runs: [MarkupRun]) -> String {
        let text = runs.map(\.text).joined()
        if let end = text.range(of: ". ") { return String(text[..<end.lowerBound]) + "." }
        if let end = text.firstIndex(of: "。"), text.index(after: end) < text.endIndex { return String(text[...end]) }
        return text
    }

    /// A contents line for a figure or table: "Figure 3. Its first sentence."
    func contentsText(label: String, caption: [MarkupRun]) -> String {
        localiser.captionLead(label) + Self.firstSentence(caption)
    }
}
