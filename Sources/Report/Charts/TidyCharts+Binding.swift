import Analysis
import Dataset
import Foundation
import Render
import Support

/// The columns bound to channels: one function per statistic (as `CorpusCharts`), never per kind.
extension TidyCharts {
    /// The binding and its data; `overlap` receives rows that would draw over each other, reported
    /// only after the kind has accepted the mapping (a text x on a line chart is the first thing to say).
    func bind(_ request: TidyChartRequest, notes: inout [String], overlap: inout Diagnostic?) throws -> (ChartBinding, ResultTable) {
        switch request.kind.statistic {
        case .groups: return try groups(request, notes: &notes, overlap: &overlap)
        case .pairs: return try pairs(request, notes: &notes)
        case .periodRates: return try periods(request, notes: &notes)
        case .occurrences: throw refuse("a \(request.kind.name) chart draws dated events of the corpus, not the rows of a table")
        }
    }

    // MARK: - Values per x and series (bar, line, step, area, heat map, small multiples)

    private func groups(_ request: TidyChartRequest, notes: inout [String], overlap: inout Diagnostic?) throws -> (ChartBinding, ResultTable) {
        let channels = request.kind.channels
        // Which option feeds the series and which the value: a heat map's rows are its y and its
        // value the fill; small multiples split by facet; the others by colour.
        let seriesRole: String?, seriesName: String?, measureRole: String, measureText: String?
        if channels.contains(.fill) {
            (seriesRole, seriesName, measureRole, measureText) = ("--y", request.y, "--fill", request.fill)
            guard seriesName != nil else { throw refuse("a \(request.kind.name) chart needs --y, the column of its rows", hint: "e.g. --y region") }
        } else if channels.contains(.facet) {
            (seriesRole, seriesName, measureRole, measureText) = ("--facet", request.facet, "--y", request.y)
            guard seriesName != nil else { throw refuse("a \(request.kind.name) chart needs --facet, the column whose values get a panel each") }
        } else {
            (seriesRole, seriesName, measureRole, measureText) = ("--color", request.color, "--y", request.y)
        }
        guard let xName = request.x else { throw refuse("a \(request.kind.name) chart needs --x, the column along the x axis", hint: "e.g. --x year") }
        guard let measureText else {
            throw refuse("a \(request.kind.name) chart needs \(measureRole): a number column, count, sum:COL or mean:COL",
                         hint: "e.g. \(measureRole) value, or \(measureRole) count to count rows")
        }
        let xColumn = try column(xName, for: "--x")
        let seriesColumn = try seriesName.map { try column($0, for: seriesRole!) }
        let measure = TidyMeasure(parsing: measureText)
        let measureColumn = try measure.column.map { try numericColumn($0, for: measureRole, aggregation: measure.aggregates) }

        // Rows without a position cannot be drawn; they are left out and the caption says so.
        var placed: [Int] = []
        var unplaced: [Int] = []
        for r in 0..<table.rowCount {
            if xColumn.cells[r] == nil || (seriesColumn != nil && seriesColumn!.cells[r] == nil) { unplaced.append(r) } else { placed.append(r) }
        }
        if !unplaced.isEmpty {
            notes.append(unplacedNote(unplaced, columns: [xColumn.name] + (seriesColumn.map { [$0.name] } ?? [])))
        }
        guard !placed.isEmpty else { throw refuse("no row has a value in --x \(xColumn.name); nothing to draw") }
        try checkCoverage(of: xColumn, rows: placed)
        if let seriesColumn { try checkCoverage(of: seriesColumn, rows: placed) }

        struct Key: Hashable { var x: TidyValue; var series: TidyValue? }
        var cellRows: [Key: [Int]] = [:]
        var keyOrder: [Key] = []
        for r in placed {
            let key = Key(x: xColumn.cells[r]!, series: seriesColumn?.cells[r] ?? nil)
            if cellRows[key] == nil { keyOrder.append(key) }
            cellRows[key, default: []].append(r)
        }
        if !measure.aggregates, let duplicate = keyOrder.first(where: { cellRows[$0]!.count > 1 }) {
            let rows = cellRows[duplicate]!
            let at = "\(xColumn.name) \(duplicate.x)" + (duplicate.series.map { " and \(seriesColumn!.name) \($0)" } ?? "")
            overlap = Diagnostic(rowLocation(rows[1]),
                             "\(rowList(rows)) share \(at); their marks would be drawn over each other",
                             hint: "aggregate with \(measureRole) sum:\(measureColumn?.name ?? "COL") or \(measureRole) mean:\(measureColumn?.name ?? "COL") (or count rows with \(measureRole) count), "
                                 + "or split them with \(seriesColumn == nil ? "--color COL" : "another column")")
        }
        let xValues = ordered(keyOrder.map(\.x), type: xColumn.type)
        let seriesValues = seriesColumn.map { ordered(keyOrder.compactMap(\.series), type: $0.type) }
        var skippedMissing = 0
        func value(_ rows: [Int]?) -> Double? {
            guard let rows else { return measure == .count ? 0 : nil }
            switch measure {
            case .count: return Double(rows.count)
            case .column: return measureColumn!.cells[rows[0]]?.number
            case .sum, .mean:
                let present = rows.compactMap { measureColumn!.cells[$0]?.number }
                skippedMissing += rows.count - present.count
                guard !present.isEmpty else { return nil }
                let sum = present.reduce(0, +)
                return measure == .sum(measureColumn!.name) ? sum : sum / Double(present.count)
            }
        }
        var rows: [ChartBinding.Row] = []
        var dataRows: [[ResultTable.Cell]] = []
        for series in seriesValues.map({ $0.map(Optional.some) }) ?? [nil] {
            for x in xValues {
                let members = cellRows[Key(x: x, series: series)]
                // Counting, an empty cell is 0 rows; measuring, it is unknown and gets no row at all.
                guard members != nil || measure == .count else { continue }
                let y = value(members)
                rows.append(ChartBinding.Row(x: position(x), y: y, series: series?.description, count: members?.count ?? 0))
                dataRows.append([.text(x.description)] + (series.map { [.text($0.description)] } ?? []) + [y.map { .number($0, digits: 6) } ?? .missing])
            }
        }
        if skippedMissing > 0 {
            notes.append(missingValuesNote(skippedMissing, column: measureColumn!.name, measure: measure))
        }
        let filled = request.position == .fill
        var binding = ChartBinding(rows: rows, xValues: xValues.map(position), series: (seriesValues ?? []).map(\.description),
                                   xIsTime: xColumn.type.isNumeric || xColumn.type.isDate, xTitle: xColumn.displayTitle,
                                   yTitle: filled ? localiser.text("own.axis.share", ["title": measureTitle(measure, measureColumn)]) : measureTitle(measure, measureColumn),
                                   position: request.position, orientation: request.kind.channels.contains(.flip) ? (request.flip ? .horizontal : .vertical) : nil,
                                   absentIsZero: measure == .count)
        if xColumn.type.isDate { binding.xLabels = xValues.map(\.description) }
        let columns = [ResultTable.Column(xColumn.name)] + (seriesColumn.map { [ResultTable.Column($0.name)] } ?? [])
            + [ResultTable.Column(measure.description, alignment: .right)]
        return (binding, ResultTable(columns: columns, rows: dataRows))
    }

