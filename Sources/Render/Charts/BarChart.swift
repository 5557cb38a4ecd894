/// Bars for categories: one series, or several side by side (grouped) or on top of each other
/// (stacked), vertical or horizontal. Missing values (nil) draw no bar, never a zero bar.
public struct BarChart: ChartKind, Equatable {
    /// One set of bars: a value per category.
    public struct Series: Codable, Sendable, Equatable {
        /// The series' name in the legend.
        public var name: String
        /// Values aligned with `categories`; nil leaves the bar out (not zero).
        public var values: [Double?]
        /// Which values are lower bounds ("more than 1,300"), aligned with `values`; nil for none.
        /// Such bars are drawn open with an arrow, and the legend says what that means.
        public var lowerBounds: [Bool]?
        /// A series.
        public init(name: String, values: [Double?], lowerBounds: [Bool]? = nil) {
            self.name = name
            self.values = values
            self.lowerBounds = lowerBounds
        }

        func isLowerBound(_ index: Int) -> Bool { lowerBounds.map { index < $0.count && $0[index] } ?? false }
    }

    /// Several series per category side by side, on top of each other, or on top of each other
    /// as shares of the category's total (each bar reaches 100 %).
    public enum Arrangement: String, Codable, Sendable {
        case grouped, stacked, filled
    }

    /// Title, subtitle, source and caption.
    public var text: ChartText
    /// The category labels, in axis order.
    public var categories: [String]
    /// The series, in legend order.
    public var series: [Series]
    /// Side by side or stacked.
    public var arrangement: Arrangement
    /// Vertical bars for years; horizontal for long names.
    public var orientation: Orientation
    /// Title of the value axis (the unit: "Attacks per year").
    public var valueTitle: String?
    /// What the categories are, e.g. "Country"; nil for years.
    public var categoryTitle: String?
    /// How value ticks and labels print numbers.
    public var valueFormat: NumberFormat
    /// Print each bar's value at its end (single series only; stacked values would collide).
    public var showsValues: Bool
    /// Categories drawn in the accent colour while the others are grey, to point at a finding.
    public var highlighted: [String]
    /// Write "n/a" where a bar has no value (in a stack, where a category has no value at all),
    /// so a figure that is not reported is never read as zero; the legend says what it means.
    /// On by default for every bar chart.
    public var marksMissing = true
    /// The words the chart writes for missing values and lower bounds, in the report's language.
    public var words = Words()

    /// The fixed words a bar chart draws: English unless a report's localiser sets them.
    public struct Words: Codable, Sendable, Equatable {
        /// The mark at a missing bar's place ("n/a").
        public var notReported = "n/a"
        /// The key's label for that mark ("not reported").
        public var notReportedKey = "not reported"
        /// The key's label for an open bar ("more than (lower bound)").
        public var lowerBoundKey = "more than (lower bound)"
        /// English words.
        public init() {}
    }

    /// A bar chart of several series.
    public init(text: ChartText = ChartText(), categories: [String], series: [Series], arrangement: Arrangement = .grouped,
                orientation: Orientation = .vertical, valueTitle: String? = nil, categoryTitle: String? = nil,
                valueFormat: NumberFormat = .grouped, showsValues: Bool = false, highlighted: [String] = []) {
        self.text = text
        self.categories = categories
        self.series = series
        self.arrangement = arrangement
        self.orientation = orientation
        self.valueTitle = valueTitle
        self.categoryTitle = categoryTitle
        self.valueFormat = valueFormat
        self.showsValues = showsValues
        self.highlighted = highlighted
    }

    /// One series of values, one per category.
    public init(text: ChartText = ChartText(), categories: [String], values: [Double?], orientation: Orientation = .vertical,
                valueTitle: String? = nil, categoryTitle: String? = nil, valueFormat: NumberFormat = .grouped,
                showsValues: Bool = false, highlighted: [String] = []) {
        self.init(text: text, categories: categories, series: [Series(name: valueTitle ?? "", values: values)],
                  orientation: orientation, valueTitle: valueTitle, categoryTitle: categoryTitle, valueFormat: valueFormat,
                  showsValues: showsValues, highlighted: highlighted)
    }

