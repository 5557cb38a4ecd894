/// Turns data coordinates into page points for one plotting area. Numeric y grows upwards; a band
/// y axis lists its categories from the top down, in reading order.
struct PlotMapper {
    let plot: Rect
    let x: PositionScale
    let y: PositionScale

    func px(_ value: Double) -> Double? {
        x.fraction(value).map { plot.minX + $0 * plot.width }
    }

    func py(_ value: Double) -> Double? {
        guard let f = y.fraction(value) else { return nil }
        return y.isBand ? plot.minY + f * plot.height : plot.maxY - f * plot.height
    }

    /// Maps many points at once, skipping those a scale cannot show; linear axes are reduced to
    /// one multiply-add per coordinate.
    func points(_ xs: [Double], _ ys: [Double], _ body: (Point) -> Void) {
        let fx = affine(x, from: plot.minX, length: plot.width, flipped: false)
        let fy = affine(y, from: plot.minY, length: plot.height, flipped: !y.isBand)
        for i in 0..<min(xs.count, ys.count) {
            let a: Double, b: Double
            if let fx { a = fx.offset + fx.scale * xs[i] } else if let v = px(xs[i]) { a = v } else { continue }
            if let fy { b = fy.offset + fy.scale * ys[i] } else if let v = py(ys[i]) { b = v } else { continue }
            body(Point(x: a, y: b))
        }
    }

    /// `offset + scale · value` for linear and year scales; nil for the others.
    private func affine(_ s: PositionScale, from start: Double, length: Double, flipped: Bool) -> (offset: Double, scale: Double)? {
        switch s {
        case .linear(let d), .year(let d):
            let span = d.upperBound - d.lowerBound
            guard span != 0 else { return nil }
            let k = length / span
            return flipped ? (start + length + d.lowerBound * k, -k) : (start - d.lowerBound * k, k)
        default:
            return nil
        }
    }

    func point(_ vx: Double, _ vy: Double) -> Point? {
        guard let a = px(vx), let b = py(vy) else { return nil }
        return Point(x: a, y: b)
    }

    /// Page length of one band (or, on a numeric axis, of 80% of one data unit, so bars on a year
    /// axis leave gaps between years).
    func bandLength(onX: Bool) -> Double {
        let scale = onX ? x : y
        let length = onX ? plot.width : plot.height
        if case .band(let b) = scale { return b.bandwidth * length }
        let domain = scale.domain
        let span = domain.upperBound - domain.lowerBound
        return span > 0 ? 0.8 * length / span : length * 0.8
    }

    /// The value-axis coordinate of `value`, clamped to the plot so a bar from 0 on a log axis (or
    /// beyond a cropped domain) still starts at the plot edge.
    func valueCoordinate(_ value: Double, onX: Bool) -> Double {
        if onX {
            if let v = px(value) { return min(max(v, plot.minX), plot.maxX) }
            return plot.minX
        }
        if let v = py(value) { return min(max(v, plot.minY), plot.maxY) }
        return plot.maxY
    }
}
