import CCairo
import Render

/// How a justified paragraph is set: hyphenated in its language (soft hyphens where the
/// patterns allow, `Hyphenator`), then justified only if no line would stretch its word spaces
/// past `widestSpace` × normal; a paragraph that would is set ragged-right instead, unhyphenated,
/// as a careful compositor does rather than print rivers. Measuring, drawing and links all use
/// the paragraph this returns, so they agree on every line break.
public enum JustifiedSetting {
    /// The widest word space justification may make, as a multiple of the face's normal space:
    /// 1.5× is where stretched spaces start to show as gaps (the briefing once had 2.08×).
    public static let widestSpace = 1.5

    /// What setting a paragraph found.
    public struct Outcome: Sendable, Equatable {
        /// The widest word space a justified line would have, as a multiple of the normal space
        /// (1 when no line stretches: a one-line paragraph, or every line already full).
        public var loosest: Double
        /// Whether the paragraph is justified (else ragged-right).
        public var justified: Bool
        /// How many lines end in a hyphen.
        public var hyphenatedLines: Int
    }
}

extension PDFDocument {
    /// `paragraph` as it is set at `width`: a justified one hyphenated and justified, or ragged
    /// when justifying would stretch a word space past `JustifiedSetting.widestSpace`; any other
    /// alignment as it is.
    func setting(_ paragraph: Paragraph, width: Double) -> Paragraph {
        settled(paragraph, width: width).applied(to: paragraph)
    }

    /// What `setting(_:width:)` decides for `paragraph`, for reports and tests; nil when the paragraph is not justified.
    public func justification(of paragraph: Paragraph, width: Double) -> JustifiedSetting.Outcome? {
        paragraph.alignment == .justify ? settled(paragraph, width: width).outcome : nil
    }

    /// `paragraph` as set at `width` with its layout on the measuring context, set once per
    /// document (`ParagraphSettings`).
    func settled(_ paragraph: Paragraph, width: Double) -> ParagraphSettings.Entry {
        paragraphSettings.entry(for: paragraph, width: width) { set(paragraph, width: width) }
    }

    private func set(_ paragraph: Paragraph, width: Double) -> ParagraphSettings.Entry {
        let context = renderer.pangoMeasurer.context
        func asItIs(_ paragraph: Paragraph, outcome: JustifiedSetting.Outcome?) -> ParagraphSettings.Entry {
            ParagraphSettings.Entry(spans: paragraph.spans, alignment: paragraph.alignment, outcome: outcome,
                                    layout: paragraphLayout(paragraph, width: width, on: context))
        }
        guard paragraph.alignment == .justify else { return asItIs(paragraph, outcome: nil) }
        var hyphenated = paragraph
        if let hyphenator = Hyphenator.forLanguage(paragraph.language) {
            hyphenated.spans = paragraph.spans.map { span in
                var span = span
                span.text = hyphenator.hyphenated(span.text)
                return span
            }
        }
        hyphenated.alignment = .left
        let space = spaceWidth(paragraph.font)
        // Pango 1.50 justifies some lines that end at a soft hyphen as if the hyphen it adds took
        // no room, and the hyphen then hangs its own width (3.3 pt at 10 pt) past the measure. Such
        // a break is taken away and the paragraph set again, so the word breaks earlier or moves to
        // the next line; each round takes away at least one break.
        for _ in 0..<JustifiedSetting.rebreakRounds {
            let layout = paragraphLayout(hyphenated, width: width, on: context)
            let lines = withExtendedLifetime(layout) {
                JustifiedSetting.lines(of: layout.pointer, width: width, indent: paragraph.firstLineIndent, space: space)
            }
            let loosest = lines.map(\.stretch).max() ?? 1
            guard loosest <= JustifiedSetting.widestSpace else {
                var ragged = paragraph
                ragged.alignment = .left
                return asItIs(ragged, outcome: JustifiedSetting.Outcome(loosest: loosest, justified: false, hyphenatedLines: 0))
            }
            // Only the soft hyphens a line ends at are kept, so the text a reader copies (or pdftotext
            // reads) has no invisible characters inside its words. Pango breaks lines greedily, so the
            // breaks stay where they were.
            var justified = hyphenated
            let ends = lines.compactMap(\.softHyphen)
            justified.spans = JustifiedSetting.softHyphens(in: hyphenated.spans) { ends.contains($0) }
            justified.alignment = .justify
            let set = paragraphLayout(justified, width: width, on: context)
            let hanging = withExtendedLifetime(set) {
                JustifiedSetting.hangingHyphens(of: set.pointer, width: width, indent: paragraph.firstLineIndent)
            }
            guard !hanging.isEmpty else {
                // This layout is the paragraph as set: measuring and links read it as it is.
                return ParagraphSettings.Entry(spans: justified.spans, alignment: .justify,
                                               outcome: JustifiedSetting.Outcome(loosest: loosest, justified: true, hyphenatedLines: ends.count),
                                               layout: set)
            }
            // The kept soft hyphens are the line ends in order, so the nth one is `ends[n]` of the hyphenated text.
            let taken = Set(hanging.filter { $0 < ends.count }.map { ends[$0] })
            hyphenated.spans = JustifiedSetting.softHyphens(in: hyphenated.spans) { !taken.contains($0) }
        }
        // Still hanging after every round (not seen): ragged and unhyphenated, as when too loose.
        var ragged = paragraph
        ragged.alignment = .left
        return asItIs(ragged, outcome: JustifiedSetting.Outcome(loosest: 1, justified: false, hyphenatedLines: 0))
    }

