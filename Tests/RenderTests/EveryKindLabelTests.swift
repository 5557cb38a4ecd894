import Foundation
@testable import Render
import RenderCairo
import Testing
import TestSupport

/// Every chart kind, in both themes, at a journal's single (85 mm) and double (178 mm) column:
/// every category label in the layout and in the PDF's text (pdftotext), no two text boxes
/// overlapping, and whole-number ticks on every axis that counts. `PrintReadyFigureTests` does
/// the same for the report's presets; this covers the kinds a user may draw from their own data.
@Suite struct EveryKindLabelTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var sample: String
        var theme: String
        var width: Double
        var testDescription: String { "\(sample) \(theme) \(Int(width)) mm" }
    }

    /// The step and area kinds have no rendering sample; these give them counts to draw.
    static let extraSpecs: [(name: String, json: String)] = [
        ("step", #"{"kind": "step", "title": "Members of the SCO", "series": [{"name": "Members", "x": [2001, 2005, 2017, 2023, 2024], "y": [6, 6, 8, 9, 10]}], "yTitle": "Members"}"#),
        ("area", #"{"kind": "area", "title": "Exercises by kind", "x": [2002, 2003, 2004, 2005, 2006, 2007], "series": [{"name": "Bilateral", "values": [1, 0, 2, 1, 3, 2]}, {"name": "Multilateral", "values": [0, 1, 1, 2, 1, 3]}], "yTitle": "Exercises"}"#),
    ]

    static func chart(_ name: String) throws -> any ChartKind {
        if let sample = SampleCharts.all.first(where: { $0.name == name }) { return sample.chart as! any ChartKind }
        let json = try #require(extraSpecs.first { $0.name == name }).json
        return try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8)).content
    }

    static let names = SampleCharts.all.map(\.name) + extraSpecs.map(\.name)

    static let cases: [Case] = names.flatMap { name in
        ["paper", "briefing"].flatMap { theme in [85.0, 178.0].map { Case(sample: name, theme: theme, width: $0) } }
    }

    /// The samples cover every registered kind, so a new kind is tested here as soon as it has a sample.
    @Test func everyRegisteredKindHasACase() throws {
        let kinds = try Set(Self.names.map { try Self.chart($0) }.map { type(of: $0).name })
        #expect(kinds == Set(ChartKinds.names), "kinds without a case: \(Set(ChartKinds.names).subtracting(kinds).sorted())")
    }

    @Test(arguments: cases)
    func everyCategoryLabelledAndNothingCollides(_ c: Case) throws {
        var spec = ChartSpec(try Self.chart(c.sample), theme: c.theme, width: .mm(c.width))
        spec.heightGrows = true
        let figure = try spec.figure()
        let backend = Backends.cairo().imageBackend(.pdf)
        let laidOut = backend.layout(figure)
        #expect(laidOut.requiredHeight == nil && laidOut.requiredWidth == nil, "\(c) does not fit")
        // Every category labelled, whole-number ticks on counts, no two texts overlapping.
        let findings = LabelAudit.audit(figure, laidOut)
        #expect(findings.problems.isEmpty, "\(findings.problems) in \(c)")
        let categories = findings.categories
        let pdf = try backend.render(figure, as: .pdf)
        // Spaces left out: pdftotext spells an angled label letter by letter ("K a z a k h s t a n").
        let text = try ExternalTool.inspect(pdf: pdf, with: "pdftotext", ["-raw"]).filter { !$0.isWhitespace }
        for category in categories {
            #expect(text.contains(category.filter { !$0.isWhitespace }), "'\(category)' missing from the PDF text of \(c)")
        }
    }
}
