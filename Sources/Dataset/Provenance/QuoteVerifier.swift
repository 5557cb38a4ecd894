import Foundation
import Support

/// Checks every row's quote against the text of the source it cites.
public struct QuoteVerifier {
    public struct Outcome: Sendable {
        /// Rows whose quote was found in its source.
        public var verified: Int
        /// Rows citing a source without a text (the public record), which cannot be checked.
        public var unverifiable: Int
        public var problems: [Diagnostic]
    }

    public let seedsDirectory: String

    public init(seedsDirectory: String) {
        self.seedsDirectory = seedsDirectory
    }

    public func verify(_ corpus: Corpus) -> Outcome {
        var outcome = Outcome(verified: 0, unverifiable: 0, problems: [])
        var matchers: [String: QuoteMatcher?] = [:]
        let sourcesByID = Dictionary(corpus.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for table in corpus.tables.values.sorted(by: { $0.schema.name < $1.schema.name }) {
            guard table.schema.column(named: "quote") != nil, table.schema.column(named: "source_id") != nil else { continue }
            for row in table.rows {
                guard let sourceID = row.text("source_id"), let source = sourcesByID[sourceID] else { continue }
                guard let seedFile = source.seedFile else {
                    outcome.unverifiable += 1
                    continue
                }
                let location = RowLocation.of(table, row, column: "quote")
                guard let quote = row.text("quote") else {
                    outcome.problems.append(Diagnostic(location, "no quote from \(seedFile)",
                                                       hint: "copy the passage of the source that states this row's facts"))
                    continue
                }
                if matchers[seedFile] == nil {
                    let path = (seedsDirectory as NSString).appendingPathComponent(seedFile)
                    matchers[seedFile] = (try? String(contentsOfFile: path, encoding: .utf8)).map(QuoteMatcher.init(sourceText:))
                }
                guard let matcher = matchers[seedFile] ?? nil else {
                    outcome.problems.append(Diagnostic(location, "cannot read \(seedFile) in \(seedsDirectory)",
                                                       hint: "is --seeds the folder holding the source documents?"))
                    continue
                }
                if matcher.contains(quote) {
                    outcome.verified += 1
                } else {
                    outcome.problems.append(Diagnostic(location, "quote not found in \(seedFile): \"\(quote)\"",
                                                       hint: "copy the passage verbatim; whitespace may differ but words and punctuation may not"))
                }
            }
        }
        return outcome
    }
}
