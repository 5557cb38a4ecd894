import Analysis
import Dataset
import Render

/// Named charts of the corpus that work out of the box: `scobrief chart attacks-per-year -o fig.pdf`.
public enum ChartPresets {
    /// A named chart: what `chart --list` shows and what `chart NAME` draws.
    public struct Preset: Sendable {
        /// The name to ask for (`attacks-per-year`).
        public var name: String
        /// One line on what the chart shows.
        public var summary: String
        /// The chart it draws, before any options the user adds.
        public var request: ChartRequest
    }

    /// Every preset, in the order `chart --list` prints them.
    public static let all: [Preset] = {
        func preset(_ name: String, _ summary: String, _ request: ChartRequest) -> Preset {
            Preset(name: name, summary: summary, request: request)
        }
        let period2001to2011 = try! Period(years: 2001, 2011)
        let period2024 = try! Period(years: 2024, 2024)
        return [
            preset("attacks-per-year", "Attacks named in the sources, per year",
                   ChartRequest(kind: BarChart.self, table: "attacks", title: "Attacks named in the sources, by year")),
            preset("attacks-by-country", "Attacks named in the sources, by country",
                   ChartRequest(kind: BarChart.self, table: "attacks", x: "country", title: "Attacks named in the sources, by country")),
            preset("killed-per-year", "People killed in the named attacks, per year (where stated)",
                   ChartRequest(kind: BarChart.self, table: "attacks", y: "killed", title: "Deaths in the named attacks, by year",
                                subtitle: "Attacks without a stated death toll are not counted")),
            preset("attacks-timeline", "Named attacks on a time line, by country, sized by deaths",
                   ChartRequest(kind: TimelineChart.self, table: "attacks", title: "Named attacks by country and date")),
            preset("attacks-heatmap", "Named attacks per year and country",
                   ChartRequest(kind: HeatMapChart.self, table: "attacks", filter: EventFilter(period: period2001to2011),
                                title: "Named attacks per country and year, 2001–2011")),
            preset("attacks-2001-2011-vs-2024", "Named attacks per year by country: 2001–2011 against 2024",
                   ChartRequest(kind: DumbbellChart.self, table: "attacks", by: "country", periods: [period2001to2011, period2024],
                                title: "Named attacks per year, 2001–2011 and 2024",
                                subtitle: "Rates of named examples, not incidence rates")),
            preset("exercises-per-year", "Joint exercises per year, by host country",
                   ChartRequest(kind: BarChart.self, table: "exercises", by: "country", title: "Joint exercises by year and host",
                                subtitle: "An exercise held in two countries counts once for each host")),
            preset("exercises-timeline", "Joint exercises on a time line, by host",
                   ChartRequest(kind: TimelineChart.self, table: "exercises", title: "Joint exercises by host and date")),
            preset("documents-cumulative", "Cumulative documents on counter-terrorism cooperation, by type",
                   ChartRequest(kind: CumulativeChart.self, table: "documents", by: "kind", title: "Growth of the SCO's counter-terrorism documents",
                                kindGroups: documentFamilies)),
            preset("membership-by-status", "Members, observers and dialogue partners at the end of each year",
                   ChartRequest(kind: LineChart.self, table: "membership", title: "SCO membership by status",
                                annotations: [EventNote(x: 2017, label: "2017: India and Pakistan join"),
                                              EventNote(x: 2023, label: "2023: Iran joins"),
                                              EventNote(x: 2024, label: "2024: Belarus joins")])),
            // Events and persons are different units, so they are two charts, never one axis.
            preset("rats-results", "RATS results in events (attacks and crimes prevented), 2017 and 2024",
                   ChartRequest(kind: BarChart.self, table: "indicators",
                                filter: EventFilter(kinds: ["attacks-prevented", "crimes-prevented"]),
                                title: "RATS results as reported: events prevented",
                                subtitle: "The 2017 figures cover an unstated period; the 2024 figures one year")),
            preset("rats-persons", "RATS results in persons (detained and extradited), 2017 and 2024",
                   ChartRequest(kind: BarChart.self, table: "indicators",
                                filter: EventFilter(kinds: ["persons-detained", "persons-extradited"]),
                                title: "RATS results as reported: persons",
                                subtitle: "The 2017 figures cover an unstated period; the 2024 figures one year")),
        ]
    }()

    /// Document types in three families a reader can tell apart at a glance.
    public static let documentFamilies: [String: String] = [
        "charter": "Charter, conventions, treaties, agreements", "convention": "Charter, conventions, treaties, agreements",
        "treaty": "Charter, conventions, treaties, agreements", "agreement": "Charter, conventions, treaties, agreements",
        "programme": "Programmes, plans, concepts", "plan": "Programmes, plans, concepts", "concept": "Programmes, plans, concepts",
        "declaration": "Declarations and statements", "statement": "Declarations and statements",
    ]

    /// The preset called `name`, if there is one.
    public static func named(_ name: String) -> Preset? {
        all.first { $0.name == name }
    }
}
