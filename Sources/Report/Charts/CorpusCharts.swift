import Analysis
import Dataset
import Foundation
import Render

/// Builds charts from the corpus: each request becomes a chart spec with its data, source rows and caveats.
public struct CorpusCharts: Sendable {
    public let store: EventTableStore
    public var corpus: Corpus { store.corpus }

    public init(store: EventTableStore) {
        self.store = store
    }

    public init(corpus: Corpus) {
        self.init(store: EventTableStore(corpus: corpus))
    }

    public func build(_ request: ChartRequest) throws -> BuiltChart {
        if request.table == "membership" { return try membershipChart(request) }
        if request.table == "indicators" { return try indicatorChart(request) }
        let table = try store.table(named: request.table)
        var events = request.filter.apply(to: table, membership: corpus.membership)
        if !request.kindGroups.isEmpty {
            events.events = events.events.map { event in
                var event = event
                event.kind = event.kind.map { request.kindGroups[$0] ?? $0 }
                return event
            }
        }
        guard !events.events.isEmpty else {
            throw ChartRequestError("no \(request.table) match the chart's filters\(request.filter.period.map { " in \($0)" } ?? ""); nothing to draw")
        }
        let content: ChartSpec.Content
        let data: ResultTable
        switch request.kind {
        case .bar: (content, data) = try bar(request, events)
        case .line: (content, data) = try line(request, events)
        case .cumulative: (content, data) = try cumulative(request, events)
        case .timeline: (content, data) = try timeline(request, events)
        case .heatmap: (content, data) = try heatmap(request, events)
        case .dumbbell: (content, data) = try dumbbell(request, table)
        case .scatter: (content, data) = try scatter(request, events)
        case .smallMultiples: (content, data) = try smallMultiples(request, events)
        }
        let caveats = table.coverage == .complete ? [] : ["\(table.title): \(table.coverage.description). \(table.coverageNote)"]
        let sourceIDs = events.events.compactMap(\.sourceID)
        return BuiltChart(spec: spec(content, request, sourceIDs: sourceIDs), sourceIDs: Array(Set(sourceIDs)).sorted(),
                          caveats: caveats, data: data)
    }

    // MARK: - Kinds

    private func bar(_ request: ChartRequest, _ events: FilteredEvents) throws -> (ChartSpec.Content, ResultTable) {
        let xKey = try groupKey(request.x, allowed: [.year, .country, .kind], role: "x")
        let byKey = try request.by.map { try groupKey($0, allowed: [.country, .kind], role: "by") }
        let keys = [xKey] + (byKey.map { [$0] } ?? [])
        let grouped = events.grouped(by: keys)
        var categories = orderedValues(grouped, index: 0, key: xKey, events: events)
        if xKey == .year { categories = yearRange(events).map(String.init) }
        let seriesNames = byKey.map { orderedValues(grouped, index: 1, key: $0, events: events) } ?? [request.y]
        var series: [BarChart.Series] = []
        for name in seriesNames {
            let values = categories.map { category -> Double? in
                let matching = grouped.groups.filter { $0.key[0] == category && (byKey == nil || $0.key[1] == name) }
                if matching.isEmpty { return request.y == "count" ? 0 : nil }
                return try? measure(request.y, matching)
            }
            series.append(BarChart.Series(name: byKey.map { label(name, key: $0) } ?? yTitle(request.y, table: request.table), values: values))
        }
        // Long names read better along a horizontal bar; years stay on a vertical axis.
        let orientation: Orientation = xKey == .year ? .vertical : .horizontal
        let chart = BarChart(categories: categories.map { label($0, key: xKey) }, series: series,
                             arrangement: byKey == nil ? .grouped : .stacked, orientation: orientation,
                             valueTitle: yTitle(request.y, table: request.table), categoryTitle: xKey == .year ? nil : xKey.rawValue.capitalized)
        return (.bar(chart), dataTable(grouped, y: request.y))
    }

