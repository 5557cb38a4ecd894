import Foundation
import Dataset

/// A table of results ready to print or save: named columns, rows of cells, optional notes.
/// One value renders to aligned text, CSV, JSON, Markdown or LaTeX (booktabs), so the CLI,
/// the figure sets and the reports show the same numbers the same way.
public struct ResultTable: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable {
        case left, right
    }

    public struct Column: Sendable, Hashable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// A cell keeps its typed value for JSON and its display text for everything else.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case integer(Int)
        case number(Double, digits: Int)
        case missing

        public var display: String {
            switch self {
            case .text(let text): return text
            case .integer(let value): return NumberText.grouped(value)
            case .number(let value, let digits):
                // "-0.00" would be a negative zero: it prints as 0.00.
                let text = String(format: "%.\(digits)f", value)
                return text.allSatisfy { "-0.".contains($0) } ? String(text.drop { $0 == "-" }) : StatisticText.minus(text)
            case .missing: return "–"
            }
        }

        /// The plain form for CSV: no thousands separators, blank when missing.
        public var plain: String {
            switch self {
            case .text(let text): return text
            case .integer(let value): return String(value)
            case .number(let value, _): return ResultTable.shortest(value)
            case .missing: return ""
            }
        }
    }

    public var title: String?
    /// The stable name of the result this table shows (`counts`, `tests`, `comparison`…), as
    /// `--table` takes it; nil for a table that is not selectable.
    public var name: String?
    /// The LaTeX `\label` key; from `name` when nil (`tab:counts`).
    public var label: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Sources, caveats and method notes printed under the table.
    public var notes: [String]
    /// The same results typed and at full precision, where the analysis provides them: what a
    /// figure set writes as the table's CSV (one file a table) instead of the rounded display cells.
    public var data: [OutputTable] = []

    public init(title: String? = nil, columns: [Column], rows: [[Cell]], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    static func shortest(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
