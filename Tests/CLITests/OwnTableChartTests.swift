import Foundation
import Testing
import TestSupport

/// `chart KIND --csv`: a table of one's own charted through the real binary, checked in the PDF's
/// text (pdftotext) and pixels (pdftoppm), and refused with a clear error and no output when the
/// mapping cannot be drawn.
@Suite struct OwnTableChartTests {
    static let regions = ["Central Asia", "South Asia", "East Asia"]

    /// 30 rows: ten years × three regions, values that differ by region and year.
    static let yearRegionValue: String = {
        var lines = ["year,region,value"]
        for year in 2015...2024 {
            for (i, region) in regions.enumerated() {
                let value = 10 + 7 * Double(i) + Double(year - 2015) * (1.5 - 0.6 * Double(i))
                lines.append("\(year),\(region),\(value)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let schema = """
    title: Regional spending
    source: Regional statistics offices, 2025 release
    fields:
      - {name: year, type: integer, title: Year}
      - {name: region, type: string, title: Region}
      - {name: value, type: number, title: Spending, unit: USD m}
    """

    /// A folder with my.csv and its sidecar schema.
    static func folder(schema: Bool = true) throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "scobrief-own-table")
        try folder.write("my.csv", Array(yearRegionValue.utf8))
        if schema { try folder.write("my.schema.yaml", Array(Self.schema.utf8)) }
        return folder
    }

    static func text(ofPDF path: String) throws -> [String] {
        try ExternalTool.run("pdftotext", [path, "-"]).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func lineChartColouredByRegionTakesTitlesUnitsAndSourceFromTheSchema() throws {
        let folder = try Self.folder()
        let result = try CLI.run(["chart", "line", "--csv", folder.file("my.csv"), "--x", "year", "--y", "value", "--color", "region",
                                  "-o", folder.file("line.pdf")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Self.text(ofPDF: folder.file("line.pdf"))
        #expect(lines.contains("Spending (USD m)"), "y title is the schema's title and unit: \(lines)")
        #expect(lines.contains("Year"), "x title is the schema's title")
        #expect(lines.contains("Region"), "legend title is the colour column's title")
        for region in Self.regions { #expect(lines.contains(region), "\(region) in the legend") }
        #expect(lines.contains("Source: Regional statistics offices, 2025 release"))
        #expect(!lines.joined(separator: " ").contains("SCOBrief corpus"), "never the corpus's source line for data that is not the corpus")
        // Three lines in three distinct palette colours.
        let image = try PPM(pdf: folder.file("line.pdf"), dpi: 150)
        for color in [PPM.blue, PPM.orange, PPM.third] {
            #expect(image.count(of: color) > 100, "no line in \(color)")
        }
    }

    @Test func textsAreSettableAndTheSourceCanBeLeftOut() throws {
        let folder = try Self.folder()
        let result = try CLI.run(["chart", "line", "--csv", folder.file("my.csv"), "--x", "year", "--y", "value", "--color", "region",
                                  "--title", "Spending rose everywhere", "--subtitle", "Three regions, 2015–2024", "--x-title", "Calendar year",
                                  "--y-title", "Million dollars", "--legend-title", "Where", "--note", "Nominal values.", "--no-source",
                                  "-o", folder.file("line.pdf")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Self.text(ofPDF: folder.file("line.pdf"))
        for text in ["Spending rose everywhere", "Three regions, 2015–2024", "Calendar year", "Million dollars", "Where", "Nominal values."] {
            #expect(lines.contains(text), "'\(text)' missing from \(lines)")
        }
        #expect(!lines.contains { $0.hasPrefix("Source") }, "--no-source leaves the source line out")
        #expect(!lines.contains("Spending (USD m)") && !lines.contains("Region"), "the defaults gave way to the texts asked for")

        let given = try CLI.run(["chart", "line", "--csv", folder.file("my.csv"), "--x", "year", "--y", "value", "--color", "region",
                                 "--source", "Source: my own survey.", "-o", folder.file("given.pdf")])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(try Self.text(ofPDF: folder.file("given.pdf")).contains("Source: my own survey."))
    }

    /// Whole years on a scatter's x are a time axis: ticks "2016", "2018", never "2,016.0" or a half year.
    @Test(arguments: [true, false])
    func aScatterOverYearsPrintsYears(schema: Bool) throws {
        let folder = try Self.folder(schema: schema)
        let result = try CLI.run(["chart", "scatter", "--csv", folder.file("my.csv"), "--x", "year", "--y", "value", "--color", "region",
                                  "-o", folder.file("scatter.pdf")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Self.text(ofPDF: folder.file("scatter.pdf"))
        let ticks = lines.filter { $0.range(of: #"^[0-9][0-9,.]*$"#, options: .regularExpression) != nil }
        let years = ticks.compactMap(Int.init).filter { (2014...2025).contains($0) }
        #expect(years.count >= 3, "year ticks on x: \(ticks)")
        #expect(!ticks.contains { $0.hasPrefix("2,0") || $0.hasPrefix("20") && $0.contains(".") }, "no grouped or fractional years: \(ticks)")
    }

    @Test func withoutASchemaTitlesAreColumnNamesAndThereIsNoSourceLine() throws {
        let folder = try Self.folder(schema: false)
        let result = try CLI.run(["chart", "line", "--csv", folder.file("my.csv"), "--x", "year", "--y", "value", "--color", "region",
                                  "-o", folder.file("line.pdf")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Self.text(ofPDF: folder.file("line.pdf"))
        #expect(lines.contains("value") && lines.contains("year") && lines.contains("region"))
        #expect(!lines.contains { $0.hasPrefix("Source") || $0.contains("SCOBrief") })
    }

    @Test func dodgedBarsStandSideBySideAndStackedOnesDoNot() throws {
        let folder = try Self.folder()
        let base = ["chart", "bar", "--csv", folder.file("my.csv"), "--x", "year", "--y", "value", "--color", "region"]
        let dodge = try CLI.run(base + ["--position", "dodge", "-o", folder.file("dodge.pdf")])
        #expect(dodge.status == 0, "\(dodge.stderr)")
        let stack = try CLI.run(base + ["--position", "stack", "-o", folder.file("stack.pdf")])
        #expect(stack.status == 0, "\(stack.stderr)")
        let sideBySide = Array(repeating: [PPM.blue, PPM.orange, PPM.third], count: 10).flatMap { $0 }
        // Dodged: one row of pixels just above the baseline crosses all 30 bars, blue–orange–green in every year.
        let dodged = try PPM(pdf: folder.file("dodge.pdf"))
        #expect(dodged.rows.contains { dodged.colorRuns(inRow: $0) == sideBySide }, "no row crosses 30 bars side by side")
        // Stacked: the bottom of every bar is the first series; no row shows the three side by side.
        let stacked = try PPM(pdf: folder.file("stack.pdf"))
        #expect(!stacked.rows.contains { stacked.colorRuns(inRow: $0) == sideBySide })
        #expect(stacked.rows.contains { stacked.colorRuns(inRow: $0) == Array(repeating: PPM.blue, count: 10) })
        #expect(try Self.text(ofPDF: folder.file("dodge.pdf")).contains("Spending (USD m)"))
    }

    static let twoPeriods = """
    period,region,rate
    2001-2011,Central Asia,4.2
    2001-2011,South Asia,2.1
    2001-2011,East Asia,0.8
    2024,Central Asia,1.1
    2024,South Asia,3.5
    2024,East Asia,0.9

    """

    @Test func aTwoPeriodTableAsDumbbellAndSlope() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-own-table")
        try folder.write("rates.csv", Array(Self.twoPeriods.utf8))
        for kind in ["dumbbell", "slope"] {
            let result = try CLI.run(["chart", kind, "--csv", folder.file("rates.csv"), "--x", "period", "--y", "rate", "--color", "region",
                                      "--source", "Source: toy rates.", "-o", folder.file("\(kind).pdf")])
            #expect(result.status == 0, "\(kind): \(result.stderr)")
            let lines = try Self.text(ofPDF: folder.file("\(kind).pdf"))
            #expect(lines.contains("2001-2011") && lines.contains("2024"), "\(kind): periods named: \(lines)")
            #expect(lines.contains("Source: toy rates."))
            for region in Self.regions { #expect(lines.contains { $0.contains(region) }, "\(kind): \(region)") }
            if kind == "slope" {
                #expect(lines.contains("Central Asia 4.2") && lines.contains("1.1 Central Asia"), "\(lines)")
                #expect(lines.contains("South Asia 2.1") && lines.contains("3.5 South Asia"))
            }
        }
        // The same comparison from two columns, one per period.
        try folder.write("wide.csv", Array("region,y2001,y2024\nCentral Asia,4.2,1.1\nSouth Asia,2.1,3.5\nEast Asia,0.8,\n".utf8))
        let wide = try CLI.run(["chart", "slope", "--csv", folder.file("wide.csv"), "--y", "y2001,y2024", "--color", "region",
                                "-o", folder.file("wide.pdf")])
        #expect(wide.status == 0, "\(wide.stderr)")
        let lines = try Self.text(ofPDF: folder.file("wide.pdf"))
        #expect(lines.contains("Central Asia 4.2") && lines.contains("1.1 Central Asia"))
        // East Asia's 2024 value is missing: labelled at the start only, never drawn as 0.
        #expect(lines.contains("East Asia 0.80") && !lines.contains { $0.hasSuffix(" East Asia") }, "\(lines)")
    }

    @Test func aggregationCountsAndSumsOnRequest() throws {
        let folder = try Self.folder()
        let count = try CLI.run(["chart", "bar", "--csv", folder.file("my.csv"), "--x", "region", "--y", "count", "-o", folder.file("count.pdf")])
        #expect(count.status == 0, "\(count.stderr)")
        #expect(try Self.text(ofPDF: folder.file("count.pdf")).contains("Count of rows"))
        let sum = try CLI.run(["chart", "bar", "--csv", folder.file("my.csv"), "--x", "region", "--y", "sum:value", "-o", folder.file("sum.pdf")])
        #expect(sum.status == 0, "\(sum.stderr)")
        #expect(try Self.text(ofPDF: folder.file("sum.pdf")).contains("Sum of Spending (USD m)"))
    }

    @Test(arguments: [
        (["bar", "--x", "year", "--y", "value"], "rows on lines 2, 3 and 4 share year 2015", "--y sum:value"),
        (["line", "--x", "year", "--y", "valeu", "--color", "region"], "no column 'valeu' (--y); the columns are year, region, value", "did you mean 'value'?"),
        (["line", "--x", "year", "--y", "region"], "--y region is a text column", "--y count"),
        (["line", "--x", "region", "--y", "value"], "a line chart runs along years, dates or numbers", "use bar for categories"),
        (["bar", "--x", "year", "--y", "value", "--color", "region", "--size", "value"], "size 'value' does not apply to a bar chart, which reads --x, --y, --color", "the kinds that use --size are scatter; leave --size out"),
        (["bar", "--x", "year", "--y", "value", "--position", "beside"], "--position must be stack, dodge or fill", "--position"),
        (["dumbbell", "--x", "year", "--y", "value", "--color", "region"], "compares exactly two periods; --x year has 10", "--y A,B"),
        (["timeline", "--x", "year", "--y", "value"], "draws dated events of the corpus", "bar, line"),
        (["bar", "--table", "attacks", "--x", "year", "--y", "value"], "--table selects corpus data", "--x, --y, --color"),
    ] as [([String], String, String)])
    func mappingsThatCannotBeDrawnAreRefusedWithNoOutput(arguments: [String], message: String, hint: String) throws {
        let folder = try Self.folder()
        let output = folder.file("out.pdf")
        let result = try CLI.run(["chart", arguments[0], "--csv", folder.file("my.csv")] + arguments.dropFirst() + ["-o", output])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains(hint), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output), "no output on error")
    }

    @Test func aCorpusTableMapsItsColumnsTheSameWay() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-own-table")
        let result = try CLI.run(["chart", "bar", "--table", "attacks", "--x", "year", "--y", "count", "--color", "country",
                                  "--position", "dodge", "-o", folder.file("attacks.pdf")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Self.text(ofPDF: folder.file("attacks.pdf"))
        #expect(lines.contains("Country") && lines.contains("Russia") && lines.contains("Year"))
        #expect(lines.joined(separator: " ").contains("Compiled in the SCOBrief corpus"), "corpus data keep the corpus's source line")
        let preset = try CLI.run(["chart", "attacks-per-year", "--color", "country", "-o", folder.file("preset.pdf")])
        #expect(preset.status != 0 && preset.stderr.contains("presets, membership and indicators take --x, --y and --by"), "\(preset.stderr)")
    }

    @Test func moreSeriesThanDistinctColoursAreRefusedWithAHintToFacet() throws {
        let folder = try TemporaryFolder(prefix: "scobrief-own-table")
        var lines = ["year,group,value"]
        for g in 1...19 { for year in 2020...2021 { lines.append("\(year),g\(g),\(g)") } }
        try folder.write("many.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
        let result = try CLI.run(["chart", "line", "--csv", folder.file("many.csv"), "--x", "year", "--y", "value", "--color", "group",
                                  "-o", folder.file("out.pdf")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("19 series in --color group, more than the 18 distinct colours"), "\(result.stderr)")
        #expect(result.stderr.contains("--facet"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("out.pdf")))
        // 18 series draw, each in its own colour (the print-safe palette's 9, then Tol's muted 9).
        let seventeen = lines.filter { !$0.contains(",g19,") }.joined(separator: "\n") + "\n"
        try folder.write("seventeen.csv", Array(seventeen.utf8))
        let drawn = try CLI.run(["chart", "line", "--csv", folder.file("seventeen.csv"), "--x", "year", "--y", "value", "--color", "group",
                                 "-o", folder.file("ok.pdf")])
        #expect(drawn.status == 0, "\(drawn.stderr)")
    }
}

/// A page rasterized by pdftoppm as binary PPM, read for its colours.
struct PPM {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    /// The themes' print-safe palette: blue, orange, then black (not Okabe–Ito's green).
    static let blue = 0x0072B2, orange = 0xE69F00, third = 0x000000

    init(pdf: String, dpi: Int = 100) throws {
        let folder = try TemporaryFolder(prefix: "scobrief-ppm")
        _ = try ExternalTool.run("pdftoppm", ["-r", String(dpi), "-singlefile", pdf, folder.file("page")])
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.file("page.ppm"))))
        // Header: "P6", width, height, maxval, each followed by whitespace.
        var fields: [Int] = []
        var i = 2
        while fields.count < 3 {
            while bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            var n = 0
            while bytes[i] >= 0x30 && bytes[i] <= 0x39 { n = n * 10 + Int(bytes[i] - 0x30); i += 1 }
            fields.append(n)
        }
        i += 1
        width = fields[0]
        height = fields[1]
        pixels = Array(bytes[i...])
    }

    var rows: Range<Int> { 0..<height }

    func rgb(_ x: Int, _ y: Int) -> Int {
        let o = (y * width + x) * 3
        return Int(pixels[o]) << 16 | Int(pixels[o + 1]) << 8 | Int(pixels[o + 2])
    }

    static func close(_ a: Int, _ b: Int) -> Bool {
        abs((a >> 16) - (b >> 16)) <= 6 && abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)) <= 6 && abs((a & 0xFF) - (b & 0xFF)) <= 6
    }

    /// Pixels of (nearly) this colour on the page.
    func count(of color: Int) -> Int {
        var n = 0
        for y in 0..<height { for x in 0..<width where Self.close(rgb(x, y), color) { n += 1 } }
        return n
    }

    /// The palette colours met along a row, left to right, one entry per bar at least 3 pixels wide.
    /// A bar's hatching crosses it in thin lines: pixels of one colour separated by gaps of under
    /// 4 other pixels are the same bar.
    func colorRuns(inRow y: Int) -> [Int] {
        var segments: [(color: Int?, length: Int)] = []
        for x in 0..<width {
            let c = [Self.blue, Self.orange, Self.third].first { Self.close(rgb(x, y), $0) }
            if let last = segments.last, last.color == c { segments[segments.count - 1].length += 1 } else { segments.append((c, 1)) }
        }
        var merged: [(color: Int?, length: Int)] = []
        for segment in segments {
            if let color = segment.color, merged.count >= 2, merged[merged.count - 1].color == nil,
               merged[merged.count - 1].length <= 3, merged[merged.count - 2].color == color {
                let gap = merged.removeLast()
                merged[merged.count - 1].length += gap.length + segment.length
            } else {
                merged.append(segment)
            }
        }
        // Black is also the axis's and labels' ink: the bars start at the first blue one.
        return Array(merged.filter { $0.length >= 3 }.compactMap(\.color).drop { $0 != Self.blue })
    }
}
