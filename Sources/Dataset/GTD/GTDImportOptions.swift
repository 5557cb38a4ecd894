import Foundation
import Support

/// What to import from a GTD file and how strictly.
public struct GTDImportOptions: Sendable {
    public var countries: GTDCountrySelection = .all
    /// Keep incidents from this year on (GTD's iyear).
    public var fromYear: Int?
    /// Keep incidents up to this year.
    public var toYear: Int?
    public var encoding: GTDEncodingChoice = .auto
    /// Stop at the first malformed row instead of counting it and going on.
    public var strict = false
    /// How many malformed rows (and, separately, unusable values) are reported one by one.
    public var reportLimit = 10
    /// The source id rows cite; by default derived from the file name.
    public var sourceID: String?
    public var limits: CSVLimits = .default

    public init() {}

    var yearScope: String? {
        switch (fromYear, toYear) {
        case let (from?, to?): return from == to ? "\(from)" : "\(from)–\(to)"
        case let (from?, nil): return "from \(from)"
        case let (nil, to?): return "to \(to)"
        case (nil, nil): return nil
        }
    }
}

/// The result of importing a file: the summary, and where the table and its source row went.
public struct GTDImportResult: Sendable {
    public var summary: GTDImportSummary
    public var release: GTDRelease
    public var outputPath: String
    public var sourcesPath: String
}
