import Foundation

/// Converts marks into scene items for one panel.
struct MarkDrawing {
    let mapper: PlotMapper
    let theme: Theme
    let text: TextMaker

    func items(for mark: Mark) -> [SceneItem] {
        switch mark {
        case .bar(let m): return bars(m)
        case .line(let m): return line(m)
        case .point(let m): return points(m)
        case .area(let m): return area(m)
        case .rule(let m): return rule(m)
        case .text(let m): return texts(m)
        case .range(let m): return ranges(m)
        case .tile(let m): return tiles(m)
        }
    }

    /// Bar value labels live outside the plot clip, so they are produced separately.
    func barLabels(for mark: Mark) -> [SceneItem] {
        guard case .bar(let m) = mark else { return [] }
        let vertical = m.orientation == .vertical
        let thickness = mapper.bandLength(onX: vertical)
        return m.bars.compactMap { bar in
            guard let label = bar.label, let center = centre(of: bar, vertical: vertical, thickness: thickness) else { return nil }
            let end = mapper.valueCoordinate(bar.to, onX: !vertical)
            let negative = bar.to < bar.from
            // A lower bound's label starts past its arrowhead.
            let head = bar.isLowerBound ? min(thickness * bar.thickness * 0.5, theme.markerSize * 1.4) : 0
            let gap = theme.gap * 0.5 + head
            let position = vertical
                ? Point(x: center, y: end + (negative ? gap : -gap))
                : Point(x: end + (negative ? -gap : gap), y: center)
            let anchor: TextAnchor = vertical
                ? (negative ? .topCenter : .bottomCenter)
                : (negative ? .right : .left)
            return .text(text.run(label, font: theme.tickLabelFont, color: theme.textColor, at: position, anchor: anchor))
        }
    }

    private func centre(of bar: BarMark.Bar, vertical: Bool, thickness: Double) -> Double? {
        guard let c = vertical ? mapper.px(bar.position) : mapper.py(bar.position) else { return nil }
        return c + bar.offset * thickness
    }

    private func bars(_ m: BarMark) -> [SceneItem] {
        let vertical = m.orientation == .vertical
        let band = mapper.bandLength(onX: vertical)
        return m.bars.flatMap { bar -> [SceneItem] in
            guard bar.from.isFinite, bar.to.isFinite, let c = centre(of: bar, vertical: vertical, thickness: band) else { return [] }
            let t = band * bar.thickness
            let a = mapper.valueCoordinate(bar.from, onX: !vertical), b = mapper.valueCoordinate(bar.to, onX: !vertical)
            let rect = vertical
                ? Rect(x: c - t / 2, y: min(a, b), width: t, height: abs(b - a))
                : Rect(x: min(a, b), y: c - t / 2, width: abs(b - a), height: t)
            if bar.isLowerBound { return lowerBound(rect, bar: bar, vertical: vertical, reversed: bar.to < bar.from) }
            let outline = m.outline.map { Stroke(color: $0, width: 0.5) }
            return bar.pattern.items(rect, color: bar.fill, outline: outline, spacing: patternSpacing, lineWidth: patternLineWidth)
        }
    }

    /// Pattern lines: close enough to read as a texture at the theme's bar sizes.
    var patternSpacing: Double { max(2.5, theme.tickLabelSize * 0.4) }
    var patternLineWidth: Double { max(0.4, theme.dataLineWidth * 0.45) }

