import Foundation
@testable import Report
import Testing

/// No-break spaces between a number and its unit, and inside "Figure 6" and "Table 3", as each
/// language wants them (issue: "Figure⏎6" and "(Table⏎3)" broke across lines).
@Suite struct NumberUnitSpacingTests {
    static let nbsp = "\u{00A0}"

    @Test func englishKeepsSymbolsAndLabelsWithTheirNumbers() {
        let en = Localiser(language: .english)
        #expect(NumberUnitSpacing.apply("a 45 mm column", localiser: en) == "a 45\(Self.nbsp)mm column")
        #expect(NumberUnitSpacing.apply("see (Table 3) and Figure  6.", localiser: en) == "see (Table\(Self.nbsp)3) and Figure\(Self.nbsp)6.")
        // Words that only start like a unit, and counted nouns, keep their ordinary space.
        #expect(NumberUnitSpacing.apply("in 2017 members met 12 mmHg", localiser: en) == "in 2017 members met 12 mmHg")
        #expect(NumberUnitSpacing.apply("Tables 3 and Figured 6", localiser: en) == "Tables 3 and Figured 6")
    }

    @Test func russianKeepsCountsYearsAndReferencesTogether() {
        let ru = Localiser(language: .russian)
        #expect(NumberUnitSpacing.apply("1\u{202F}300 человек за 2001–2011 гг. и 2024 г.", localiser: ru)
                == "1\u{202F}300\(Self.nbsp)человек за 2001–2011\(Self.nbsp)гг. и 2024\(Self.nbsp)г.")
        #expect(NumberUnitSpacing.apply("(рис. 2, табл. 3). Рис. 4", localiser: ru) == "(рис.\(Self.nbsp)2, табл.\(Self.nbsp)3). Рис.\(Self.nbsp)4")
        // "г." is a unit only as a whole word: "2024 года" keeps its space.
        #expect(NumberUnitSpacing.apply("в 2024 года", localiser: ru) == "в 2024 года")
    }

    @Test func chineseSetsNoSpaceSoNoneIsAdded() {
        let zh = Localiser(language: .chinese)
        #expect(zh.units.isEmpty)
        #expect(NumberUnitSpacing.apply("1300 人，图6", localiser: zh) == "1300 人，图6")
    }

    /// The Russian briefing as built: every "гг." after a number is held to it, and there are such pairs to hold.
    @Test func russianBriefingHoldsEveryYearSpan() throws {
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec("briefing.ru.yaml"))
        let text = report.items.compactMap { $0 as? BuiltParagraph }.map { $0.runs.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.matches(of: #/\d\x{00A0}гг\./#).count >= 3)
        #expect(text.matches(of: #/\d[ \t]+(гг?\.|человек|%)/#).isEmpty, "a number parted from its unit")
        #expect(text.matches(of: #/(рис|табл)\. \d/#).isEmpty, "a reference parted from its number")
    }

    /// The expressions compiled once (`NumberUnitSpacing.replacing`, `TextBinding.yearSpan`) give
    /// what compiling them at each call gave (`replacingOccurrences(of:with:options: .regularExpression)`).
    @Test func compiledOnceGivesWhatCompilingEachTimeGave() {
        let texts = ["a 45 mm column", "see (Table 3) and Figure  6.", "in 2017 members met 12 mmHg", "1\u{202F}300 человек за 2001–2011 гг. и 2024 г.",
                     "(рис. 2, табл. 3). Рис. 4", "в 2024 года", "1300 人，图6", "no spaces:12mm", "", "tab\t7\tmm and 8 %", "Figure\t\t9, ١٢ mm"]
        let patterns = [(#"(?<=\d)[ \t]+(?=(mm|%|km)(?![\p{L}\p{N}]))"#, NumberUnitSpacing.space),
                        (#"(?<![\p{L}])(Figure|Table|рис\.|табл\.)[ \t]+(?=\d)"#, "$1" + NumberUnitSpacing.space)]
        for text in texts {
            for (pattern, template) in patterns {
                #expect(NumberUnitSpacing.replacing(pattern, in: text, with: template)
                        == text.replacingOccurrences(of: pattern, with: template, options: .regularExpression), "\(text)")
            }
        }
        for value in ["2002–2024", "2002–2024\n", "2002-2024", "in 2002–2024", "٢٠٠٢–٢٠٢٤", "12", "2002–2024–2025", "20021–2024"] {
            #expect((TextBinding.spanInProse(value, after: "between ") != value)
                    == (value.range(of: #"^\d{4}–\d{4}$"#, options: .regularExpression) != nil), "\(value)")
        }
        #expect(TextBinding.spanInProse("2002–2024", after: "attacks between ") == "2002 and 2024")
        #expect(TextBinding.spanInProse("2002–2024", after: "from ") == "2002 to 2024")
    }
}
