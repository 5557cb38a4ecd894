import Foundation

/// A tick on an axis: where it is (data value) and what it says.
public struct Tick: Sendable, Equatable {
    /// The data value the tick marks.
    public var value: Double
    /// The label printed at the tick (empty when it is left unlabelled to avoid crowding).
    public var label: String
}

/// An axis after layout: its final domain and the ticks and labels that fit.
struct ResolvedAxis {
    var scale: PositionScale
    /// Every tick position, for grid lines and tick marks.
    var ticks: [Tick]
    /// Labels drawn (a subset of `ticks` when thinned), placed as text runs relative to the axis.
    var labels: [TextRun]
    /// Extent of the labels away from the axis line (their height below a bottom axis, their width
    /// left of a left axis), excluding the tick length.
    var labelDepth: Double
    /// How the labels were made to fit, for inspection.
    var fitting: TickLabelFitting
    /// How far the first and last labels reach past the axis ends.
    var overhangStart: Double
    var overhangEnd: Double
    /// For a category axis whose labels do not all fit: the axis length at which they would.
    /// Category labels are never dropped, so the layout grows the figure or refuses.
    var requiredLength: Double? = nil
}

/// The strategy that made an axis's labels fit without overlapping.
public enum TickLabelFitting: Equatable, Sendable {
    case all
    case thinned(every: Int)
    case rotated(degrees: Double)
    case wrapped
    case thinnedAndRotated(every: Int, degrees: Double)
    case none
}

/// Candidate ticks for continuous scales.
enum TickCandidates {
    /// Ticks for a numeric scale aiming at `count` labels; the domain may grow to the outer ticks.
    static func continuous(_ axis: Axis, count: Int) -> (scale: PositionScale, values: [Double], step: Double) {
        let domain = axis.scale.domain
        if let explicit = axis.ticks {
            let step = explicit.count > 1 ? abs(explicit[1] - explicit[0]) : 1
            return (axis.scale, explicit, step)
        }
        if case .log(let d) = axis.scale {
            return logTicks(d, count: count)
        }
        if case .year(let d) = axis.scale, d.upperBound - d.lowerBound < 3, let months = monthTicks(d, count: count) {
            return (axis.scale, months, 1.0 / 12)
        }
        let isYear: Bool
        if case .year = axis.scale { isYear = true } else { isYear = axis.format == .year }
        var search = TickSearch(integerSteps: isYear || axis.wholeNumbers)
        if isYear {
            // Years read best in steps of 1, 2, 5 or 10 (2005, 2010, ...), never 3.
            search.niceSteps = [1, 5, 2, 2.5]
        }
        guard let result = search.ticks(from: domain.lowerBound, to: domain.upperBound, targetCount: count) else {
            return (axis.scale, [domain.lowerBound, domain.upperBound], domain.upperBound - domain.lowerBound)
        }
        var scale = axis.scale
        if axis.extendsToTicks {
            let lower = min(domain.lowerBound, result.first), upper = max(domain.upperBound, result.last)
            scale = axis.scale.withDomain(lower...upper)
        }
        let final = scale.domain
        let tolerance = result.step * 1e-6
        let values = result.values.filter { $0 >= final.lowerBound - tolerance && $0 <= final.upperBound + tolerance }
        return (scale, values, result.step)
    }

    /// Month starts for time axes shorter than three years, every 1, 2, 3 or 6 months, whichever
    /// comes closest to `count` labels. Values are decimal years (April 2017 = 2017.25).
    static func monthTicks(_ d: ClosedRange<Double>, count: Int) -> [Double]? {
        let firstMonth = Int((d.lowerBound * 12).rounded(.up)), lastMonth = Int((d.upperBound * 12).rounded(.down))
        guard lastMonth > firstMonth else { return nil }
        for step in [1, 2, 3, 6, 12] {
            // Align to multiples of the step within the year (Jan, Apr, Jul, Oct for quarters).
            let start = (firstMonth + step - 1) / step * step
            let months = Swift.stride(from: start, through: lastMonth, by: step).map { Double($0) / 12 }
            if months.count <= max(count, 2) { return months.count >= 2 ? months : nil }
        }
        return nil
    }

