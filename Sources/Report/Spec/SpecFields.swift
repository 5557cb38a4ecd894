import Support

/// Reading one setting of a block at a time, so that a mistake in one is reported and the next is
/// still read: the spec is checked in one pass, as a compiler checks a file.
extension YAMLMapping {
    /// The value of `key` as `body` reads it; nil when the key is absent or its value is wrong
    /// (then the problem is in `problems`).
    func read<T>(_ key: String, _ problems: DiagnosticCollector, _ body: (YAMLNode) throws(Diagnostic) -> T) -> T? {
        guard let node = self[key] else { return nil }
        return problems.attempt { () throws(Diagnostic) in try body(node) }
    }

    /// The value of a required `key` as `body` reads it; nil, with the problem in `problems`, when
    /// the key is missing or its value is wrong.
    func require<T>(_ key: String, _ what: String, _ problems: DiagnosticCollector, _ body: (YAMLNode) throws(Diagnostic) -> T) -> T? {
        problems.attempt { () throws(Diagnostic) in try body(try require(key, what)) }
    }
}
