import Foundation
import Analysis

/// A figure's caption as a journal takes it: the label, the caption and the credit line, which
/// a figure set keeps out of the artwork. Written for every figure of a set as `captions.md`
/// and `captions.tex` (a `figure` environment per file, ready to paste).
struct FigureCaption {
    var label: String
    /// The figure's file name without its extension ("fig01-attacks-by-year").
    var file: String
    var slug: String
    var caption: String
    var credit: String

    /// "**Figure 1.** Caption. Source: …", a paragraph a figure.
    static func markdown(_ captions: [FigureCaption]) -> String {
        captions.map { "**\($0.label).** \(joined($0.caption, $0.credit))\n" }.joined(separator: "\n")
    }

    /// One `figure` environment a figure: the file, the caption with its credit, a label named for the file.
    /// LaTeX numbers the figures itself, so the caption carries no "Figure 1".
    static func latex(_ captions: [FigureCaption]) -> String {
        var header = ["% Needs \\usepackage{graphicx}; with pdflatex, \\usepackage[T1]{fontenc} keeps _ ~ ^ \\ copyable as text."]
        if LaTeXText.needsUnicodeEngine(captions.map { $0.caption + " " + $0.credit }.joined(separator: " ")) {
            header.append("% Holds Cyrillic or Chinese text: compile with lualatex and \\usepackage{fontspec}, with a main font that has")
            header.append("% those letters (e.g. \\setmainfont{Noto Serif CJK SC}); pdflatex stops on them.")
        }
        return header.joined(separator: "\n") + "\n\n" + captions.map { caption in
            """
            % \(caption.label): \(caption.file)
            \\begin{figure}
              \\centering
              \\includegraphics{\(caption.file)}
              \\caption{\(LaTeXText.escape(joined(caption.caption, caption.credit)))}
              \\label{fig:\(LaTeXText.labelKey(caption.slug))}
            \\end{figure}

            """
        }.joined(separator: "\n")
    }

    /// The caption and the credit as one text, a full stop between them when the caption has none.
    private static func joined(_ caption: String, _ credit: String) -> String {
        let trimmed = caption.trimmingCharacters(in: .whitespaces)
        guard !credit.isEmpty else { return trimmed }
        guard !trimmed.isEmpty else { return credit }
        return trimmed + (".。!?".contains(trimmed.last!) ? " " : ". ") + credit
    }
}
