/// One problem found in the user's input: where, what was found, what was expected, how to fix it.
///
/// Every error SCOBrief reports about input is one of these, so that messages share one shape:
/// `attacks.csv:12:5: error: 'RUSS' is not a country code; expected an ISO 3166-1 alpha-3 code
///  listed in countries.csv (hint: did you mean 'RUS'?)`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem stops the command (error) or is only reported (warning).
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// Where the problem was found.
    public var location: SourceLocation
    /// Error or warning.
    public var severity: Severity
    /// What was found and what was expected, in one sentence.
    public var message: String
    /// How to fix it ("did you mean …?"), when there is something to say.
    public var hint: String?

    /// A problem at `location`; an error unless `severity` says otherwise.
    public init(_ location: SourceLocation, _ message: String, hint: String? = nil, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    /// `file:line:column: severity: message (hint: …)`, the form compilers print.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}

/// Several problems at once: validation reports everything it finds rather than stopping at the first.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// Every problem, in the order found.
    public var diagnostics: [Diagnostic]
    /// How many further problems were found but left out of `diagnostics` (see `init(sortingAndLimiting:limit:)`).
    public var omitted = 0

    /// A list of `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The problems that are errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic per line, then "and N more errors" when some were left out.
    public var description: String {
        lines.joined(separator: "\n")
    }

    /// The lines `description` joins: one per diagnostic, and the count of those left out.
    public var lines: [String] {
        diagnostics.map(\.description) + (omitted > 0 ? ["and \(omitted) more error\(omitted == 1 ? "" : "s")"] : [])
    }
}
