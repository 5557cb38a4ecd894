/// The languages a report can be written in, and how each is named to PDF readers and Pango.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// English, the default and the fallback for any missing message.
    case english = "en"
    /// Russian.
    case russian = "ru"
    /// Chinese in simplified characters, as the SCO's documents are written.
    case chinese = "zh"

    /// The BCP 47 tag a PDF's `/Lang` carries: "en", "ru", "zh-Hans".
    public var tag: String {
        switch self {
        case .english: return "en"
        case .russian: return "ru"
        case .chinese: return "zh-Hans"
        }
    }

    /// The BCP 47 tag for a spec's `language:` value ("zh" → "zh-Hans"); unknown values pass through.
    public static func tag(_ code: String) -> String {
        ReportLanguage(rawValue: code)?.tag ?? code
    }
}
