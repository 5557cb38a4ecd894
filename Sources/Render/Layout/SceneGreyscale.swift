extension Scene {
    /// The scene as a greyscale print shows it: every colour replaced by its grey level
    /// (`Color.greyLevel`), so a figure can be proofed for black-and-white printing (`--greyscale`).
    public func greyscaled() -> Scene {
        Scene(size: size, background: background?.greyscaled, items: items.map { $0.greyscaled() })
    }
}

extension Paint {
    func greyscaled() -> Paint {
        Paint(fill: fill?.greyscaled, stroke: stroke.map { var s = $0; s.color = s.color.greyscaled; return s })
    }
}

extension SceneItem {
    /// The same item with every colour made grey.
    func greyscaled() -> SceneItem {
        switch self {
        case .rect(let r, let p): return .rect(r, p.greyscaled())
        case .path(let path, let p): return .path(path, p.greyscaled())
        case .text(var run):
            run.color = run.color.greyscaled
            run.halo = run.halo?.greyscaled
            return .text(run)
        case .markers(var batch):
            batch.fill = batch.fill.greyscaled
            batch.outline = batch.outline.map { var s = $0; s.color = s.color.greyscaled; return s }
            return .markers(batch)
        case .gradient(let r, let colors, let vertical): return .gradient(r, colors: colors.map(\.greyscaled), vertical: vertical)
        case .hatch(let r, let bg, let line): return .hatch(r, background: bg.greyscaled, line: line.greyscaled)
        case .clipped(let r, let inner): return .clipped(r, inner.map { $0.greyscaled() })
        case .group(let name, let inner): return .group(name, inner.map { $0.greyscaled() })
        }
    }
}