    private func line(_ request: ChartRequest, _ events: FilteredEvents) throws -> (ChartSpec.Content, ResultTable) {
        guard request.x == "year" else { throw ChartRequestError("a line chart runs along years; use x: year") }
        let byKey = try request.by.map { try groupKey($0, allowed: [.country, .kind], role: "by") }
        let keys: [GroupKey] = [.year] + (byKey.map { [$0] } ?? [])
        let grouped = events.grouped(by: keys)
        let years = yearRange(events)
        var series: [LineChart.Series] = []
        let names = byKey.map { orderedValues(grouped, index: 1, key: $0, events: events) } ?? [""]
        for name in names {
            var values: [Double?] = []
            var lower: [Double?] = [], upper: [Double?] = []
            for year in years {
                let matching = grouped.groups.filter { $0.key[0] == String(year) && (byKey == nil || $0.key[1] == name) }
                let value = matching.isEmpty ? (request.y == "count" ? 0 : nil) : try? measure(request.y, matching)
                values.append(value)
                // An exact interval for a yearly count says how much a count of this size could vary by chance.
                if request.y == "count", let count = value, let interval = try? ExactPoisson.interval(count: Int(count)) {
                    lower.append(interval.interval.lower)
                    upper.append(interval.interval.upper)
                } else {
                    lower.append(nil)
                    upper.append(nil)
                }
            }
            let withBand = byKey == nil && request.y == "count" && events.table.coverage == .complete
            series.append(LineChart.Series(name: byKey.map { label(name, key: $0) } ?? yTitle(request.y, table: request.table),
                                           x: years.map(Double.init), y: values,
                                           lower: withBand ? lower : nil, upper: withBand ? upper : nil))
        }
        var chart = LineChart(series: series, xScale: .year, yTitle: yTitle(request.y, table: request.table))
        chart.events = request.annotations
        return (.line(chart), dataTable(grouped, y: request.y))
    }

    private func cumulative(_ request: ChartRequest, _ events: FilteredEvents) throws -> (ChartSpec.Content, ResultTable) {
        let byKey = try request.by.map { try groupKey($0, allowed: [.country, .kind], role: "by") }
        var byName: [String: [CumulativeChart.Occurrence]] = [:]
        for event in events.events {
            let names = byKey == .country ? event.countries : [byKey == .kind ? (event.kind ?? "other") : "all"]
            for name in names { byName[name, default: []].append(.init(x: decimalYear(event.date))) }
        }
        let ordered = byName.keys.sorted { (byName[$0]!.count, $1) > (byName[$1]!.count, $0) }
        let series = ordered.map { name in
            CumulativeChart.Series(name: byKey.map { label(name, key: $0) } ?? yTitle("count", table: request.table), occurrences: byName[name]!)
        }
        var chart = CumulativeChart(series: series, yTitle: "Cumulative \(request.table)")
        chart.events = request.annotations
        let grouped = events.grouped(by: [.year] + (byKey.map { [$0] } ?? []))
        return (.cumulative(chart), dataTable(grouped, y: "count"))
    }

    private func timeline(_ request: ChartRequest, _ events: FilteredEvents) throws -> (ChartSpec.Content, ResultTable) {
        var items: [TimelineChart.Event] = []
        var rows: [[ResultTable.Cell]] = []
        for event in events.events {
            for country in event.countries {
                let magnitude = request.table == "attacks" ? event.killed.map(Double.init) : nil
                items.append(.init(time: decimalYear(event.date), lane: corpus.countryName(country), magnitude: magnitude))
                rows.append([.text(event.date.description), .text(corpus.countryName(country)), event.killed.map { .integer($0) } ?? .missing, .text(event.id)])
            }
        }
        let lanes = Dictionary(grouping: items, by: \.lane).sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map(\.key)
        var chart = TimelineChart(events: items, lanes: lanes, magnitudeTitle: request.table == "attacks" ? "Killed" : nil)
        chart.notes = request.annotations
        return (.timeline(chart), ResultTable(columns: [.init("date"), .init("country"), .init("killed", alignment: .right), .init("id")], rows: rows))
    }

