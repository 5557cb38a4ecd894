import Foundation
@testable import Render

/// Charts of every kind with small, made-up but plausible data about SCO counter-terrorism
/// cooperation. The numbers are illustrative only; they exercise the layout (long names, Cyrillic
/// and Chinese labels, gaps, negative values) rather than report facts.
enum SampleCharts {
    static let members = ["China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "India", "Pakistan"]
    static let source = "Illustrative data for rendering tests"

    static var verticalBar: BarChart {
        let years = (2002...2021).map(String.init)
        let values: [Double?] = [1, 1, 0, 2, 1, 3, 2, 4, 3, 5, 4, 5, nil, 6, 5, 7, 6, 8, 4, 7]
        return BarChart(text: ChartText(title: "Joint exercises became routine after 2009",
                                        subtitle: "Joint counter-terrorism exercises per year", source: source),
                        categories: years, values: values, valueTitle: "Exercises")
    }

    static var horizontalBar: BarChart {
        BarChart(text: ChartText(title: "Most recorded attacks were in Pakistan and India",
                                 subtitle: "Attacks recorded 2011–2020, thousands", source: source),
                 categories: members, values: [0.31, 0.84, 0.05, 0.02, 0.04, 0.01, 8.9, 12.6],
                 orientation: .horizontal, valueFormat: .grouped, showsValues: true, highlighted: ["India", "Pakistan"])
    }

    static var groupedBar: BarChart {
        BarChart(text: ChartText(title: "Arrests rose in every Central Asian member", source: source),
                 categories: ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan"],
                 series: [.init(name: "2011–2015", values: [120, 85, 140, 210]),
                          .init(name: "2016–2020", values: [260, 150, 180, nil])],
                 valueTitle: "Arrests reported")
    }

    static var stackedBar: BarChart {
        BarChart(text: ChartText(title: "Bombings dominate, armed assaults are falling", source: source),
                 categories: (2015...2020).map(String.init),
                 series: [.init(name: "Bombing", values: [1200, 1100, 950, 870, 820, 700]),
                          .init(name: "Armed assault", values: [800, 760, 600, 540, 480, 390]),
                          .init(name: "Other", values: [300, 280, 310, 250, 240, 260])],
                 arrangement: .stacked, valueTitle: "Attacks")
    }

    static var lineWithBand: LineChart {
        let years = (2001...2020).map(Double.init)
        let central: [Double?] = [40, 44, 52, 61, 58, 66, 75, 90, 104, 98, 112, 140, 165, 190, 176, 150, 132, 118, 105, 96]
        var pakistan = central.map { $0.map { $0 * 1.3 + 20 } }
        pakistan[9] = nil  // a missing year: the line must break, not drop to zero
        let india = years.map { y -> Double? in 60 + 25 * sin((y - 2001) / 3) + (y - 2001) * 2 }
        return LineChart(text: ChartText(title: "Attacks peaked in 2014 and have fallen since",
                                         subtitle: "Attacks per year with 90% interval", source: source),
                         series: [
                            .init(name: "SCO total", x: years, y: central, lower: central.map { $0.map { $0 * 0.85 } },
                                  upper: central.map { $0.map { $0 * 1.15 } }),
                            .init(name: "Pakistan", x: years, y: pakistan),
                            .init(name: "India", x: years, y: india),
                         ],
                         yTitle: "Attacks", events: [EventNote(x: 2004, label: "2004: RATS opens"),
                                                     EventNote(x: 2017, label: "2017: India and Pakistan join")])
    }

    static var cumulative: CumulativeChart {
        let signed: [Double] = [2001.5, 2002.4, 2004.5, 2005.5, 2006.3, 2007.6, 2009.4, 2009.5, 2011.2, 2012.4, 2013.7, 2015.5,
                                2016.4, 2017.4, 2017.5, 2018.4, 2019.5, 2021.7]
        let ratified: [Double] = [2003.2, 2004.9, 2006.1, 2008.2, 2010.5, 2011.6, 2013.1, 2016.9, 2018.8, 2020.1]
        return CumulativeChart(text: ChartText(title: "Eighteen counter-terrorism instruments in twenty years", source: source),
                               series: [.init(name: "Signed", occurrences: signed.map { .init(x: $0) }),
                                        .init(name: "In force", occurrences: ratified.map { .init(x: $0) })],
                               yTitle: "Instruments", events: [EventNote(x: 2017.45, label: "2017: enlargement")],
                               xRange: 2001...2022)
    }

    static var scatter: ScatterChart {
        var points: [ScatterChart.Point] = []
        for i in 0..<240 {
            let u = Double(i).truncatingRemainder(dividingBy: 1) + (Double(i) * 0.618_033_988_7).truncatingRemainder(dividingBy: 1)
            let v = (Double(i) * 0.754_877_666_2).truncatingRemainder(dividingBy: 1)
            let group = i % 3 == 0 ? "Bombing" : i % 3 == 1 ? "Armed assault" : "Other"
            let x = 1 + u * 60
            points.append(.init(x: x, y: max(0, x * 1.6 + (v - 0.5) * 40 + Double(i % 3) * 10), group: group))
        }
        return ScatterChart(text: ChartText(title: "Deadlier attacks wound more people", source: source), points: points,
                            xTitle: "Killed", yTitle: "Wounded", notes: [PointNote(x: points[7].x, y: points[7].y, label: "Quetta, 2016")])
    }

    static var timeline: TimelineChart {
        let events: [TimelineChart.Event] = [
            .init(time: 2009.55, lane: "China", magnitude: 197, label: "Ürümqi"), .init(time: 2014.2, lane: "China", magnitude: 31),
            .init(time: 2014.4, lane: "China", magnitude: 43), .init(time: 2013.8, lane: "China", magnitude: 5),
            .init(time: 2004.7, lane: "Russia", magnitude: 334, label: "Beslan"), .init(time: 2010.2, lane: "Russia", magnitude: 40),
            .init(time: 2011.1, lane: "Russia", magnitude: 37), .init(time: 2013.99, lane: "Russia", magnitude: 34),
            .init(time: 2017.3, lane: "Russia", magnitude: 15), .init(time: 2008.9, lane: "India", magnitude: 166, label: "Mumbai"),
            .init(time: 2019.1, lane: "India", magnitude: 40), .init(time: 2016.7, lane: "India", magnitude: 19),
            .init(time: 2014.96, lane: "Pakistan", magnitude: 149, label: "Peshawar"), .init(time: 2016.6, lane: "Pakistan", magnitude: 74),
            .init(time: 2017.1, lane: "Pakistan", magnitude: 90), .init(time: 2018.5, lane: "Pakistan", magnitude: 149),
            .init(time: 2016.5, lane: "Kazakhstan", magnitude: 7), .init(time: 2011.8, lane: "Kazakhstan", magnitude: nil),
            .init(time: 2016.65, lane: "Kyrgyzstan", magnitude: 1), .init(time: 2018.6, lane: "Tajikistan", magnitude: 4),
        ]
        return TimelineChart(text: ChartText(title: "The deadliest attacks cluster in four members", source: source),
                             events: events, lanes: ["China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "India", "Pakistan"],
                             magnitudeTitle: "Killed")
    }

    static var heatMap: HeatMapChart {
        let years = (2001...2020).map(String.init)
        var values: [[Double?]] = []
        for (r, _) in members.enumerated() {
            values.append(years.indices.map { c in
                if r == 2 && c < 3 { return nil }
                let base = [60.0, 40, 3, 2, 4, 3, 500, 700][r]
                return (base * (1 + 0.6 * sin(Double(c) / 3 + Double(r)))).rounded()
            })
        }
        return HeatMapChart(text: ChartText(title: "Violence is concentrated, not spreading", source: source),
                            rows: members, columns: years, values: values, colorMap: .viridis, valueTitle: "Attacks")
    }

    static var dumbbell: DumbbellChart {
        DumbbellChart(text: ChartText(title: "Attacks fell in most members between decades", source: source),
                      categories: members, start: [45, 62, 4, 3, 5, 6, 420, 1100], end: [20, 30, 6, 2, 3, nil, 610, 560],
                      startLabel: "2001–2010", endLabel: "2011–2020", valueTitle: "Attacks per year", scale: .log)
    }

    /// Rates that crowd together at the low end, so the end labels must be nudged apart.
    static var slope: SlopeChart {
        SlopeChart(text: ChartText(title: "Two members account for most attacks in both periods", source: source),
                   categories: members, start: [4.5, 6.2, 0.4, 0.3, 0.5, 0.6, 42, 110], end: [2.0, 3.0, 0.6, 0.2, 0.3, nil, 61, 56],
                   startLabel: "2001–2010", endLabel: "2011–2020", valueTitle: "Attacks per year")
    }

    static var smallMultiples: SmallMultiplesChart {
        let years = (2001...2020).map(Double.init)
        func series(_ phase: Double, _ scale: Double) -> [LineChart.Series] {
            [.init(name: "Attacks", x: years, y: years.map { scale * (1.2 + sin(($0 - 2001) / 3 + phase)) })]
        }
        return SmallMultiplesChart(text: ChartText(title: "Each member has its own rhythm", source: source),
                                   panels: [.init(title: "China", series: series(0, 20)), .init(title: "Russia", series: series(1, 30)),
                                            .init(title: "India", series: series(2, 60)), .init(title: "Pakistan", series: series(3, 80))],
                                   yTitle: "Attacks")
    }

    /// Labels in Russian and Chinese.
    static var multilingual: BarChart {
        BarChart(text: ChartText(title: "Учения ШОС · 上海合作组织联合演习", source: source),
                 categories: ["Россия", "中国", "Казахстан", "吉尔吉斯斯坦"], values: [12, 14, 7, 5], valueTitle: "Учения")
    }

    /// Every sample with a file name stem.
    static var all: [(name: String, chart: any ChartBuilding)] {
        [("bar-vertical", verticalBar), ("bar-horizontal", horizontalBar), ("bar-grouped", groupedBar), ("bar-stacked", stackedBar),
         ("line-band", lineWithBand), ("cumulative-step", cumulative), ("scatter", scatter), ("timeline", timeline),
         ("heatmap", heatMap), ("dumbbell", dumbbell), ("slope", slope), ("small-multiples", smallMultiples), ("multilingual", multilingual)]
    }
}
