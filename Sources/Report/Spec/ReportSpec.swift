import Dataset
import Support

/// A report as its YAML spec declares it: metadata and an ordered body of blocks.
public struct ReportSpec: Sendable {
    /// The spec's file name as messages print it.
    public var file: String
    /// The `report:` settings.
    public var metadata: ReportMetadata
    /// The body's blocks in order, each of a kind in `BlockRegistry`, with its place in the spec.
    var body: [Located<any ReportBlock>]
    /// The user's own tables the `tables:` section names, read beside the corpus.
    var tables: [SpecTable] = []
    /// The folder the spec is in, against which `tables:` paths are read; nil for a spec from memory
    /// (then the paths are relative to the current folder).
    var directory: String?

    init(file: String, metadata: ReportMetadata, body: [Located<any ReportBlock>]) {
        self.file = file
        self.metadata = metadata
        self.body = body
    }
}

/// A value with the place in the spec it came from, so errors found later (an unknown
/// placeholder, a chart with no data) still point at the right line.
struct Located<Value: Sendable>: Sendable {
    var value: Value
    var location: SourceLocation

    init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// The `report:` settings of a spec: what the title page, the PDF's metadata and the page layout use.
public struct ReportMetadata: Sendable {
    /// The paper size.
    public enum PageSize: String, Sendable, CaseIterable {
        /// ISO A4, 210 × 297 mm.
        case a4 = "A4"
        /// US Letter, 8.5 × 11 in.
        case letter = "Letter"

        /// Width and height in points.
        public var points: (width: Double, height: Double) {
            switch self {
            case .a4: return (595.2756, 841.8898)
            case .letter: return (612, 792)
            }
        }
    }

    /// How body text is set.
    public enum Alignment: String, Sendable, CaseIterable {
        /// Flush on both sides.
        case justified
        /// Flush left, ragged right.
        case ragged
    }

    /// The title on the title page, in running headers and in the PDF's metadata.
    public var title: String
    /// A line under the title on the title page.
    public var subtitle: String?
    /// The author in the PDF's metadata and on the title page.
    public var author: String?
    /// The PDF's subject; the subtitle when absent.
    public var subject: String?
    /// The PDF's keywords.
    public var keywords: [String] = []
    /// The date printed on the title page, as written (e.g. "December 2024").
    public var date: String?
    /// The text's language (en, ru, zh): the fixed words' catalog, number formats, shaping and line breaking.
    public var language: String = "en"
    /// `language` as a typed value (English for anything unknown; the spec reader admits only en, ru, zh).
    public var reportLanguage: ReportLanguage { ReportLanguage(rawValue: language) ?? .english }
    /// The paper size.
    public var pageSize: PageSize = .a4
    /// `briefing` or `paper`: type sizes of the page and the charts' theme.
    public var theme: String = "briefing"
    /// Margins in points: top, bottom, inner (binding side) and outer.
    public var margins: (top: Double, bottom: Double, inner: Double, outer: Double) = (62, 62, 62, 62)
    /// How body text is set. Ragged by default: Pango 1.50 hyphenates only at soft hyphens, so
    /// justified lines without hyphenation stretch their word spaces well past the usual limits.
    public var alignment: Alignment = .ragged
    /// Whether the report starts with a title page.
    public var titlePage: Bool = true
    /// Whether a contents page follows the title page.
    public var contents: Bool = true
    /// A folder of data to use instead of the shipped corpus, relative to the spec.
    public var data: String?

    /// Settings with the defaults and the given title.
    public init(title: String) {
        self.title = title
    }
}

