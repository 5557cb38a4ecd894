import Analysis
import Dataset
import Foundation
import Render

/// Builds charts from the corpus: each request becomes a chart spec with its data, source rows and caveats.
public struct CorpusCharts: Sendable {
    /// The event tables, each read once and shared by every chart of a report.
    public let store: EventTableStore
    /// The corpus the tables come from (sources, countries, membership).
    public var corpus: Corpus { store.corpus }
    /// The language of the words drawn (axis titles, legends, country names); English by default.
    public var localiser = Localiser(language: .english)

    /// Charts over tables already read (a report builds all its charts from one store).
    public init(store: EventTableStore) {
        self.store = store
    }

    /// Charts over a corpus whose tables are read as the charts need them.
    public init(corpus: Corpus) {
        self.init(store: EventTableStore(corpus: corpus))
    }

    /// The chart a request asks for, with its data, the source ids of its rows and its caveats;
    /// throws when the request names what the table does not have.
    public func build(_ request: ChartRequest) throws -> BuiltChart {
        try checkEventNotes(request)
        try checkChannelsAreUsed(request)
        try checkPeriodsAreUsed(request)
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
        let kind = request.kind
        let (english, data) = try bind(kind.statistic, request, events, table)
        let binding = localiser.localised(english)
        var chart: any ChartKind
        do {
            chart = localiser.localisedWords(try kind.init(binding: binding))
        } catch {
            throw ChartRequestError(error.message)
        }
        // A cumulative chart words its axis from the measure ("Cumulative documents"): translated whole.
        if localiser.language != .english, var cumulative = chart as? CumulativeChart {
            cumulative.yTitle = localiser.label("Cumulative " + english.yTitle.prefix(1).lowercased() + english.yTitle.dropFirst())
            chart = cumulative
        }
        // Events exist, so only rates over the periods asked for can come out empty (none fell in any period).
        guard !binding.rows.isEmpty else {
            throw ChartRequestError("no \(request.table) in \(binding.xValues.map(\.description).joined(separator: " or ")); nothing to draw")
        }
        let caveats = table.coverage == .complete ? [] : ["\(table.title): \(table.coverage.description). \(table.coverageNote)"]
        let sourceIDs = events.events.compactMap(\.sourceID)
        // Charts over time say what their years cover; the others carry the set of states only.
        let drawsYears: Bool
        switch kind.statistic {
        case .groups, .occurrences: drawsYears = true
        case .pairs, .periodRates: drawsYears = false
        }
        // Notes printed under the figure, in the report's language.
        var coverageNotes = drawsYears ? localiser.coverageNotes(coverageWindow(events), usage: .drawnAsGap) : []
        coverageNotes += localiser.compositionNotes(events)
        var dataTable = data
        dataTable.notes += coverageNotes
        return BuiltChart(spec: spec(chart, request, sourceIDs: sourceIDs), sourceIDs: Array(Set(sourceIDs)).sorted(),
                          caveats: caveats, data: dataTable, coverageNotes: coverageNotes)
    }

    // MARK: - Statistics (one per ChartStatistic case, never one per kind)

    /// The statistic a kind draws, computed on the corpus and bound to channels, with the data as a table.
    private func bind(_ statistic: ChartStatistic, _ request: ChartRequest, _ events: FilteredEvents,
                      _ table: EventTable) throws -> (ChartBinding, ResultTable) {
        switch statistic {
        case .groups(let x, let series): return try groups(request, events, x: x, series: series)
        case .occurrences(let series): return try occurrences(request, events, series: series)
        case .pairs(let x, let y): return try pairs(request, events, x: x, y: y)
        case .periodRates: return try periodRates(request, table)
        }
    }