    /// The chart in the theme's type and colours.
    public func chart(theme: Theme) -> Chart {
        let vertical = orientation == .vertical
        let filled = arrangement == .filled
        let stacked = (arrangement == .stacked && series.count > 1) || filled
        // Shares of each category's total: a category whose values are all missing draws nothing.
        let totals = categories.indices.map { c in series.reduce(0.0) { $0 + (c < $1.values.count ? abs($1.values[c] ?? 0) : 0) } }
        var bars: [BarMark.Bar] = []
        var extremes: [Double] = [0]
        var missing: [(category: Double, offset: Double)] = []
        var anyLowerBound = false
        let groupCount = Double(series.count)
        let single = series.count == 1
        // Value labels share one precision, so 0.05 and 12.6 print as 0.05 and 12.60.
        let labelStep = series.flatMap { $0.values.compactMap { $0 } }.map { NumberFormat.naturalStep($0) }.min() ?? 1

        for (c, _) in categories.enumerated() {
            var positiveTop = 0.0, negativeBottom = 0.0
            for (s, entry) in series.enumerated() {
                guard c < entry.values.count, var value = entry.values[c], value.isFinite else {
                    // A category none of whose series has a value gets one mark at its centre (side
                    // by side marks would collide); a stack marks only such categories, since a gap
                    // inside a stack would need a mark per series.
                    let wholeCategoryMissing = series.allSatisfy { c >= $0.values.count || !($0.values[c]?.isFinite ?? false) }
                    if marksMissing && wholeCategoryMissing {
                        if s == 0 { missing.append((Double(c), 0)) }
                    } else if marksMissing && !stacked {
                        missing.append((Double(c), single ? 0 : (Double(s) - (groupCount - 1) / 2) * 0.9 / groupCount))
                    }
                    continue
                }
                if filled {
                    guard totals[c] > 0 else { continue }
                    value /= totals[c]
                }
                let lowerBound = entry.isLowerBound(c)
                anyLowerBound = anyLowerBound || lowerBound
                let color = fill(series: s, category: categories[c], theme: theme)
                let pattern = single || !theme.distinguishesSeriesByPattern ? FillPattern.solid : FillPattern.forSeries(s)
                if stacked {
                    // Positives stack up from zero and negatives down, so a segment never hides another.
                    let from = value >= 0 ? positiveTop : negativeBottom
                    let to = from + value
                    if value >= 0 { positiveTop = to } else { negativeBottom = to }
                    bars.append(BarMark.Bar(position: Double(c), from: from, to: to, fill: color, thickness: 0.8, pattern: pattern,
                                            isLowerBound: lowerBound))
                    extremes.append(to)
                } else {
                    let thickness = single ? 0.8 : 0.9 / groupCount
                    let offset = single ? 0 : (Double(s) - (groupCount - 1) / 2) * thickness
                    let label = showsValues && single ? valueFormat.format(value, step: labelStep) : nil
                    bars.append(BarMark.Bar(position: Double(c), to: value, fill: color, offset: offset, thickness: thickness, label: label,
                                            pattern: pattern, isLowerBound: lowerBound))
                    extremes.append(value)
                }
            }
        }
        var domain = Domain.of(extremes, includingZero: true) ?? 0...1
        if showsValues && single {
            // Room for the value labels beyond the longest bars, on whichever sides bars reach.
            let span = domain.upperBound - domain.lowerBound
            let lower = domain.lowerBound < 0 ? domain.lowerBound - span * 0.18 : domain.lowerBound
            let upper = domain.upperBound > 0 ? domain.upperBound + span * 0.1 : domain.upperBound
            domain = lower...upper
        }
        if anyLowerBound {
            // Room past the longest bar for a lower bound's arrowhead, which says "and more".
            let span = domain.upperBound - domain.lowerBound
            domain = (domain.lowerBound < 0 ? domain.lowerBound - span * 0.08 : domain.lowerBound)...(domain.upperBound > 0 ? domain.upperBound + span * 0.08 : domain.upperBound)
        }
        let band = BandScale(categories: categories, innerPadding: 0.2, outerPadding: 0.1)
        let categoryAxis = Axis(scale: .band(band), title: categoryTitle, showsLine: false)
        if filled { domain = min(domain.lowerBound, 0)...max(domain.upperBound, 1) }
        let valueAxis = Axis(scale: .linear(domain), title: valueTitle, format: filled ? .percent : valueFormat, grid: true,
                             extendsToTicks: true, showsLine: false,
                             wholeNumbers: !filled && valueFormat != .percent && Axis.allWhole(series.flatMap { $0.values.compactMap { $0 } }))
        let baseline = Mark.rule(RuleMark(axis: vertical ? .y : .x, value: 0, color: theme.axisColor, width: theme.axisLineWidth))
        var marks: [Mark] = [.bar(BarMark(bars: bars, orientation: orientation, outline: stacked ? theme.background : nil)), baseline]
        if !missing.isEmpty {
            // At the bar's slot on the baseline: the offset is in bandwidths, the index in band steps.
            let items = missing.map { m -> TextMark.Item in
                let position = m.category + m.offset * (1 - band.innerPadding)
                return vertical ? TextMark.Item(x: position, y: 0, text: words.notReported) : TextMark.Item(x: 0, y: position, text: words.notReported)
            }
            var mark = TextMark(items: items, anchor: vertical ? .bottomCenter : .left,
                                offset: vertical ? (0, -2) : (2, 0), color: theme.secondaryTextColor)
            mark.turnsWhenCrowded = true
            marks.append(.text(mark))
        }
        let panel = vertical
            ? Panel(x: categoryAxis, y: valueAxis, marks: marks)
            : Panel(x: valueAxis, y: categoryAxis, marks: marks)
        var legend: Legend?
        if series.count > 1 {
            legend = Legend(entries: series.enumerated().map { s, entry in
                theme.distinguishesSeriesByPattern
                    ? Legend.Entry(label: entry.name, swatch: .patterned(theme.palette.color(s), FillPattern.forSeries(s)))
                    : Legend.Entry(label: entry.name, swatch: .box(theme.palette.color(s)))
            })
        }
        // What an open bar and an "n/a" mean, in the key (a chart of one series gets a key for them alone).
        var notes: [Legend.Entry] = []
        if anyLowerBound { notes.append(Legend.Entry(label: words.lowerBoundKey, swatch: .lowerBound(.gray(0.35)))) }
        if !missing.isEmpty { notes.append(Legend.Entry(label: words.notReportedKey, swatch: .notReported(words.notReported))) }
        if !notes.isEmpty {
            legend = Legend(entries: (legend?.entries ?? []) + notes)
        }
        return Chart(text: text, panels: [panel], legend: legend)
    }

