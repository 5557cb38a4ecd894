import Analysis
import Foundation
import Testing
@testable import Dataset
@testable import Report
@testable import Render
import Support

/// Columns bound to channels: the numbers a chart of one's own table draws, computed by hand here.
@Suite struct TidyChartsTests {
    static let reader = TidyTableReader(countryCodes: { [] })

    static func table(_ csv: String) throws -> TidyTable { try reader.read(csv: csv, file: "t.csv") }

    static func bars(_ csv: String, y: String, color: String? = "g", position: ChartBinding.Position? = nil) throws -> (BarChart, BuiltChart) {
        let built = try TidyCharts(table: table(csv)).build(TidyChartRequest(kind: BarChart.self, x: "x", y: y, color: color, position: position))
        return (try #require(built.spec.content as? BarChart), built)
    }

    static let events = "x,g,v\n2001,a,1\n2001,a,2\n2001,b,4\n2002,a,\n2002,b,8\n2003,a,5\n"

    @Test func countSumAndMeanPerCell() throws {
        let (count, _) = try Self.bars(Self.events, y: "count")
        #expect(count.categories == ["2001", "2002", "2003"])
        #expect(count.series.map(\.name) == ["a", "b"])
        // Counting, a cell with no rows is 0 rows.
        #expect(count.series.map(\.values) == [[2, 1, 1], [1, 1, 0]])
        let (sum, built) = try Self.bars(Self.events, y: "sum:v")
        // a in 2002 has one row, its value missing: the sum is unknown, not 0; b in 2003 has no row at all.
        #expect(sum.series.map(\.values) == [[3, nil, 5], [4, 8, nil]])
        #expect(sum.valueTitle == "Sum of v")
        #expect(built.spec.text.caption == "1 missing v value left out of the sums.")
        let (mean, _) = try Self.bars(Self.events, y: "mean:v")
        #expect(mean.series.map(\.values) == [[1.5, nil, 5], [4, 8, nil]])
    }

    @Test func positionsAndFlip() throws {
        let csv = "x,g,v\n2001,a,1\n2001,b,3\n2002,a,2\n2002,b,2\n"
        #expect(try Self.bars(csv, y: "v").0.arrangement == .stacked, "split bars stack by default")
        #expect(try Self.bars(csv, y: "v", position: .dodge).0.arrangement == .grouped)
        let (fill, _) = try Self.bars(csv, y: "v", position: .fill)
        #expect(fill.arrangement == .filled && fill.valueTitle == "Share of v")
        let built = try TidyCharts(table: Self.table(csv)).build(TidyChartRequest(kind: BarChart.self, x: "x", y: "v", color: "g", flip: true))
        #expect((built.spec.content as? BarChart)?.orientation == .horizontal)
        #expect(try Self.bars(csv, y: "v").0.orientation == .vertical, "own tables stand upright unless flipped")
    }

    @Test func filledBarsAreSharesOfEachCategory() throws {
        let chart = BarChart(categories: ["p", "q"], series: [.init(name: "a", values: [1, 2]), .init(name: "b", values: [3, nil])],
                             arrangement: .filled).chart(theme: .paper)
        guard case .bar(let mark) = chart.panels[0].marks[0] else { Issue.record("no bars"); return }
        // p: 1/4 then 3/4 on top; q: b is missing, so a is the whole known total.
        #expect(mark.bars.map { [$0.from, $0.to] } == [[0, 0.25], [0.25, 1], [0, 1]])
    }

    @Test func stackedAreasStopWhereALayerBelowIsUnknown() throws {
        let area = AreaChart(x: [1, 2, 3], series: [.init(name: "a", values: [1, nil, 2]), .init(name: "b", values: [3, 4, 5])])
        let layers = area.layers()
        #expect(layers[0].lower == [0, 0, 0] && layers[0].upper == [1, nil, 2])
        #expect(layers[1].lower == [1, nil, 2] && layers[1].upper == [4, nil, 7])
        let shares = AreaChart(x: [1, 2], series: [.init(name: "a", values: [1, 2]), .init(name: "b", values: [3, 2])], arrangement: .filled).layers()
        #expect(shares[1].upper == [1, 1] && shares[0].upper == [0.25, 0.5])
    }

    @Test func measuredCellsWithNoRowStayMissingOnHeatMapsAndDumbbells() throws {
        let heat = try TidyCharts(table: Self.table("x,r,v\n2001,a,1\n2002,b,2\n"))
            .build(TidyChartRequest(kind: HeatMapChart.self, x: "x", y: "r", fill: "v"))
        #expect((heat.spec.content as? HeatMapChart)?.values == [[1, nil], [nil, 2]])
        let dumbbell = try TidyCharts(table: Self.table("p,c,v\nA,x,1\nB,x,2\nA,y,3\n"))
            .build(TidyChartRequest(kind: DumbbellChart.self, x: "p", y: "v", color: "c"))
        let chart = try #require(dumbbell.spec.content as? DumbbellChart)
        #expect(chart.start == [1, 3] && chart.end == [2, nil])
    }

    @Test func scatterLabelsOnlyWhenAsked() throws {
        let table = try Self.table("a,b,name\n1,2,p\n3,4,q\n5,,r\n")
        let plain = try TidyCharts(table: table).build(TidyChartRequest(kind: ScatterChart.self, x: "a", y: "b"))
        #expect((plain.spec.content as? ScatterChart)?.notes.isEmpty == true)
        #expect(plain.caveats == ["1 row with no a or b left out (line 4)."])
        let labelled = try TidyCharts(table: table).build(TidyChartRequest(kind: ScatterChart.self, x: "a", y: "b", label: "name"))
        #expect((labelled.spec.content as? ScatterChart)?.notes.map(\.label) == ["p", "q"])
    }

    @Test func bubbleAreasAreProportionalToSize() throws {
        let table = try Self.table("a,b,s\n1,2,100\n3,4,25\n5,6,\n")
        let built = try TidyCharts(table: table).build(TidyChartRequest(kind: ScatterChart.self, x: "a", y: "b", size: "s"))
        let scatter = try #require(built.spec.content as? ScatterChart)
        #expect(scatter.points.map(\.size) == [100, 25], "a row with no size is left out, not drawn at a made-up size")
        #expect(scatter.sizeTitle == "s")
        guard case .point(let mark) = scatter.chart(theme: .paper).panels[0].marks[0], let sizes = mark.sizes else {
            Issue.record("no sized points"); return
        }
        // A quarter of the size is a quarter of the area: half the diameter.
        #expect(sizes[1]! / sizes[0]! == 0.5)
        let negative = try Self.table("a,b,s\n1,2,-1\n")
        #expect(throws: Diagnostic.self) {
            try TidyCharts(table: negative).build(TidyChartRequest(kind: ScatterChart.self, x: "a", y: "b", size: "s"))
        }
    }