    /// Counts or sums per x and series, every cell of the grid present so empty cells draw as such.
    private func groups(_ request: ChartRequest, _ events: FilteredEvents, x: String?, series: String?) throws -> (ChartBinding, ResultTable) {
        let xKey = try groupKey(x ?? request.x, allowed: [.year, .country, .kind], role: "x")
        // Checked before any cell is measured: a cell's measure is read leniently (a group with no
        // stated figure is a gap), which would otherwise turn an unknown measure into an empty chart.
        guard Self.measures.contains(request.y) else {
            throw ChartRequestError("y '\(request.y)' is not a measure of \(request.table); the measures are \(Self.measures.joined(separator: ", "))")
        }
        let byKey = try (series ?? request.by).map { try groupKey($0, allowed: [.country, .kind], role: "by") }
        let keys = [xKey] + (byKey.map { [$0] } ?? [])
        let grouped = events.grouped(by: keys)
        let xValues = xKey == .year ? yearRange(events).map(String.init) : orderedValues(grouped, index: 0, key: xKey, events: events)
        let window = coverageWindow(events)
        let seriesValues = byKey.map { orderedValues(grouped, index: 1, key: $0, events: events) }
        var cells: [[String]: [GroupTotals]] = [:]
        for group in grouped.groups { cells[group.key, default: []].append(group) }
        // An exact interval for a yearly count says how much a count of this size could vary by chance.
        let withBand = xKey == .year && byKey == nil && request.y == "count" && events.table.coverage == .complete
        var rows: [ChartBinding.Row] = []
        let seriesNames: [String?] = seriesValues.map { $0.map(Optional.some) } ?? [nil]
        for name in seriesNames {
            for value in xValues {
                let matching = cells[[value] + (name.map { [$0] } ?? [])] ?? []
                // A year the data do not cover is a gap in the line, never a zero bar.
                let uncovered = xKey == .year && window.exposure(inYear: Int(value)!) == 0
                let y: Double? = uncovered ? nil : matching.isEmpty ? (request.y == "count" ? 0 : nil) : (try? measure(request.y, matching)) ?? nil
                var row = ChartBinding.Row(x: xKey == .year ? .number(Double(value)!) : .text(label(value, key: xKey)), y: y,
                                           series: name.map { label($0, key: byKey!) }, count: matching.reduce(0) { $0 + $1.count })
                if withBand, let count = y, let interval = try? ExactPoisson.interval(count: Int(count)) {
                    row.lower = interval.interval.lower
                    row.upper = interval.interval.upper
                }
                rows.append(row)
            }
        }
        let binding = ChartBinding(rows: rows, xValues: xValues.map { xKey == .year ? .number(Double($0)!) : .text(label($0, key: xKey)) },
                                   series: (seriesValues ?? []).map { label($0, key: byKey!) }, xIsTime: xKey == .year,
                                   xTitle: xKey == .year ? nil : xKey.rawValue.capitalized, yTitle: yTitle(request.y, table: request.table),
                                   events: request.annotations)
        return (binding, dataTable(grouped, y: request.y))
    }

    /// One row per event (and per country when split by country) at its date, sized by deaths for attacks.
    private func occurrences(_ request: ChartRequest, _ events: FilteredEvents, series: String?) throws -> (ChartBinding, ResultTable) {
        let byKey = try (series ?? request.by).map { try groupKey($0, allowed: [.country, .kind], role: "by") }
        let sized = request.table == "attacks"
        var rows: [ChartBinding.Row] = []
        var tableRows: [[ResultTable.Cell]] = []
        var counts: [String: Int] = [:]
        for event in events.events {
            let names: [String?] = byKey == .country ? event.countries : [byKey == .kind ? (event.kind ?? "other") : nil]
            for name in names {
                if let name { counts[name, default: 0] += 1 }
                rows.append(ChartBinding.Row(x: .number(decimalYear(event.date)), series: name.map { label($0, key: byKey!) },
                                             size: sized ? event.killed.map(Double.init) : nil, label: event.id))
                tableRows.append([.text(event.date.description)] + (name.map { [.text(label($0, key: byKey!))] } ?? [])
                                 + [event.killed.map { .integer($0) } ?? .missing, .text(event.id)])
            }
        }
        // Largest series first; ties by the data's own value.
        let ordered = counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
        let binding = ChartBinding(rows: rows, series: ordered.map { label($0, key: byKey!) }, xIsTime: true,
                                   yTitle: yTitle("count", table: request.table), sizeTitle: sized ? "Killed" : nil,
                                   events: request.annotations)
        let columns = [ResultTable.Column("date")] + (byKey.map { [.init($0.rawValue)] } ?? [])
            + [.init("killed", alignment: .right), .init("id")]
        return (binding, ResultTable(columns: columns, rows: tableRows))
    }