    /// An open bar (outline in the series colour over a pale fill) ending in an arrowhead that
    /// points on past the value: "at least this much".
    private func lowerBound(_ rect: Rect, bar: BarMark.Bar, vertical: Bool, reversed: Bool) -> [SceneItem] {
        let w = max(theme.dataLineWidth, 0.75)
        var items: [SceneItem] = [.rect(rect, Paint(fill: bar.fill.withAlpha(0.18), stroke: Stroke(color: bar.fill, width: w, dash: [2 * w, 1.5 * w])))]
        let t = vertical ? rect.width : rect.height
        let head = min(t * 0.5, theme.markerSize * 1.4)
        var path = Path()
        if vertical {
            let tip = reversed ? rect.maxY + head : rect.minY - head, base = reversed ? rect.maxY : rect.minY
            path.move(to: Point(x: rect.midX - head * 0.6, y: base))
            path.line(to: Point(x: rect.midX, y: tip))
            path.line(to: Point(x: rect.midX + head * 0.6, y: base))
        } else {
            let tip = reversed ? rect.minX - head : rect.maxX + head, base = reversed ? rect.minX : rect.maxX
            path.move(to: Point(x: base, y: rect.midY - head * 0.6))
            path.line(to: Point(x: tip, y: rect.midY))
            path.line(to: Point(x: base, y: rect.midY + head * 0.6))
        }
        path.close()
        items.append(.path(path, Paint(fill: bar.fill)))
        return items
    }

    private func stroke(_ color: Color, width: Double?, dash: DashStyle) -> Stroke {
        let w = width ?? theme.dataLineWidth
        return Stroke(color: color, width: w, dash: dash.pattern.map { $0 * max(w, 0.75) }, cap: dash == .dotted ? .round : .butt, join: .round)
    }

    /// Runs of consecutive present values; a nil splits the run, so missing data is a gap.
    static func runs<T>(_ values: [T?]) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        for (i, v) in values.enumerated() {
            if v == nil {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(i)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private func line(_ m: LineMark) -> [SceneItem] {
        var items: [SceneItem] = []
        let paint = Paint.stroke(stroke(m.color, width: m.width, dash: m.dash))
        for run in MarkDrawing.runs(m.points.map(\.y)) {
            var points: [Point] = []
            for (k, i) in run.enumerated() {
                guard let p = mapper.point(m.points[i].x, m.points[i].y!) else { continue }
                if m.curve == .stepAfter, k > 0, let last = points.last {
                    points.append(Point(x: p.x, y: last.y))
                }
                points.append(p)
            }
            if m.curve == .stepAfter, run.last == m.points.count - 1, let hold = m.holdsUntil,
               let last = points.last, let end = mapper.point(hold, m.points[run.last!].y!), end.x > last.x {
                points.append(Point(x: end.x, y: last.y))
            }
            if points.count == 1 {
                // A lone value between gaps would vanish as a zero-length line: show it as a dot.
                let w = m.width ?? theme.dataLineWidth
                items.append(.markers(MarkerBatch(shape: .circle, diameter: w * 2.5, fill: m.color, centers: points)))
            } else if points.count > 1 {
                items.append(.path(Path(polyline: points), paint))
            }
        }
        if let marker = m.marker {
            let centers = m.points.compactMap { p in p.y.flatMap { mapper.point(p.x, $0) } }
            items.append(.markers(MarkerBatch(shape: marker, diameter: theme.markerSize, fill: m.color,
                                              outline: Stroke(color: theme.background, width: 0.5), centers: centers)))
        }
        return items
    }

    private func points(_ m: PointMark) -> [SceneItem] {
        let defaultSize = m.size ?? theme.markerSize
        let outline = m.outline.map { Stroke(color: $0, width: 0.5) }
        let baseColor = m.color.withAlpha(m.color.alpha * m.opacity)
        if m.sizes == nil && m.colors == nil {
            // The common case, and the one with 100,000 points: one batch, positions in one pass.
            var centers: [Point] = []
            centers.reserveCapacity(m.count)
            mapper.points(m.x, m.y) { centers.append($0) }
            return [.markers(MarkerBatch(shape: m.shape, diameter: defaultSize, fill: baseColor, outline: outline, centers: centers))]
        }
        // One batch per run of equal colour and size; bubbles keep their order so that small ones
        // stay on top when the caller sorted them that way.
        var batches: [MarkerBatch] = []
        for i in 0..<m.count {
            guard let center = mapper.point(m.x[i], m.y[i]) else { continue }
            let own = m.colors?[i] ?? nil
            let color = own.map { $0.withAlpha($0.alpha * m.opacity) } ?? baseColor
            let size = (m.sizes?[i] ?? nil) ?? defaultSize
            if let last = batches.last, last.fill == color, last.diameter == size {
                batches[batches.count - 1].centers.append(center)
            } else {
                batches.append(MarkerBatch(shape: m.shape, diameter: size, fill: color, outline: outline, centers: [center]))
            }
        }
        return batches.map { .markers($0) }
    }

    private func area(_ m: AreaMark) -> [SceneItem] {
        let present: [Bool?] = zip(m.lower, m.upper).map { $0 != nil && $1 != nil ? true : nil }
        return MarkDrawing.runs(present).flatMap { run -> [SceneItem] in
            var upper: [Point] = [], lower: [Point] = []
            for (k, i) in run.enumerated() {
                guard let u = mapper.point(m.x[i], m.upper[i]!), let l = mapper.point(m.x[i], m.lower[i]!) else { continue }
                if m.curve == .stepAfter, k > 0, let lu = upper.last, let ll = lower.last {
                    upper.append(Point(x: u.x, y: lu.y))
                    lower.append(Point(x: l.x, y: ll.y))
                }
                upper.append(u)
                lower.append(l)
            }
            guard upper.count > 1 else { return [] }
            let outline = upper + lower.reversed()
            var path = Path(polyline: outline)
            path.close()
            guard m.pattern != .solid else { return [.path(path, .fill(m.fill))] }
            let lines = m.pattern.lines(inside: outline, spacing: patternSpacing)
            return [.path(path, .fill(m.fill)), .path(lines, .stroke(Stroke(color: FillPattern.ink(over: m.fill), width: patternLineWidth)))]
        }
    }

    private func rule(_ m: RuleMark) -> [SceneItem] {
        let plot = mapper.plot
        let s = stroke(m.color ?? theme.axisColor, width: m.width ?? theme.axisLineWidth, dash: m.dash)
        switch m.axis {
        case .x:
            guard let x = mapper.px(m.value) else { return [] }
            return [.path(.segment(Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)), .stroke(s))]
        case .y:
            guard let y = mapper.py(m.value) else { return [] }
            return [.path(.segment(Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)), .stroke(s))]
        }
    }