    private func heatmap(_ request: ChartRequest, _ events: FilteredEvents) throws -> (ChartSpec.Content, ResultTable) {
        let grouped = events.grouped(by: [.country, .year])
        let years = yearRange(events)
        let countries = orderedValues(grouped, index: 0, key: .country, events: events)
        let values = countries.map { country in
            years.map { year -> Double? in
                let matching = grouped.groups.filter { $0.key[0] == country && $0.key[1] == String(year) }
                return matching.isEmpty ? 0 : try? measure(request.y, matching)
            }
        }
        let chart = HeatMapChart(rows: countries.map { corpus.countryName($0) }, columns: years.map(String.init), values: values,
                                 valueTitle: yTitle(request.y, table: request.table))
        return (.heatmap(chart), dataTable(grouped, y: request.y))
    }

    private func dumbbell(_ request: ChartRequest, _ table: EventTable) throws -> (ChartSpec.Content, ResultTable) {
        guard request.periods.count == 2 else {
            throw ChartRequestError("a dumbbell chart compares two periods; give periods: [2001-2011, 2024]")
        }
        let byKey = try groupKey(request.by ?? "country", allowed: [.country, .kind], role: "by")
        let (first, second) = (request.periods[0], request.periods[1])
        func rates(_ period: Period) -> [String: Double] {
            var filter = request.filter
            filter.period = period
            let grouped = filter.apply(to: table, membership: corpus.membership).grouped(by: [byKey])
            return Dictionary(uniqueKeysWithValues: grouped.groups.map { ($0.key[0], Double($0.count) / period.years) })
        }
        let a = rates(first), b = rates(second)
        let categories = Set(a.keys).union(b.keys).sorted()
        guard !categories.isEmpty else { throw ChartRequestError("no \(request.table) in \(first) or \(second); nothing to draw") }
        let chart = DumbbellChart(categories: categories.map { label($0, key: byKey) }, start: categories.map { a[$0] ?? 0 },
                                  end: categories.map { b[$0] ?? 0 }, startLabel: first.description, endLabel: second.description,
                                  valueTitle: "\(request.table.capitalized) per year")
        let rows = categories.map { [ResultTable.Cell.text(label($0, key: byKey)), .number(a[$0] ?? 0, digits: 2), .number(b[$0] ?? 0, digits: 2)] }
        return (.dumbbell(chart), ResultTable(columns: [.init(byKey.rawValue), .init("per year \(first)", alignment: .right),
                                                        .init("per year \(second)", alignment: .right)], rows: rows))
    }

    private func scatter(_ request: ChartRequest, _ events: FilteredEvents) throws -> (ChartSpec.Content, ResultTable) {
        let pairs = events.events.compactMap { event -> (Event, Int, Int)? in
            guard let killed = event.killed, let wounded = event.wounded else { return nil }
            return (event, killed, wounded)
        }
        guard pairs.count >= 2 else { throw ChartRequestError("a scatter of killed against wounded needs events with both figures; \(pairs.count) have both") }
        let chart = ScatterChart(points: pairs.map { .init(x: Double($0.1), y: Double($0.2), group: corpus.countryName($0.0.countries.first ?? "")) },
                                 xTitle: "Killed", yTitle: "Wounded")
        let rows = pairs.map { [ResultTable.Cell.text($0.0.id), .integer($0.1), .integer($0.2)] }
        return (.scatter(chart), ResultTable(columns: [.init("id"), .init("killed", alignment: .right), .init("wounded", alignment: .right)], rows: rows))
    }

