import Analysis
import Foundation
import Testing
import TestSupport

/// `--format latex` compiles: every table the commands write, and one holding every special
/// character, go into one document that real pdflatex and lualatex typeset; pdftotext reads back
/// minus signs, τ_b, R², the escaped characters and captions numbered once.
@Suite(.serialized) struct LaTeXOutputTests {
    static let commands: [[String]] = [
        ["trend", "attacks", "--from", "2001", "--to", "2011"],
        ["trend", "attacks", "--from", "2001-06", "--to", "2011-03", "--rolling", "3"],
        ["trend", "exercises", "--by", "year,country", "--from", "2002", "--to", "2012", "--level", "0.9"],
        ["trend", "exercises", "--from", "2002", "--to", "2012", "--test", "mann-kendall,poisson"],
        ["trend", "documents", "--by", "kind", "--test", "none"],
        ["compare", "attacks", "--period", "2001-2011", "--period", "2024"],
        ["compare", "exercises", "--period", "2002-2006", "--period", "2007-2011"],
        ["datasets", "list"],
    ]

    /// Every special character LaTeX has, in a caption, a header, a cell and a note.
    static let specials = ResultTable(
        title: "Specials: 100% & more_than #1 $5 {a} ~b ^c \\d",
        columns: [.init("name_with_underscore"), .init("value %", alignment: .right)],
        rows: [[.text("a & b % c _ d # e $ f { g } h ~ i ^ j \\ k"), .text("-1.5")], [.text("p < 0.001, 5 × 3 ÷ 2 ≥ 1"), .text("[-0.2, 0.3]")]],
        notes: ["Note with 50% & under_score."])

    private func document(_ inputs: [String], preamble: String = "") -> String {
        "\\documentclass{article}\n\\usepackage{booktabs}\n\(preamble)\\begin{document}\n"
            + inputs.map { "\\input{\($0)}\n\\clearpage\n" }.joined() + "\\end{document}\n"
    }

    private func writeAll(into folder: TemporaryFolder) throws -> [String] {
        var names: [String] = []
        for (index, arguments) in Self.commands.enumerated() {
            let result = try CLI.run(arguments + ["--format", "latex"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            try folder.write("table\(index).tex", result.stdout)
            names.append("table\(index)")
        }
        try folder.write("specials.tex", Self.specials.latex())
        return names + ["specials"]
    }

    @Test(arguments: ["pdflatex", "lualatex"])
    func everyTableCompiles(engine: String) throws {
        let folder = try TemporaryFolder()
        let inputs = try writeAll(into: folder)
        // T1 (pdflatex's recommended encoding) so that _ ~ ^ \\ come back from pdftotext as typed;
        // lualatex's own default (TU) does that already.
        try folder.write("all.tex", document(inputs, preamble: engine == "pdflatex" ? "\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n" : ""))
        try ExternalTool.run(engine, ["-interaction=nonstopmode", "-halt-on-error", "all.tex"], in: folder.path)
        let text = try ExternalTool.run("pdftotext", [folder.file("all.pdf"), "-"])
        // The OLS slope −0.0364 at its column's precision (three decimals beside 0.985), its
        // interval at its column's (two decimals beside [0.87, 1.11]).
        #expect(text.contains("−0.036"), "a minus sign, not a hyphen")
        #expect(text.contains("[−0.38, 0.31]"))
        #expect(text.contains("τb") && text.contains("R2"))
        #expect(text.contains("Table 1: Attacks named in the sources"))
        #expect(!text.contains("Table 1: Table"))
        // Inside a table pdftotext drops the narrow spaces, so compare without spaces.
        #expect(text.replacingOccurrences(of: " ", with: "").contains("a&b%c_d#e$f{g}h~i^j\\k"), "every special character, typeset")
        #expect(text.contains("Specials: 100% & more_than #1 $5 {a} ~b ^c \\d"))
        #expect(text.contains("p < 0.001, 5 × 3 ÷ 2 ≥ 1"))
    }

    /// pdflatex stops on Cyrillic and Chinese; the table says so, and lualatex with fontspec sets it.
    /// A figure set's tables (counts, trend, comparison, indicators, membership) compile too, and
    /// each caption is numbered once, by LaTeX.
    @Test func figureSetTablesCompile() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["report", "Reports/paper-figures.yaml", "-o", folder.file("paper.pdf"), "--figures", folder.file("set"),
                                  "--formats", "pdf", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        // The tables' files; captions.tex holds the figures' captions (figure environments), not a table.
        let tables = try FileManager.default.contentsOfDirectory(atPath: folder.file("set")).filter { $0.hasPrefix("tab") && $0.hasSuffix(".tex") }.sorted()
        #expect(tables.count >= 4)
        try folder.write("set/all.tex", document(tables.map { ($0 as NSString).deletingPathExtension }, preamble: "\\usepackage[T1]{fontenc}\n"))
        try ExternalTool.run("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "all.tex"], in: folder.file("set"))
        let text = try ExternalTool.run("pdftotext", [folder.file("set/all.pdf"), "-"])
        #expect(text.contains("Table 1: ") && !text.contains("Table 1: Table"))
    }

    /// Without T1 or lmodern (article's defaults) every table still compiles with pdflatex.
    @Test func everyTableCompilesWithThePlainPreamble() throws {
        let folder = try TemporaryFolder()
        try folder.write("all.tex", document(try writeAll(into: folder)))
        try ExternalTool.run("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "all.tex"], in: folder.path)
        #expect(FileManager.default.fileExists(atPath: folder.file("all.pdf")))
    }

    @Test func cyrillicAndChineseNamesSayWhichEngineAndCompileWithLualatex() throws {
        // Russian groups thousands with a narrow no-break space: a thin space (\,) in LaTeX, which fonts without U+202F set too.
        let table = ResultTable(title: "Names", columns: [.init("code"), .init("ru"), .init("zh"), .init("n", alignment: .right)],
                                rows: [[.text("RUS"), .text("Россия"), .text("俄罗斯"), .text("1\u{202F}300")], [.text("CHN"), .text("Китай"), .text("中国"), .text("12")]])
        let latex = table.latex()
        #expect(latex.contains("1\\,300") && !latex.contains("\u{202F}"))
        #expect(latex.contains("% Holds Cyrillic or Chinese text: compile with lualatex"))
        #expect(!ResultTable(columns: [.init("a")], rows: [[.text("Türkiye, Česko")]]).latex().contains("Cyrillic"))
        let folder = try TemporaryFolder()
        try folder.write("names.tex", latex)
        try folder.write("doc.tex", document(["names"], preamble: "\\usepackage{fontspec}\n\\setmainfont{Noto Sans CJK SC}\n"))
        try ExternalTool.run("lualatex", ["-interaction=nonstopmode", "-halt-on-error", "doc.tex"], in: folder.path)
        let text = try ExternalTool.run("pdftotext", [folder.file("doc.pdf"), "-"])
        #expect(text.contains("Россия") && text.contains("中国"))
    }

    @Test func captionsCarryNoNumberAndHaveALabel() throws {
        let result = try CLI.run(["trend", "attacks", "--from", "2001", "--to", "2011", "--format", "latex"])
        #expect(result.stdout.contains("\\caption{Trend tests on yearly counts (2001--2011"))
        #expect(result.stdout.contains("\\label{tab:tests}") && result.stdout.contains("\\label{tab:counts}"))
        #expect(!result.stdout.contains("τ") && !result.stdout.contains("²") && !result.stdout.contains("−"))
    }
}