    /// One row per event with both measures stated, grouped by its first country.
    private func pairs(_ request: ChartRequest, _ events: FilteredEvents, x: String, y: String) throws -> (ChartBinding, ResultTable) {
        func value(_ event: Event, _ field: String) throws -> Int? {
            switch field {
            case "killed": return event.killed
            case "wounded": return event.wounded
            default: throw ChartRequestError("'\(field)' is not a measure of events; use killed or wounded")
            }
        }
        let found = try events.events.compactMap { event -> (Event, Int, Int)? in
            guard let a = try value(event, x), let b = try value(event, y) else { return nil }
            return (event, a, b)
        }
        guard found.count >= 2 else {
            throw ChartRequestError("a chart of \(x) against \(y) needs events with both figures; \(found.count) have both")
        }
        let rows = found.map { ChartBinding.Row(x: .number(Double($0.1)), y: Double($0.2), series: corpus.countryName($0.0.countries.first ?? ""),
                                                label: $0.0.id) }
        let binding = ChartBinding(rows: rows, xTitle: x.capitalizedFirst, yTitle: y.capitalizedFirst)
        let table = ResultTable(columns: [.init("id"), .init(x, alignment: .right), .init(y, alignment: .right)],
                                rows: found.map { [.text($0.0.id), .integer($0.1), .integer($0.2)] })
        return (binding, table)
    }

    /// Events per year in each period asked for, per country or kind, so periods of different lengths compare.
    private func periodRates(_ request: ChartRequest, _ table: EventTable) throws -> (ChartBinding, ResultTable) {
        let byKey = try groupKey(request.by ?? "country", allowed: [.country, .kind], role: "by")
        let rates = try request.periods.map { period throws -> [String: Double] in
            var filter = request.filter
            filter.period = period
            let events = filter.apply(to: table, membership: corpus.membership)
            // A rate over a period the data do not reach would be a guess; months in a gap leave the exposure.
            let window = CoverageWindow(coverage: table.dataCoverage, period: period, countries: events.coverageSelection)
            if let refusal = window.refusal(subject: request.table) { throw ChartRequestError(refusal.description) }
            guard window.exposureYears > 0 else { throw ChartRequestError("\(request.table) in \(period): the data have no observed month in it (\(window.uncovered.map(\.explained).joined(separator: ", ")))") }
            let grouped = events.grouped(by: [byKey])
            return Dictionary(uniqueKeysWithValues: grouped.groups.map { ($0.key[0], Double($0.count) / window.exposureYears) })
        }
        let categories = rates.reduce(Set<String>()) { $0.union($1.keys) }.sorted()
        var rows: [ChartBinding.Row] = []
        for (period, rate) in zip(request.periods, rates) {
            for category in categories {
                rows.append(ChartBinding.Row(x: .text(period.description), y: rate[category] ?? 0, series: label(category, key: byKey)))
            }
        }
        let binding = ChartBinding(rows: rows, xValues: request.periods.map { .text($0.description) },
                                   series: categories.map { label($0, key: byKey) }, xTitle: "Period",
                                   yTitle: "\(request.table.capitalized) per year")
        let columns = [ResultTable.Column(byKey.rawValue)] + request.periods.map { ResultTable.Column("per year \($0)", alignment: .right) }
        let tableRows = categories.map { category in
            [ResultTable.Cell.text(label(category, key: byKey))] + rates.map { .number($0[category] ?? 0, digits: 2) }
        }
        return (binding, ResultTable(columns: columns, rows: tableRows))
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
        var chart = LineChart(series: statuses.map { LineChart.Series(name: localiser.label(names[$0]!), x: years.map(Double.init), y: counts[$0]!) },
                              xScale: .year, yTitle: localiser.label("States at the end of the year"))
        chart.stepped = true
        chart.events = localiser.localised(request.annotations)
        var data = size.table
        data.data = [TableAnalyses.membershipData(size)]
        let sourceIDs = Array(Set(corpus.membership.map(\.provenance.sourceID))).sorted()
        return BuiltChart(spec: spec(chart, request, sourceIDs: sourceIDs), sourceIDs: sourceIDs, caveats: [], data: data)
    }

