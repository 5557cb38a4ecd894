import Foundation

/// Which summary of the data a chart kind draws, as a ggplot2 geom names its stat (`geom_bar` uses
/// `stat_count`). The data side (Report) computes the statistic and hands the kind a `ChartBinding`;
/// it switches on these few statistics, never on kinds, so a new kind that draws an existing
/// statistic needs no change there. Field names (`"year"`, `"country"`) are the data's column names;
/// a nil field takes whatever the request asks for (`--x`, `--by`).
public enum ChartStatistic: Sendable, Equatable {
    /// One value per x and series: a count or a sum of the measure (`--y`), every cell of the grid present.
    case groups(x: String? = nil, series: String? = nil)
    /// One row per record in time: x is the date as a fractional year, size an optional magnitude.
    case occurrences(series: String? = nil)
    /// One row per record that has both measures: x and y are those measures.
    case pairs(x: String, y: String)
    /// A rate per year for each period compared (x) and each series, so periods of different lengths compare.
    case periodRates
}

/// Data bound to a chart's channels in tidy form, one row per mark, as ggplot2's `aes()` or
/// Vega-Lite's `encoding` bind columns to x, y, colour and size. Kinds read only this, so any source
/// that can produce it (the corpus today, any tidy table later) can feed any kind.
public struct ChartBinding: Sendable {
    /// A position value: a number (years, measures) or a category (names, periods).
    public enum Value: Sendable, Hashable, CustomStringConvertible {
        case number(Double)
        case text(String)

        /// The value as a label: numbers as integers when whole (years).
        public var description: String {
            switch self {
            case .text(let s): return s
            case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
            }
        }

        /// The number, or nil for a category.
        public var number: Double? {
            if case .number(let n) = self { return n }
            return nil
        }
    }

    /// One tidy row: the channels a mark may use. Kinds ignore the channels they do not draw.
    public struct Row: Sendable {
        /// The position along x: a number or a category.
        public var x: Value
        /// The value; nil when not known.
        public var y: Double?
        /// The series (colour, lane, row or panel); nil when the data are not split.
        public var series: String?
        /// A magnitude drawn as size (deaths on a time line).
        public var size: Double?
        /// An interval around y (a confidence interval for a count).
        public var lower: Double?
        /// Upper bound of the interval.
        public var upper: Double?
        /// How many records the row summarises (0 for an empty cell of a grid); nil for single records.
        public var count: Int?
        /// The record's identifier, for single records.
        public var label: String?

        /// A row; channels left out are absent.
        public init(x: Value, y: Double? = nil, series: String? = nil, size: Double? = nil, lower: Double? = nil,
                    upper: Double? = nil, count: Int? = nil, label: String? = nil) {
            self.x = x
            self.y = y
            self.series = series
            self.size = size
            self.lower = lower
            self.upper = upper
            self.count = count
            self.label = label
        }
    }

    /// The rows, in the data's order.
    public var rows: [Row]
    /// The x values in drawing order (categories, every year of the period, or the periods compared),
    /// including values with no rows.
    public var xValues: [Value]
    /// The series in drawing order (largest first unless the statistic orders otherwise); empty when
    /// the data are not split.
    public var series: [String]
    /// How each x value prints as a category (bars, heat-map columns), aligned with `xValues`; nil
    /// prints the values themselves. Dates finer than a year sit on x as fractional years but read
    /// as "2004-09".
    public var xLabels: [String]?
    /// True when x is a time (years or dates), so kinds can choose a time axis and orientation.
    public var xIsTime: Bool
    /// What x measures; nil for years, which need no title.
    public var xTitle: String?
    /// What y measures, e.g. "Attacks" or "Attacks per year"; also the name of a single unsplit series.
    public var yTitle: String
    /// What size measures, e.g. "Killed"; nil when rows carry no size.
    public var sizeTitle: String?
    /// Vertical event lines asked for on a time axis.
    public var events: [EventNote]
    /// How bars (and areas) of several series share an x: stacked, side by side or as shares; nil
    /// lets the kind choose (stacked for split counts).
    public var position: Position?
    /// Vertical or horizontal bars; nil lets the kind choose from the x (years upright, names lying).
    public var orientation: Orientation?
    /// True when a cell with no row means zero (the corpus counts events: none is 0); false for
    /// measured tables, where a cell with no row is unknown and draws nothing.
    public var absentIsZero: Bool
    /// True when the rows' labels were asked for as a channel (`--label`), so kinds that can print
    /// them beside their marks do; record identifiers the corpus carries are not printed.
    public var labelled: Bool

