import Foundation
import Testing
@testable import Dataset
import RenderCairo
@testable import Report
import Support
import TestSupport

/// The shipped briefing, built once and checked the way a reader would: its text, its pages, its links.
@Suite(.serialized) struct BriefingTests {
    static let built: (report: BuiltReport, pdf: Data, path: String) = {
        let report = try! ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec("briefing.yaml"))
        let pdf = try! BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo(), creationDate: Self.date).pdf()
        let path = try! Fixtures.temporaryDirectory() + "/briefing.pdf"
        try! pdf.write(to: URL(fileURLWithPath: path))
        return (report, pdf, path)
    }()

    /// A fixed creation date, so two builds in this process can be compared byte for byte.
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    var text: String { (try? ExternalTool.run("pdftotext", ["-layout", Self.built.path, "-"])) ?? "" }

    @Test func holdsTheHeadingsAndCaptions() throws {
        let text = self.text
        for heading in ["Key figures", "Attacks named in the sources, 2001–2011", "The 2024 picture", "Joint exercises",
                        "Growth of the legal base", "Membership", "RATS results, 2017 and 2024", "2001–2011 compared with 2024",
                        "Sources", "About the data", "Contents"] {
            #expect(text.contains(heading), "missing heading \(heading)")
        }
        for figure in Self.built.report.figures {
            #expect(text.contains("Figure \(figure.number)."), "missing caption of \(figure.label)")
        }
        for table in Self.built.report.tables {
            #expect(text.contains("Table \(table.number)."), "missing caption of \(table.label)")
        }
    }

    /// No row of the corpus is named by its id: the lower-bound note names the Iran row by place
    /// and year, and no "atk-…", "ex-…" or "doc-…" id reaches the page.
    @Test func noRowIsNamedByItsID() throws {
        let text = self.text.replacingOccurrences(of: "\n", with: " ")
        let ids = Fixtures.corpus.attacks.map(\.id) + Fixtures.corpus.exercises.map(\.id) + Fixtures.corpus.documents.map(\.id)
        #expect(!ids.isEmpty)
        let printed = ids.filter { text.contains($0) }
        #expect(printed.isEmpty, "ids on the page: \(printed)")
        #expect(text.contains("does not tell apart (Iran, 2024)"), "the lower-bound note names its row")
    }

    /// The numbers in the prose, recomputed here from the records without the analysis code.
    @Test func numbersInTheTextMatchTheCorpus() throws {
        let text = self.text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        let corpus = Fixtures.corpus
        let listed = corpus.attacks.filter { (2001...2011).contains($0.date.year) }
        let killed = listed.compactMap(\.killed.value).reduce(0, +)
        let withToll = listed.filter { $0.killed.isKnown }.count
        #expect(text.contains("Of the \(listed.count) attacks the sources name for these years, \(withToll) come with a death toll"))
        #expect(text.contains("killed \(NumberText.grouped(Int(killed))) people"))
        let members2024 = corpus.membership.filter { ($0.status == .member || $0.status == .foundingMember) && $0.isActive(on: DayDate(year: 2024, month: 12, day: 31)) }.count
        #expect(text.contains("to \(members2024) members by the end of 2024"))
        #expect(text.contains("the sources name \(corpus.exercises.count) joint exercises"))
        #expect(text.contains("more than 1,300"))
        // Growth of the cumulative count 2001–2017 counts from the first record (1996), not from 2001.
        let documentYears = corpus.documents.compactMap(\.date?.year)
        let base = Double(documentYears.filter { $0 <= 2001 }.count), end = Double(documentYears.filter { $0 <= 2017 }.count)
        let growth = String(format: "%.1f%%", (pow(end / base, 1.0 / 16) - 1) * 100)
        #expect(documentYears.min() == 1996 && growth == "15.5%")
        #expect(text.contains("a compound growth of \(growth) a year"))
    }

    /// The callout states the headline comparison and points, by its number, at the table that shows it.
    @Test func calloutPointsAtTheComparisonTable() throws {
        let text = self.text.replacingOccurrences(of: "\n", with: " ")
        let table = try #require(Self.built.report.tables.first { $0.id == "tab-compare" })
        #expect(text.contains("The headline, and its limits"))
        #expect(text.contains("See \(table.label)."))
    }

    @Test func everyPageHasInk() throws {
        let folder = try Fixtures.temporaryDirectory()
        _ = try ExternalTool.run("pdftoppm", ["-r", "20", "-gray", Self.built.path, folder + "/page"])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".pgm") }.sorted()
        let pageCount = Int(try ExternalTool.run("pdfinfo", [Self.built.path]).split(separator: "\n")
            .first { $0.hasPrefix("Pages:") }!.split(separator: " ").last!)!
        #expect(pages.count == pageCount)
        #expect(pageCount >= 8)
        for page in pages {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + page))
            // A PGM body after its header: count pixels darker than near-white.
            let dark = data.suffix(data.count - 20).filter { $0 < 200 }.count
            #expect(dark > 200, "\(page) is blank")
        }
    }

    @Test func outlineDestinationsAndLinksArePresent() throws {
        let raw = String(decoding: Self.built.pdf, as: UTF8.self)
        #expect(raw.contains("/Outlines"))
        #expect(raw.components(separatedBy: "/Subtype /Link").count - 1 > 30)
        for figure in Self.built.report.figures { #expect(raw.contains("(\(figure.id))"), "no destination for \(figure.id)") }
        // The "Key figures" section is an outline (bookmark) entry, not merely text on a page.
        #expect(raw.contains("/Title (Key figures)"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let again = try BriefingWriter(report: ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec("briefing.yaml")),
                                       corpus: Fixtures.corpus, backends: .cairo(), creationDate: Self.date).pdf()
        #expect(again == Self.built.pdf)
    }

    @Test func fontsAreEmbedded() throws {
        let fonts = try ExternalTool.run("pdffonts", [Self.built.path]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.contains("yes"), "font not embedded: \(line)")
        }
    }

    @Test func everySourceCitedByAFigureIsInTheAppendix() {
        let cited = Set(Self.built.report.figures.flatMap(\.chart.sourceIDs) + Self.built.report.tables.flatMap(\.sourceIDs))
        #expect(Set(Self.built.report.sourceUses.map(\.source.id)) == cited)
    }
}
