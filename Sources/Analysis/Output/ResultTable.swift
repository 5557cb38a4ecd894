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
        /// A statistic whose decimals the column decides (`ColumnPrecision`): every estimate in a
        /// column is set with the same number of decimals, so their points line up.
        case estimate(Double)
        /// A confidence interval "[lower, upper]", both bounds at the column's precision.
        case interval(Double, Double)
        /// A p-value: "< 0.001" below a thousandth, otherwise three or four decimals for the whole column.
        case pValue(Double)
        case missing

        public var display: String {
            switch self {
            case .text(let text): return text
            case .integer(let value): return NumberText.grouped(value)
            case .number(let value, let digits): return ColumnPrecision.fixed(value, decimals: digits)
            case .estimate(let value): return StatisticText.number(value)
            case .interval(let lower, let upper): return "[\(StatisticText.number(lower)), \(StatisticText.number(upper))]"
            case .pValue(let p): return StatisticText.pValue(p)
            case .missing: return "–"
            }
        }

        /// The plain form for CSV: no thousands separators, blank when missing.
        public var plain: String {
            switch self {
            case .text(let text): return text
            case .integer(let value): return String(value)
            case .number(let value, _), .estimate(let value), .pValue(let value): return ResultTable.shortest(value)
            case .interval(let lower, let upper): return "[\(ResultTable.shortest(lower)), \(ResultTable.shortest(upper))]"
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