    /// Powers of ten; with fewer than three decades also 2× and 5×, so short log axes get labels.
    static func logTicks(_ d: ClosedRange<Double>, count: Int) -> (scale: PositionScale, values: [Double], step: Double) {
        let lower = max(d.lowerBound, 1e-300)
        let lowExponent = Int(floor(log10(lower) + 1e-9)), highExponent = Int(ceil(log10(d.upperBound) - 1e-9))
        let decades = highExponent - lowExponent
        let multipliers: [Double] = decades < 3 ? [1, 2, 5] : [1]
        var values: [Double] = []
        let every = max(1, Int((Double(decades) / Double(max(count - 1, 1))).rounded(.up)))
        for e in lowExponent...highExponent where (e - lowExponent) % every == 0 {
            for m in multipliers {
                let v = m * pow(10, Double(e))
                if v >= lower * (1 - 1e-9) && v <= d.upperBound * (1 + 1e-9) { values.append(v) }
            }
        }
        let smallest = values.first.map { $0 < 1 ? $0 : 1 } ?? 1
        return (.log(lower...d.upperBound), values, smallest)
    }
}

/// Fits tick labels on a horizontal axis: thinning first, then rotation, then wrapping — the
/// order that keeps labels most readable — and as a last resort thinning rotated labels.
struct HorizontalAxisFitter {
    let text: TextMaker
    let font: FontSpec
    let color: Color
    /// Minimum clear space between neighbouring labels.
    let gap: Double
    /// Labels deeper than this (rotated long names) are refused in favour of the next strategy.
    let maxDepth: Double

    /// Lays out labels below an axis of `length` points starting at x = 0, label tops at y = 0.
    func fit(_ axis: Axis, length: Double) -> ResolvedAxis {
        if case .band(let band) = axis.scale {
            return fitBand(axis, band: band, length: length)
        }
        // Aim for labels about five ems apart: dense enough to read values off, sparse enough to scan.
        let maxCount = min(max(Int(length / (font.size * 5)) + 1, 2), 12)
        var fallback: ResolvedAxis?
        for count in stride(from: maxCount, through: 2, by: -1) {
            let (scale, values, step) = TickCandidates.continuous(axis, count: count)
            let ticks = values.map { Tick(value: $0, label: axis.format.format($0, step: step)) }
            let runs = horizontalRuns(ticks, scale: scale, length: length)
            let resolved = resolved(scale, ticks, runs, fitting: .all, length: length)
            if fallback == nil { fallback = resolved }
            if !anyOverlap(runs) { return resolved }
            if axis.ticks != nil { break }
        }
        // Explicit ticks that do not fit: rotate them rather than drop the caller's choice.
        let (scale, values, step) = TickCandidates.continuous(axis, count: 2)
        let ticks = values.map { Tick(value: $0, label: axis.format.format($0, step: step)) }
        return rotatedOrThinned(ticks, allTicks: ticks, scale: scale, length: length, thinnable: true) ?? fallback!
    }

    private func fitBand(_ axis: Axis, band: BandScale, length: Double) -> ResolvedAxis {
        let scale = axis.scale
        let ticks = band.categories.enumerated().map { Tick(value: Double($0.offset), label: $0.element) }
        let all = horizontalRuns(ticks, scale: scale, length: length)
        if !anyOverlap(all) { return resolved(scale, ticks, all, fitting: .all, length: length) }

        if axis.thinnable, let thinned = thinned(ticks, categories: band.categories, scale: scale, length: length) {
            return thinned
        }
        for degrees in [45.0, 90.0] {
            let runs = rotatedRuns(ticks, scale: scale, length: length, degrees: degrees)
            if !anyOverlap(runs) && depth(runs) <= maxDepth {
                return resolved(scale, ticks, runs, fitting: .rotated(degrees: degrees), length: length)
            }
        }
        let wrapWidth = band.step * length - gap
        if wrapWidth > font.size * 2 {
            let runs = ticks.map { tick in
                text.run(tick.label, font: font, color: color, at: Point(x: scale.fraction(tick.value)! * length, y: 0),
                         anchor: .topCenter, wrapWidth: wrapWidth, alignment: .center)
            }
            let fits = runs.allSatisfy { $0.size.width <= wrapWidth + 0.5 && $0.size.height <= text.lineHeight(font) * 3.5 }
            if fits && !anyOverlap(runs) { return resolved(scale, ticks, runs, fitting: .wrapped, length: length) }
        }
        if !axis.thinnable {
            // Names are data: every one keeps its label, read upwards, and the axis reports the
            // length at which they stop overlapping (the layout refuses the chart with it).
            let runs = rotatedRuns(ticks, scale: scale, length: length, degrees: 90)
            var result = resolved(scale, ticks, runs, fitting: .rotated(degrees: 90), length: length)
            let height = runs.map(\.size.height).max() ?? 0
            result.requiredLength = ((height + gap) / band.step).rounded(.up)
            return result
        }
        return rotatedOrThinned(ticks, allTicks: ticks, scale: scale, length: length, thinnable: true)
            ?? resolved(scale, ticks, [], fitting: .none, length: length)
    }