    /// How marks of several series at one x are arranged, as ggplot2's `position_stack`,
    /// `position_dodge` and `position_fill`.
    public enum Position: String, Sendable, CaseIterable {
        /// On top of each other.
        case stack
        /// Side by side (grouped bars).
        case dodge
        /// On top of each other, scaled to shares of each x's total.
        case fill
    }

    /// A binding; fields left out are empty.
    public init(rows: [Row], xValues: [Value] = [], series: [String] = [], xIsTime: Bool = false, xTitle: String? = nil,
                yTitle: String, sizeTitle: String? = nil, events: [EventNote] = [], position: Position? = nil,
                orientation: Orientation? = nil, absentIsZero: Bool = true, labelled: Bool = false) {
        self.rows = rows
        self.xValues = xValues
        self.series = series
        self.xIsTime = xIsTime
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.sizeTitle = sizeTitle
        self.events = events
        self.position = position
        self.orientation = orientation
        self.absentIsZero = absentIsZero
        self.labelled = labelled
    }

    /// The x values as category labels: `xLabels` when given, else the values printed.
    public var categoryLabels: [String] { xLabels ?? xValues.map(\.description) }

    /// The series names to draw: the split series, or one series named after the measure.
    public var seriesOrMeasure: [String?] { series.isEmpty ? [nil] : series.map { Optional($0) } }

    /// The rows indexed by cell (x and series), for kinds that draw a grid.
    public func cells() -> Cells { Cells(rows) }

    /// Rows looked up by x and series in constant time.
    public struct Cells: Sendable {
        private struct Key: Hashable { var x: Value; var series: String? }
        private var index: [Key: Row] = [:]

        init(_ rows: [Row]) {
            for row in rows where index[Key(x: row.x, series: row.series)] == nil { index[Key(x: row.x, series: row.series)] = row }
        }

        /// The first row at this x and series, if any.
        public subscript(x: Value, series: String?) -> Row? { index[Key(x: x, series: series)] }
    }
}

/// Why bound data cannot make the chart asked for; the message says what to change.
public struct ChartBindingError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public var message: String
    /// An error with its message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

extension ChartBinding {
    /// Each series' value in two periods, for the kinds that compare exactly two (dumbbell, slope).
    struct TwoPeriods {
        var categories: [String]
        var start: [Double?]
        var end: [Double?]
        var startLabel: String
        var endLabel: String
    }

    /// The binding read as two periods; `kind` names the chart in the error for any other number.
    /// A series with no events in a period has the rate 0 there when the binding counts events
    /// (`absentIsZero`); in a measured table it is unknown and draws nothing.
    func twoPeriods(kind: String) throws(ChartBindingError) -> TwoPeriods {
        guard xValues.count == 2 else {
            throw ChartBindingError("a \(kind) chart compares exactly two periods, \(xValues.count) given; "
                                    + "give two, e.g. --period 2001-2011 --period 2024 (in a spec: periods: [2001-2011, 2024])")
        }
        let cells = cells()
        let (first, second) = (xValues[0], xValues[1])
        let absentIsZero = self.absentIsZero
        func value(_ row: Row?) -> Double? { row.map { $0.y } ?? (absentIsZero ? 0 : nil) }
        return TwoPeriods(categories: series, start: series.map { value(cells[first, $0]) }, end: series.map { value(cells[second, $0]) },
                          startLabel: first.description, endLabel: second.description)
    }
}
