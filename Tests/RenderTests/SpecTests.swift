import Foundation
import Testing
@testable import Render

@Suite("Declarative specs") struct SpecTests {
    @Test func barSpecDecodesWithDefaults() throws {
        let json = #"""
        {"kind": "bar", "theme": "paper", "column": "doubleColumn", "title": "Attacks fell by half",
         "categories": ["2013", "2014", "2015"], "values": [120, null, 90], "valueTitle": "Attacks"}
        """#
        let spec = try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8))
        #expect(spec.kind == "bar")
        let bar = try #require(spec.content as? BarChart, "not a bar chart")
        #expect(bar.text.title == "Attacks fell by half")
        #expect(bar.series.count == 1 && bar.series[0].values[1] == nil)
        #expect(bar.arrangement == .grouped && bar.orientation == .vertical && !bar.showsValues)
        let figure = try spec.figure()
        #expect(figure.width == .mm(178))
        #expect(figure.theme.name == "paper")
    }

    /// A minimal flat spec per kind; the test fails when a registered kind has none, so each new kind gets one.
    static let minimalSpecs: [String: String] = [
        "bar": #"{"categories": ["a", "b"], "values": [1, 2]}"#,
        "line": #"{"series": [{"name": "A", "x": [2001, 2002], "y": [1, null]}]}"#,
        "cumulative": #"{"series": [{"name": "A", "occurrences": [{"x": 2001.5}, {"x": 2003.2, "amount": 2}]}]}"#,
        "scatter": #"{"points": [{"x": 1, "y": 2}, {"x": 3, "y": 4, "group": "B"}]}"#,
        "timeline": #"{"events": [{"time": 2001.5, "lane": "China"}]}"#,
        "heatmap": #"{"rows": ["China"], "columns": ["2001", "2002"], "values": [[1, null]]}"#,
        "dumbbell": #"{"categories": ["China"], "start": [1], "end": [2], "startLabel": "2001", "endLabel": "2024"}"#,
        "slope": #"{"categories": ["China", "India"], "start": [1, 3], "end": [2, null], "startLabel": "2001", "endLabel": "2024"}"#,
        "smallMultiples": #"{"panels": [{"title": "China", "series": [{"name": "A", "x": [2001, 2002], "y": [1, 2]}]}]}"#,
        "step": #"{"series": [{"name": "A", "x": [2001, 2002], "y": [1, 2]}]}"#,
        "area": #"{"x": [2001, 2002], "series": [{"name": "A", "values": [1, null]}, {"name": "B", "values": [2, 3]}]}"#,
    ]

    @Test func everyRegisteredKindDecodesFromAFlatSpec() throws {
        #expect(Set(Self.minimalSpecs.keys) == Set(ChartKinds.names))
        for name in ChartKinds.names {
            let fields = try #require(Self.minimalSpecs[name], "no sample spec for \(name)")
            let json = #"{"kind": "\#(name)", "title": "A finding", "source": "SCO", "#
                + fields.dropFirst()
            let spec = try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8))
            #expect(spec.kind == name)
            #expect(spec.text.title == "A finding", "\(name): title fields sit beside the kind's own")
            #expect(spec.text.source == "SCO")
            #expect(try spec.figure().chart.title == "A finding")
        }
    }

    @Test func unknownKindIsAnErrorNamingTheKinds() throws {
        let json = #"{"kind": "pie", "values": [1]}"#
        #expect {
            try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8))
        } throws: { error in
            "\(error)".contains("unknown chart kind \"pie\"") && "\(error)".contains("slope")
        }
    }

    @Test func timelineEventsAcceptCalendarDates() throws {
        let json = #"{"kind": "timeline", "events": [{"date": "2017-07-02", "lane": "India", "magnitude": 3}]}"#
        let spec = try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8))
        let t = try #require(spec.content as? TimelineChart, "not a timeline")
        #expect(abs(t.events[0].time - 2017.5) < 0.01)
    }

    @Test func unknownThemeIsAnError() throws {
        let spec = ChartSpec(SampleCharts.verticalBar, theme: "neon")
        #expect(throws: ChartSpec.SpecError.self) { try spec.figure() }
    }
}