    /// Whether a mark is drawn outside the plot clip: text that may stand beside the plot.
    static func drawsUnclipped(_ mark: Mark) -> Bool {
        if case .text(let m) = mark { return m.keepsInsideFigure }
        return false
    }

    /// How far the texts that must stay inside the figure reach past the plot's left and right
    /// edges, measured as they will be drawn; the layout widens the side margins by this much.
    /// (Vertical nudging never moves text sideways, so the unseparated runs suffice.)
    func sideOverhang(_ marks: [Mark]) -> (start: Double, end: Double) {
        var start = 0.0, end = 0.0
        for case .text(let m) in marks where m.keepsInsideFigure {
            for run in textRuns(m) {
                start = max(start, mapper.plot.minX - run.bounds.minX)
                end = max(end, run.bounds.maxX - mapper.plot.maxX)
            }
        }
        return (start, end)
    }

    /// How far markers reach past the plot's left and bottom edges (a dumbbell's dot at 0 is half
    /// outside the plot): tick labels move out by this much so they keep their gap from the marks.
    func markerOverhang(_ marks: [Mark]) -> (left: Double, bottom: Double) {
        var left = 0.0, bottom = 0.0
        let plot = mapper.plot
        for case .point(let m) in marks {
            let outline = m.outline == nil ? 0 : 0.5
            for i in 0..<m.count {
                let radius = ((m.sizes?[i] ?? nil) ?? m.size ?? theme.markerSize) / 2 + outline
                guard let p = mapper.point(m.x[i], m.y[i]) else { continue }
                left = max(left, radius - (p.x - plot.minX))
                bottom = max(bottom, radius - (plot.maxY - p.y))
            }
        }
        return (left, bottom)
    }

    private func textRuns(_ m: TextMark) -> [TextRun] {
        m.items.compactMap { item -> TextRun? in
            guard let p = mapper.point(item.x, item.y) else { return nil }
            return text.run(item.text, font: theme.annotationFont, color: m.color ?? theme.textColor,
                            at: Point(x: p.x + m.offset.dx, y: p.y + m.offset.dy), anchor: m.anchor)
        }
    }

