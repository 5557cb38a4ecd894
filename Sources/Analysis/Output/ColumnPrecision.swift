import Foundation

/// One precision per table column: the decimals come from the column's values, not from each
/// cell, so every row of a column has the same number of decimals and the points line up.
/// Only the display formats (aligned text, PDF, Markdown, LaTeX) use it; CSV and JSON keep the
/// full-precision values.
public enum ColumnPrecision {
    /// Significant figures the column's largest value is shown with.
    public static let significant = 3
    /// Significant figures every other non-zero value keeps at least (raising the column's decimals).
    public static let leastSignificant = 2
    /// More decimals than this, or values of a million and more, set the column in scientific notation.
    public static let maximumDecimals = 6

    /// How a column of estimates is set.
    public enum Style: Equatable, Sendable {
        /// A fixed number of decimals for every cell.
        case decimals(Int)
        /// Scientific notation with `significant` figures for every cell (values too small or too large for fixed decimals).
        case scientific
    }

    /// The style of a column holding `values`: enough decimals that the largest value has
    /// `significant` figures and the smallest non-zero one at least `leastSignificant`.
    public static func style(for values: [Double]) -> Style {
        let magnitudes = values.filter { $0.isFinite && $0 != 0 }.map(abs)
        guard let largest = magnitudes.max(), let smallest = magnitudes.min() else { return .decimals(0) }
        if largest >= 1e6 { return .scientific }
        let forLargest = significant - 1 - Int(floor(log10(largest)))
        let forSmallest = leastSignificant - 1 - Int(floor(log10(smallest)))
        let decimals = max(0, forLargest, forSmallest)
        return decimals > maximumDecimals ? .scientific : .decimals(decimals)
    }

    /// The decimals of a p-value column: four when a p-value in it lies in [0.001, 0.01), else three
    /// (p-values below 0.001 print as "< 0.001" whatever the column).
    public static func pValueDecimals(for values: [Double]) -> Int {
        values.contains { $0 >= 0.001 && $0 < 0.01 } ? 4 : 3
    }

    /// `value` with `decimals` digits after the point and a true minus sign; a negative value
    /// that rounds to zero prints as zero ("0.00", not "−0.00").
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(decimals)f", value)
        return text.allSatisfy { "-0.".contains($0) } ? String(text.drop { $0 == "-" }) : StatisticText.minus(text)
    }

    /// `value` in the column's style.
    public static func format(_ value: Double, _ style: Style) -> String {
        switch style {
        case .decimals(let decimals): return fixed(value, decimals: decimals)
        case .scientific: return StatisticText.minus(String(format: "%.\(significant - 1)e", value))
        }
    }
}

extension ResultTable {
    /// The display text of every cell, estimates, intervals and p-values set at their column's
    /// precision (`ColumnPrecision`); the other cells as they display alone. Rows shorter than
    /// the header are padded with empty text.
    public func displayRows() -> [[String]] {
        let count = columns.count
        var estimateStyles: [ColumnPrecision.Style] = []
        var intervalStyles: [ColumnPrecision.Style] = []
        var pDecimals: [Int] = []
        for column in 0..<count {
            let cells = rows.compactMap { column < $0.count ? $0[column] : nil }
            estimateStyles.append(ColumnPrecision.style(for: cells.compactMap { if case .estimate(let v) = $0 { return v }; return nil }))
            intervalStyles.append(ColumnPrecision.style(for: cells.flatMap { cell -> [Double] in
                if case .interval(let lower, let upper) = cell { return [lower, upper] }
                return []
            }))
            pDecimals.append(ColumnPrecision.pValueDecimals(for: cells.compactMap { if case .pValue(let p) = $0 { return p }; return nil }))
        }
        return rows.map { row in
            (0..<count).map { column in
                guard column < row.count else { return "" }
                switch row[column] {
                case .estimate(let value): return ColumnPrecision.format(value, estimateStyles[column])
                case .interval(let lower, let upper):
                    return "[\(ColumnPrecision.format(lower, intervalStyles[column])), \(ColumnPrecision.format(upper, intervalStyles[column]))]"
                case .pValue(let p): return p < 0.001 ? "< 0.001" : ColumnPrecision.fixed(p, decimals: pDecimals[column])
                default: return row[column].display
                }
            }
        }
    }
}
