/// One problem found in the user's input: where, what was found, what was expected, how to fix it.
///
/// Every error SCOBrief reports about input is one of these, so that messages share one shape:
/// `attacks.csv:12:5: error: 'RUSS' is not a country code; expected an ISO 3166-1 alpha-3 code
///  listed in countries.csv (hint: did you mean 'RUS'?)`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    public var hint: String?

    public init(_ location: SourceLocation, _ message: String, hint: String? = nil, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}

/// Several problems at once: validation reports everything it finds rather than stopping at the first.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
