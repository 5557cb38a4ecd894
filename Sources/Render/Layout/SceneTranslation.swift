extension Point {
    func offset(_ dx: Double, _ dy: Double) -> Point { Point(x: x + dx, y: y + dy) }
}

extension Rect {
    func offset(_ dx: Double, _ dy: Double) -> Rect { Rect(x: x + dx, y: y + dy, width: width, height: height) }
}

extension Path {
    /// The same path moved by (dx, dy). Marker outlines are made at the origin and moved to each
    /// centre this way, by backends as by `MarkerShape.path(center:diameter:)`.
    public func translated(_ dx: Double, _ dy: Double) -> Path {
        var moved = Path()
        moved.elements = elements.map { e in
            switch e {
            case .move(let q): return .move(q.offset(dx, dy))
            case .line(let q): return .line(q.offset(dx, dy))
            case .arc(let c, let r, let start, let end): return .arc(center: c.offset(dx, dy), radius: r, startAngle: start, endAngle: end)
            case .rect(let r): return .rect(r.offset(dx, dy))
            case .close: return .close
            }
        }
        return moved
    }
}

extension SceneItem {
    /// The same item moved by (dx, dy): blocks such as legends are built at the origin, measured,
    /// then moved into place.
    func translated(_ dx: Double, _ dy: Double) -> SceneItem {
        switch self {
        case .rect(let r, let p): return .rect(r.offset(dx, dy), p)
        case .path(let path, let p): return .path(path.translated(dx, dy), p)
        case .text(var run):
            run.position = run.position.offset(dx, dy)
            return .text(run)
        case .markers(var batch):
            batch.centers = batch.centers.map { $0.offset(dx, dy) }
            return .markers(batch)
        case .gradient(let r, let colors, let vertical): return .gradient(r.offset(dx, dy), colors: colors, vertical: vertical)
        case .hatch(let r, let bg, let line): return .hatch(r.offset(dx, dy), background: bg, line: line)
        case .clipped(let r, let inner): return .clipped(r.offset(dx, dy), inner.map { $0.translated(dx, dy) })
        case .group(let name, let inner): return .group(name, inner.map { $0.translated(dx, dy) })
        }
    }
}