    // MARK: - One point per row (scatter)

    private func pairs(_ request: TidyChartRequest, notes: inout [String]) throws -> (ChartBinding, ResultTable) {
        guard let xName = request.x, let yName = request.y else {
            throw refuse("a \(request.kind.name) chart needs --x and --y, two number columns", hint: "e.g. --x spending --y attacks")
        }
        guard !TidyMeasure(parsing: yName).aggregates else {
            throw refuse("a \(request.kind.name) chart draws one point per row; --y \(yName) would aggregate", hint: "use bar or line for counts, sums and means")
        }
        let xColumn = try column(xName, for: "--x")
        guard xColumn.type.isNumeric || xColumn.type.isDate else {
            throw refuse("--x \(xName) is \(xColumn.type.article), and a \(request.kind.name) chart needs numbers or dates on x",
                         hint: "use bar for categories on x")
        }
        let yColumn = try numericColumn(yName, for: "--y")
        let seriesColumn = try request.color.map { try column($0, for: "--color") }
        let labelColumn = try request.label.map { try column($0, for: "--label") }
        let sizeColumn = try request.size.map { try numericColumn($0, for: "--size") }
        if let sizeColumn, let r = sizeColumn.cells.indices.first(where: { (sizeColumn.cells[$0]?.number ?? 0) < 0 }) {
            throw Diagnostic(rowLocation(r),
                             "--size \(sizeColumn.name) is negative here (\(sizeColumn.cells[r]!)); a size is drawn as an area and cannot be below 0",
                             hint: "map a magnitude to --size, or put signed values on --y")
        }
        try checkCoverage(of: xColumn, rows: Array(0..<table.rowCount))
        var rows: [ChartBinding.Row] = []
        var dropped: [Int] = []
        var seriesSeen: [TidyValue] = []
        for r in 0..<table.rowCount {
            guard let x = xColumn.cells[r], let y = yColumn.cells[r]?.number else { dropped.append(r); continue }
            // An unknown size cannot be drawn at any size without inventing one.
            let size = sizeColumn?.cells[r]?.number
            if sizeColumn != nil && size == nil { dropped.append(r); continue }
            let series = seriesColumn?.cells[r] ?? nil
            if let series, !seriesSeen.contains(series) { seriesSeen.append(series) }
            rows.append(ChartBinding.Row(x: position(x), y: y, series: series?.description, size: size,
                                         label: (labelColumn?.cells[r] ?? nil)?.description))
        }
        if !dropped.isEmpty {
            let what = [xColumn.name, yColumn.name] + (sizeColumn.map { [$0.name] } ?? [])
            notes.append(unplacedNote(dropped, columns: what))
        }
        guard !rows.isEmpty else { throw refuse("no row has both \(xColumn.name) and \(yColumn.name); nothing to draw") }
        let series = seriesColumn.map { ordered(seriesSeen, type: $0.type).map(\.description) } ?? []
        let binding = ChartBinding(rows: rows, series: series, xIsTime: isTime(xColumn), xTitle: xColumn.displayTitle,
                                   yTitle: yColumn.displayTitle, sizeTitle: sizeColumn?.displayTitle, absentIsZero: false, labelled: labelColumn != nil)
        let data = ResultTable(columns: [.init(xColumn.name, alignment: .right), .init(yColumn.name, alignment: .right)]
                                   + (seriesColumn.map { [ResultTable.Column($0.name)] } ?? []),
                               rows: rows.map { [.text($0.x.description), .number($0.y!, digits: 6)] + (seriesColumn != nil ? [.text($0.series ?? "")] : []) })
        return (binding, data)
    }

