import Foundation
import Render

/// The text-level rules of the SVG the backend writes: numbers, colours, escaping, font lists.
/// Kept apart from the drawing calls so `SVGBackend.swift` reads as one scene walk.
enum SVGMarkup {
    /// A coordinate or length with at most three decimals (a thousandth of a point is far below
    /// what any output device shows), no trailing zeros, no exponent and no "-0". Written with
    /// integer arithmetic so the text never depends on the locale and is the same on every run.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let thousandths = Int64((value * 1000).rounded())
        if thousandths == 0 { return "0" }
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        let whole = magnitude / 1000, fraction = magnitude % 1000
        guard fraction != 0 else { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }

    /// "#RRGGBB"; the alpha goes into a separate opacity attribute (`opacity(_:)`).
    static func rgb(_ color: Color) -> String {
        func byte(_ v: Double) -> Int { Int((min(max(v, 0), 1) * 255).rounded()) }
        let value = byte(color.red) << 16 | byte(color.green) << 8 | byte(color.blue)
        let hex = String(value, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// The opacity attribute value for a colour, or nil when it is opaque (the SVG default).
    static func opacity(_ color: Color) -> String? {
        color.alpha >= 1 ? nil : number(max(0, color.alpha))
    }

    /// Text for an attribute value in double quotes: quotes, newlines and tabs become references,
    /// since an XML parser would otherwise fold them into spaces.
    static func attribute(_ text: String) -> String { escaped(text, inAttribute: true) }

    /// Character data between tags.
    static func content(_ text: String) -> String { escaped(text, inAttribute: false) }

    private static func escaped(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            default: if isAllowed(scalar) || scalar == "\n" || scalar == "\t" { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0 forbids most control characters even as references; they are dropped.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v >= 0x20 && v != 0xFFFE && v != 0xFFFF
    }

    /// A name usable as an XML id and CSS class: letters, digits, "-" and "_", starting with a letter.
    static func identifier(_ name: String) -> String {
        var out = String(name.unicodeScalars.map { scalar -> Character in
            let isASCIIWord = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
            return isASCIIWord ? Character(scalar) : "-"
        })
        if !(out.first?.isLetter ?? false) { out = "g-" + out }
        return out
    }

    /// A CSS font-family list for the theme's fontconfig families: each family quoted, the
    /// metric-compatible commercial faces an editor's machine is likely to have after the Liberation
    /// ones (Arial and Helvetica for Liberation Sans), the CJK face for Chinese text, and a generic
    /// family last, so the file opens with the right shapes and widths wherever it is edited.
    static func fontFamily(_ families: String, language: String) -> String {
        var names = families.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"'")) }.filter { !$0.isEmpty }
        var list: [String] = []
        func add(_ name: String) { if !list.contains(name) { list.append(name) } }
        if language.lowercased().hasPrefix("zh"), !names.contains("Noto Sans CJK SC") { names.append("Noto Sans CJK SC") }
        for name in names {
            add(name)
            switch name {
            case "Liberation Sans": add("Arial"); add("Helvetica")
            case "Liberation Serif": add("Times New Roman"); add("Times")
            case "Liberation Mono": add("Courier New"); add("Courier")
            default: break
            }
        }
        let generic = names.contains { $0.hasSuffix("Serif") && !$0.hasSuffix("Sans Serif") } ? "serif"
            : names.contains { $0.hasSuffix("Mono") } ? "monospace" : "sans-serif"
        return (list.map { "'\($0)'" } + [generic]).joined(separator: ", ")
    }
}
