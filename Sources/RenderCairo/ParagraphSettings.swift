import CCairo
import Render

/// Each paragraph of a document as it is set at a width, kept for the document's life.
///
/// A briefing's paragraph is set (hyphenated, then laid out two or more times by
/// `JustifiedSetting`) when blocks are measured, set again when it is drawn (once per page it
/// spans) and laid out again for its links. Pango lays out the same text on the same context the
/// same way every time, so one setting and one layout on the measuring context serve all of them.
/// Keyed by everything the setting and the layout read (not the paragraph's colour, which is
/// drawn as the cairo source).
final class ParagraphSettings {
    struct Key: Hashable {
        var spans: [TextSpan]
        var font: FontSpec
        var alignment: TextRun.Alignment
        var lineSpacing: Double
        var firstLineIndent: Double
        var language: String
        var width: Double

        init(_ paragraph: Paragraph, width: Double) {
            spans = paragraph.spans
            font = paragraph.font
            alignment = paragraph.alignment
            lineSpacing = paragraph.lineSpacing
            firstLineIndent = paragraph.firstLineIndent
            language = paragraph.language
            self.width = width
        }
    }

    /// A paragraph as set: the spans and alignment it is drawn with, what justification found,
    /// and its layout on the measuring context with the line positions.
    final class Entry {
        let spans: [TextSpan]
        let alignment: TextRun.Alignment
        let outcome: JustifiedSetting.Outcome?
        let layout: PangoLayoutHandle
        private(set) lazy var metrics = ParagraphMetrics(layout: layout)

        init(spans: [TextSpan], alignment: TextRun.Alignment, outcome: JustifiedSetting.Outcome?, layout: PangoLayoutHandle) {
            self.spans = spans
            self.alignment = alignment
            self.outcome = outcome
            self.layout = layout
        }

        /// `paragraph` (the one the entry was set from, or one differing only in colour) as set.
        func applied(to paragraph: Paragraph) -> Paragraph {
            var set = paragraph
            set.spans = spans
            set.alignment = alignment
            return set
        }
    }

    /// False sets every paragraph afresh at each call, as before the cache (tests compare the two).
    let enabled: Bool
    private var entries: [Key: Entry] = [:]

    init(enabled: Bool) { self.enabled = enabled }

    /// The entry for `paragraph` at `width`, made by `make` the first time.
    func entry(for paragraph: Paragraph, width: Double, make: () -> Entry) -> Entry {
        guard enabled else { return make() }
        let key = Key(paragraph, width: width)
        if let known = entries[key] { return known }
        let made = make()
        entries[key] = made
        return made
    }
}
