import Foundation
import Testing
@testable import Render

@Suite("Model") struct ModelTests {
    @Test func typedLengthsNeedAUnitAndASaneSize() throws {
        #expect(try Length(checking: "85mm") == .mm(85))
        #expect(try Length(checking: " 6in ") == .inches(6))
        #expect(try Length(checking: "10mm") == .mm(10))
        #expect(throws: LengthInputError.missingUnit("85")) { try Length(checking: "85") }
        #expect(throws: LengthInputError.notALength("wide")) { try Length(checking: "wide") }
        #expect(throws: LengthInputError.outOfRange("3mm", range: Length.saneRange)) { try Length(checking: "3mm") }
        #expect(throws: LengthInputError.outOfRange("-5mm", range: Length.saneRange)) { try Length(checking: "-5mm") }
        #expect(throws: LengthInputError.outOfRange("101cm", range: Length.saneRange)) { try Length(checking: "101cm") }
        #expect(LengthInputError.outOfRange("3mm", range: Length.saneRange).message.contains("from 10 mm to 1000 mm"))
    }

    @Test func lengthsParseWithUnits() throws {
        #expect(Length(parsing: "85mm")!.points == 85 * 72 / 25.4)
        #expect(Length(parsing: "3.5in")!.points == 252)
        #expect(Length(parsing: "240pt")!.points == 240)
        #expect(Length(parsing: " 8.5 cm ")!.millimetres == 85)
        #expect(Length(parsing: "12")!.points == 12)
        #expect(Length(parsing: "85 furlongs") == nil)
        #expect(Length(parsing: "-3mm") == nil)
        let decoded = try JSONDecoder().decode([Length].self, from: Data(#"["85mm", 100]"#.utf8))
        #expect(decoded == [.mm(85), .pt(100)])
        #expect(String(decoding: try JSONEncoder().encode(Length.pt(240)), as: UTF8.self) == #""240pt""#)
    }

    @Test func wilkinsonTicksAreNice() throws {
        let search = TickSearch()
        let a = try #require(search.ticks(from: 0, to: 97, targetCount: 5))
        #expect(a.values == [0, 20, 40, 60, 80, 100] || a.values == [0, 25, 50, 75, 100])
        let b = try #require(search.ticks(from: 0.12, to: 0.87, targetCount: 5))
        #expect(b.step == 0.2 || b.step == 0.25 || b.step == 0.1)
        let years = try #require(TickSearch(integerSteps: true).ticks(from: 2001, to: 2003, targetCount: 8))
        #expect(years.step >= 1, "no half years")
        #expect(years.values.allSatisfy { $0 == $0.rounded() })
        let negative = try #require(search.ticks(from: -37, to: 58, targetCount: 5))
        #expect(negative.values.contains(0), "zero is preferred when in range")
    }

    @Test func numbersFormatForTheirAxis() {
        #expect(NumberFormat.grouped.format(12_500) == "12,500")
        #expect(NumberFormat.grouped.format(1_234_567.5, step: 0.5) == "1,234,567.5")
        #expect(NumberFormat.grouped.format(1, step: 0.5) == "1.0")
        #expect(NumberFormat.grouped.format(-5) == "\u{2212}5")
        #expect(NumberFormat.grouped.format(0) == "0")
        #expect(NumberFormat.year.format(2017) == "2017")
        #expect(NumberFormat.year.format(2017.25, step: 1.0 / 12) == "Apr")
        #expect(NumberFormat.year.format(2018, step: 1.0 / 12) == "2018")
        #expect(NumberFormat.percent.format(0.25, step: 0.05) == "25%")
        #expect(NumberFormat.abbreviated.format(12_500) == "12.5k")
        #expect(NumberFormat.abbreviated.format(3_000_000) == "3M")
    }

    @Test func palettesUseThePublishedColours() {
        #expect(CategoricalPalette.okabeIto.colors.map(\.hex) ==
                ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"])
        // Grey-scale safety: the first three colours differ in lightness.
        let luminance = CategoricalPalette.okabeIto.colors.prefix(3).map(\.relativeLuminance).sorted()
        #expect(zip(luminance, luminance.dropFirst()).allSatisfy { $1 - $0 > 0.08 })
        #expect(ColorMap.viridis.color(at: 0).hex == "#440154")
        #expect(ColorMap.viridis.color(at: 1).hex == "#FDE725")
        #expect(ColorMap.cividis.color(at: 0).hex == "#00224E")
        #expect(ColorMap.cividis.color(at: 1).hex == "#FEE838")
        #expect(PublishedColorTables.viridis.count == 256 && PublishedColorTables.cividis.count == 256)
        // Sequential maps are monotonic in lightness, so they survive grey-scale printing.
        let lightness = (0...10).map { ColorMap.viridis.color(at: Double($0) / 10).relativeLuminance }
        #expect(zip(lightness, lightness.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func divergingScaleCentresOnTheMidpoint() {
        let scale = ColorScale.diverging(.blueRed, domain: -10...40, midpoint: 0)
        let centre = scale.color(for: 0)
        #expect(centre.red > 0.9 && centre.green > 0.9 && centre.blue > 0.9, "midpoint is near white: \(centre.hex)")
        #expect(scale.color(for: -40).blue > scale.color(for: -40).red, "below the midpoint is blue")
        #expect(scale.color(for: 40).red > scale.color(for: 40).blue, "above is red")
    }

    @Test func scalesMapToFractions() {
        #expect(PositionScale.linear(0...10).fraction(5) == 0.5)
        #expect(PositionScale.log(1...100).fraction(10)! == 0.5)
        #expect(PositionScale.log(1...100).fraction(0) == nil)
        let band = BandScale(categories: ["a", "b", "c"], innerPadding: 0.2, outerPadding: 0.1)
        #expect(abs(band.center(0) - (1 - band.center(2))) < 1e-12, "bands are centred on the axis")
        #expect(band.bandwidth < band.step)
    }

    @Test func colorsParseHex() {
        #expect(Color(hex: "#0072B2") == Color(rgb: 0x0072B2))
        #expect(Color(hex: "fff") == .white)
        #expect(Color(hex: "#00000080")!.alpha == 128.0 / 255)
        #expect(Color(hex: "nope") == nil)
    }
}
