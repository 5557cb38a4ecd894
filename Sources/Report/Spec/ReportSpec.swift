import Dataset

/// A report as its YAML spec declares it: metadata and an ordered body of blocks.
public struct ReportSpec: Sendable {
    public var file: String
    public var metadata: ReportMetadata
    /// The body's blocks in order, each of a kind in `BlockRegistry`, with its place in the spec.
    var body: [Located<any ReportBlock>]

    init(file: String, metadata: ReportMetadata, body: [Located<any ReportBlock>]) {
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