    // MARK: - Two periods per row compared (dumbbell, slope)

    private func periods(_ request: TidyChartRequest, notes: inout [String]) throws -> (ChartBinding, ResultTable) {
        guard let categoryName = request.color else {
            throw refuse("a \(request.kind.name) chart needs --color, the column of the rows compared", hint: "e.g. --color region")
        }
        guard let yText = request.y else {
            throw refuse("a \(request.kind.name) chart needs --y: a number column with --x naming the period column, or two number columns as --y A,B")
        }
        let categories = try column(categoryName, for: "--color")
        let parts = yText.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [ChartBinding.Row] = []
        let periodLabels: [String]
        let yTitle: String
        if parts.count == 2 {
            // Two columns, one per period: each row is one category.
            guard request.x == nil else {
                throw refuse("--y \(yText) names both periods' columns, so --x would be ignored", hint: "leave --x out, or give one --y column with --x naming the period column")
            }
            let first = try numericColumn(parts[0], for: "--y"), second = try numericColumn(parts[1], for: "--y")
            var seen: [TidyValue: Int] = [:]
            for r in 0..<table.rowCount {
                guard let category = categories.cells[r] else { continue }
                if let earlier = seen[category] {
                    throw Diagnostic(rowLocation(r),
                                     "\(rowList([earlier, r])) both have \(categories.name) \(category); a \(request.kind.name) chart shows each once",
                                     hint: "keep one row per \(categories.name), or use the long form with --x PERIOD --y sum:COL")
                }
                seen[category] = r
                rows.append(ChartBinding.Row(x: .text(first.displayTitle), y: first.cells[r]?.number, series: category.description))
                rows.append(ChartBinding.Row(x: .text(second.displayTitle), y: second.cells[r]?.number, series: category.description))
            }
            periodLabels = [first.displayTitle, second.displayTitle]
            yTitle = first.unit.map { localiser.text("own.axis.value-in", ["unit": $0]) } ?? localiser.text("own.axis.value")
        } else {
            guard let xName = request.x else {
                throw refuse("a \(request.kind.name) chart needs --x, the column of the two periods, or two columns as --y A,B",
                             hint: "e.g. --x period --y value --color region, or --y y2001,y2024 --color region")
            }
            var inner = request
            inner.color = categoryName
            let periodColumn = try column(xName, for: "--x")
            let periodValues = ordered(periodColumn.distinctValues, type: periodColumn.type)
            guard periodValues.count == 2 else {
                throw refuse("a \(request.kind.name) chart compares exactly two periods; --x \(xName) has \(periodValues.count): "
                             + periodValues.prefix(6).map(\.description).joined(separator: ", ") + (periodValues.count > 6 ? ", …" : ""),
                             hint: "keep the rows of two periods only, or give two columns as --y A,B")
            }
            // The same cells as values per x and series, with the periods as text positions.
            inner.kind = BarChart.self
            inner.position = nil
            var overlap: Diagnostic?
            let (grouped, _) = try groups(inner, notes: &notes, overlap: &overlap)
            if let overlap { throw overlap }
            rows = grouped.rows.map { row in
                var row = row
                row.x = .text(row.x.description)
                return row
            }
            periodLabels = periodValues.map(\.description)
            yTitle = grouped.yTitle
        }
        let seriesOrder = ordered(categories.distinctValues, type: categories.type).map(\.description)
        let binding = ChartBinding(rows: rows, xValues: periodLabels.map { .text($0) }, series: seriesOrder, xTitle: nil,
                                   yTitle: yTitle, absentIsZero: false)
        let cells = binding.cells()
        let data = ResultTable(columns: [.init(categories.name)] + periodLabels.map { ResultTable.Column($0, alignment: .right) },
                               rows: seriesOrder.map { name in
                                   [.text(name)] + periodLabels.map { p in (cells[.text(p), name]?.y).map { .number($0, digits: 6) } ?? .missing }
                               })
        return (binding, data)
    }

