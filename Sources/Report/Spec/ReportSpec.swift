import Dataset
import Support

/// A report as its YAML spec declares it: metadata and an ordered body of blocks.
public struct ReportSpec: Sendable {
    public var file: String
    public var metadata: ReportMetadata
    public var body: [Located<ReportBlock>]

    public init(file: String, metadata: ReportMetadata, body: [Located<ReportBlock>]) {
        self.file = file
        self.metadata = metadata
        self.body = body
    }
}

/// A value with the place in the spec it came from, so errors found later (an unknown
/// placeholder, a chart with no data) still point at the right line.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

public struct ReportMetadata: Sendable {
    public enum PageSize: String, Sendable, CaseIterable {
        case a4 = "A4", letter = "Letter"

        /// Width and height in points.
        public var points: (width: Double, height: Double) {
            switch self {
            case .a4: return (595.2756, 841.8898)
            case .letter: return (612, 792)
            }
        }
    }

    public enum Alignment: String, Sendable, CaseIterable {
        case justified, ragged
    }

    public var title: String
    public var subtitle: String?
    public var author: String?
    public var subject: String?
    public var keywords: [String] = []
    /// The date printed on the title page, as written (e.g. "December 2024").
    public var date: String?
    public var language: String = "en"
    public var pageSize: PageSize = .a4
    public var theme: String = "briefing"
    /// Margins in points: top, bottom, inner (binding side) and outer.
    public var margins: (top: Double, bottom: Double, inner: Double, outer: Double) = (62, 62, 62, 62)
    public var alignment: Alignment = .justified
    public var titlePage: Bool = true
    public var contents: Bool = true
    /// A folder of data to use instead of the shipped corpus, relative to the spec.
    public var data: String?

    public init(title: String) {
        self.title = title
    }
}

/// One block of a report body.
public enum ReportBlock: Sendable {
    case heading(text: String, level: Int, id: String?)
    /// Text in the markup subset, with placeholders.
    case text(LocatedText)
    case keyFigures([KeyFigureSpec])
    case chart(ChartBlockSpec)
    case table(TableBlockSpec)
    /// The list of cited sources with the figures and tables that use them.
    case sources
    case pageBreak
}

public struct KeyFigureSpec: Sendable {
    /// The big number: usually a single placeholder, `{{ count attacks 2001-2011 }}`.
    public var value: LocatedText
    public var label: LocatedText
    /// A smaller line under the label, often a comparison.
    public var detail: LocatedText?
}

/// A figure: a chart kind or a named preset, over filtered data.
public struct ChartBlockSpec: Sendable {
    public var id: String
    public var kind: String?
    public var preset: String?
    public var table: String?
    public var x: String?
    public var y: String?
    public var by: String?
    public var period: String?
    public var periods: [String] = []
    public var countries: [String] = []
    public var kinds: [String] = []
    /// Only events in states of these SCO statuses on the event's date.
    public var status: [String] = []
    public var title: String?
    public var subtitle: String?
    public var caption: LocatedText
    /// Width and height as lengths ("170mm"); the theme's default when absent.
    public var width: String?
    public var height: String?
    /// Vertical event lines: `2017: India and Pakistan join`.
    public var annotations: [String] = []
}

/// A numbered table from an analysis.
public struct TableBlockSpec: Sendable {
    public var id: String
    /// counts, trend, compare, indicators, exercises, documents, membership, attacks.
    public var analysis: String
    public var table: String?
    public var by: String?
    public var period: String?
    public var periods: [String] = []
    public var countries: [String] = []
    /// Only events in states of these SCO statuses on the event's date.
    public var status: [String] = []
    public var indicators: [String] = []
    public var tests: [String] = []
    public var caption: LocatedText
    public var limit: Int?
}