    private func fill(series s: Int, category: String, theme: Theme) -> Color {
        if series.count == 1 && !highlighted.isEmpty {
            return highlighted.contains(category) ? theme.palette.color(0) : .gray(0.72)
        }
        return theme.palette.color(s)
    }
}

extension BarChart {
    /// The kind's name in specs and on the command line.
    public static let name = "bar"
    /// The statistic of the data this kind draws (see `ChartStatistic`).
    public static let statistic = ChartStatistic.groups()
    /// The channels a table can map to (`ChartChannel`).
    public static let channels: Set<ChartChannel> = [.x, .y, .color, .position, .flip]

    /// Bars per x value: one series per split, stacked, or one series for the measure. Years stand
    /// upright; names lie along horizontal bars, where long ones read better.
    public init(binding: ChartBinding) throws(ChartBindingError) {
        let cells = binding.cells()
        let series = binding.seriesOrMeasure.map { name in
            Series(name: name ?? binding.yTitle, values: binding.xValues.map { cells[$0, name]?.y })
        }
        let arrangement: Arrangement
        switch binding.position {
        case .dodge: arrangement = .grouped
        case .stack: arrangement = .stacked
        case .fill: arrangement = .filled
        case nil: arrangement = binding.series.isEmpty ? .grouped : .stacked
        }
        self.init(categories: binding.categoryLabels, series: series, arrangement: arrangement,
                  orientation: binding.orientation ?? (binding.xIsTime ? .vertical : .horizontal),
                  valueTitle: binding.yTitle, categoryTitle: binding.xTitle)
    }
}

// Flat, default-tolerant decoding: the title fields sit beside the kind's own fields (not nested
// under `text`), and any field with a default may be omitted.

extension BarChart {
    private enum Keys: String, CodingKey {
        case categories, series, values, arrangement, orientation, valueTitle, categoryTitle, valueFormat, showsValues, highlighted
    }

    /// Reads the flat spec fields; those with defaults may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let valueTitle = try c.decodeIfPresent(String.self, forKey: .valueTitle)
        var series = try c.decodeIfPresent([Series].self, forKey: .series)
        if series == nil {
            // One series may be given as bare `values`.
            series = [Series(name: valueTitle ?? "", values: try c.decode([Double?].self, forKey: .values))]
        }
        self.init(text: try ChartText(from: decoder), categories: try c.decode([String].self, forKey: .categories), series: series!,
                  arrangement: try c.value(.arrangement, or: .grouped), orientation: try c.value(.orientation, or: .vertical),
                  valueTitle: valueTitle, categoryTitle: try c.decodeIfPresent(String.self, forKey: .categoryTitle),
                  valueFormat: try c.value(.valueFormat, or: .grouped), showsValues: try c.value(.showsValues, or: false),
                  highlighted: try c.value(.highlighted, or: []))
    }
}
