import Testing
import Render
@testable import Report

/// One table of which kind reads which channel, on the corpus path and the table path, and one
/// wording for a channel a chart would ignore, whichever path refuses it.
@Suite struct ChannelUseTests {
    @Test func theCorpusPathReadsXYAndByWhereTheStatisticLeavesThemOpen() {
        #expect(ChannelUse.corpus.kinds(reading: .x) == ["bar", "line", "step", "area"])
        #expect(ChannelUse.corpus.kinds(reading: .y) == ["bar", "line", "heatmap", "smallMultiples", "step", "area"])
        #expect(ChannelUse.corpus.kinds(reading: .color) == ["bar", "line", "cumulative", "dumbbell", "slope", "step", "area"])
        #expect(ChannelUse.corpus.option(.color) == "--by" && ChannelUse.table.option(.color) == "--color")
    }

    @Test func theTablePathReadsTheKindsChannelsAndFacetsWhereTheyCanSplit() {
        #expect(ChannelUse.table.reads(BarChart.self) == [.x, .y, .color, .position, .flip, .facet])
        #expect(!ChannelUse.table.reads(DumbbellChart.self).contains(.facet))
        #expect(ChannelUse.table.reads(TimelineChart.self).isEmpty)
        #expect(ChannelUse.table.kinds(reading: .size) == ["scatter"])
    }

    @Test func bothPathsRefuseInOneWording() throws {
        let corpus = try #require(ChannelUse.corpus.refusal(.x, value: "country", kind: TimelineChart.self))
        #expect(corpus.sentence == "x 'country' does not apply to a timeline chart, which draws each event at its date, one lane per country, "
                + "not a measure per group; the kinds that use --x are bar, line, step, area; leave --x out or choose one of those kinds")
        let table = try #require(ChannelUse.table.refusal(.size, value: "value", kind: BarChart.self))
        #expect(table.message == "size 'value' does not apply to a bar chart, which reads --x, --y, --color, --facet, --position and --flip")
        #expect(table.hint == "the kinds that use --size are scatter; leave --size out or choose one of those kinds")
        let facet = try #require(ChannelUse.table.refusal(.facet, value: "region", kind: SlopeChart.self))
        #expect(facet.message.hasPrefix("facet 'region' does not apply to a slope chart, which already gives each --color row its own line"))
        #expect(ChannelUse.corpus.refusal(.color, value: "country", kind: BarChart.self) == nil)
        #expect(ChannelUse.table.refusal(.size, value: "n", kind: ScatterChart.self) == nil)
    }
}
