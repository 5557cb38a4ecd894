/// Maps data to colour: categories to a palette, numbers to a continuous colour map.
public enum ColorScale: Sendable, Equatable {
    case categorical(categories: [String], palette: CategoricalPalette)
    case sequential(ColorMap, domain: ClosedRange<Double>)
    /// Values below `midpoint` take the first half of the map, above it the second, each half
    /// stretched to the larger distance from the midpoint so equal differences look equally strong.
    case diverging(ColorMap, domain: ClosedRange<Double>, midpoint: Double)

    /// The colour of a category; nil for numeric scales.
    public func color(for category: String) -> Color? {
        guard case .categorical(let categories, let palette) = self,
              let index = categories.firstIndex(of: category) else { return nil }
        return palette.color(index)
    }

    /// The colour of a value, clamped to the domain; categorical scales give the first colour.
    public func color(for value: Double) -> Color {
        switch self {
        case .categorical(_, let palette):
            return palette.color(Int(value))
        case .sequential(let map, let d):
            return map.color(at: fraction(value, d))
        case .diverging(let map, let d, let mid):
            return map.color(at: divergingFraction(value, d, mid))
        }
    }

    /// Position of `value` along the colour bar, 0...1.
    public func fraction(for value: Double) -> Double {
        switch self {
        case .categorical: return 0
        case .sequential(_, let d): return fraction(value, d)
        case .diverging(_, let d, let mid): return divergingFraction(value, d, mid)
        }
    }

    /// The numeric domain; nil for categorical scales.
    public var domain: ClosedRange<Double>? {
        switch self {
        case .categorical: return nil
        case .sequential(_, let d), .diverging(_, let d, _): return d
        }
    }

    /// The continuous colour map; nil for categorical scales.
    public var colorMap: ColorMap? {
        switch self {
        case .categorical: return nil
        case .sequential(let m, _), .diverging(let m, _, _): return m
        }
    }

    private func fraction(_ v: Double, _ d: ClosedRange<Double>) -> Double {
        let span = d.upperBound - d.lowerBound
        return span == 0 ? 0.5 : min(max((v - d.lowerBound) / span, 0), 1)
    }

    private func divergingFraction(_ v: Double, _ d: ClosedRange<Double>, _ mid: Double) -> Double {
        let reach = max(mid - d.lowerBound, d.upperBound - mid)
        guard reach > 0 else { return 0.5 }
        return min(max(0.5 + (v - mid) / (2 * reach), 0), 1)
    }
}