    private func smallMultiples(_ request: ChartRequest, _ events: FilteredEvents) throws -> (ChartSpec.Content, ResultTable) {
        let grouped = events.grouped(by: [.country, .year])
        let years = yearRange(events)
        let countries = orderedValues(grouped, index: 0, key: .country, events: events)
        let panels = countries.map { country in
            SmallMultiplesChart.Panel(title: corpus.countryName(country), series: [LineChart.Series(
                name: yTitle(request.y, table: request.table), x: years.map(Double.init),
                y: years.map { year in
                    let matching = grouped.groups.filter { $0.key[0] == country && $0.key[1] == String(year) }
                    return matching.isEmpty ? 0 : try? measure(request.y, matching)
                })])
        }
        var chart = SmallMultiplesChart(panels: panels, yTitle: yTitle(request.y, table: request.table))
        chart.events = request.annotations
        return (.smallMultiples(chart), dataTable(grouped, y: request.y))
    }

    // MARK: - Tables that are not event lists

    /// Members, observers and dialogue partners at the end of each year.
    private func membershipChart(_ request: ChartRequest) throws -> BuiltChart {
        let size = request.filter.period.map { MembershipSize(corpus: corpus, years: Array($0.firstYear...$0.lastYear)) }
            ?? MembershipSize(corpus: corpus)
        let years = size.years
        let statuses = MembershipSize.statuses
        let counts = size.counts.mapValues { $0.map { Optional(Double($0)) } }
        let names: [MembershipSpell.Status: String] = [.member: "Members", .observer: "Observers", .dialoguePartner: "Dialogue partners"]
        var chart = LineChart(series: statuses.map { LineChart.Series(name: names[$0]!, x: years.map(Double.init), y: counts[$0]!) },
                              xScale: .year, yTitle: "States at the end of the year")
        chart.stepped = true
        chart.events = request.annotations
        let data = size.table
        let sourceIDs = Array(Set(corpus.membership.map(\.provenance.sourceID))).sorted()
        return BuiltChart(spec: spec(.line(chart), request, sourceIDs: sourceIDs), sourceIDs: sourceIDs, caveats: [], data: data)
    }

    /// Reported figures side by side: one group per indicator, one bar per reporting period.
    private func indicatorChart(_ request: ChartRequest) throws -> BuiltChart {
        let wanted = request.filter.kinds
        let rows = corpus.indicators.filter { wanted?.contains($0.indicator) ?? true }.filter { $0.quantity.value != nil }
        guard !rows.isEmpty else { throw ChartRequestError("no indicators match \(wanted.map { $0.sorted().joined(separator: ", ") } ?? "the request")") }
        let indicators = wanted.map { Array($0).sorted() } ?? Array(Set(rows.map(\.indicator))).sorted()
        let periods = Array(Set(rows.map(\.periodDescription))).sorted()
        let series = periods.map { period in
            BarChart.Series(name: period, values: indicators.map { name in
                rows.first { $0.indicator == name && $0.periodDescription == period }?.quantity.value
            })
        }
        var chart = BarChart(categories: indicators.map { $0.replacingOccurrences(of: "-", with: " ").capitalizedFirst },
                             series: series, arrangement: .grouped, orientation: .horizontal, valueTitle: "Reported figure")
        chart.valueFormat = .grouped
        chart.showsValues = true
        let table = ResultTable(columns: [.init("indicator"), .init("period"), .init("value", alignment: .right), .init("scope")],
                                rows: rows.filter { indicators.contains($0.indicator) }.map {
                                    [.text($0.indicator), .text($0.periodDescription), .text($0.quantity.description), .text($0.scope ?? "")]
                                })
        let sourceIDs = Array(Set(rows.map(\.provenance.sourceID))).sorted()
        let note = corpus.catalog.table(named: "indicators")?.coverageNote ?? ""
        return BuiltChart(spec: spec(.bar(chart), request, sourceIDs: sourceIDs), sourceIDs: sourceIDs, caveats: [note], data: table)
    }

    // MARK: - Helpers

