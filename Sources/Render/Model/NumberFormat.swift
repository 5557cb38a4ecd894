import Foundation

/// How tick labels and value labels print numbers.
public enum NumberFormat: String, Codable, Sendable {
    /// Grouped thousands ("12,500"), decimals as the tick step needs them, a true minus sign.
    case grouped
    /// Whole years: "2017", never "2,017". Month starts on short time axes print as the month
    /// ("Apr"), January as its year.
    case year
    /// Fractions shown as percentages: 0.25 → "25%".
    case percent
    /// Large numbers shortened: 12 500 → "12.5k", 3 000 000 → "3M".
    case abbreviated

    /// Formats `value`; `step` (the distance between neighbouring ticks) decides the decimals, so
    /// that labels on one axis share a precision ("0.5, 1.0, 1.5", not "0.5, 1, 1.5").
    public func format(_ value: Double, step: Double? = nil) -> String {
        guard value.isFinite else { return "" }
        switch self {
        case .year:
            let months = (value * 12).rounded()
            if let step, step < 1, abs(value * 12 - months) < 1e-6, Int(months) % 12 != 0 {
                let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                return names[((Int(months) % 12) + 12) % 12]
            }
            return NumberFormat.signed(String(Int(abs(value).rounded())), negative: value.rounded() < 0)
        case .grouped:
            return NumberFormat.grouped(value, decimals: NumberFormat.decimals(for: step ?? NumberFormat.naturalStep(value)))
        case .percent:
            let decimals = NumberFormat.decimals(for: (step ?? NumberFormat.naturalStep(value)) * 100)
            return NumberFormat.grouped(value * 100, decimals: decimals) + "%"
        case .abbreviated:
            let magnitude = max(abs(value), abs(step ?? 0))
            let (divisor, suffix): (Double, String) =
                magnitude >= 1e9 ? (1e9, "B") : magnitude >= 1e6 ? (1e6, "M") : magnitude >= 1e4 ? (1e3, "k") : (1, "")
            let scaledStep = (step ?? NumberFormat.naturalStep(value / divisor) * divisor) / divisor
            return NumberFormat.grouped(value / divisor, decimals: NumberFormat.decimals(for: scaledStep)) + suffix
        }
    }

    /// Digits after the point needed to tell neighbouring ticks apart.
    static func decimals(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        for decimals in 0...10 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return decimals }
        }
        return 10
    }

    /// A stand-in step for formatting a lone value: its own significant decimals, at most 3.
    static func naturalStep(_ value: Double) -> Double {
        for decimals in 0...3 {
            let scaled = value * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, abs(scaled)) { return pow(10, -Double(decimals)) }
        }
        return 0.001
    }

    static func grouped(_ value: Double, decimals: Int) -> String {
        let factor = pow(10, Double(decimals))
        let rounded = (abs(value) * factor).rounded() / factor
        let negative = value < 0 && rounded != 0
        let whole = rounded.rounded(.down)
        var integerDigits = String(format: "%.0f", whole)
        var groups: [Substring] = []
        while integerDigits.count > 3 {
            groups.insert(integerDigits.suffix(3), at: 0)
            integerDigits.removeLast(3)
        }
        groups.insert(Substring(integerDigits), at: 0)
        var text = groups.joined(separator: ",")
        if decimals > 0 {
            let fraction = String(format: "%.\(decimals)f", rounded - whole)  // "0.25"
            text += fraction.drop(while: { $0 != "." })
        }
        return signed(text, negative: negative)
    }

    /// Typographic minus (U+2212), which is as wide as a plus sign and lines up in tick columns.
    static func signed(_ digits: String, negative: Bool) -> String { negative ? "\u{2212}" + digits : digits }
}
