import Foundation
import Testing
@testable import Render
import RenderCairo
import TestSupport

/// Russian and Chinese labels must come out as real glyphs, not as "tofu" boxes: checked through
/// Pango's count of unknown glyphs and through the pixels themselves.
@Suite("Real glyphs for Cyrillic and Chinese") struct GlyphTests {
    let font = FontSpec(family: Theme.defaultFontFamily, size: 40)
    /// An unassigned code point: no font has it, so Pango draws its hex box.
    let unassigned = "\u{0378}"

    /// One text drawn alone, black on white, at 72 dpi (1 pt = 1 pixel).
    func render(_ text: String, language: String = "en") throws -> RasterImage {
        let renderer = ChartRenderer()
        let metrics = renderer.textMeasurer.measure(text, font: font)
        let size = Size(width: metrics.width + 8, height: metrics.height + 8)
        let run = TextRun(text: text, font: font, color: .black, position: Point(x: 4, y: 4), anchor: .topLeft,
                          size: Size(width: metrics.width, height: metrics.height), baseline: metrics.baseline, language: language)
        let scene = Scene(size: size, background: .white, items: [.text(run)])
        return try RasterImage(png: try renderer.render(scene, as: .png, options: RenderOptions(dpi: 72)))
    }

    /// Share of pixels whose ink differs clearly between two images of the same size.
    func inkDifference(_ a: RasterImage, _ b: RasterImage) -> Double {
        let w = min(a.width, b.width), h = min(a.height, b.height)
        var differing = 0, inked = 0
        for y in 0..<h {
            for x in 0..<w {
                let ia = a.ink(x: x, y: y), ib = b.ink(x: x, y: y)
                if ia > 0.3 || ib > 0.3 { inked += 1 }
                if abs(ia - ib) > 0.5 { differing += 1 }
            }
        }
        return inked == 0 ? 0 : Double(differing) / Double(inked)
    }

    @Test func pangoFindsGlyphsForEveryCharacter() {
        let measurer = PangoTextMeasurer()
        #expect(measurer.unknownGlyphCount("Россия, Казахстан, Кыргызстан", font: font, language: "ru") == 0)
        #expect(measurer.unknownGlyphCount("中国 上海合作组织 吉尔吉斯斯坦", font: font, language: "zh-cn") == 0)
        // The check can fail: an unassigned code point has no glyph.
        #expect(measurer.unknownGlyphCount(unassigned, font: font) == 1)
    }

    @Test func chineseCharacterHasItsOwnShape() throws {
        let zhong = try render("中", language: "zh-cn")
        let tofu = try render(unassigned)
        // 中 is a box crossed by a vertical stroke that runs through its full height: the middle
        // column is inked in most rows. A hex box has digits there with gaps between rows.
        func centralStrokeCoverage(_ image: RasterImage) -> Double {
            var inkedRows = 0, rows = 0
            var first = image.height, last = 0
            for y in 0..<image.height where (0..<image.width).contains(where: { image.ink(x: $0, y: y) > 0.5 }) {
                first = min(first, y)
                last = max(last, y)
            }
            guard first <= last else { return 0 }
            for y in first...last {
                rows += 1
                let centre = image.width / 2
                if (centre - 2...centre + 2).contains(where: { image.ink(x: $0, y: y) > 0.5 }) { inkedRows += 1 }
            }
            return Double(inkedRows) / Double(rows)
        }
        #expect(centralStrokeCoverage(zhong) > 0.9, "中 should have a full-height central stroke")
        #expect(centralStrokeCoverage(tofu) < 0.9, "a hex box has no full-height central stroke")
        #expect(inkDifference(zhong, tofu) > 0.4)
        // Ink coverage of a real CJK glyph: several strokes, far from empty or solid.
        let coverage = zhong.ink(in: 0, 0, zhong.width, zhong.height) / Double(zhong.width * zhong.height)
        #expect(coverage > 0.05 && coverage < 0.5, "ink coverage \(coverage)")
    }

    @Test func russianLettersHaveTheirOwnShapes() throws {
        let zhe = try render("Ж", language: "ru")
        let tofu = try render(unassigned)
        // Ж is mirror-symmetric; a hex box with digits inside is not.
        func asymmetry(_ image: RasterImage) -> Double {
            var total = 0.0, difference = 0.0
            for y in 0..<image.height {
                for x in 0..<image.width / 2 {
                    let a = image.ink(x: x, y: y), b = image.ink(x: image.width - 1 - x, y: y)
                    total += a + b
                    difference += abs(a - b)
                }
            }
            return total == 0 ? 1 : difference / total
        }
        #expect(asymmetry(zhe) < 0.2, "Ж should be mirror-symmetric")
        #expect(asymmetry(tofu) > asymmetry(zhe))
        #expect(inkDifference(zhe, tofu) > 0.4)
        // A word in Cyrillic is as wide as real letters make it, not a row of equal boxes.
        let word = try render("Россия", language: "ru"), boxes = try render(String(repeating: unassigned, count: 6))
        #expect(abs(word.width - boxes.width) > 10)
    }

    @Test func labelsCarryTheLanguageOfTheirScript() {
        #expect(TextMaker.language(of: "中国") == "zh-cn")
        #expect(TextMaker.language(of: "Учения ШОС · 上海合作组织") == "zh-cn")
        #expect(TextMaker.language(of: "Казахстан") == "ru")
        #expect(TextMaker.language(of: "Kazakhstan") == nil)
        let runs = ChartRenderer().layout(SampleCharts.multilingual.figure()).boxes.panels[0].xTickLabels
        #expect(runs.map(\.language) == ["ru", "zh-cn", "ru", "zh-cn"])
    }

    @Test func multilingualChartLabelsAreInked() throws {
        let renderer = ChartRenderer()
        let figure = SampleCharts.multilingual.figure(theme: .paper)
        let laidOut = renderer.layout(figure)
        let image = try RasterImage(png: try renderer.render(laidOut.scene, as: .png, options: RenderOptions(dpi: 144)))
        for label in laidOut.boxes.panels[0].xTickLabels {
            #expect(renderer.pangoMeasurer.unknownGlyphCount(label.text, font: label.font) == 0, "\(label.text)")
            let b = label.bounds
            let scale = 2.0
            let ink = image.ink(in: Int(b.minX * scale), Int(b.minY * scale), Int(b.maxX * scale), Int(b.maxY * scale))
            #expect(ink > 20, "label \(label.text) has no ink")
        }
    }
}
