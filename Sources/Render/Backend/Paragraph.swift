/// A piece of a paragraph in one style. Report builds paragraphs from spans; each backend turns
/// them into its own form (Pango attributes, SVG tspans), so no backend's markup leaks upwards.
public struct TextSpan: Hashable, Sendable {
    /// The span's text.
    public var text: String
    /// Set in the bold face of the paragraph's font.
    public var bold: Bool
    /// Set in the italic face of the paragraph's font.
    public var italic: Bool
    /// The span's colour; nil takes the paragraph's.
    public var color: Color?
    /// Where the span links to: `#name` for a destination in the document, otherwise a web address.
    public var link: String?

    /// A span of `text` in the given style.
    public init(_ text: String, bold: Bool = false, italic: Bool = false, color: Color? = nil, link: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.color = color
        self.link = link
    }
}

/// A paragraph of flowing text: styled spans set in one font, wrapped at the width it is drawn at.
public struct Paragraph: Sendable {
    /// The styled pieces, in reading order.
    public var spans: [TextSpan]
    /// The font every span is set in (spans choose bold or italic faces of it).
    public var font: FontSpec
    /// The colour of spans that do not name their own.
    public var color: Color
    /// How lines are aligned; `.justify` leaves the last line ragged.
    public var alignment: TextRun.Alignment
    /// Line height as a multiple of the font's natural line height.
    public var lineSpacing: Double
    /// Indent of the first line in points.
    public var firstLineIndent: Double
    /// BCP 47 language, for shaping and line breaking.
    public var language: String

    /// A paragraph of styled spans.
    public init(spans: [TextSpan], font: FontSpec = FontSpec(family: Theme.defaultFontFamily, size: 10), color: Color = .black,
                alignment: TextRun.Alignment = .justify, lineSpacing: Double = 1.2, firstLineIndent: Double = 0, language: String = "en") {
        self.spans = spans
        self.font = font
        self.color = color
        self.alignment = alignment
        self.lineSpacing = lineSpacing
        self.firstLineIndent = firstLineIndent
        self.language = language
    }

    /// A paragraph of plain text in one style.
    public init(text: String, font: FontSpec = FontSpec(family: Theme.defaultFontFamily, size: 10), color: Color = .black,
                alignment: TextRun.Alignment = .justify, lineSpacing: Double = 1.2, language: String = "en") {
        self.init(spans: [TextSpan(text)], font: font, color: color, alignment: alignment, lineSpacing: lineSpacing, language: language)
    }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// The spans that link somewhere, each with its UTF-8 byte range in `plainText`.
    public var links: [(range: Range<Int>, target: String)] {
        var result: [(range: Range<Int>, target: String)] = []
        var offset = 0
        for span in spans {
            let length = span.text.utf8.count
            if let target = span.link, length > 0 { result.append((offset..<offset + length, target)) }
            offset += length
        }
        return result
    }
}

/// Where each line of a paragraph sits, relative to the paragraph's top.
public struct ParagraphMetrics: Sendable {
    /// The top of each line, in points from the paragraph's top.
    public var lineTops: [Double]
    /// The bottom of each line, in points from the paragraph's top.
    public var lineBottoms: [Double]
    /// The number of lines.
    public var lineCount: Int { lineTops.count }
    /// The height of the whole paragraph.
    public var height: Double { lineBottoms.last ?? 0 }

    /// Metrics from line positions, top to bottom.
    public init(lineTops: [Double], lineBottoms: [Double]) {
        self.lineTops = lineTops
        self.lineBottoms = lineBottoms
    }

    /// How many lines fit in `height` starting at line `first`.
    public func linesFitting(height: Double, from first: Int = 0) -> Int {
        guard first < lineCount else { return 0 }
        let start = lineTops[first]
        var n = 0
        while first + n < lineCount && lineBottoms[first + n] - start <= height + 0.01 { n += 1 }
        return n
    }
}