    /// Every k-th label. For numeric categories (years) k is 2, 5, 10, … and the kept labels are
    /// multiples of k, so the axis reads 1970, 1980, ... rather than 1971, 1981, ...; where the
    /// multiples would leave fewer than two labels (2016–2024 in steps of 5 keeps only 2020), the
    /// step counts from the first category instead (2016, 2021). Either way the labels keep one
    /// regular step and at least two of them show, so a narrow panel never reads a lone year.
    private func thinned(_ ticks: [Tick], categories: [String], scale: PositionScale, length: Double) -> ResolvedAxis? {
        let numbers = categories.map { Double($0) }
        let numeric = numbers.allSatisfy { $0 != nil && $0! == $0!.rounded() }
        let candidates = numeric ? [2, 5, 10, 20, 25, 50, 100] : Array(2...max(2, ticks.count))
        for k in candidates {
            var kept = ticks.enumerated().filter { index, _ in
                numeric ? Int(numbers[index]!) % k == 0 : index % k == 0
            }.map(\.element)
            if numeric && kept.count < 2 {
                kept = ticks.enumerated().filter { $0.offset % k == 0 }.map(\.element)
            }
            guard kept.count >= 2 else { continue }
            let runs = horizontalRuns(kept, scale: scale, length: length)
            if !anyOverlap(runs) {
                return resolved(scale, ticks, runs, fitting: .thinned(every: k), length: length)
            }
        }
        return nil
    }

    private func rotatedOrThinned(_ ticks: [Tick], allTicks: [Tick], scale: PositionScale, length: Double, thinnable: Bool) -> ResolvedAxis? {
        for k in 1...max(1, ticks.count) {
            let kept = ticks.enumerated().filter { $0.offset % k == 0 }.map(\.element)
            let runs = rotatedRuns(kept, scale: scale, length: length, degrees: 90)
            if !anyOverlap(runs) {
                return resolved(scale, allTicks, runs, fitting: .thinnedAndRotated(every: k, degrees: 90), length: length)
            }
        }
        return nil
    }

    private func horizontalRuns(_ ticks: [Tick], scale: PositionScale, length: Double) -> [TextRun] {
        ticks.compactMap { tick in
            guard let f = scale.fraction(tick.value) else { return nil }
            return text.run(tick.label, font: font, color: color, at: Point(x: f * length, y: 0), anchor: .topCenter)
        }
    }

    /// Labels reading upwards, ending at their tick; shifted so the top of each box touches y = 0.
    private func rotatedRuns(_ ticks: [Tick], scale: PositionScale, length: Double, degrees: Double) -> [TextRun] {
        ticks.compactMap { tick in
            guard let f = scale.fraction(tick.value) else { return nil }
            var run = text.run(tick.label, font: font, color: color, at: Point(x: f * length, y: 0),
                               anchor: TextAnchor(.right, .middle), rotation: degrees)
            // The end of the label's centre line stays under the tick; lowering the box until its
            // highest corner touches y = 0 keeps it clear of the axis.
            run.position.y -= run.bounds.minY
            return run
        }
    }

    private func anyOverlap(_ runs: [TextRun]) -> Bool {
        guard runs.count > 1 else { return false }
        for i in 1..<runs.count where runs[i - 1].overlaps(runs[i], gap: gap) { return true }
        return false
    }

    private func depth(_ runs: [TextRun]) -> Double { runs.map(\.bounds.maxY).max() ?? 0 }

    private func resolved(_ scale: PositionScale, _ ticks: [Tick], _ runs: [TextRun], fitting: TickLabelFitting, length: Double) -> ResolvedAxis {
        let start = runs.map(\.bounds.minX).min() ?? 0
        let end = runs.map(\.bounds.maxX).max() ?? length
        return ResolvedAxis(scale: scale, ticks: ticks, labels: runs, labelDepth: depth(runs), fitting: fitting,
                            overhangStart: max(0, -start), overhangEnd: max(0, end - length))
    }
}

