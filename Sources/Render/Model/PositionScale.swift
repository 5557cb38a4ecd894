import Foundation

/// Maps data values on one axis to a fraction 0...1 of the axis length. The layout turns fractions
/// into page coordinates; the model never knows about points or pixels.
public enum PositionScale: Sendable, Equatable {
    /// Ordinary numbers.
    case linear(ClosedRange<Double>)
    /// Positive numbers spanning orders of magnitude.
    case log(ClosedRange<Double>)
    /// Years or decimal years (2017.5 is mid-2017): ticks on whole years, labels without separators;
    /// spans under three years tick at month starts ("2017", "Apr", "Jul", ...).
    case year(ClosedRange<Double>)
    /// Categories in order; marks address a category by its index (0, 1, 2, ...) as a Double.
    case band(BandScale)

    /// The fraction of the axis for `value`; nil for values the scale cannot show (log of ≤ 0).
    public func fraction(_ value: Double) -> Double? {
        switch self {
        case .linear(let d), .year(let d):
            let span = d.upperBound - d.lowerBound
            return span == 0 ? 0.5 : (value - d.lowerBound) / span
        case .log(let d):
            guard value > 0, d.lowerBound > 0 else { return nil }
            let span = log10(d.upperBound) - log10(d.lowerBound)
            return span == 0 ? 0.5 : (log10(value) - log10(d.lowerBound)) / span
        case .band(let b):
            return b.center(value)
        }
    }

    /// Whether the scale places categories rather than numbers.
    public var isBand: Bool { if case .band = self { return true } else { return false } }

    /// The band scale, if this is one.
    public var band: BandScale? { if case .band(let b) = self { return b } else { return nil } }

    /// The numeric domain (for band scales, the index range).
    public var domain: ClosedRange<Double> {
        switch self {
        case .linear(let d), .log(let d), .year(let d): return d
        case .band(let b): return 0...Double(max(b.categories.count - 1, 0))
        }
    }

    /// The same kind of scale over another domain.
    func withDomain(_ d: ClosedRange<Double>) -> PositionScale {
        switch self {
        case .linear: return .linear(d)
        case .log: return .log(d)
        case .year: return .year(d)
        case .band: return self
        }
    }
}

/// Evenly spaced categories with padding between and around the bands.
public struct BandScale: Sendable, Equatable {
    /// The categories, in axis order.
    public var categories: [String]
    /// Gap between bands as a fraction of the step between band centres.
    public var innerPadding: Double
    /// Gap before the first and after the last band, as a fraction of the step.
    public var outerPadding: Double

    /// Bands for `categories` with the given padding.
    public init(categories: [String], innerPadding: Double = 0.2, outerPadding: Double = 0.1) {
        self.categories = categories
        self.innerPadding = innerPadding
        self.outerPadding = outerPadding
    }

    /// Distance between neighbouring band centres, as a fraction of the axis.
    public var step: Double {
        let n = Double(max(categories.count, 1))
        return 1 / (n - innerPadding + 2 * outerPadding)
    }

    /// Width of one band, as a fraction of the axis.
    public var bandwidth: Double { step * (1 - innerPadding) }

    /// Centre of the band at `index` (fractional indices interpolate).
    public func center(_ index: Double) -> Double {
        step * (outerPadding + (1 - innerPadding) / 2 + index)
    }
}
