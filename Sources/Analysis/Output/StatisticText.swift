import Foundation

/// How statistics are printed: enough digits to be checked, not so many they look precise.
public enum StatisticText {
    /// A p-value as journals print it: 0.043, 0.0012, < 0.001 below a thousandth.
    public static func pValue(_ p: Double) -> String {
        if p < 0.001 { return "< 0.001" }
        if p < 0.01 { return String(format: "%.4f", p) }
        return String(format: "%.3f", p)
    }

    /// "p = 0.043" or "p < 0.001", for running text.
    public static func pClause(_ p: Double) -> String {
        p < 0.001 ? "p < 0.001" : "p = \(pValue(p))"
    }

    /// Three significant digits, without exponent for everyday magnitudes.
    public static func number(_ value: Double, significant: Int = 3) -> String {
        if value == 0 { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        let decimals = max(0, significant - 1 - magnitude)
        if abs(value) >= 1e6 || abs(value) < 1e-4 { return minus(String(format: "%.\(significant - 1)e", value)) }
        return minus(String(format: "%.\(decimals)f", value))
    }

    /// A printed number with its hyphen-minus made a true minus sign (U+2212), which is as wide
    /// as a plus and lines up in columns; CSV and JSON keep the plain form.
    public static func minus(_ text: String) -> String {
        text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }

    /// "[0.42, 1.31]": the one way intervals are written, in tables and in running text alike.
    public static func interval(_ interval: ConfidenceInterval, significant: Int = 3) -> String {
        "[\(number(interval.lower, significant: significant)), \(number(interval.upper, significant: significant))]"
    }

    /// A significance level as it was given: "0.05", "0.1", "0.005".
    public static func alpha(_ alpha: Double) -> String {
        String(format: "%g", alpha)
    }

    /// "95%", "90%", "99.5%": the level an interval was computed at, for its label.
    public static func level(_ level: Double) -> String {
        // 0.9 × 100 is 90.00000000000001 in binary floating point; round away that noise.
        let percent = (level * 100 * 1e9).rounded() / 1e9
        if percent == percent.rounded() { return "\(Int(percent))%" }
        return String(format: "%g%%", percent)
    }
}
