/// The message catalogs: one file per language in `Catalogs/`, each a table from key to text.
///
/// Keys name what a message is for ("figure.label"); `label:` keys hold a label charts and tables
/// show, keyed by its English text, so the words computed in English (a column header, a
/// statistic's name) can be looked up where they are drawn. `{name}` marks an argument. A key a
/// language lacks falls back to English, and a test fails when ru or zh lacks one en has.
public enum MessageCatalog {
    /// The catalog of `language`.
    public static func entries(for language: ReportLanguage) -> [String: String] {
        switch language {
        case .english: return english
        case .russian: return russian
        case .chinese: return chinese
        }
    }
}
