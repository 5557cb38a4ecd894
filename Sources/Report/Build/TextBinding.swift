import Foundation
import Dataset
import Support

/// Fills the placeholders of report text and turns the markup into styled runs.
struct TextBinding {
    let evaluator: PlaceholderEvaluator
    /// Where every bad placeholder of a text after the first goes; the first is thrown, so the block
    /// fails, and each one is reported on its own.
    var problems: DiagnosticCollector?

    /// Blocks of runs, with `{{ figure id }}` turned into links to the figure.
    func blocks(_ text: LocatedText) throws(Diagnostic) -> [MarkupBlock] {
        InlineMarkup.parse(try substitute(text))
    }

    /// One paragraph of runs (captions, key-figure labels).
    func runs(_ text: LocatedText) throws(Diagnostic) -> [MarkupRun] {
        InlineMarkup.runs(InlineMarkup.joinedLines(try substitute(text).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }))
    }

    /// Plain text with placeholders filled (key-figure values).
    func plain(_ text: LocatedText) throws(Diagnostic) -> String {
        InlineMarkup.runs(try substitute(text)).map(\.text).joined()
    }

    /// Replaces each placeholder by its value in markup form: computed text escaped so a value
    /// can never be read as markup, cross-references as links.
    private func substitute(_ located: LocatedText) throws(Diagnostic) -> String {
        let pieces: [TemplatePiece]
        do {
            pieces = try PlaceholderSyntax.parse(located.text)
        } catch {
            throw Diagnostic(located.location(ofOffset: error.offset), error.message, hint: "placeholders look like {{ count attacks 2001-2011 }}")
        }
        var output = ""
        var offset = 0
        var failures: [Diagnostic] = []
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                offset += literal.count
                output += TypographicQuotes.apply(literal, language: evaluator.localiser.language)
            case .placeholder(let placeholder):
                defer { offset += placeholder.source.count }
                do {
                    switch try evaluator.evaluate(placeholder) {
                    case .text(let value): output += escape(Self.spanInProse(value, after: output))
                    case let .reference(label, target): output += "[\(escape(label))](#\(target))"
                    }
                } catch {
                    failures.append(Diagnostic(located.location(ofOffset: offset), "placeholder \(error.placeholder.source): \(error.message)"))
                }
            }
        }
        if let first = failures.first {
            for later in failures.dropFirst() { problems?.report(later) }
            throw first
        }
        // After the placeholders, so a computed number keeps its unit too ("{{ count … }} человек").
        return NumberUnitSpacing.apply(output, localiser: evaluator.localiser)
    }

    /// "2002–2024" and nothing more (the en dash is three bytes in UTF-8, so at least 11 bytes);
    /// compiled once per process, and immutable, so safe to share between threads.
    static let yearSpan = try! NSRegularExpression(pattern: #"^\d{4}–\d{4}$"#)

    /// A span of years as the words before it need it: "between 2002 and 2024" and "from 2002 to
    /// 2024", never "between 2002–2024"; elsewhere the en dash stays ("in 2002–2024").
    static func spanInProse(_ value: String, after text: String) -> String {
        // Only a value with an en dash can be a span (most are numbers): the expression is then
        // compiled once, not on every placeholder.
        guard value.utf8.count >= 11, value.unicodeScalars.contains("–"),
              Self.yearSpan.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil else { return value }
        let years = value.split(separator: "–")
        let before = text.suffix(8).lowercased()
        if before.hasSuffix("between ") { return "\(years[0]) and \(years[1])" }
        if before.hasSuffix("from ") { return "\(years[0]) to \(years[1])" }
        return value
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
