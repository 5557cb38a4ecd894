/// The outline of each marker shape, defined once here so that every backend draws the same
/// marker: Cairo fills these paths (and rasterises them once for its stamping fast path), the SVG
/// backend writes them as `<path>` elements.
extension MarkerShape {
    /// The outline of a marker `diameter` points across, centred on the origin. The square and
    /// the diamond have the area of the circle of that diameter, so they look as heavy as it; the
    /// triangle points up and is centred on its centroid.
    public func path(diameter: Double) -> Path {
        let r = diameter / 2
        var path = Path()
        switch self {
        case .circle:
            path.arc(center: Point(x: 0, y: 0), radius: r, from: 0, to: 2 * .pi)
            path.close()
        case .square:
            let h = r * 0.886
            path.rect(Rect(x: -h, y: -h, width: 2 * h, height: 2 * h))
        case .diamond:
            let h = r * 1.2533
            path = Path(polyline: [Point(x: 0, y: -h), Point(x: h, y: 0), Point(x: 0, y: h), Point(x: -h, y: 0)])
            path.close()
        case .triangle:
            let h = r * 1.5551
            path = Path(polyline: [Point(x: 0, y: -h * 0.667), Point(x: h * 0.577, y: h * 0.333),
                                   Point(x: -h * 0.577, y: h * 0.333)])
            path.close()
        }
        return path
    }

    /// The outline of a marker `diameter` points across centred on `center`: the origin outline
    /// moved there, so it is the same to the last bit as a backend that moves `path(diameter:)`.
    public func path(center: Point, diameter: Double) -> Path {
        path(diameter: diameter).translated(center.x, center.y)
    }
}

extension MarkerBatch {
    /// One marker of the batch centred on the origin; a backend moves it to each of `centers`
    /// (with `Path.translated`), each marker a sub-path of its own.
    public var markerPath: Path { shape.path(diameter: diameter) }
}
