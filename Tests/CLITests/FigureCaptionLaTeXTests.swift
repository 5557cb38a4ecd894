import Foundation
import Testing
import TestSupport

/// A figure set's `captions.tex` compiles: a document that \input's it (with graphicx, as its
/// header says) is typeset by real pdflatex and lualatex, and pdftotext reads back every caption
/// of `captions.md` as typed: the text, the credit line, en and em dashes, a U+2212 minus, curly
/// quotes and the ten characters LaTeX treats as special.
@Suite(.serialized) struct FigureCaptionLaTeXTests {
    /// pdflatex with T1 (its recommended encoding), so that _ ~ ^ \ come back as typed; lualatex's
    /// default (TU) does that already. Hyphenation is turned off so no word comes back split.
    static func document(engine: String) -> String {
        "\\documentclass{article}\n"
            + (engine == "pdflatex" ? "\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n" : "")
            + "\\usepackage{graphicx}\n\\hyphenpenalty=10000\n\\exhyphenpenalty=10000\n\\sloppy\n"
            + "\\begin{document}\n\\input{captions}\n\\end{document}\n"
    }

    /// The captions of `captions.md`, each as "Figure 1: caption. credit" as LaTeX numbers it.
    static func captions(in folder: String) throws -> [String] {
        let markdown = try String(contentsOfFile: folder + "/captions.md", encoding: .utf8)
        return markdown.components(separatedBy: "\n\n").map { paragraph in
            let text = paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
            // "**Figure 1.** Caption" → "Figure 1: Caption"
            return text.replacing(#/^\*\*(.+?)\.\*\* /#) { "\($0.1): " }
        }
    }

    /// Typesets `captions.tex` in `folder` with `engine`; returns the PDF's text.
    static func typeset(_ folder: String, engine: String) throws -> String {
        try (Self.document(engine: engine)).write(toFile: folder + "/doc.tex", atomically: true, encoding: .utf8)
        try ExternalTool.run(engine, ["-interaction=nonstopmode", "-halt-on-error", "doc.tex"], in: folder)
        // -raw: in the order LaTeX wrote the text, so a figure's labels do not cut into its caption.
        return try ExternalTool.run("pdftotext", ["-raw", folder + "/doc.pdf", "-"])
    }

    /// Text without any space, so line breaks (and where LaTeX puts them) do not matter.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    @Test(arguments: ["pdflatex", "lualatex"])
    func thePaperSetsCaptionsCompile(engine: String) throws {
        let folder = try TemporaryFolder()
        let set = folder.file("set")
        let result = try CLI.run(["report", "Reports/paper-figures.yaml", "-o", folder.file("paper.pdf"), "--figures", set,
                                  "--formats", "pdf", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let captions = try Self.captions(in: set)
        #expect(captions.count >= 10)
        let text = Self.squeezed(try Self.typeset(set, engine: engine))
        for caption in captions {
            #expect(text.contains(Self.squeezed(caption)), "\(engine): \(caption)")
            #expect(caption.contains("Source: ") && caption.hasSuffix("Compiled in the SCOBrief corpus."), "\(caption)")
        }
        #expect(captions.contains { $0.contains("2001–2011") }, "an en dash in the captions")
        #expect(text.contains("2001–2011"), "\(engine): the en dash comes back as one")
    }

    /// A caption with every character LaTeX treats specially, a minus, dashes, quotes and a
    /// number with its unit, through a spec of one's own.
    @Test(arguments: ["pdflatex", "lualatex"])
    func specialCharactersComeBackAsTyped(engine: String) throws {
        let folder = try TemporaryFolder()
        let caption = #"Change of −5% & more_than #1 at $5 {a} ~b ^c \d, “quoted” and "straight", 2001–2011 — within 5 km"#
        try folder.write("spec.yaml", """
            report:
              title: Captions
              theme: paper
              title_page: false
              contents: false
            body:
              - chart:
                  id: fig-specials
                  preset: attacks-per-year
                  period: 2001-2011
                  width: 85mm
                  caption: '\(caption.replacingOccurrences(of: "'", with: "''"))'
            """)
        let set = folder.file("set")
        let result = try CLI.run(["report", folder.file("spec.yaml"), "-o", folder.file("r.pdf"), "--figures", set, "--formats", "pdf", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let latex = try String(contentsOfFile: set + "/captions.tex", encoding: .utf8)
        #expect(latex.contains("\\usepackage{graphicx}"), "the header names the package \\includegraphics needs")
        let typed = try #require(try Self.captions(in: set).first)
        // The tool's editorial style makes the straight quotes curly and ties the number to its unit.
        #expect(typed == "Figure 1: " + caption.replacingOccurrences(of: "\"straight\"", with: "“straight”")
            .replacingOccurrences(of: "5 km", with: "5\u{00A0}km") + ". Source: Zhao (2012). Compiled in the SCOBrief corpus.", "\(typed)")
        // One space for each run of white space, line breaks included.
        let text = try Self.typeset(set, engine: engine).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(Self.squeezed(text).contains(Self.squeezed(typed)), "\(engine): \(text)")
        #expect(text.contains("−5% & more_than #1 at $5 {a} ~b ^c \\d"), "\(engine): \(text)")
        #expect(text.contains("“quoted” and “straight”, 2001–2011 — within"), "\(engine): \(text)")
    }
}