    // MARK: - Helpers

    /// Numbers and dates in their order; text and booleans in the order the table first has them.
    func ordered(_ values: [TidyValue], type: TidyColumnType) -> [TidyValue] {
        var seen = Set<TidyValue>()
        let distinct = values.filter { seen.insert($0).inserted }
        return type.isNumeric || type.isDate ? distinct.sorted() : distinct
    }

    /// A cell as a position: numbers as numbers, years as years, finer dates as fractional years, the rest as categories.
    func position(_ value: TidyValue) -> ChartBinding.Value {
        value.timeValue.map { .number($0) } ?? .text(value.description)
    }

    /// "Value (USD m)", "Count", "Sum of Value (USD m)".
    func measureTitle(_ measure: TidyMeasure, _ column: TidyColumn?) -> String {
        switch measure {
        case .column: return column!.displayTitle
        case .count: return localiser.text("own.axis.count")
        case .sum: return localiser.text("own.axis.sum", ["title": column!.displayTitle])
        case .mean: return localiser.text("own.axis.mean", ["title": column!.displayTitle])
        }
    }

    /// Where row `r` is: its line in the file; a corpus table's rows have none.
    func rowLocation(_ r: Int) -> SourceLocation {
        SourceLocation(file: table.displayName, line: table.rowNames == nil ? table.rowLines[r] : nil)
    }

    /// "rows on lines 3 and 7", or a corpus table's "rows ID1 and ID2".
    func rowList(_ rows: [Int]) -> String {
        table.rowNames == nil ? "rows on \(lineList(rows))" : lineList(rows)
    }

    /// "lines 3, 7 and 12" for rows given by index: their lines in the file, or their names (event ids).
    func lineList(_ rows: [Int]) -> String {
        let names = table.rowNames
        let lines = rows.prefix(5).map { names?[$0] ?? String(table.rowLines[$0]) }
        let more = rows.count > 5 ? " and \(rows.count - 5) more" : ""
        let noun = names == nil ? "line" : "row"
        if lines.count == 1 { return "\(noun) \(lines[0])" }
        return "\(noun)s " + lines.dropLast().joined(separator: ", ") + (more.isEmpty ? " and \(lines.last!)" : ", \(lines.last!)\(more)")
    }
}
