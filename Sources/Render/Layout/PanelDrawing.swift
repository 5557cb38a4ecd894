import Foundation

/// Drawing one panel once its axes are fitted: grid, marks (clipped), axes, tick labels, axis
/// titles, annotations and the panel title, in painting order.
extension ChartLayout {
    func draw(_ panel: Panel, fit: PanelFit, plot: Rect, margins: Margins, index: Int) -> ([SceneItem], PanelBoxes) {
        let mapper = PlotMapper(plot: plot, x: fit.x.scale, y: fit.y.scale)
        var items: [SceneItem] = []
        var boxes = PanelBoxes(plot: plot, title: nil, xTicks: fit.x.ticks, yTicks: fit.y.ticks, xTickLabels: [], yTickLabels: [],
                               xFitting: fit.x.fitting, yFitting: fit.y.fitting, xAxisTitle: nil, yAxisTitle: nil,
                               annotationLabels: [])
        let gridStroke = Stroke(color: theme.gridColor, width: theme.gridLineWidth)
        var grid: [SceneItem] = []
        if panel.y.grid {
            for tick in fit.y.ticks {
                guard let y = mapper.py(tick.value) else { continue }
                grid.append(.path(.segment(Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)), .stroke(gridStroke)))
            }
        }
        if panel.x.grid {
            for tick in fit.x.ticks {
                guard let x = mapper.px(tick.value) else { continue }
                grid.append(.path(.segment(Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)), .stroke(gridStroke)))
            }
        }
        // Log axes get unlabelled minor lines at 2×, 3×, ... 9× each power of ten, so values between
        // the labelled decades can be read.
        let minorStroke = Stroke(color: theme.gridColor.mixed(with: theme.background, 0.5), width: theme.gridLineWidth * 0.7)
        if panel.x.grid, case .log(let d) = fit.x.scale {
            for v in ChartLayout.minorLogValues(d) {
                guard let x = mapper.px(v) else { continue }
                grid.append(.path(.segment(Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)), .stroke(minorStroke)))
            }
        }
        if panel.y.grid, case .log(let d) = fit.y.scale {
            for v in ChartLayout.minorLogValues(d) {
                guard let y = mapper.py(v) else { continue }
                grid.append(.path(.segment(Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)), .stroke(minorStroke)))
            }
        }
        items.append(.group("grid", grid))

        let drawing = MarkDrawing(mapper: mapper, theme: theme, text: text)
        // Markers and line ends may reach a little past the plot edge; the clip allows for that but
        // still stops data drawn outside a cropped domain.
        let clipPad = max(theme.markerSize, theme.dataLineWidth * 2)
        let markItems = panel.marks.filter { !MarkDrawing.drawsUnclipped($0) }.flatMap { drawing.items(for: $0) }
        items.append(.group("marks", [.clipped(plot.expanded(by: clipPad), markItems)]))
        // Text that may stand beside the plot has room reserved in the margins (see `resolve`), so it needs no clip.
        let sideTexts = panel.marks.filter(MarkDrawing.drawsUnclipped).flatMap { drawing.items(for: $0) }
        if !sideTexts.isEmpty { items.append(.group("mark-labels", sideTexts)) }
        let barLabels = panel.marks.flatMap { drawing.barLabels(for: $0) }
        if !barLabels.isEmpty { items.append(.group("value-labels", barLabels)) }

        var axes: [SceneItem] = []
        let axisStroke = Stroke(color: theme.axisColor, width: theme.axisLineWidth, cap: .square)
        if panel.x.showsLine {
            axes.append(.path(.segment(Point(x: plot.minX, y: plot.maxY), Point(x: plot.maxX, y: plot.maxY)), .stroke(axisStroke)))
        }
        if panel.y.showsLine {
            axes.append(.path(.segment(Point(x: plot.minX, y: plot.minY), Point(x: plot.minX, y: plot.maxY)), .stroke(axisStroke)))
        }
        let tickStroke = Stroke(color: theme.axisColor, width: theme.axisLineWidth)
        if fit.xTickLength > 0 {
            var path = Path()
            let labelled = Set(fit.x.labels.map { $0.position.x.rounded(toPlaces: 3) })
            for tick in fit.x.ticks {
                guard let x = mapper.px(tick.value) else { continue }
                // Thinned band axes mark only the labelled categories.
                if panel.x.scale.isBand && !labelled.contains((x - plot.minX).rounded(toPlaces: 3)) { continue }
                path.move(to: Point(x: x, y: plot.maxY))
                path.line(to: Point(x: x, y: plot.maxY + fit.xTickLength))
            }
            axes.append(.path(path, .stroke(tickStroke)))
        }
        if fit.yTickLength > 0 {
            var path = Path()
            for tick in fit.y.ticks {
                guard let y = mapper.py(tick.value) else { continue }
                path.move(to: Point(x: plot.minX, y: y))
                path.line(to: Point(x: plot.minX - fit.yTickLength, y: y))
            }
            axes.append(.path(path, .stroke(tickStroke)))
        }
        items.append(.group("axes", axes))

        var labels: [SceneItem] = []
        if panel.x.showsLabels {
            let dy = plot.maxY + fit.xTickLength + fit.xLabelInset + labelGap
            for run in fit.x.labels {
                var moved = run
                moved.position = run.position.offset(plot.minX, dy)
                boxes.xTickLabels.append(moved)
                labels.append(.text(moved))
            }
        }
        if panel.y.showsLabels {
            let dx = plot.minX - fit.yTickLength - fit.yLabelInset - labelGap
            for run in fit.y.labels {
                var moved = run
                moved.position = run.position.offset(dx, plot.minY)
                boxes.yTickLabels.append(moved)
                labels.append(.text(moved))
            }
        }
        items.append(.group("tick-labels", labels))

        var titles: [SceneItem] = []
        if let title = panel.x.title, !title.isEmpty {
            let y = plot.maxY + fit.xTickLength + (panel.x.showsLabels ? fit.xLabelInset + fit.x.labelDepth + labelGap : 0) + theme.gap * 0.75
            let run = text.run(title, font: theme.axisTitleFont, color: theme.secondaryTextColor, at: Point(x: plot.midX, y: y),
                               anchor: .topCenter, wrapWidth: plot.width, alignment: .center)
            boxes.xAxisTitle = run.bounds
            titles.append(.text(run))
        }
        if let title = panel.y.title, !title.isEmpty {
            let x = plot.minX - margins.left
            let run = text.run(title, font: theme.axisTitleFont, color: theme.secondaryTextColor, at: Point(x: x, y: plot.midY),
                               anchor: .topCenter, rotation: 90, wrapWidth: plot.height, alignment: .center)
            boxes.yAxisTitle = run.bounds
            titles.append(.text(run))
        }
        items.append(.group("axis-titles", titles))

        var notes: [SceneItem] = []
        let eventStroke = Stroke(color: theme.annotationColor, width: theme.axisLineWidth, dash: [2, 1.5])
        for (run, line) in zip(fit.events.runs, fit.events.lines) {
            var moved = run
            moved.position = run.position.offset(plot.minX, plot.minY)
            let lineTop = moved.bounds.minY + moved.size.height * 0.25
            notes.append(.path(.segment(Point(x: plot.minX + line.x, y: plot.maxY), Point(x: plot.minX + line.x, y: lineTop)),
                               .stroke(eventStroke)))
            notes.append(.text(moved))
            boxes.annotationLabels.append(moved)
        }
        let pointNotes: [(point: Point, label: String)] = panel.annotations.compactMap { a in
            guard case .point(let x, let y, let label) = a, let p = mapper.point(x, y) else { return nil }
            return (p, label)
        }
        if !pointNotes.isEmpty {
            let obstacles = markerObstacles(markItems, limit: 5000)
            let runs = AnnotationPlacement(theme: theme, text: text).pointLabels(pointNotes, plot: plot, obstacles: obstacles)
            for run in runs {
                notes.append(.text(run))
                boxes.annotationLabels.append(run)
            }
        }
        items.append(.group("annotations", notes))

        if let title = panel.title, !title.isEmpty {
            // Above all that rises over the plot: the event labels and the top tick label's upper
            // half (a "200" or "15" centred on the axis's top tick), which the margin leaves room
            // for. Panels without tick labels rise as far, so the titles of a row share a baseline.
            let rise = fit.events.height + fit.y.overhangStart
            let y = plot.minY - rise - theme.gap * 0.75
            let run = text.run(title, font: theme.panelTitleFont, color: theme.textColor, at: Point(x: plot.minX - margins.left, y: y),
                               anchor: TextAnchor(.left, .bottom))
            boxes.title = run.bounds
            items.append(.group("panel-title", [.text(run)]))
        }
        return (items, boxes)
    }

    /// 2…9 × 10^k inside a log domain, when it spans at most five decades (more would be clutter).
    static func minorLogValues(_ d: ClosedRange<Double>) -> [Double] {
        guard d.lowerBound > 0 else { return [] }
        let low = Int(floor(log10(d.lowerBound))), high = Int(ceil(log10(d.upperBound)))
        guard high - low <= 5 else { return [] }
        var values: [Double] = []
        for e in low...high {
            for m in 2...9 {
                let v = Double(m) * pow(10, Double(e))
                if d.contains(v) { values.append(v) }
            }
        }
        return values
    }

    /// Boxes of drawn markers that point labels should avoid; skipped for very dense scatters,
    /// where every position would collide anyway.
    func markerObstacles(_ items: [SceneItem], limit: Int) -> [Rect] {
        var rects: [Rect] = []
        func walk(_ items: [SceneItem]) {
            for item in items {
                switch item {
                case .markers(let batch):
                    for c in batch.centers {
                        rects.append(Rect(x: c.x - batch.diameter / 2, y: c.y - batch.diameter / 2, width: batch.diameter, height: batch.diameter))
                    }
                case .clipped(_, let inner), .group(_, let inner): walk(inner)
                default: break
                }
            }
        }
        walk(items)
        return rects.count > limit ? [] : rects
    }
}