/// Fits tick labels on a vertical axis (labels horizontal, right-aligned to the left of the axis):
/// fewer ticks for numbers, thinning for categories that allow it; long category names wrap.
struct VerticalAxisFitter {
    let text: TextMaker
    let font: FontSpec
    let color: Color
    let gap: Double
    /// Category names wider than this wrap onto more lines.
    let maxLabelWidth: Double

    /// Lays out labels for an axis of `length` points; y = 0 is the top of the axis. Label right
    /// edges are at x = 0.
    func fit(_ axis: Axis, length: Double) -> ResolvedAxis {
        let lineHeight = text.lineHeight(font)
        if case .band(let band) = axis.scale {
            let ticks = band.categories.enumerated().map { Tick(value: Double($0.offset), label: $0.element) }
            func runs(_ kept: [Tick]) -> [TextRun] {
                kept.map { tick in
                    text.run(tick.label, font: font, color: color,
                             at: Point(x: 0, y: axis.scale.fraction(tick.value)! * length),
                             anchor: TextAnchor(.right, .middle), wrapWidth: maxLabelWidth, alignment: .right)
                }
            }
            let all = runs(ticks)
            if !anyOverlap(all) { return resolved(axis.scale, ticks, all, .all, length: length) }
            // Names (countries, lanes) are data: every row keeps its label, so the axis reports the
            // length it needs and the layout grows the figure (or refuses with that height).
            // Ordered numbers (years) may still show every k-th label.
            if axis.thinnable {
                for k in 2...max(2, ticks.count) {
                    let kept = runs(ticks.enumerated().filter { $0.offset % k == 0 }.map(\.element))
                    if !anyOverlap(kept) {
                        return resolved(axis.scale, ticks, kept, .thinned(every: k), length: length)
                    }
                }
            }
            var result = resolved(axis.scale, ticks, all, .all, length: length)
            result.requiredLength = requiredLength(all, length: length)
            return result
        }
        let maxCount = min(max(Int(length / (lineHeight * 3.2)) + 1, 2), 10)
        var last: ResolvedAxis?
        for count in stride(from: maxCount, through: 2, by: -1) {
            let (scale, values, step) = TickCandidates.continuous(axis, count: count)
            let ticks = values.map { Tick(value: $0, label: axis.format.format($0, step: step)) }
            let runs = ticks.compactMap { tick -> TextRun? in
                guard let f = scale.fraction(tick.value) else { return nil }
                return text.run(tick.label, font: font, color: color, at: Point(x: 0, y: (1 - f) * length),
                                anchor: TextAnchor(.right, .middle))
            }
            last = resolved(scale, ticks, runs, .all, length: length)
            if !anyOverlap(runs) { return last! }
        }
        return last!
    }

    /// The axis length at which no two neighbouring labels overlap: band centres move apart in
    /// proportion to the length, so the tightest pair decides.
    private func requiredLength(_ runs: [TextRun], length: Double) -> Double {
        let sorted = runs.sorted { $0.position.y < $1.position.y }
        var factor = 1.0
        for i in 1..<max(sorted.count, 1) {
            let distance = sorted[i].position.y - sorted[i - 1].position.y
            let needed = (sorted[i].bounds.height + sorted[i - 1].bounds.height) / 2 + gap
            if distance > 0 { factor = max(factor, needed / distance) }
        }
        // A hair more, so rounding in the next layout pass cannot bring the overlap back.
        return (length * factor).rounded(.up) + 0.5
    }

    private func anyOverlap(_ runs: [TextRun]) -> Bool {
        let sorted = runs.sorted { $0.bounds.minY < $1.bounds.minY }
        guard sorted.count > 1 else { return false }
        for i in 1..<sorted.count where sorted[i - 1].overlaps(sorted[i], gap: gap) { return true }
        return false
    }

    private func resolved(_ scale: PositionScale, _ ticks: [Tick], _ runs: [TextRun], _ fitting: TickLabelFitting, length: Double) -> ResolvedAxis {
        let top = runs.map(\.bounds.minY).min() ?? 0
        let bottom = runs.map(\.bounds.maxY).max() ?? length
        return ResolvedAxis(scale: scale, ticks: ticks, labels: runs, labelDepth: runs.map(\.size.width).max() ?? 0,
                            fitting: fitting, overhangStart: max(0, -top), overhangEnd: max(0, bottom - length))
    }
}
