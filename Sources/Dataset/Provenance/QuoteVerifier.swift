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

    /// Warnings for each figure of `row` (a `stated_in_quote` column) that its quote does not state
    /// and its notes do not mention: a killed = 99 beside "…killing 9 people…". Notes that say how a
    /// figure was derived name it ("recorded as 24"), so a mention there passes.
    func unstatedFigures(in row: Table.Row, of table: Table, quote: String) -> [Diagnostic] {
        let stated = StatedNumbers(quote)
        let noted = row.text("notes").map(StatedNumbers.init)
        var warnings: [Diagnostic] = []
        for column in table.schema.columns where column.statedInQuote {
            let figure: Double
            let shown: String
            switch row[column.name] {
            case .integer(let value): figure = Double(value); shown = String(value)
            case .number(let value): figure = value; shown = Self.plain(value)
            case .date(let date): figure = Double(date.year); shown = "the year \(date.year)"
            default: continue
            }
            if stated.contains(figure) || noted?.contains(figure) == true { continue }
            warnings.append(Diagnostic(RowLocation.of(table, row, column: column.name),
                                       "\(column.name) is \(shown), which the quote does not state",
                                       hint: "quote the passage that states it, or say in notes how \(shown) was derived",
                                       severity: .warning))
        }
        return warnings
    }

    private static func plain(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
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
                    outcome.problems += unstatedFigures(in: row, of: table, quote: quote)
                } else {
                    outcome.problems.append(Diagnostic(location, "quote not found in \(seedFile): \"\(quote)\"",
                                                       hint: "copy the passage verbatim; whitespace may differ but words and punctuation may not"))
                }
            }
        }
        return outcome
    }
}
