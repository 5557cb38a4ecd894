import Foundation
import Render
import RenderCairo
@testable import Report
import Testing
import TestSupport

/// The briefing's body typography, measured on the real PDF with pdftotext's word boxes: line
/// length, word spacing, no-break references and the editorial style the tool applies.
@Suite struct BodyTypographyTests {
    struct Line {
        var xMin: Double, height: Double, yMax: Double
        var words: [(xMin: Double, xMax: Double, text: String)]
        var text: String { words.map(\.text).joined(separator: " ") }
    }

    /// Every line pdftotext -bbox-layout finds, with its words' boxes; from page `first` (0-based) on.
    static func lines(_ pdf: Data, from first: Int = 0) throws -> [Line] {
        let pages = try ExternalTool.inspect(pdf: pdf, with: "pdftotext", ["-bbox-layout"]).components(separatedBy: "<page ")
        let xml = pages.dropFirst(1 + first).joined(separator: "<page ")
        let linePattern = try NSRegularExpression(pattern: #"<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>"#,
                                                  options: [.dotMatchesLineSeparators])
        let wordPattern = try NSRegularExpression(pattern: #"<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>"#)
        let ns = xml as NSString
        return linePattern.matches(in: xml, range: NSRange(location: 0, length: ns.length)).map { match in
            let body = ns.substring(with: match.range(at: 4)) as NSString
            let words = wordPattern.matches(in: body as String, range: NSRange(location: 0, length: body.length)).map { word in
                (Double(body.substring(with: word.range(at: 1)))!, Double(body.substring(with: word.range(at: 2)))!, body.substring(with: word.range(at: 3)))
            }
            return Line(xMin: Double(ns.substring(with: match.range(at: 1)))!,
                        height: Double(ns.substring(with: match.range(at: 3)))! - Double(ns.substring(with: match.range(at: 2)))!,
                        yMax: Double(ns.substring(with: match.range(at: 3)))!, words: words)
        }
    }

    static let briefing: Data = {
        let report = try! ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec("briefing.yaml"))
        return try! BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).pdf()
    }()

    /// Body lines: at the text's left edge, with the line height of a known body sentence.
    static func bodyLines() throws -> [Line] {
        let all = try lines(briefing)
        let known = try #require(all.first { $0.text.hasPrefix("The Shanghai Cooperation Organisation grew") })
        return all.filter { abs($0.xMin - known.xMin) < 1 && abs($0.height - known.height) < 0.05 && $0.words.count >= 3 }
    }

    /// The issue measured a median of 107 characters a line; the body measure is 66 average
    /// characters, so ragged lines run 60–75 with none past 80.
    @Test func bodyLinesHoldSixtyToSeventyFiveCharacters() throws {
        let body = try Self.bodyLines()
        #expect(body.count > 40)
        let lengths = body.map(\.text.count).sorted()
        let median = lengths[lengths.count / 2]
        #expect((60...75).contains(median), "median body line \(median) characters")
        #expect(lengths.last! <= 80, "longest body line \(lengths.last!) characters")
    }

    /// Ragged-right: no line stretches its word spaces (the justified setting had spaces of 2.08×
    /// normal). Each line's widest gap between words is within 1.35× the median gap of all lines.
    @Test func wordSpacesStayNormal() throws {
        let body = try Self.bodyLines()
        let gaps = body.flatMap { line in zip(line.words, line.words.dropFirst()).map { $1.xMin - $0.xMax } }.sorted()
        let normal = gaps[gaps.count / 2]
        let loosest = gaps.last!
        #expect(loosest / normal < 1.35, "loosest word space \(loosest / normal)× normal")
    }

    /// Captions are set at about 68 characters of their face, not the full column (where they ran
    /// past 110): no caption line is longer than 76 characters, and long captions do fill the measure.
    @Test func captionsHoldAboutSixtyEightCharacters() throws {
        // The body pages only: the contents lists "Figure 3. …" too, at the full width.
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec("briefing.yaml"))
        let bodyPages = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).bodyPagePlans().count
        let pageCount = try ExternalTool.inspect(pdf: Self.briefing, with: "pdftotext", ["-bbox-layout"]).components(separatedBy: "<page ").count - 1
        let all = try Self.lines(Self.briefing, from: pageCount - bodyPages)
        let firstLines = all.filter { $0.text.firstMatch(of: #/^(Figure|Table) \d+\. /#) != nil && $0.words.count >= 4 }
        #expect(firstLines.count >= 8, "caption lines found: \(firstLines.count)")
        let lengths = firstLines.map(\.text.count)
        #expect(lengths.max()! <= 76, "longest caption line \(lengths.max()!) characters")
        #expect(lengths.max()! >= 58, "no caption fills its measure: \(lengths)")
    }

    /// References keep their number ("Figure 6" has a no-break space), spans after "between" read
    /// "2002 and 2024", quotes are typographic and no internal id is printed.
    @Test func editorialStyle() throws {
        let text = try ExternalTool.inspect(pdf: Self.briefing, with: "pdftotext")
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let split = lines.filter { $0.hasSuffix("Figure") || $0.hasSuffix("Table") || $0.hasSuffix("(Figure") || $0.hasSuffix("(Table") }
        #expect(split.isEmpty, "a reference broken across lines: \(split)")
        let joined = lines.joined(separator: " ")
        #expect(joined.range(of: #"between \d{4}–\d{4}"#, options: .regularExpression) == nil)
        #expect(joined.contains("joint exercises between 2002 and 2024"))
        for id in ["mei-2024-sssh-article", "public-record-membership", "joint-exercise"] {
            #expect(!text.contains(id), "\(id) printed")
        }
        let body = try Self.bodyLines().map(\.text).joined(separator: " ")
        #expect(!body.contains("\""), "a straight double quote in the body text")
        #expect(body.contains("Zhao’s"))
        // A table names countries as the figures do, and writes dates in words.
        #expect(!lines.contains("CHN"))
        #expect(lines.contains("April 2001"))
    }

    /// The key figures' numbers share a baseline, "1,300" under its "more than" included (it sat
    /// 12.5 pt lower): the bottoms of the big numbers' boxes differ by less than half a point.
    @Test func keyFiguresShareABaseline() throws {
        let all = try Self.lines(Self.briefing)
        // The big numbers are the lines in the key figures' type: as tall as the "1,300" box's line.
        let bound = try #require(all.first { $0.text == "1,300" && $0.height > 20 })
        let numbers = all.filter { abs($0.height - bound.height) < 0.5 && abs($0.yMax - bound.yMax) < 40
            && $0.words.allSatisfy { $0.text.allSatisfy { $0.isNumber || $0 == "," } } }
        #expect(numbers.count >= 4, "key figures found: \(numbers.map(\.text))")
        #expect(numbers.contains { $0.text == "1,300" })
        let bottoms = numbers.map(\.yMax)
        #expect(bottoms.max()! - bottoms.min()! < 0.5, "baselines \(zip(numbers.map(\.text), bottoms).map { "\($0) \($1)" })")
    }

    /// No page foot is left more than a third of the text height empty (the issue found 76 mm on
    /// page 7 and 62 mm on page 8) unless a heading forces it: the lowest text of each page, from
    /// pdftotext's boxes, against the bottom margin. The paginator records why each body page
    /// ends; a foot may stay empty only where the heading with the start of what follows it
    /// (kept together), or a figure that may not float past the next heading, needed more room
    /// than was left, and the room the PDF leaves is the room the paginator saw.
    @Test func pageFeetAreNotLeftEmpty() throws {
        let xml = try ExternalTool.inspect(pdf: Self.briefing, with: "pdftotext", ["-bbox-layout"])
        let pages = xml.components(separatedBy: "<page ").dropFirst()
        let report = try ReportBuilder(corpus: Fixtures.corpus).build(Fixtures.spec("briefing.yaml"))
        let plans = try BriefingWriter(report: report, corpus: Fixtures.corpus, backends: .cairo()).bodyPagePlans()
        let margins = report.metadata.margins
        #expect(pages.count > 5 && plans.count < pages.count)
        let frontPages = pages.count - plans.count
        for (index, page) in pages.enumerated().dropLast() {
            let size = try #require(page.firstMatch(of: #/height="([\d.]+)"/#))
            let height = try #require(Double(size.1))
            let bottom = height - margins.bottom
            let lowest = page.matches(of: #/<line xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)"/#)
                .compactMap { Double($0.1) }.filter { $0 <= bottom + 1 }.max() ?? 0
            let empty = bottom - lowest
            guard empty >= (bottom - margins.top) / 3 else { continue }
            let description = "page \(index + 1): \(Length.pt(empty).millimetres) mm empty at the foot"
            guard index >= frontPages else {
                Issue.record("\(description) (front matter)")
                continue
            }
            switch plans[index - frontPages].end {
            case let .heading(needed, left), let .floatBeforeHeading(needed, left):
                #expect(needed > left, "\(description): what moved on needed \(needed) pt of the \(left) pt left")
                // The paginator's room is the PDF's: the empty foot is the room left, less no more
                // than the space after the page's last block and its last line's descent.
                #expect(empty >= left - 1 && empty - left < 20, "\(description), but the paginator saw \(left) pt left")
            case let other:
                Issue.record("\(description), and no heading forced it (the page ended: \(other))")
            }
        }
    }
}
