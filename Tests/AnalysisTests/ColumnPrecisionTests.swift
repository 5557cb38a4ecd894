import Foundation
import Testing
@testable import Analysis

/// One precision per table column: estimates, intervals and p-values take the decimals their
/// column needs, the same in every row, in every display format; CSV keeps full precision.
@Suite struct ColumnPrecisionTests {
    /// The digits after the point of a displayed number ("1.050" → 3, "12" → 0).
    static func decimals(_ text: String) -> Int {
        text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
    }

    @Test func theColumnsValuesChooseItsDecimals() {
        // 10.6 at three significant figures needs one decimal; 0.308 at two needs two: the column takes two.
        #expect(ColumnPrecision.style(for: [1.05, 0.308, 10.6]) == .decimals(2))
        // −0.0364 keeps two significant figures beside 2.45: three decimals for both.
        #expect(ColumnPrecision.style(for: [2.45, -0.0364]) == .decimals(3))
        // Large counts need none; zeros do not count.
        #expect(ColumnPrecision.style(for: [1300, 27.5, 0]) == .decimals(0))
        // Too small or too large for fixed decimals: the whole column in scientific notation.
        #expect(ColumnPrecision.style(for: [2, 1e-8]) == .scientific)
        #expect(ColumnPrecision.style(for: [2_500_000, 3]) == .scientific)
        #expect(ColumnPrecision.style(for: []) == .decimals(0))
        #expect(ColumnPrecision.pValueDecimals(for: [0.043, 0.0012, 0.0001]) == 4)
        #expect(ColumnPrecision.pValueDecimals(for: [0.043, 0.5, 0.0001]) == 3)
        #expect(ColumnPrecision.format(-0.0004, .decimals(2)) == "0.00")
        #expect(ColumnPrecision.format(-2.5, .decimals(2)) == "\u{2212}2.50")
    }

    static let table = ResultTable(
        columns: [.init("statistic"), .init("estimate", alignment: .right), .init("95% CI", alignment: .right), .init("p", alignment: .right)],
        rows: [[.text("slope"), .estimate(-0.036_412), .interval(-0.091_2, 0.018_44), .pValue(0.043_21)],
               [.text("rate ratio"), .estimate(1.049_8), .interval(0.308_1, 10.61), .pValue(0.001_234)],
               [.text("ratio"), .estimate(12.64), .interval(9.1, 17.25), .pValue(0.000_2)],
               [.text("none"), .missing, .missing, .missing]])

    @Test func everyRowOfAColumnHasTheSameDecimals() {
        let rows = Self.table.displayRows()
        #expect(rows[0] == ["slope", "\u{2212}0.036", "[\u{2212}0.091, 0.018]", "0.0432"])
        #expect(rows[1] == ["rate ratio", "1.050", "[0.308, 10.610]", "0.0012"])
        #expect(rows[2] == ["ratio", "12.640", "[9.100, 17.250]", "< 0.001"])
        #expect(rows[3] == ["none", "–", "–", "–"])
        for column in 1...3 {
            // An interval's two bounds count as two numbers of the column.
            let numbers = rows.flatMap { $0[column].trimmingCharacters(in: CharacterSet(charactersIn: "[]")).components(separatedBy: ", ") }
                .filter { $0.first?.isNumber == true || $0.hasPrefix("\u{2212}") }
            #expect(numbers.count >= 2)
            #expect(Set(numbers.map(Self.decimals)).count == 1, "column \(column): \(numbers)")
        }
    }

    /// Markdown, LaTeX and the aligned text show the column-precision numbers; CSV and the table's
    /// JSON keep the values at full precision.
    @Test func displayFormatsShareTheColumnPrecisionAndMachineFormatsDoNot() throws {
        let markdown = Self.table.markdown()
        #expect(markdown.contains("| rate ratio | 1.050 | [0.308, 10.610] | 0.0012 |"))
        let latex = Self.table.latex()
        #expect(latex.contains("rate ratio & 1.050 & [0.308, 10.610] & 0.0012"))
        #expect(latex.contains("$-$0.036"))
        #expect(Self.table.alignedText().contains("12.640"))
        let csv = Self.table.csv()
        #expect(csv.contains("-0.036412"))
        #expect(csv.contains("1.0498"))
        #expect(csv.contains("\"[0.3081, 10.61]\""))
        #expect(csv.contains("0.001234"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(Self.table.json().utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows[1]["estimate"] as? Double == 1.0498)
        #expect(rows[0]["p"] as? Double == 0.04321)
        #expect(rows[1]["95% CI"] as? [Double] == [0.3081, 10.61])
    }
}