    private func texts(_ m: TextMark) -> [SceneItem] {
        var runs = textRuns(m)
        func crowded(_ runs: [TextRun]) -> Bool {
            runs.indices.contains { i in runs.indices.contains { $0 > i && runs[i].overlaps(runs[$0], gap: 0.5) } }
        }
        if m.turnsWhenCrowded, m.anchor == .bottomCenter, crowded(runs) {
            // Reading upwards from the same point, each mark is a line high and fits its own bar's
            // slot; where a line is still wider than the slot, the type shrinks, never below the minimum.
            let level = runs
            var size = theme.annotationSize
            repeat {
                runs = level.map { run in
                    var font = run.font
                    font.size = size
                    return text.run(run.text, font: font, color: run.color, at: run.position, anchor: TextAnchor(.left, .middle), rotation: 90)
                }
                size -= 0.5
            } while crowded(runs) && size >= theme.minimumTypeSize - 1e-9
        }
        return (m.separatesVertically ? separated(runs) : runs).map { .text($0) }
    }

    /// Runs moved apart vertically with a small gap, in their order from top to bottom, each as
    /// close to its own position as the others allow, and kept inside the plot when they fit.
    private func separated(_ runs: [TextRun]) -> [TextRun] {
        guard runs.count > 1 else { return runs }
        let gap = theme.gap * 0.15
        let order = runs.indices.sorted { (runs[$0].bounds.minY, $0) < (runs[$1].bounds.minY, $1) }
        var tops = order.map { runs[$0].bounds.minY }
        let heights = order.map { runs[$0].bounds.height }
        let top = mapper.plot.minY, bottom = mapper.plot.maxY
        // Push down where labels collide, then push back up from the bottom edge, then clamp to the top.
        tops[0] = max(tops[0], top)
        for i in 1..<tops.count { tops[i] = max(tops[i], tops[i - 1] + heights[i - 1] + gap) }
        let last = tops.count - 1
        tops[last] = min(tops[last], bottom - heights[last])
        for i in stride(from: last - 1, through: 0, by: -1) { tops[i] = min(tops[i], tops[i + 1] - heights[i] - gap) }
        var result = runs
        for (k, index) in order.enumerated() {
            result[index].position.y += tops[k] - runs[index].bounds.minY
        }
        return result
    }

    private func ranges(_ m: RangeMark) -> [SceneItem] {
        let s = Stroke(color: m.color, width: m.width ?? theme.dataLineWidth, cap: .butt)
        var path = Path()
        for seg in m.segments {
            let a: Point?, b: Point?
            switch m.orientation {
            case .vertical: (a, b) = (mapper.point(seg.position, seg.from), mapper.point(seg.position, seg.to))
            case .horizontal: (a, b) = (mapper.point(seg.from, seg.position), mapper.point(seg.to, seg.position))
            }
            guard let a, let b else { continue }
            path.move(to: a)
            path.line(to: b)
            if m.capLength > 0 {
                let h = m.capLength / 2
                for end in [a, b] {
                    if m.orientation == .vertical {
                        path.move(to: Point(x: end.x - h, y: end.y))
                        path.line(to: Point(x: end.x + h, y: end.y))
                    } else {
                        path.move(to: Point(x: end.x, y: end.y - h))
                        path.line(to: Point(x: end.x, y: end.y + h))
                    }
                }
            }
        }
        return path.elements.isEmpty ? [] : [.path(path, .stroke(s))]
    }

    private func tiles(_ m: TileMark) -> [SceneItem] {
        let w = mapper.bandLength(onX: true), h = mapper.bandLength(onX: false)
        return m.tiles.compactMap { tile in
            guard let cx = mapper.px(tile.column), let cy = mapper.py(tile.row) else { return nil }
            let rect = Rect(x: cx - w / 2, y: cy - h / 2, width: w, height: h).insetBy(m.gap / 2)
            if let fill = tile.fill { return .rect(rect, .fill(fill)) }
            return .hatch(rect, background: theme.background, line: .gray(0.6))
        }
    }
}