    /// Reported figures side by side: one group per indicator, one bar per reporting period.
    private func indicatorChart(_ request: ChartRequest) throws -> BuiltChart {
        let wanted = request.filter.kinds
        let rows = corpus.indicators.filter { wanted?.contains($0.indicator) ?? true }.filter { $0.quantity.value != nil }
        guard !rows.isEmpty else { throw ChartRequestError("no indicators match \(wanted.map { $0.sorted().joined(separator: ", ") } ?? "the request")") }
        let indicators = wanted.map { Array($0).sorted() } ?? Array(Set(rows.map(\.indicator))).sorted()
        try checkUnits(rows.filter { indicators.contains($0.indicator) })
        let periods = Array(Set(rows.map(\.periodDescription))).sorted()
        // A figure the source does not give for a period stays nil (drawn "n/a", never a zero bar);
        // "more than 1,300" is drawn as the lower bound it is.
        let series = periods.map { period in
            let quantities = indicators.map { name in rows.first { $0.indicator == name && $0.periodDescription == period }?.quantity }
            return BarChart.Series(name: localiser.cell(period), values: quantities.map { $0?.value },
                                   lowerBounds: quantities.map { $0?.qualifier.isLowerBound ?? false })
        }
        // One unit (checked above), so the axis is titled by it: "Persons, as reported".
        let unit = rows.first { indicators.contains($0.indicator) }?.unit ?? "figure"
        var chart = BarChart(categories: indicators.map { localiser.label($0.replacingOccurrences(of: "-", with: " ").capitalizedFirst) },
                             series: series, arrangement: .grouped, orientation: .horizontal,
                             valueTitle: localiser.label("\(unit.capitalizedFirst), as reported"))
        chart.valueFormat = .grouped
        chart.showsValues = true
        chart.marksMissing = true
        chart = localiser.localisedWords(chart)
        var table = ResultTable(columns: [.init("indicator"), .init("period"), .init("value", alignment: .right), .init("scope")],
                                rows: rows.filter { indicators.contains($0.indicator) }.map {
                                    [.text($0.indicator), .text($0.periodDescription), .text($0.quantity.description), .text($0.scope ?? "")]
                                })
        // The figure set's CSV: "more than 1,300" as the number 1300 and the qualifier more-than.
        table.data = [TableAnalyses.indicatorsData(rows.filter { indicators.contains($0.indicator) }) { corpus.source(id: $0)?.shortCitation }]
        let sourceIDs = Array(Set(rows.map(\.provenance.sourceID))).sorted()
        let note = corpus.catalog.table(named: "indicators")?.coverageNote ?? ""
        return BuiltChart(spec: spec(chart, request, sourceIDs: sourceIDs), sourceIDs: sourceIDs, caveats: [note], data: table)
    }

    // MARK: - Checks made before anything is drawn

    /// The measures a bar, line or heat map can draw of an event table.
    static let measures = ["count", "killed", "wounded"]

    /// Refuses notes the chosen kind would silently drop. The membership chart is always a line
    /// chart, so it draws them whatever kind was named; the indicators chart never does.
    private func checkEventNotes(_ request: ChartRequest) throws {
        guard !request.annotations.isEmpty else { return }
        let drawn = request.table == "membership" || (request.table != "indicators" && request.kind.drawsEventNotes)
        guard !drawn else { return }
        let what = request.table == "indicators" ? "a chart of indicators" : "a \(request.kind.name) chart"
        throw ChartRequestError("\(what) has no time axis to draw event notes on (--annotate, a spec's annotations:); the kinds that "
                                + "draw them are \(ChartKinds.namesDrawingEventNotes.joined(separator: ", ")); leave the notes out or choose one of those kinds")
    }

    /// Refuses `--x`, `--y` and `--by` where the chart would ignore them (`ChannelUse.corpus` says
    /// which kinds read each): a kind that fixes its own axis or series, and the membership and
    /// indicators tables, which draw their own figures. The year and the count are the defaults,
    /// so they are never refused.
    private func checkChannelsAreUsed(_ request: ChartRequest) throws {
        let given: [(ChartChannel, String?)] = [(.y, request.y == "count" ? nil : request.y), (.x, request.x == "year" ? nil : request.x),
                                                (.color, request.by)]
        for case let (channel, value?) in given {
            if request.table == "membership" || request.table == "indicators" {
                let draws = [ChartChannel.x: "draws its own axes", .y: "draws its own figures", .color: "draws its own series"][channel]!
                throw ChartRequestError(ChannelRefusal(option: ChannelUse.corpus.option(channel), value: value, subject: "the \(request.table) table",
                                                       reason: draws, readers: []).sentence)
            }
            if let refusal = ChannelUse.corpus.refusal(channel, value: value, kind: request.kind) {
                throw ChartRequestError(refusal.sentence)
            }
        }
    }

