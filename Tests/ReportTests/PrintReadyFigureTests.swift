import Foundation
import Testing
@testable import Dataset
import Render
import RenderCairo
@testable import Report
import TestSupport

/// What a production editor measures on every preset, in both themes, at the journal widths of
/// 85 mm and 178 mm: every category row labelled (in the layout and in the PDF's text), no text
/// box overlapping another, no tick label on a marker, no event label crossed by an event line,
/// whole-number ticks on count axes, and legend entries on one baseline.
@Suite struct PrintReadyFigureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var preset: String
        var theme: String
        var width: Double
        var testDescription: String { "\(preset) \(theme) \(Int(width)) mm" }
    }

    static let cases: [Case] = ChartPresets.all.flatMap { preset in
        ["paper", "briefing"].flatMap { theme in [85.0, 178.0].map { Case(preset: preset.name, theme: theme, width: $0) } }
    }

    static func figure(_ c: Case) throws -> Figure {
        var request = ChartPresets.named(c.preset)!.request
        request.theme = c.theme
        request.width = .mm(c.width)
        request.height = nil
        return try CorpusCharts(corpus: Fixtures.corpus).build(request).spec.figure()
    }

    @Test(arguments: cases)
    func everyCategoryLabelledAndNothingCollides(_ c: Case) throws {
        let figure = try Self.figure(c)
        let backend = Backends.cairo().imageBackend(.pdf)
        let laidOut = backend.layout(figure)
        #expect(laidOut.requiredHeight == nil)
        // Every category labelled, whole-number ticks on counts, no two texts overlapping.
        let findings = LabelAudit.audit(figure, laidOut)
        #expect(findings.problems.isEmpty, "\(findings.problems) in \(c)")
        let categories = findings.categories

        // Tick labels keep clear of the markers (a dumbbell's dot at 0), event labels of event lines.
        let markers = Self.markerBoxes(laidOut.scene.items)
        for boxes in laidOut.boxes.panels {
            for label in boxes.xTickLabels + boxes.yTickLabels {
                for marker in markers {
                    #expect(!label.bounds.intersects(marker), "tick label '\(label.text)' touches a marker at \(marker) in \(c)")
                }
            }
            let lines = Self.eventLines(laidOut.scene.items)
            for label in boxes.annotationLabels {
                for line in lines {
                    #expect(!label.bounds.intersects(line), "event line at x = \(line.minX) crosses '\(label.text)' in \(c)")
                }
            }
        }

        // Legend labels of one row share a baseline (the size key's 100, 200, 300).
        let legend = laidOut.scene.textRuns().filter { $0.groups.first == "legend" }.map(\.run)
        let rows = Dictionary(grouping: legend) { ($0.bounds.midY / 4).rounded() }
        for row in rows.values where row.count > 1 {
            let baselines = row.map { $0.bounds.minY + $0.baseline }
            #expect(baselines.max()! - baselines.min()! < 0.01, "legend baselines \(baselines) in \(c)")
        }

        // And the PDF's own text holds every category label.
        let pdf = try backend.render(figure, as: .pdf)
        // Words joined by single spaces: a long name may wrap onto two lines of its row.
        let text = try ExternalTool.inspect(pdf: pdf, with: "pdftotext", ["-raw"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for category in categories {
            #expect(text.contains(category), "'\(category)' missing from the PDF text of \(c)")
        }
    }

    /// A fixed height too short for the categories is refused with the height that would fit;
    /// the same chart without a height grows to that height or more.
    @Test func tooShortFixedHeightIsRefusedWithTheHeightNeeded() throws {
        var request = ChartPresets.named("attacks-timeline")!.request
        request.theme = "paper"
        request.width = .mm(85)
        request.height = .mm(40)
        let fixed = try CorpusCharts(corpus: Fixtures.corpus).build(request).spec.figure()
        let backend = Backends.cairo().imageBackend(.png)
        #expect(throws: RenderError.self) { try backend.render(fixed, as: .png) }
        let needed = try #require(backend.layout(fixed).requiredHeight)
        #expect(needed > Length.mm(40).points)
        do {
            _ = try backend.render(fixed, as: .png)
        } catch {
            #expect("\(error)".contains("at least \(Int(Length.pt(needed).millimetres.rounded(.up))) mm"))
        }
        // The height the message names is enough.
        request.height = .mm(Length.pt(needed).millimetres.rounded(.up))
        let enough = try CorpusCharts(corpus: Fixtures.corpus).build(request).spec.figure()
        let laidOut = backend.layout(enough)
        #expect(laidOut.requiredHeight == nil)
        #expect(laidOut.boxes.panels[0].yTickLabels.count == fixed.chart.panels[0].y.scale.band!.categories.count)
    }

    /// The RATS charts: a lower bound ("more than 1,300") is an open bar with a key entry, a
    /// figure not reported is "n/a" (not a zero bar), and each chart has one unit on its axis.
    @Test func indicatorsDrawBoundsAndGapsAsWhatTheyAre() throws {
        for preset in ["rats-results", "rats-persons"] {
            let figure = try Self.figure(Case(preset: preset, theme: "paper", width: 85))
            let panel = figure.chart.panels[0]
            guard case .bar(let bars)? = panel.marks.first else { Issue.record("no bars in \(preset)"); continue }
            let legend = figure.chart.legend?.entries.map(\.label) ?? []
            #expect(legend.contains("more than (lower bound)"), "\(preset) legend: \(legend)")
            #expect(bars.bars.contains { $0.isLowerBound }, "\(preset) draws no lower bound")
            #expect(panel.x.title == (preset == "rats-results" ? "Events, as reported" : "Persons, as reported"))
            if preset == "rats-persons" {
                // Persons extradited in 2024 is not reported: no bar of zero, an n/a in its place.
                #expect(!bars.bars.contains { $0.to == 0 })
                let texts = panel.marks.compactMap { mark -> [String]? in
                    if case .text(let t) = mark { return t.items.map(\.text) } else { return nil }
                }.flatMap { $0 }
                #expect(texts == ["n/a"])
                #expect(legend.contains("not reported"))
            }
        }
    }
}

extension PrintReadyFigureTests {
    /// The boxes of every marker drawn, in page points.
    static func markerBoxes(_ items: [SceneItem]) -> [Rect] {
        var boxes: [Rect] = []
        for item in items {
            switch item {
            case .markers(let batch) where batch.diameter > 0:
                let r = batch.diameter / 2
                boxes += batch.centers.map { Rect(x: $0.x - r, y: $0.y - r, width: 2 * r, height: 2 * r) }
            case .group(let name, let inner) where name != "legend": boxes += markerBoxes(inner)
            case .clipped(_, let inner): boxes += markerBoxes(inner)
            default: break
            }
        }
        return boxes
    }

    /// The event lines: vertical segments in the panels' annotation groups, as thin boxes.
    static func eventLines(_ items: [SceneItem], inAnnotations: Bool = false) -> [Rect] {
        var lines: [Rect] = []
        for item in items {
            switch item {
            case .group(let name, let inner): lines += eventLines(inner, inAnnotations: inAnnotations || name == "annotations")
            case .path(let path, _) where inAnnotations:
                let points = path.elements.compactMap { element -> Point? in
                    switch element {
                    case .move(let p), .line(let p): return p
                    default: return nil
                    }
                }
                if points.count == 2, points[0].x == points[1].x {
                    lines.append(Rect(x: points[0].x - 0.25, y: min(points[0].y, points[1].y), width: 0.5, height: abs(points[1].y - points[0].y)))
                }
            default: break
            }
        }
        return lines
    }
}
