import Foundation
import Testing
import TestSupport

/// `chart KIND --csv FILE --facet COL`: one panel per value, through the real binary, for every
/// kind that splits into panels, alone and with `--color`; checked in the PDF's text (pdftotext)
/// and pixels (pdftoppm). Dumbbell and slope refuse it with the reason.
@Suite struct OwnTableFacetTests {
    static let regions = ["North", "South", "East"]
    static let scale: [String: Double] = ["North": 10, "South": 20, "East": 40]

    /// year × region × sector: 6 × 3 × 2 rows; each region's values are a multiple of North's
    /// (1, 2, 4), so panels on one shared scale have bars in those proportions.
    static func table(regions: [String] = regions) -> String {
        var lines = ["year,region,sector,value"]
        for year in 2019...2024 {
            for region in regions {
                for (sector, share) in [("public", 1.0), ("private", 0.5)] {
                    lines.append("\(year),\(region),\(sector),\((scale[region] ?? 10) * (1 + 0.1 * Double(year - 2019)) * share)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func folder(_ csv: String = table()) throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "scobrief-facet")
        try folder.write("my.csv", Array(csv.utf8))
        return folder
    }

    static func chart(_ folder: TemporaryFolder, _ arguments: [String], to name: String = "out.pdf") throws -> CLIResult {
        try CLI.run(["chart"] + arguments.prefix(1) + ["--csv", folder.file("my.csv")] + arguments.dropFirst() + ["-o", folder.file(name)])
    }

    @Test(arguments: [
        ["bar", "--x", "year", "--y", "value", "--color", "sector"],
        ["bar", "--x", "year", "--y", "value", "--color", "sector", "--position", "dodge"],
        ["bar", "--x", "year", "--y", "value", "--color", "sector", "--position", "fill"],
        ["bar", "--x", "year", "--y", "value", "--color", "sector", "--flip"],
        ["line", "--x", "year", "--y", "value", "--color", "sector"],
        ["step", "--x", "year", "--y", "value", "--color", "sector"],
        ["area", "--x", "year", "--y", "value", "--color", "sector"],
        ["scatter", "--x", "year", "--y", "value", "--color", "sector"],
    ])
    func everyKindSplitsIntoLabelledPanelsWithColours(arguments: [String]) throws {
        let folder = try Self.folder()
        // Without panels, (year, sector) repeats across regions: bars and lines would draw over each other.
        if arguments[0] != "scatter" {
            let flat = try Self.chart(folder, arguments, to: "flat.pdf")
            #expect(flat.status != 0 && flat.stderr.contains("drawn over each other"), "\(arguments): \(flat.stderr)")
        }
        let result = try Self.chart(folder, arguments + ["--facet", "region"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let text = try OwnTableChartTests.text(ofPDF: folder.file("out.pdf"))
        for region in Self.regions { #expect(text.contains(region), "\(arguments): panel label \(region) missing from \(text)") }
        // One legend for all panels: each sector is named once.
        #expect(text.filter { $0 == "public" }.count == 1 && text.filter { $0 == "private" }.count == 1, "\(arguments): \(text)")
        // Both sectors drawn in their colours (blue and orange hues, also where scatter points are
        // translucent), the same in every panel.
        let image = try PPM(pdf: folder.file("out.pdf"), dpi: 100)
        let thirds = (0..<3).map { i in (i * image.width / 3)..<((i + 1) * image.width / 3) }
        let hues: [(String, (Int, Int, Int) -> Bool)] = [("blue", { r, _, b in b - r > 60 }), ("orange", { r, g, b in r - b > 100 && g > 100 })]
        for (name, isHue) in hues {
            for (region, columns) in zip(Self.regions, thirds) {
                #expect(image.count(columns: columns, where: isHue) > 15, "\(arguments): no \(name) in the \(region) panel")
            }
        }
    }

    @Test func heatMapPanelsShareOneColourBar() throws {
        let folder = try Self.folder()
        let result = try Self.chart(folder, ["heatmap", "--x", "year", "--y", "sector", "--fill", "value", "--facet", "region"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try OwnTableChartTests.text(ofPDF: folder.file("out.pdf"))
        for region in Self.regions { #expect(text.contains(region)) }
        // One colour bar reaching East's largest value (40 × 1.5 = 60), so North's cells are pale beside East's.
        #expect(text.contains("60"), "\(text)")
        #expect(text.filter { $0 == "value" }.count == 1, "one colour bar title: \(text)")
    }

    /// Bars measured in pixels: with one shared y scale, the tallest bar of each panel stands in
    /// the ratio of the panels' largest sums (2024: North 22.5, South 45, East 90, so 1 : 2 : 4).
    @Test func panelsShareTheYScaleSoBarHeightsCompare() throws {
        let folder = try Self.folder()
        let result = try Self.chart(folder, ["bar", "--x", "year", "--y", "sum:value", "--facet", "region", "--width", "240mm", "--height", "90mm"])
        #expect(result.status == 0, "\(result.stderr)")
        let image = try PPM(pdf: folder.file("out.pdf"), dpi: 100)
        let heights = (0..<3).map { i in
            ((i * image.width / 3)..<((i + 1) * image.width / 3)).map { x in image.rows.filter { PPM.close(image.rgb(x, $0), PPM.blue) }.count }.max() ?? 0
        }
        #expect(heights.allSatisfy { $0 > 10 }, "\(heights)")
        let ratios = heights.map { Double($0) / Double(heights[0]) }
        #expect(abs(ratios[1] - 2) < 0.1 && abs(ratios[2] - 4) < 0.15, "bar heights \(heights): ratios \(ratios), expected 1 : 2 : 4")
    }

    /// Five panels wrap into a grid of three columns and two rows.
    @Test func panelsWrapIntoRows() throws {
        let folder = try Self.folder(Self.table(regions: ["North", "South", "East", "West", "Centre"]))
        let result = try Self.chart(folder, ["line", "--x", "year", "--y", "value", "--color", "sector", "--facet", "region"])
        #expect(result.status == 0, "\(result.stderr)")
        let image = try PPM(pdf: folder.file("out.pdf"), dpi: 100)
        let halves = [0..<(image.height / 2), (image.height / 2)..<image.height]
        for half in halves {
            let blue = half.reduce(0) { sum, y in sum + (0..<image.width).filter { PPM.close(image.rgb($0, y), PPM.blue) }.count }
            #expect(blue > 50, "lines in both rows of panels: \(blue) blue pixels in rows \(half)")
        }
        let text = try OwnTableChartTests.text(ofPDF: folder.file("out.pdf"))
        for region in ["North", "South", "East", "West", "Centre"] { #expect(text.contains(region)) }
    }

    @Test(arguments: [
        (["dumbbell", "--x", "year", "--y", "value", "--color", "sector", "--facet", "region"], "facet 'region' does not apply to a dumbbell chart, which already gives each --color row its own line"),
        (["slope", "--x", "year", "--y", "value", "--color", "sector", "--facet", "region"], "facet 'region' does not apply to a slope chart"),
        (["line", "--x", "year", "--y", "value", "--color", "sector", "--facet", "sector"], "--facet sector is also --color"),
        (["line", "--x", "year", "--y", "value", "--color", "sector", "--facet", "regoin"], "did you mean 'region'"),
    ])
    func facetsThatCannotBeDrawnAreRefused(arguments: [String], expected: String) throws {
        let folder = try Self.folder()
        let result = try Self.chart(folder, arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out.pdf")))
    }

    static let fields = "fields:\n  - {name: year, type: year}\n  - {name: region}\n  - {name: sector}\n  - {name: value, type: number}\n"

    /// A schema's coverage is enforced: a row dated after it is refused with the reason, never drawn.
    @Test func rowsOutsideTheSchemasCoverageAreRefused() throws {
        let folder = try Self.folder()
        try folder.write("my.schema.yaml", Array(("coverage: {from: 2019, to: 2023}\n" + Self.fields).utf8))
        let result = try Self.chart(folder, ["bar", "--x", "year", "--y", "sum:value", "--color", "sector"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("year 2024 lies outside the coverage the schema states (2019–2023)"), "\(result.stderr)")
        #expect(result.stderr.contains("my.csv:"), "points at the row: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out.pdf")))
        // Inside the coverage the same chart draws.
        try folder.write("my.schema.yaml", Array(("coverage: {from: 2019, to: 2024}\n" + Self.fields).utf8))
        #expect(try Self.chart(folder, ["bar", "--x", "year", "--y", "sum:value", "--color", "sector"]).status == 0)
    }
}

extension PPM {
    /// Pixels within the given columns whose red, green and blue pass `test`.
    func count(columns: Range<Int>, where test: (Int, Int, Int) -> Bool) -> Int {
        var n = 0
        for y in 0..<height {
            for x in columns {
                let c = rgb(x, y)
                if test(c >> 16, c >> 8 & 0xFF, c & 0xFF) { n += 1 }
            }
        }
        return n
    }
}
