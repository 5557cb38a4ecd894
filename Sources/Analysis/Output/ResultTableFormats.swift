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
        let cells = displayRows()
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

    /// The display table as JSON, cells as shown. The commands do not write this: their JSON is
    /// `CommandOutput`, typed and at full precision, as `scobrief-output.schema.json` documents.
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
        case .number(let value, _), .estimate(let value), .pValue(let value):
            return value.isFinite ? value : NSNull()  // JSON has no NaN or infinity
        case .interval(let lower, let upper): return [lower, upper].map { $0.isFinite ? $0 as Any : NSNull() }
        case .missing: return NSNull()
        }
    }

    public func markdown() -> String {
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var output: [String] = []
        if let title { output += ["**\(escape(title))**", ""] }
        output.append("| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |")
        output.append("|" + columns.map { $0.alignment == .right ? "---:" : ":---" }.joined(separator: "|") + "|")
        for row in displayRows() { output.append("| " + row.map(escape).joined(separator: " | ") + " |") }
        if !notes.isEmpty { output.append("") }
        output += notes.map { "*Note:* \(escape($0))" }
        return output.joined(separator: "\n") + "\n"
    }

    /// A booktabs table that compiles with pdflatex and lualatex: needs `\usepackage{booktabs}`.
    /// The caption carries no number (LaTeX numbers it) and is followed by a `\label`; text that
    /// pdflatex cannot set (Cyrillic, Chinese) gets a comment naming the engine it needs.
    public func latex() -> String {
        let spec = columns.map { $0.alignment == .right ? "r" : "l" }.joined()
        var output = ["% Needs \\usepackage{booktabs}; with pdflatex, \\usepackage[T1]{fontenc} keeps _ ~ ^ \\ copyable as text."]
        let cells = displayRows()
        let everything = ([title ?? ""] + columns.map(\.title) + cells.flatMap { $0 } + notes).joined(separator: " ")
        if LaTeXText.needsUnicodeEngine(everything) {
            output.append("% Holds Cyrillic or Chinese text: compile with lualatex and \\usepackage{fontspec}, with a main font that has")
            output.append("% those letters (e.g. \\setmainfont{Noto Serif CJK SC}); pdflatex stops on them.")
        }
        output += ["\\begin{table}[htbp]", "\\centering"]
        if let title { output.append("\\caption{\(LaTeXText.escape(title))}") }
        if let key = label ?? name.map({ "tab:\(LaTeXText.labelKey($0))" }) { output.append("\\label{\(key)}") }
        output.append("\\begin{tabular}{\(spec)}")
        output.append("\\toprule")
        output.append(columns.map { LaTeXText.escape($0.title) }.joined(separator: " & ") + " \\\\")
        output.append("\\midrule")
        for row in cells {
            output.append(row.map { LaTeXText.escape($0) }.joined(separator: " & ") + " \\\\")
        }
        output.append("\\bottomrule")
        output.append("\\end{tabular}")
        for note in notes {
            output.append("\\par\\smallskip{\\footnotesize \(LaTeXText.escape(note))}")
        }
        output.append("\\end{table}")
        return output.joined(separator: "\n") + "\n"
    }

    static func latexEscape(_ text: String) -> String { LaTeXText.escape(text) }
}
