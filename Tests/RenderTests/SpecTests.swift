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
        #expect(spec.kind == .bar)
        guard case .bar(let bar) = spec.content else { Issue.record("not a bar chart"); return }
        #expect(bar.text.title == "Attacks fell by half")
        #expect(bar.series.count == 1 && bar.series[0].values[1] == nil)
        #expect(bar.arrangement == .grouped && bar.orientation == .vertical && !bar.showsValues)
        let figure = try spec.figure()
        #expect(figure.width == .mm(178))
        #expect(figure.theme.name == "paper")
    }

    @Test func everyKindRoundTripsThroughJSON() throws {
        let specs: [ChartSpec] = [
            ChartSpec(.bar(SampleCharts.stackedBar)), ChartSpec(.line(SampleCharts.lineWithBand), theme: "briefing"),
            ChartSpec(.cumulative(SampleCharts.cumulative)), ChartSpec(.scatter(SampleCharts.scatter)),
            ChartSpec(.timeline(SampleCharts.timeline), width: .mm(120)), ChartSpec(.heatmap(SampleCharts.heatMap)),
            ChartSpec(.dumbbell(SampleCharts.dumbbell)), ChartSpec(.smallMultiples(SampleCharts.smallMultiples)),
        ]
        #expect(Set(specs.map(\.kind)) == Set(ChartSpec.Kind.allCases))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for spec in specs {
            let data = try encoder.encode(spec)
            let decoded = try JSONDecoder().decode(ChartSpec.self, from: data)
            #expect(try encoder.encode(decoded) == data, "\(spec.kind) changes in a round trip")
            let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            #expect(object["kind"] as? String == spec.kind.rawValue)
            #expect(object["text"] == nil, "title fields are flat")
        }
    }

    @Test func timelineEventsAcceptCalendarDates() throws {
        let json = #"{"kind": "timeline", "events": [{"date": "2017-07-02", "lane": "India", "magnitude": 3}]}"#
        let spec = try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8))
        guard case .timeline(let t) = spec.content else { Issue.record("not a timeline"); return }
        #expect(abs(t.events[0].time - 2017.5) < 0.01)
    }

    @Test func unknownThemeIsAnError() throws {
        let spec = ChartSpec(.bar(SampleCharts.verticalBar), theme: "neon")
        #expect(throws: ChartSpec.SpecError.self) { try spec.figure() }
    }
}