    private func spec(_ content: ChartSpec.Content, _ request: ChartRequest, sourceIDs: [String]) -> ChartSpec {
        var spec = ChartSpec(content, theme: request.theme, width: request.width, height: request.height)
        spec.text = ChartText(title: request.title, subtitle: request.subtitle, source: SourceLine.text(for: sourceIDs, corpus: corpus))
        return spec
    }

    private func groupKey(_ name: String, allowed: [GroupKey], role: String) throws -> GroupKey {
        guard let key = GroupKey(rawValue: name), allowed.contains(key) else {
            throw ChartRequestError("\(role) '\(name)' is not available here; use \(allowed.map(\.rawValue).joined(separator: " or "))")
        }
        return key
    }

    private func measure(_ y: String, _ groups: [GroupTotals]) throws -> Double? {
        switch y {
        case "count": return Double(groups.reduce(0) { $0 + $1.count })
        case "killed", "wounded":
            let sums = groups.map { y == "killed" ? $0.killed : $0.wounded }
            let known = sums.reduce(0) { $0 + $1.knownRows }
            return known == 0 ? nil : Double(sums.reduce(0) { $0 + $1.total })
        default:
            throw ChartRequestError("y '\(y)' is not available; use count, killed or wounded")
        }
    }

    private func yTitle(_ y: String, table: String) -> String {
        switch y {
        case "killed": return "Killed (where stated)"
        case "wounded": return "Wounded (where stated)"
        default: return table.capitalizedFirst
        }
    }

    private func label(_ value: String, key: GroupKey) -> String {
        key == .country ? corpus.countryName(value) : value
    }

    /// Values of one key, most frequent first (ties alphabetically), so legends and stacks read from the largest.
    private func orderedValues(_ grouped: GroupedEvents, index: Int, key: GroupKey, events: FilteredEvents) -> [String] {
        var totals: [String: Int] = [:]
        for group in grouped.groups { totals[group.key[index], default: 0] += group.count }
        if key == .year { return totals.keys.sorted { Int($0)! < Int($1)! } }
        return totals.keys.sorted { (totals[$0]!, $1) > (totals[$1]!, $0) }
    }

    /// The years a chart runs along: the whole period asked for, so quiet years at either end show
    /// as zero; an open-ended period (`--from` only) stops where the data stop. Callers ensure events exist.
    private func yearRange(_ events: FilteredEvents) -> [Int] {
        let years = events.events.map(\.year)
        let dataFirst = years.min() ?? 0, dataLast = years.max() ?? 0
        let period = events.filter.period
        // Open ends are written as years 1 and 9999 (see periodOption); those follow the data.
        let first = period.map { $0.firstYear > 1 ? $0.firstYear : dataFirst } ?? dataFirst
        let last = period.map { $0.lastYear < 9999 ? $0.lastYear : dataLast } ?? dataLast
        return first <= last ? Array(first...last) : [dataFirst]
    }

    /// Middle of the date's possible range, as a fractional year, so a month-precise date sits mid-month.
    private func decimalYear(_ date: PartialDate) -> Double {
        let start = date.earliestDay.daysSinceEpoch, end = date.latestDay.daysSinceEpoch
        let yearStart = DayDate(year: date.year, month: 1, day: 1).daysSinceEpoch
        let yearLength = DayDate(year: date.year + 1, month: 1, day: 1).daysSinceEpoch - yearStart
        return Double(date.year) + (Double(start + end) / 2 + 0.5 - Double(yearStart)) / Double(yearLength)
    }

    private func dataTable(_ grouped: GroupedEvents, y: String) -> ResultTable {
        let columns = grouped.keys.map { ResultTable.Column($0.rawValue) } + [.init(y, alignment: .right)]
        let rows = grouped.groups.map { group -> [ResultTable.Cell] in
            let value = try? measure(y, [group])
            return group.key.map { ResultTable.Cell.text($0) } + [value.flatMap { $0 }.map { .integer(Int($0)) } ?? .missing]
        }
        return ResultTable(columns: columns, rows: rows)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
