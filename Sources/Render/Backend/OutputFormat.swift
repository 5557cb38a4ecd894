import Foundation

/// The file formats the Cairo backend writes.
public enum ImageFormat: String, Codable, Sendable, CaseIterable {
    /// Raster, at `RenderOptions.dpi`, with the resolution recorded in the file.
    case png
    /// Vector, fonts embedded as subsets, with document metadata.
    case pdf
    /// Vector; text as glyph outlines.
    case svg
    /// Encapsulated PostScript, for journals that still ask for it.
    case eps

    /// The format a file name's extension names ("figure.pdf" → .pdf).
    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased())
    }
}

/// Document information written into PDF (and, where the format allows, EPS and SVG) files.
public struct DocumentMetadata: Sendable, Codable, Equatable {
    /// The document title (PDF Title, EPS %%Title).
    public var title: String?
    /// Who wrote the document.
    public var author: String?
    /// What the document is about.
    public var subject: String?
    /// Search terms, written comma-separated.
    public var keywords: [String]
    /// The program named as the creator ("SCOBrief").
    public var creator: String
    /// The date stamped into the file; nil takes `creationDate()` (SOURCE_DATE_EPOCH or now).
    public var date: Date?
    /// The text's language as a BCP 47 tag ("en", "ru", "zh-Hans"): a PDF's `/Lang`, an SVG's `xml:lang`.
    public var language: String?

    /// Metadata with the given fields; every field is optional.
    public init(title: String? = nil, author: String? = nil, subject: String? = nil, keywords: [String] = [],
                creator: String = "SCOBrief", date: Date? = nil, language: String? = nil) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.date = date
        self.language = language
    }

    /// `date`, or else the environment's date or the current time.
    public var effectiveDate: Date { date ?? DocumentMetadata.creationDate() }

    /// The creation date stamped into files: `SOURCE_DATE_EPOCH` (the reproducible-builds
    /// convention) when set, so the same input gives the same bytes; otherwise `now`, to the
    /// second, as a reader expects of a file's creation date.
    public static func creationDate(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) -> Date {
        if let value = environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(value.trimmingCharacters(in: .whitespaces)) {
            return Date(timeIntervalSince1970: seconds)
        }
        return Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
    }

    /// 2000-01-01T00:00:00Z: a fixed date for callers (and tests) that want one without the environment.
    public static let fixedCreationDate = Date(timeIntervalSince1970: 946_684_800)

    /// ISO 8601 in UTC ("2000-01-01T00:00:00Z"), the form cairo's PDF metadata takes.
    package static func isoString(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: date)
    }
}

/// How a backend writes a file: resolution, metadata and PNG choices.
public struct RenderOptions: Sendable {
    /// PNG resolution; vector formats ignore it.
    public var dpi: Double
    /// Title, author and date written into the file where the format allows.
    public var metadata: DocumentMetadata
    /// A transparent PNG background instead of the theme's (PNG only).
    public var transparentBackground: Bool
    /// How hard PNG pixels are compressed (PNG only).
    public var pngCompression: PNGCompression
    /// Draw every colour as the grey a black-and-white print makes of it, to proof a figure for print.
    public var greyscale = false
    /// What a screen reader reads in place of the figure in a tagged PDF (its `/Alt`), e.g. from
    /// the data it plots; nil gives the document's title. Other formats ignore it.
    public var alternateText: String? = nil

    /// Options for 300 dpi, fast PNG compression, an opaque background.
    public init(dpi: Double = 300, metadata: DocumentMetadata = DocumentMetadata(), transparentBackground: Bool = false,
                pngCompression: PNGCompression = .fast) {
        self.dpi = dpi
        self.metadata = metadata
        self.transparentBackground = transparentBackground
        self.pngCompression = pngCompression
    }
}

/// How PNG pixels are compressed: Sub/Up filtering per row, then libdeflate; lossless either way.
/// The levels were chosen by measurement on the benchmark figures (README, "PNG encoding").
public enum PNGCompression: Sendable, Equatable {
    /// libdeflate level 1: the default. Since rows that repeat the row above skip libdeflate
    /// (`RepeatedRows`), what is left of a chart is mostly runs of zeros, and there level 1's
    /// single-entry hash table takes about half the time of level 2's hash chains (the corpus bar
    /// chart at 300 dpi: 8.6 against 16.0 ms; a 100,000-point scatter: 9.5 against 16.3 ms) for
    /// files 2–4% larger (41,225 → 42,254 bytes; 221 → 228 KB).
    case fast
    /// libdeflate level 12: 6–17% smaller files, 20–40 times slower (most of a second per figure).
    case small

    /// libdeflate's compression level.
    package var level: Int {
        switch self {
        case .fast: return 1
        case .small: return 12
        }
    }
}
