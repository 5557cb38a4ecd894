import Dataset

/// A `{{ verb arguments... }}` expression in report text, bound to a value computed from the data.
struct Placeholder: Sendable, Hashable {
    /// The first word: `count`, `compare`, ... (see `PlaceholderVerb`).
    var verb: String
    /// Positional arguments, in order.
    var arguments: [String]
    /// `key=value` arguments.
    var options: [String: String]
    /// The expression as written, for messages.
    var source: String
}

/// Text with placeholders: literal pieces and expressions, in order.
enum TemplatePiece: Sendable, Hashable {
    case literal(String)
    case placeholder(Placeholder)
}

/// The `{{ ... }}` syntax of report text, checked when a spec is read.
enum PlaceholderSyntax {
    /// Splits `text` into literals and placeholders. An unclosed `{{` or an empty `{{ }}` is an error,
    /// with the offset of its opening braces (in characters) so the caller can point at it.
    static func parse(_ text: String) throws(PlaceholderSyntaxError) -> [TemplatePiece] {
        var pieces: [TemplatePiece] = []
        var rest = Substring(text)
        var consumed = 0
        while let open = rest.range(of: "{{") {
            let literal = rest[..<open.lowerBound]
            if !literal.isEmpty { pieces.append(.literal(String(literal))) }
            let offset = consumed + literal.count
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw PlaceholderSyntaxError(offset: offset, message: "'{{' is not closed with '}}'")
            }
            let body = rest[open.upperBound..<close.lowerBound]
            if body.contains("{{") {
                throw PlaceholderSyntaxError(offset: offset, message: "'{{' is not closed with '}}' before the next '{{'")
            }
            let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            guard let verb = words.first else {
                throw PlaceholderSyntaxError(offset: offset, message: "empty placeholder '{{ }}'")
            }
            var arguments: [String] = []
            var options: [String: String] = [:]
            for word in words.dropFirst() {
                if let equals = word.firstIndex(of: "="), equals != word.startIndex {
                    options[String(word[..<equals])] = String(word[word.index(after: equals)...])
                } else {
                    arguments.append(word)
                }
            }
            pieces.append(.placeholder(Placeholder(verb: verb, arguments: arguments, options: options,
                                                   source: "{{" + String(body) + "}}")))
            consumed = offset + 2 + body.count + 2
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return pieces
    }
}

extension PlaceholderSyntax {
    /// Every malformed placeholder in `text`, each on its own, in order: reading goes on after an
    /// empty `{{ }}` and at the next `{{` after one left open, so one slip does not hide the next.
    /// Empty for text that `parse` accepts.
    static func errors(in text: String) -> [PlaceholderSyntaxError] {
        var errors: [PlaceholderSyntaxError] = []
        var rest = Substring(text)
        var consumed = 0
        while let open = rest.range(of: "{{") {
            let offset = consumed + rest[..<open.lowerBound].count
            let inside = rest[open.upperBound...]
            let close = inside.range(of: "}}")
            if let next = inside.range(of: "{{"), close.map({ next.lowerBound < $0.lowerBound }) ?? true {
                errors.append(PlaceholderSyntaxError(offset: offset, message: close == nil ? "'{{' is not closed with '}}'"
                                                         : "'{{' is not closed with '}}' before the next '{{'"))
                consumed = offset + 2 + inside[..<next.lowerBound].count
                rest = inside[next.lowerBound...]
                continue
            }
            guard let close else {
                errors.append(PlaceholderSyntaxError(offset: offset, message: "'{{' is not closed with '}}'"))
                break
            }
            let body = inside[..<close.lowerBound]
            if body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).isEmpty {
                errors.append(PlaceholderSyntaxError(offset: offset, message: "empty placeholder '{{ }}'"))
            }
            consumed = offset + 2 + body.count + 2
            rest = inside[close.upperBound...]
        }
        return errors
    }
}

/// A malformed placeholder: an unclosed or empty `{{ }}`.
struct PlaceholderSyntaxError: Error, Sendable, Hashable {
    /// Characters from the start of the text to the offending `{{`.
    var offset: Int
    /// What is wrong.
    var message: String
}
