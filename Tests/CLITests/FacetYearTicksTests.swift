import Foundation
import Testing
import TestSupport

/// Years along the x axis of a faceted bar chart: every year is labelled when the panels have room,
/// otherwise the labels keep one regular step (every 2nd, 5th, 10th year), and never fewer than two
/// show — nine years in a narrow panel read "2020" alone before. Read from the native SVG's `<text>`.
@Suite struct FacetYearTicksTests {
    /// year × region × sector for `years`, four regions, so the panels wrap into a 2 × 2 grid.
    static func table(_ years: ClosedRange<Int>) -> String {
        var lines = ["year,region,sector,value"]
        for region in ["North", "South", "East", "West"] {
            for sector in ["public", "private"] {
                for year in years { lines.append("\(year),\(region),\(sector),\(year % 7 + 3)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The year labels the chart prints, distinct and in order.
    static func yearLabels(_ years: ClosedRange<Int>, width: String) throws -> [Int] {
        let folder = try TemporaryFolder(prefix: "scobrief-facet-years")
        try folder.write("my.csv", Array(table(years).utf8))
        let result = try CLI.run(["chart", "bar", "--csv", folder.file("my.csv"), "--x", "year", "--y", "value", "--color", "sector",
                                  "--position", "dodge", "--facet", "region", "--width", width, "-o", folder.file("out.svg")])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: folder.file("out.svg"), encoding: .utf8)
        let texts = svg.matches(of: #/<text[^>]*>([^<]*)</text>/#).map { String($0.1) }
        return Array(Set(texts.compactMap { Int($0) }.filter { years.contains($0) })).sorted()
    }

    @Test(arguments: [(2016...2024, "85mm"), (2011...2017, "85mm"), (2001...2024, "85mm"), (2003...2021, "120mm"), (2001...2024, "178mm")])
    func narrowPanelsLabelYearsAtOneRegularStep(years: ClosedRange<Int>, width: String) throws {
        let labels = try Self.yearLabels(years, width: width)
        #expect(labels.count >= 2, "\(years) at \(width): \(labels)")
        let steps = Set(zip(labels, labels.dropFirst()).map { $1 - $0 })
        #expect(steps.count == 1, "one step between labels: \(labels)")
        #expect(steps.allSatisfy { [1, 2, 5, 10, 20, 25].contains($0) }, "a round step: \(labels)")
    }

    @Test func widePanelsLabelEveryYear() throws {
        #expect(try Self.yearLabels(2016...2024, width: "178mm") == Array(2016...2024))
    }
}
