import Foundation
import Dataset

/// The formats a result table can be written in.
public enum TableFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown, latex
}

extension ResultTable {
    public func rendered(as format: TableFormat) -> String {
        switch format {
        case .table: return alignedText()
        case .csv: return csv()
        case .json: return json()
        case .markdown: return markdown()
        case .latex: return latex()
        }
    }

    /// Columns padded to their widest cell; numbers right-aligned.
    public func alignedText() -> String {
        let cells = rows.map { $0.map(\.display) }
        var widths = columns.map { $0.title.count }
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ values: [String]) -> String {
            zip(values, zip(widths, columns)).map { value, layout in
                let padding = String(repeating: " ", count: max(0, layout.0 - value.count))
                return layout.1.alignment == .right ? padding + value : value + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var output: [String] = []
        if let title { output.append(title) }
        output.append(line(columns.map(\.title)))
        output.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        output += cells.map(line)
        output += notes.map { "Note: \($0)" }
        return output.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: fields with commas, quotes or line breaks are quoted.
    public func csv() -> String {
        var output = CSVWriter.line(columns.map(\.title))
        for row in rows { output += CSVWriter.line(row.map(\.plain)) }
        return output
    }

    public func json() -> String {
        var object: [String: Any] = [
            "columns": columns.map(\.title),
            "rows": rows.map { row in
                Dictionary(uniqueKeysWithValues: zip(columns.map(\.title), row.map(ResultTable.jsonValue)))
            },
        ]
        if let title { object["title"] = title }
        if !notes.isEmpty { object["notes"] = notes }
        // jsonValue keeps every value serialisable (non-finite numbers become null), so this cannot fail;
        // should it, an empty object is better than a crash.
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func jsonValue(_ cell: Cell) -> Any {
        switch cell {
        case .text(let text): return text
        case .integer(let value): return value
        case .number(let value, _): return value.isFinite ? value : NSNull()  // JSON has no NaN or infinity
        case .missing: return NSNull()
        }
    }

    public func markdown() -> String {
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var output: [String] = []
        if let title { output += ["**\(escape(title))**", ""] }
        output.append("| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |")
        output.append("|" + columns.map { $0.alignment == .right ? "---:" : ":---" }.joined(separator: "|") + "|")
        for row in rows { output.append("| " + row.map { escape($0.display) }.joined(separator: " | ") + " |") }
        if !notes.isEmpty { output.append("") }
        output += notes.map { "*Note:* \(escape($0))" }
        return output.joined(separator: "\n") + "\n"
    }

    /// A booktabs table, ready for `\usepackage{booktabs}`.
    public func latex() -> String {
        let spec = columns.map { $0.alignment == .right ? "r" : "l" }.joined()
        var output = ["\\begin{table}[htbp]", "\\centering"]
        if let title { output.append("\\caption{\(ResultTable.latexEscape(title))}") }
        output.append("\\begin{tabular}{\(spec)}")
        output.append("\\toprule")
        output.append(columns.map { ResultTable.latexEscape($0.title) }.joined(separator: " & ") + " \\\\")
        output.append("\\midrule")
        for row in rows {
            output.append(row.map { ResultTable.latexEscape($0.display) }.joined(separator: " & ") + " \\\\")
        }
        output.append("\\bottomrule")
        output.append("\\end{tabular}")
        for note in notes {
            output.append("\\par\\smallskip{\\footnotesize \(ResultTable.latexEscape(note))}")
        }
        output.append("\\end{table}")
        return output.joined(separator: "\n") + "\n"
    }

    static func latexEscape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": result += "\\\(character)"
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "–": result += "--"
            case "—": result += "---"
            case "\u{2212}": result += "$-$"  // the display minus sign, set in math mode
            default: result.append(character)
            }
        }
        return result
    }
}