    @Test func aCorpusTableAsATidyTableCountsAsTheCorpusChartDoes() throws {
        let corpus = Fixtures.corpus
        let corpusChart = try CorpusCharts(corpus: corpus).build(ChartRequest(kind: BarChart.self, table: "attacks", x: "year", y: "count", by: "country"))
        let reference = try #require(corpusChart.spec.content as? BarChart)
        let events = EventFilter().apply(to: try EventTableStore(corpus: corpus).table(named: "attacks"), membership: corpus.membership)
        let table = TidyTable(events: events, corpus: corpus, perCountry: true)
        let built = try TidyCharts(table: table).build(TidyChartRequest(kind: BarChart.self, x: "year", y: "count", color: "country"))
        let tidy = try #require(built.spec.content as? BarChart)
        #expect(Set(tidy.series.map(\.name)) == Set(reference.series.map(\.name)))
        var compared = 0
        for series in tidy.series {
            let other = try #require(reference.series.first { $0.name == series.name })
            for (c, category) in tidy.categories.enumerated() {
                let r = try #require(reference.categories.firstIndex(of: category))
                #expect(series.values[c] == other.values[r], "\(series.name) \(category)")
                compared += 1
            }
        }
        #expect(compared > 0)
        let total = { (chart: BarChart) -> Double in chart.series.flatMap { $0.values }.compactMap { $0 }.reduce(0, +) }
        #expect(total(tidy) == total(reference), "every attack-country pair counted once in both")
        #expect(built.spec.text.source == corpusChart.spec.text.source, "corpus data keep the corpus's source line")
    }

    @Test func monthsReadAsMonthsOnBarsAndSitInTimeOnLines() throws {
        let table = try Self.table("month,v\n2024-01,3\n2024-02,5\n2024-03,\n")
        let bars = try TidyCharts(table: table).build(TidyChartRequest(kind: BarChart.self, x: "month", y: "v"))
        let bar = try #require(bars.spec.content as? BarChart)
        #expect(bar.categories == ["2024-01", "2024-02", "2024-03"])
        #expect(bar.series[0].values == [3, 5, nil], "a blank is missing, not a zero bar")
        let lines = try TidyCharts(table: table).build(TidyChartRequest(kind: LineChart.self, x: "month", y: "v"))
        let line = try #require(lines.spec.content as? LineChart)
        let expected: [Double] = [2024, 2024 + 31.0 / 366, 2024 + 60.0 / 366]
        #expect(line.series[0].points.map(\.x) == expected)
        #expect(line.series[0].points.map(\.y) == [3, 5, nil])
    }
}
