/// A note about a user's own table (a blank cell, a missing year, rows left out), in English and as
/// a message key with its arguments, so a report says it in its language (the catalogs' `own.note.*`
/// keys). The arguments are language-neutral: numbers, years, column titles and names from the data.
public struct OwnTableNote: Sendable, Hashable, CustomStringConvertible {
    /// The catalog key; a count's singular and plural forms are separate keys (`.one`, `.other`).
    public var key: String
    /// The values the message places.
    public var arguments: [String: String]
    /// The note in English, as the command line prints it.
    public var description: String

    /// A note; `english` must be what the English catalog's template gives for `arguments`.
    public init(_ key: String, _ arguments: [String: String], english: String) {
        self.key = key
        self.arguments = arguments
        description = english
    }

    /// `key.one` for one, `key.other` otherwise.
    static func counted(_ key: String, _ n: Int) -> String { "\(key).\(n == 1 ? "one" : "other")" }
}
