/// Text as LaTeX that compiles with pdflatex and with lualatex: the ten special characters
/// escaped, minus signs and Greek letters in math mode (`$-$0.36`, `$\tau_b$`, `$R^2$`), dashes
/// and quotes as TeX writes them. Cyrillic and Chinese are kept as they are: they need lualatex
/// with fontspec, which `needsUnicodeEngine` tells the caller to say.
public enum LaTeXText {
    /// `text` escaped for LaTeX's text mode.
    public static func escape(_ text: String) -> String {
        var result = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let previous: Character? = index > 0 ? characters[index - 1] : nil
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": result += "\\\(character)"
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "-":
                // A hyphen before a number, at the start or after a space or bracket, is a minus sign.
                let startsNumber = next.map { $0.isNumber || $0 == "." } ?? false
                let afterBoundary = previous.map { $0 == " " || $0 == "[" || $0 == "(" || $0 == "=" || $0 == "," } ?? true
                result += startsNumber && afterBoundary ? "$-$" : "-"
            case "−": result += "$-$"
            case "τ":
                // "τ-b" is Kendall's τ_b, as scipy names it.
                if next == "-", index + 2 < characters.count, characters[index + 2] == "b" {
                    result += "$\\tau_b$"
                    index += 3
                    continue
                }
                result += "$\\tau$"
            case "²": result += previous == "R" ? "$^2$" : "\\textsuperscript{2}"
            case "α": result += "$\\alpha$"
            case "÷": result += "$\\div$"
            case "×": result += "$\\times$"
            case "±": result += "$\\pm$"
            case "≤": result += "$\\leq$"
            case "≥": result += "$\\geq$"
            case "<": result += "$<$"
            case ">": result += "$>$"
            case "|": result += "\\textbar{}"
            case "–": result += "--"
            case "—": result += "---"
            case "…": result += "\\ldots{}"
            case "‘": result += "`"
            case "’": result += "'"
            case "“": result += "``"
            case "”": result += "''"
            case "\"": result += "''"
            case "\u{00A0}": result += "~"
            // The narrow no-break space Russian groups thousands with: a thin space LaTeX does not break at.
            case "\u{202F}": result += "\\,"
            case "°": result += "\\textdegree{}"
            case "\n": result += " "
            default: result.append(character)
            }
            index += 1
        }
        // "R$^2$" reads better as one math group.
        return result.replacingOccurrences(of: "R$^2$", with: "$R^2$")
    }

    /// Whether `text` holds letters pdflatex cannot set without extra packages (Cyrillic, CJK…).
    public static func needsUnicodeEngine(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (0x0400...0x052F).contains(scalar.value) || (0x2E80...0x9FFF).contains(scalar.value)
                || (0xAC00...0xD7AF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFFEF).contains(scalar.value)
        }
    }

    /// A `\label` key from any text: lower-case letters, digits and hyphens.
    public static func labelKey(_ text: String) -> String {
        let mapped = text.lowercased().unicodeScalars.map { scalar -> Character in
            (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) ? Character(scalar) : "-"
        }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }
}
