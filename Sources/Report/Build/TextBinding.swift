import Dataset

/// Fills the placeholders of report text and turns the markup into styled runs.
struct TextBinding {
    let evaluator: PlaceholderEvaluator

    /// Blocks of runs, with `{{ figure id }}` turned into links to the figure.
    func blocks(_ text: String, at location: SourceLocation) throws(Diagnostic) -> [MarkupBlock] {
        InlineMarkup.parse(try substitute(text, at: location))
    }

    /// One paragraph of runs (captions, key-figure labels).
    func runs(_ text: String, at location: SourceLocation) throws(Diagnostic) -> [MarkupRun] {
        InlineMarkup.runs(try substitute(text, at: location).replacingOccurrences(of: "\n", with: " "))
    }

    /// Plain text with placeholders filled (key-figure values).
    func plain(_ text: String, at location: SourceLocation) throws(Diagnostic) -> String {
        InlineMarkup.runs(try substitute(text, at: location)).map(\.text).joined()
    }

    /// Replaces each placeholder by its value in markup form: computed text escaped so a value
    /// can never be read as markup, cross-references as links.
    private func substitute(_ text: String, at location: SourceLocation) throws(Diagnostic) -> String {
        let pieces: [TemplatePiece]
        do {
            pieces = try PlaceholderSyntax.parse(text)
        } catch {
            throw Diagnostic(location, error.message, hint: "placeholders look like {{ count attacks 2001-2011 }}")
        }
        var output = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                output += literal
            case .placeholder(let placeholder):
                do {
                    switch try evaluator.evaluate(placeholder) {
                    case .text(let value): output += escape(value)
                    case let .reference(label, target): output += "[\(escape(label))](#\(target))"
                    }
                } catch {
                    throw Diagnostic(location, "placeholder \(error.placeholder.source): \(error.message)",
                                     hint: "placeholders: \(PlaceholderEvaluator.verbs.joined(separator: ", "))")
                }
            }
        }
        return output
    }

    private func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            if "*_[]()\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
