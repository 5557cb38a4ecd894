import Foundation

/// The numbers a passage of text states, in digits or in words, so that a row's figures can be
/// checked against the quote it cites.
///
/// Sources write "1,300", "30.2 million", "two dozen", "ten" or "a quarter of a million"; a row
/// records 1300, 30200000, 24, 10 or 250000. The reader does not try to understand sentences:
/// it collects every number the passage could be read as stating, and a row's value passes when
/// it is among them. A row whose value appears nowhere is what the check is for (a killed = 99
/// against "…killing 9 people…").
public struct StatedNumbers: Sendable {
    /// Every number the text states, rounded to nine significant digits so that 30.2 × 10⁶
    /// equals the 30200000 a table records.
    public let values: Set<Double>

    /// Reads the numbers stated in `text`.
    public init(_ text: String) {
        var found: Set<Double> = []
        let words = StatedNumbers.words(of: text)
        var index = 0
        while index < words.count {
            if let (value, used) = StatedNumbers.number(startingAt: index, in: words) {
                found.insert(StatedNumbers.normalised(value))
                // A scaled form ("30.2 million") also states its leading number ("30.2").
                if used > 1, let plain = StatedNumbers.plainNumber(words[index]) {
                    found.insert(StatedNumbers.normalised(plain))
                }
            }
            index += 1
        }
        values = found
    }

    /// Whether the text states `value`.
    public func contains(_ value: Double) -> Bool {
        values.contains(StatedNumbers.normalised(value))
    }

    // MARK: - Reading

    private static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "a": 1, "an": 1, "single": 1, "dozen": 12, "dozens": 12, "half": 0.5, "quarter": 0.25,
    ]
    private static let scales: [String: Double] = [
        "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    ]

    /// Lowercased tokens: runs of letters, and runs of digits with their `,` and `.` separators.
    /// Hyphens split "twenty-four" into "twenty" and "four", which the reader adds up again.
    private static func words(of text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsNumber = false
        func flush() {
            // A trailing separator ("in 2001.") belongs to the sentence, not the number.
            while currentIsNumber, let last = current.last, last == "," || last == "." { current.removeLast() }
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isNumber && character.isASCII {
                if !currentIsNumber { flush(); currentIsNumber = true }
                current.append(character)
            } else if (character == "," || character == ".") && currentIsNumber && !current.isEmpty {
                current.append(character)
            } else if character.isLetter {
                if currentIsNumber { flush(); currentIsNumber = false }
                current.append(character)
            } else {
                flush()
                currentIsNumber = false
            }
        }
        flush()
        return tokens
    }

    /// "1,300" → 1300, "30.2" → 30.2; nil for words and for malformed digit runs ("1,30,0" reads as
    /// its digits, which is how such typography is meant).
    private static func plainNumber(_ token: String) -> Double? {
        guard let first = token.first, first.isNumber else { return nil }
        return Double(token.replacingOccurrences(of: ",", with: ""))
    }

    /// The number starting at `index` and how many tokens it used: digits or number words, then
    /// any scale words ("two dozen", "30.2 million", "a quarter of a million", "twenty four").
    private static func number(startingAt index: Int, in tokens: [String]) -> (Double, Int)? {
        var position = index
        var value: Double
        if let plain = plainNumber(tokens[position]) {
            value = plain
            position += 1
        } else if let unit = units[tokens[position]] {
            value = unit
            position += 1
            // "twenty four": tens followed by a unit word.
            if value >= 20, value.truncatingRemainder(dividingBy: 10) == 0, position < tokens.count,
               let next = units[tokens[position]], next >= 1, next < 10 {
                value += next
                position += 1
            }
            // "a" and "an" state a number only before a scale ("a dozen", "a million").
            if ["a", "an"].contains(tokens[index]), position >= tokens.count || scales[tokens[position]] == nil {
                return nil
            }
        } else {
            return nil
        }
        // "a quarter of a million", "half a million".
        if position + 1 < tokens.count, value < 1, tokens[position] == "of" || tokens[position] == "a" {
            var next = position + (tokens[position] == "of" ? 1 : 0)
            if next < tokens.count, tokens[next] == "a" { next += 1 }
            if next < tokens.count, let scale = scales[tokens[next]] {
                return (value * scale, next - index + 1)
            }
        }
        while position < tokens.count, let scale = scales[tokens[position]] {
            value *= scale
            position += 1
        }
        return (value, position - index)
    }

    private static func normalised(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let digits = 9 - Int((log10(abs(value))).rounded(.up))
        let factor = pow(10, Double(digits))
        return (value * factor).rounded() / factor
    }
}
