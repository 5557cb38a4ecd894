import Foundation

/// Places annotation labels so that they avoid each other.
struct AnnotationPlacement {
    let theme: Theme
    let text: TextMaker

    struct EventLabels {
        /// Labels with y measured upwards from the plot top: row 0 sits just above the plot.
        var runs: [TextRun]
        /// The page x of each label's event line, and the row it belongs to.
        var lines: [(x: Double, row: Int)]
        var rowCount: Int
        var rowHeight: Double

        /// Height reserved above the plot.
        var height: Double { rowCount == 0 ? 0 : Double(rowCount) * rowHeight + 2 }
    }

    /// Event labels in rows above the plot: each label starts just right of its line (or ends just
    /// left of it when it would run past `limit`), and goes into the lowest row where it collides
    /// with no label already placed.
    func eventLabels(_ events: [(x: Double, label: String)], limit: ClosedRange<Double>) -> EventLabels {
        let font = theme.annotationFont
        let rowHeight = text.lineHeight(font) + 1
        var rows: [[Rect]] = []
        var runs: [TextRun] = []
        var lines: [(x: Double, row: Int)] = []
        for event in events.sorted(by: { $0.x < $1.x }) {
            let size = text.size(event.label, font: font)
            let pad = 2.0
            var left = event.x + pad
            var anchor = TextAnchor(.left, .bottom)
            if left + size.width > limit.upperBound {
                left = event.x - pad - size.width
                anchor = TextAnchor(.right, .bottom)
            }
            left = max(left, limit.lowerBound)
            let box = Rect(x: left, y: 0, width: size.width, height: size.height)
            // The event's line rises from the plot through every row up to its label's, so a row is
            // free only if the label fits in it and no label in the rows below covers the line.
            let line = Rect(x: event.x - 1, y: 0, width: 2, height: size.height)
            var row = 0
            while row < rows.count && (rows[row].contains(where: { $0.expanded(by: 2).intersects(box) })
                                       || rows[..<row].contains(where: { $0.contains(where: { $0.expanded(by: 2).intersects(line) }) })) {
                row += 1
            }
            if row == rows.count { rows.append([]) }
            // Reserve the line's x in the rows it passes (its own included, for labels placed later).
            for lower in 0...row { rows[lower].append(line) }
            rows[row].append(box)
            let anchorX = anchor.horizontal == .left ? left : left + size.width
            let y = -(Double(row) * rowHeight) - 1
            var run = text.run(event.label, font: font, color: theme.annotationColor, at: Point(x: anchorX, y: y), anchor: anchor)
            run.halo = theme.background
            runs.append(run)
            lines.append((event.x, row))
        }
        return EventLabels(runs: runs, lines: lines, rowCount: rows.count, rowHeight: rowHeight)
    }

    /// Labels next to points: tries eight positions around each point and keeps the first that
    /// stays inside the plot and clear of other labels and of the data points given as obstacles.
    func pointLabels(_ points: [(point: Point, label: String)], plot: Rect, obstacles: [Rect]) -> [TextRun] {
        let font = theme.annotationFont
        var placed: [Rect] = []
        var runs: [TextRun] = []
        let r = theme.markerSize / 2 + 1.5
        let d = r * 0.75
        let candidates: [(dx: Double, dy: Double, anchor: TextAnchor)] = [
            (r, 0, TextAnchor(.left, .middle)), (d, -d, TextAnchor(.left, .bottom)), (-d, -d, TextAnchor(.right, .bottom)),
            (-r, 0, TextAnchor(.right, .middle)), (d, d, TextAnchor(.left, .top)), (-d, d, TextAnchor(.right, .top)),
            (0, -r, TextAnchor(.center, .bottom)), (0, r, TextAnchor(.center, .top)),
        ]
        for item in points {
            var best: (run: TextRun, cost: Double)?
            for c in candidates {
                let run = text.run(item.label, font: font, color: theme.textColor,
                                   at: item.point.offset(c.dx, c.dy), anchor: c.anchor)
                let box = run.bounds
                var cost = plot.contains(box) ? 0.0 : 1000
                cost += placed.reduce(0) { $0 + overlapArea($1, box) * 10 }
                cost += obstacles.reduce(0) { $0 + overlapArea($1, box) }
                if best == nil || cost < best!.cost { best = (run, cost) }
                if cost == 0 { break }
            }
            if var best {
                best.run.halo = theme.background
                runs.append(best.run)
                placed.append(best.run.bounds.expanded(by: 1))
            }
        }
        return runs
    }

    private func overlapArea(_ a: Rect, _ b: Rect) -> Double {
        let w = min(a.maxX, b.maxX) - max(a.minX, b.minX)
        let h = min(a.maxY, b.maxY) - max(a.minY, b.minY)
        return w > 0 && h > 0 ? w * h : 0
    }
}