    /// Refuses periods to compare where no comparison is drawn: only kinds that draw a rate per
    /// period read them; the others would draw every year and drop the periods unseen.
    private func checkPeriodsAreUsed(_ request: ChartRequest) throws {
        let using = ChartKinds.all.filter { $0.statistic == .periodRates }.map { $0.name }
        // A kind that compares periods counts each one whole; a range of years on top would be dropped.
        if using.contains(request.kind.name), let range = request.filter.period {
            throw ChartRequestError("a range of years (--from/--to, a spec's period:, here \(range)) does not apply to a \(request.kind.name) chart, "
                                    + "which counts each period it compares whole; give the periods themselves with --period (a spec's periods:)")
        }
        guard !request.periods.isEmpty else { return }
        guard using.contains(request.kind.name), request.table != "membership", request.table != "indicators" else {
            let what = request.table == "membership" || request.table == "indicators" ? "the \(request.table) table" : "a \(request.kind.name) chart"
            throw ChartRequestError("periods to compare (--period, a spec's periods:) do not apply to \(what); the kinds that compare periods are "
                                    + "\(using.joined(separator: ", ")); to limit the years drawn use --from and --to (a spec's period:)")
        }
    }

    /// Refuses indicators whose values do not share a unit: 43 attacks prevented beside 2,000
    /// persons detained on one axis would read as one measure, and an area in km² beside counts even
    /// less. Each unit gets its own chart (the `rats-results` and `rats-persons` presets).
    private func checkUnits(_ rows: [Indicator]) throws {
        let units = Set(rows.map(\.unit))
        guard units.count > 1 else { return }
        let byUnit = Dictionary(grouping: rows, by: \.unit).mapValues { Array(Set($0.map(\.indicator))).sorted() }
        let listed = byUnit.keys.sorted().map { "\($0) (\(byUnit[$0]!.joined(separator: ", ")))" }.joined(separator: "; ")
        // The suggestion is the unit with the most indicators, ties by name, so it is the same every run.
        let largest = byUnit.keys.sorted { (byUnit[$0]!.count, $1) > (byUnit[$1]!.count, $0) }[0]
        throw ChartRequestError("a chart of these indicators would mix units on one axis: \(listed); "
                                + "choose indicators of one unit (--kind on the command line, kinds: in a spec), "
                                + "e.g. --kind \(byUnit[largest]!.joined(separator: ","))")
    }

    // MARK: - Helpers

    private func spec(_ content: any ChartKind, _ request: ChartRequest, sourceIDs: [String]) -> ChartSpec {
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
            throw ChartRequestError("y '\(y)' is not a measure; the measures are \(Self.measures.joined(separator: ", "))")
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
    /// The coverage of the years a chart draws (`yearRange`), for its gaps and notes.
    private func coverageWindow(_ events: FilteredEvents) -> CoverageWindow {
        let years = yearRange(events)
        return CoverageWindow(coverage: events.table.dataCoverage, period: try? Period(years: years.first!, years.last!),
                              countries: events.coverageSelection)
    }

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
        let window = coverageWindow(grouped.source)
        let yearIndex = grouped.keys.firstIndex(of: .year)
        let rows = grouped.groups.map { group -> [ResultTable.Cell] in
            // A year the data do not cover is blank here as in the chart, never 0.
            if let yearIndex, let year = Int(group.key[yearIndex]), window.exposure(inYear: year) == 0 {
                return group.key.map { ResultTable.Cell.text($0) } + [.missing]
            }
            let value = try? measure(y, [group])
            return group.key.map { ResultTable.Cell.text($0) } + [value.flatMap { $0 }.map { .integer(Int($0)) } ?? .missing]
        }
        return ResultTable(columns: columns, rows: rows)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