    /// The advance of one space in `font`: "a a" less "aa", so no edge effect of a lone space counts.
    private func spaceWidth(_ font: FontSpec) -> Double {
        let measurer = renderer.pangoMeasurer
        return measurer.measure("a a", font: font, wrapWidth: nil).width - measurer.measure("aa", font: font, wrapWidth: nil).width
    }
}

extension JustifiedSetting {
    /// Past the measure a line may end by at most this much: far below a hyphen's width, above
    /// the rounding of Pango's units (1/1024 pt).
    static let overhangTolerance = 0.01
    /// At most this many times a paragraph is set again without the soft hyphens that hung past
    /// the measure; the second setting has always been enough.
    static let rebreakRounds = 8

    struct Line {
        /// The word space this line would have justified, as a multiple of the normal space.
        var stretch: Double
        /// The byte offset of the soft hyphen the line ends at, if it does.
        var softHyphen: Int?
    }

    /// Every line of a left-aligned layout but the last: how far justifying it would stretch its
    /// spaces, and the soft hyphen it breaks at. A line with no space cannot stretch and is left out.
    static func lines(of layout: OpaquePointer, width: Double, indent: Double, space: Double) -> [Line] {
        let bytes = Array(String(cString: pango_layout_get_text(layout)).utf8)
        let count = Int(pango_layout_get_line_count(layout))
        guard count > 1, space > 0 else { return [] }
        var result: [Line] = []
        for index in 0..<(count - 1) {
            guard let line = pango_layout_get_line_readonly(layout, Int32(index)) else { continue }
            let start = Int(line.pointee.start_index), end = min(bytes.count, start + Int(line.pointee.length))
            // A line ended by a newline is a paragraph's last and is not justified.
            if end < bytes.count, end > start, bytes[end - 1] == 0x0A { continue }
            var last = end
            while last > start, bytes[last - 1] == 0x20 { last -= 1 }
            guard last > start else { continue }
            let spaces = bytes[start..<last].filter { $0 == 0x20 }.count
            var softHyphen: Int?
            if last - start >= 2, bytes[last - 2] == 0xC2, bytes[last - 1] == 0xAD { softHyphen = last - 2 }
            guard spaces > 0 else {
                result.append(Line(stretch: 1, softHyphen: softHyphen))
                continue
            }
            // The trailing edge of the line's last character: its text, and the hyphen Pango adds at a soft hyphen.
            var lastCharacter = last - 1
            while lastCharacter > start, bytes[lastCharacter] & 0xC0 == 0x80 { lastCharacter -= 1 }
            var x: Int32 = 0
            pango_layout_line_index_to_x(UnsafeMutablePointer(mutating: line), Int32(lastCharacter), 1, &x)
            let natural = Double(x) / Double(PANGO_SCALE)
            let available = width - (index == 0 ? max(0, indent) : 0)
            let stretch = (space + max(0, available - natural) / Double(spaces)) / space
            result.append(Line(stretch: stretch, softHyphen: softHyphen))
        }
        return result
    }

    /// Of a justified layout, the soft hyphens (counted from 0 in text order) that end a line whose
    /// logical extent, the hyphen Pango draws included, passes the measure.
    static func hangingHyphens(of layout: OpaquePointer, width: Double, indent: Double) -> [Int] {
        let bytes = Array(String(cString: pango_layout_get_text(layout)).utf8)
        var result: [Int] = []
        for index in 0..<Int(pango_layout_get_line_count(layout)) {
            guard let line = pango_layout_get_line_readonly(layout, Int32(index)) else { continue }
            let start = Int(line.pointee.start_index), end = min(bytes.count, start + Int(line.pointee.length))
            var last = end
            while last > start, bytes[last - 1] == 0x20 { last -= 1 }
            guard last - start >= 2, bytes[last - 2] == 0xC2, bytes[last - 1] == 0xAD else { continue }
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_line_get_extents(UnsafeMutablePointer(mutating: line), &ink, &logical)
            let right = Double(max(logical.x + logical.width, ink.x + ink.width)) / Double(PANGO_SCALE)
            let available = width - (index == 0 ? max(0, indent) : 0)
            guard right > available + overhangTolerance else { continue }
            var ordinal = 0
            for offset in 0..<(last - 2) where bytes[offset] == 0xC2 && bytes[offset + 1] == 0xAD { ordinal += 1 }
            result.append(ordinal)
        }
        return result
    }

    /// `spans` keeping only the soft hyphens at whose byte offset (in the spans' joined text) `keep` is true.
    static func softHyphens(in spans: [TextSpan], keep: (Int) -> Bool) -> [TextSpan] {
        var offset = 0
        return spans.map { span in
            var span = span
            var text = String.UnicodeScalarView()
            for scalar in span.text.unicodeScalars {
                if scalar != "\u{00AD}" || keep(offset) { text.append(scalar) }
                offset += scalar.utf8.count
            }
            span.text = String(text)
            return span
        }
    }
}
