import Foundation
import Testing
@testable import Report
import Analysis
import RenderCairo
import TestSupport

/// The message catalogs, the number and period conventions, and the shipped Russian and Chinese
/// editions read back from their PDFs.
@Suite(.serialized) struct LocalisationTests {
    @Test(arguments: [ReportLanguage.russian, .chinese])
    func catalogHasEveryEnglishKeyWithTheSameArguments(language: ReportLanguage) {
        let english = MessageCatalog.english, translated = MessageCatalog.entries(for: language)
        for (key, text) in english {
            guard let other = translated[key] else {
                Issue.record("\(language.rawValue) lacks \(key)")
                continue
            }
            #expect(Self.arguments(other) == Self.arguments(text), "\(language.rawValue) \(key): arguments differ")
        }
        #expect(Set(translated.keys).subtracting(english.keys).isEmpty, "keys English does not have")
    }

    static func arguments(_ message: String) -> Set<String> {
        Set(message.matches(of: #/\{([a-z-]+)\}/#).map { String($0.1) })
    }

    @Test func russianNumbersFollowCLDR() {
        let ru = Localiser(language: .russian)
        #expect(ru.grouped(1300) == "1\u{202F}300")
        #expect(ru.grouped(130) == "130")
        #expect(ru.numbers(in: "2.45 a year") == "2,45 a year")
        #expect(ru.numbers(in: "[0.308, 10.6]") == "[0,308; 10,6]")
        #expect(ru.numbers(in: "5.3%") == "5,3\u{00A0}%")
        #expect(ru.numbers(in: "2001–2011, 2024-06-15") == "2001–2011; 2024-06-15")
        #expect(ru.period("2001–2011") == "2001–2011 гг.")
        #expect(ru.period("2024") == "2024 г.")
        #expect(ru.cell("more than 1,300") == "более 1\u{202F}300")
        #expect(ru.cell("2002-10-10 to 2002-10-11") == "10 октября 2002 г. — 11 октября 2002 г.")
        // Table cells' dates in CLDR's long form; a bare year (a year column) stays as it is.
        #expect(ru.cell("2017-12-28") == "28 декабря 2017 г.")
        #expect(ru.cell("2012-08") == "август 2012 г.")
        #expect(ru.cell("2017") == "2017")
        let zh = Localiser(language: .chinese)
        #expect(zh.grouped(1300) == "1,300")
        #expect(zh.numbers(in: "[0.308, 10.6]") == "[0.308, 10.6]")
        #expect(zh.period("2024") == "2024年")
        #expect(zh.figureLabel(3) == "图3")
        #expect(zh.cell("2017-12-28") == "2017年12月28日")
        #expect(zh.cell("2002-10-10 to 2011") == zh.text("range", ["from": "2002年10月10日", "to": "2011"]))
        #expect(Localiser(language: .english).cell("2017-12-28") == "2017-12-28")
        #expect(Localiser(language: .english).numbers(in: "1,300.5") == "1,300.5")
    }

    @Test func countryNamesComeFromTheCorpus() {
        let ru = Localiser(language: .russian, corpus: Fixtures.corpus), zh = Localiser(language: .chinese, corpus: Fixtures.corpus)
        #expect(ru.label("Russia") == "Россия" && zh.label("Russia") == "俄罗斯")
        #expect(ru.cell("Beslan, Russia") == "Beslan, Россия")
        #expect(zh.label("Kyrgyzstan") == Fixtures.corpus.countries.first { $0.code == "KGZ" }?.nameChinese)
    }

    @Test func chineseLinesJoinWithoutASpace() {
        #expect(InlineMarkup.joinedLines(["成员国，", "另有2个"]) == "成员国，另有2个")
        #expect(InlineMarkup.joinedLines(["named", "attacks"]) == "named attacks")
        #expect(InlineMarkup.joinedLines(["共有31", "份宪章"]) == "共有31 份宪章")
    }

    @Test func aSourcesBlockWithoutAHeadingGetsOne() throws {
        let spec = try Fixtures.spec(yaml: """
            report: {title: S, language: ru, contents: false, title_page: false}
            body:
              - chart: {id: fig-a, preset: attacks-per-year, caption: "Нападения."}
              - sources
            """)
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(spec)
        let pdf = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
        let text = try ExternalTool.inspect(pdf: pdf, with: "pdftotext")
        #expect(text.contains("Источники"))
        #expect(text.contains("Об этих данных"))
    }

    // MARK: - The shipped editions

    static let editions: [ReportLanguage: (report: BuiltReport, path: String)] = {
        var result: [ReportLanguage: (BuiltReport, String)] = [:]
        let folder = try! Fixtures.temporaryDirectory()
        for language in [ReportLanguage.russian, .chinese] {
            let report = try! ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec("briefing.\(language.rawValue).yaml"))
            let pdf = try! BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
            let path = folder + "/briefing.\(language.rawValue).pdf"
            try! pdf.write(to: URL(fileURLWithPath: path))
            result[language] = (report, path)
        }
        return result
    }()

    /// English catalog keys whose words only the tool writes (never the corpus's data, which
    /// stays in English): none of their words may appear in a translated edition.
    static let toolOnlyKeys = ["contents", "contents.figures-and-tables", "figure.label", "table.label", "figure.reference", "table.reference",
                               "table.continued", "source.line", "source.corpus", "coverage.figure", "coverage.table", "sources.used-in",
                               "about-the-data", "title-page.about", "compare.rates", "compare.ratio", "trend.no-trend", "trend.rise",
                               "trend.fall", "trend.mann-kendall", "trend.ols", "trend.poisson"]

    @Test(arguments: [ReportLanguage.russian, .chinese])
    func editionIsTranslatedTaggedAndValid(language: ReportLanguage) throws {
        let (report, path) = try #require(Self.editions[language])
        let text = try ExternalTool.run("pdftotext", [path, "-"])
        let localiser = report.localiser
        for key in ["contents", "contents.figures-and-tables", "about-the-data"] {
            #expect(text.contains(localiser.text(key)), "\(language.rawValue): no \(key)")
        }
        #expect(text.contains(localiser.figureLabel(1)) && text.contains(localiser.tableLabel(8)))
        #expect(text.contains(localiser.text("source.line", ["sources": "Zhao (2012)"])))
        // Dates in table cells and the sources list are in CLDR's long form, never ISO.
        #expect(text.firstMatch(of: #/\d{4}-\d{2}(-\d{2})?/#) == nil, "\(language.rawValue): an ISO date is left")
        let squeezed = text.filter { !$0.isWhitespace }
        let dated = report.sourceUses.compactMap { $0.source.date }.filter { $0.month != nil }
        #expect(!dated.isEmpty)
        for date in dated {
            #expect(squeezed.contains(localiser.date(date).filter { !$0.isWhitespace }), "\(language.rawValue): no \(localiser.date(date))")
        }
        for key in Self.toolOnlyKeys {
            // "Figure {n}" is checked as "Figure 1"; a fragment the translation keeps on purpose (a
            // test's name, "Mann–Kendall S =") is not English to remove.
            let english = try #require(MessageCatalog.english[key]).replacingOccurrences(of: "{n}", with: "1")
            let translated = localiser.text(key)
            for fragment in english.split(separator: #/\{[a-z-]+\}/#).map({ $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) })
            where fragment.filter(\.isLetter).count >= 4 && !translated.contains(fragment) {
                #expect(!text.contains(fragment), "\(language.rawValue) edition contains the English '\(fragment)' (\(key))")
            }
        }

        let structure = try PDFStructure(path: path)
        #expect(structure.info["Tagged"] == "yes")
        #expect(structure.language == language.tag)
        #expect(structure.info["Title"] == report.metadata.title)
        let alts = structure.elements("/Figure").compactMap { ($0["/Alt"] as? String).map(PDFStructure.text) }
        #expect(alts.count == report.figures.count)
        for figure in report.figures {
            #expect(alts.contains { $0.hasPrefix(localiser.captionLead(localiser.figureLabel(figure.number))) }, "no alt text for \(figure.label)")
        }

        let fonts = try ExternalTool.run("pdffonts", [path])
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(rows.allSatisfy { $0.split(separator: " ").reversed().dropFirst(4).first == "yes" }, "a font is not embedded:\n\(fonts)")
        if language == .chinese {
            #expect(fonts.contains("NotoSansCJKsc"), "no simplified-Chinese face embedded:\n\(fonts)")
            #expect(text.contains("上海合作组织"))
        } else {
            #expect(fonts.contains("LiberationSans"), "no Cyrillic-covering face embedded:\n\(fonts)")
            #expect(text.contains("Сотрудничество ШОС"))
        }
    }

    /// Names and codes an edition keeps in Latin script on purpose: the tool's name, the tests'
    /// names, the statistics' symbols, and the CLI options a caveat tells the reader to use.
    static let latinAllowed: Set<String> = ["SCOBrief", "Mann", "Kendall", "Sen", "OLS", "CI", "Wald", "DATE", "assume", "zero",
                                            "outside", "coverage", "members", "as", "of", "PDF", "CSV", "JSON", "SCO", "RATS", "GTD",
                                            "Garwood", "S", "R", "Z", "n", "p", "csv", "attacks", "exercises", "documents", "indicators",
                                            "membership", "sources", "countries"]

    /// English the tool still writes into ru/zh editions, listed so the test catches anything new.
    /// None is left; a sentence added here is a gap to close, not a name.
    static let knownUntranslated: [String] = []

    /// Every word of the corpus's own wording an edition prints as data: places, descriptions,
    /// titles, citations, names (the records' text fields, without their notes and quotes).
    static let dataWords: Set<String> = {
        var words = Set<String>()
        func collect(_ value: Any, label: String?) {
            if label == "notes" || label == "quote" { return }
            if let text = (value as? String) ?? (value as? URL)?.absoluteString {
                words.formUnion(latinWords(text))
                // pdftotext joins a word broken at its hyphen ("dialogue-partner" → "dialoguepartner").
                words.formUnion(latinWords(text.replacingOccurrences(of: "-", with: "")))
                // Or at one of its hyphens only, as in an address broken there ("future-prospects" → "futureprospects").
                let pieces = text.components(separatedBy: "-")
                for (before, after) in zip(pieces, pieces.dropFirst()) {
                    if let end = latinWords(before).last, let start = latinWords(after).first { words.insert(end + start) }
                }
                return
            }
            for child in Mirror(reflecting: value).children { collect(child.value, label: child.label) }
        }
        let corpus = Fixtures.corpus
        for records in [corpus.sources as [Any], corpus.attacks, corpus.exercises, corpus.documents, corpus.indicators, corpus.countries] {
            for record in records { collect(record, label: nil) }
        }
        return words
    }()

    static func latinWords(_ text: String) -> [String] {
        // A closing quote after a word ("‘three forces’") is punctuation, not part of the word.
        text.matches(of: #/[A-Za-z][A-Za-z'’]*/#).map { String($0.output).trimmingCharacters(in: CharacterSet(charactersIn: "'’")) }
    }

    @Test(arguments: [ReportLanguage.russian, .chinese])
    func editionHasNoEnglishBeyondDataAndNames(language: ReportLanguage) throws {
        let (report, path) = try #require(Self.editions[language])
        let text = try ExternalTool.run("pdftotext", [path, "-"])
        // The appendix quotes each table's coverage note and each public record's note as the corpus words them.
        let notes = report.dataNotes.map(\.note) + Fixtures.corpus.sources.filter { $0.kind == "public-record" }.compactMap(\.notes)
        let quoted = Set((notes + notes.map { $0.replacingOccurrences(of: "-", with: "") }).flatMap(Self.latinWords)).union(Self.knownUntranslated.flatMap(Self.latinWords))
        // A word broken across lines by pdftotext's column layout is still checked as its parts.
        // Links are addresses, not words (pdftotext also joins one broken at a hyphen).
        let words = Self.latinWords(text.replacingOccurrences(of: #"https?://\S+"#, with: " ", options: .regularExpression))
        let stray = Set(words).subtracting(Self.dataWords).subtracting(quoted).subtracting(Self.latinAllowed)
        #expect(stray.isEmpty, "\(language.rawValue) edition has English words the tool wrote: \(stray.sorted().joined(separator: ", "))")
    }

    @Test(arguments: [ReportLanguage.russian, .chinese])
    func placeholdersKeepTheEnglishNumbers(language: ReportLanguage) throws {
        // The same figures as the English briefing, recomputed here from the records, in the edition's conventions.
        let (report, path) = try #require(Self.editions[language])
        let text = try ExternalTool.run("pdftotext", [path, "-"]).replacingOccurrences(of: "\n", with: "")
        let attacks = Fixtures.corpus.attacks.filter { (2001...2011).contains($0.date.year) }
        let killed = attacks.compactMap(\.killed.count).reduce(0, +)
        // pdftotext writes the narrow no-break space between thousands as a space.
        #expect(text.contains(report.localiser.grouped(killed).replacingOccurrences(of: "\u{202F}", with: " ")), "no killed total \(killed)")
        // 27 attacks in 11 years: 2.45 a year.
        #expect(text.contains(language == .russian ? "2,45" : "2.45"))
    }
}

/// Figure descriptions read from a chart's data, in each language.
@Suite struct FigureDescriptionTests {
    static let data = ResultTable(columns: [.init("country"), .init("count", alignment: .right)],
                                  rows: [[.text("KGZ"), .integer(4)], [.text("RUS"), .integer(1300)], [.text("CHN"), .integer(4)], [.text("TJK"), .integer(1)]])

    @Test func largestValuesWithCountryNamesAndLocalNumbers() {
        let en = Localiser(language: .english, corpus: Fixtures.corpus)
        #expect(FigureDescription.largestValues(Self.data, localiser: en) == "Russia: 1,300; Kyrgyzstan: 4; China: 4")
        let ru = Localiser(language: .russian, corpus: Fixtures.corpus)
        #expect(FigureDescription.text(label: "Рисунок 2", caption: "Нападения.", data: Self.data, localiser: ru)
                == "Рисунок 2. Нападения. Наибольшие значения: Россия: 1\u{202F}300; Кыргызстан: 4; Китай: 4.")
        let zh = Localiser(language: .chinese, corpus: Fixtures.corpus)
        #expect(FigureDescription.largestValues(Self.data, localiser: zh) == "俄罗斯：1,300；吉尔吉斯斯坦：4；中国：4")
    }

    @Test func dataWithSeveralNumberColumnsGetsNoSummary() {
        let table = ResultTable(columns: [.init("end of"), .init("members"), .init("observers")], rows: [[.integer(2001), .integer(6), .integer(0)]])
        #expect(FigureDescription.largestValues(table, localiser: Localiser(language: .english)) == nil)
    }
}
