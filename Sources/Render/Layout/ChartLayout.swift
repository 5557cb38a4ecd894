import Foundation

/// Lays a `Chart` out at a size: measures every text with the backend's `TextMeasurer`, sizes the
/// margins from those measurements, fits tick labels without overlaps, places legends and
/// annotations, and emits a `Scene`.
public struct ChartLayout {
    public var theme: Theme
    public var size: Size
    public var measurer: TextMeasurer

    public init(theme: Theme, width: Length? = nil, height: Length? = nil, measurer: TextMeasurer) {
        self.theme = theme
        self.size = Size(width: (width ?? theme.defaultWidth).points, height: (height ?? theme.defaultHeight).points)
        self.measurer = measurer
    }

    private var text: TextMaker { TextMaker(measurer: measurer, language: theme.language) }

    public func layout(_ chart: Chart) -> LaidOutChart {
        guard size.width > 2 * theme.padding + 10, size.height > 2 * theme.padding + 10, size.width.isFinite, size.height.isFinite else {
            // Too small to hold anything: an empty scene, which the backend rejects with a clear error.
            let empty = Rect(x: 0, y: 0, width: max(size.width, 0), height: max(size.height, 0))
            return LaidOutChart(scene: Scene(size: size, background: theme.background, items: []),
                                boxes: LayoutBoxes(content: empty, panels: []))
        }
        let gap = theme.gap
        let content = Rect(x: theme.padding, y: theme.padding,
                           width: size.width - 2 * theme.padding, height: size.height - 2 * theme.padding)
        var items: [SceneItem] = []
        var boxes = LayoutBoxes(content: content, panels: [])
        var top = content.minY

        if let title = chart.title, !title.isEmpty {
            let run = text.run(title, font: theme.titleFont, color: theme.textColor, at: Point(x: content.minX, y: top),
                               anchor: .topLeft, wrapWidth: content.width)
            items.append(.group("title", [.text(run)]))
            boxes.title = run.bounds
            top = run.bounds.maxY
        }
        if let subtitle = chart.subtitle, !subtitle.isEmpty {
            if boxes.title != nil { top += gap * 0.4 }
            let run = text.run(subtitle, font: theme.subtitleFont, color: theme.secondaryTextColor,
                               at: Point(x: content.minX, y: top), anchor: .topLeft, wrapWidth: content.width)
            items.append(.group("subtitle", [.text(run)]))
            boxes.subtitle = run.bounds
            top = run.bounds.maxY
        }
        if boxes.title != nil || boxes.subtitle != nil { top += gap * 1.5 }

        var bottom = content.maxY
        let notes = noteLines(chart)
        if !notes.isEmpty {
            var runs: [TextRun] = []
            var y = 0.0
            for note in notes {
                let run = text.run(note, font: theme.noteFont, color: theme.secondaryTextColor, at: Point(x: content.minX, y: y),
                                   anchor: .topLeft, wrapWidth: content.width)
                runs.append(run)
                y += run.size.height + gap * 0.25
            }
            let height = y - gap * 0.25
            let shift = bottom - height
            let placed = runs.map { SceneItem.text($0).translated(0, shift) }
            items.append(.group("notes", placed))
            boxes.notes = Rect(x: content.minX, y: shift, width: content.width, height: height)
            bottom = shift - gap * 1.5
        }

        let legends = LegendLayout(theme: theme, text: text)
        var gridRight = content.maxX
        if let legend = chart.legend, !legend.entries.isEmpty {
            switch legend.placement {
            case .top:
                let (legendItems, legendSize) = legends.horizontal(legend, maxWidth: content.width)
                items.append(.group("legend", legendItems.map { $0.translated(content.minX, top) }))
                boxes.legend = Rect(x: content.minX, y: top, width: legendSize.width, height: legendSize.height)
                top += legendSize.height + gap * 1.5
            case .bottom:
                let (legendItems, legendSize) = legends.horizontal(legend, maxWidth: content.width)
                let y = bottom - legendSize.height
                items.append(.group("legend", legendItems.map { $0.translated(content.minX, y) }))
                boxes.legend = Rect(x: content.minX, y: y, width: legendSize.width, height: legendSize.height)
                bottom = y - gap * 1.5
            case .right:
                let (legendItems, legendSize) = legends.vertical(legend)
                let x = content.maxX - legendSize.width
                items.append(.group("legend", legendItems.map { $0.translated(x, top) }))
                boxes.legend = Rect(x: x, y: top, width: legendSize.width, height: legendSize.height)
                gridRight = x - gap * 2
            }
        }
        if let colorBar = chart.colorBar {
            let (barItems, barSize) = legends.colorBar(colorBar, maxWidth: content.width)
            items.append(.group("colorbar", barItems.map { $0.translated(content.minX, top) }))
            boxes.colorBar = Rect(x: content.minX, y: top, width: barSize.width, height: barSize.height)
            top += barSize.height + gap * 1.5
        }

        let grid = Rect(x: content.minX, y: top, width: gridRight - content.minX, height: max(bottom - top, 1))
        let (panelItems, panelBoxes) = layoutPanels(chart, in: grid, figure: content)
        items.insert(contentsOf: panelItems, at: 0)
        boxes.panels = panelBoxes
        return LaidOutChart(scene: Scene(size: size, background: theme.background, items: items), boxes: boxes)
    }

    private func noteLines(_ chart: Chart) -> [String] {
        var lines: [String] = []
        if let source = chart.source, !source.isEmpty {
            lines.append(source.lowercased().hasPrefix("source") ? source : "Source: " + source)
        }
        if let caption = chart.caption, !caption.isEmpty { lines.append(caption) }
        return lines
    }

    // MARK: Panels

    private struct Margins {
        var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
        mutating func formMax(_ o: Margins) {
            left = max(left, o.left)
            right = max(right, o.right)
            top = max(top, o.top)
            bottom = max(bottom, o.bottom)
        }
    }

    private struct PanelFit {
        var margins: Margins
        var x: ResolvedAxis
        var y: ResolvedAxis
        var events: AnnotationPlacement.EventLabels
        var xTickLength: Double
        var yTickLength: Double
    }

    private var labelGap: Double { theme.gap * 0.5 }

    private func layoutPanels(_ chart: Chart, in grid: Rect, figure: Rect) -> ([SceneItem], [PanelBoxes]) {
        let n = chart.panels.count
        guard n > 0 else { return ([], []) }
        let columns = max(1, min(chart.columns ?? (n <= 3 ? n : Int(Double(n).squareRoot().rounded(.up))), n))
        let rows = (n + columns - 1) / columns
        let hGap = n > 1 ? theme.gap * 3 : 0, vGap = n > 1 ? theme.gap * 2 : 0
        let cell = Size(width: (grid.width - hGap * Double(columns - 1)) / Double(columns),
                        height: (grid.height - vGap * Double(rows - 1)) / Double(rows))

        // Every panel gets the largest margins any panel needs, so small multiples share one plot
        // size and their axes line up.
        var margins = Margins()
        for panel in chart.panels {
            margins.formMax(fit(panel, cell: cell, figureWidth: figure.width).margins)
        }
        var items: [SceneItem] = []
        var boxes: [PanelBoxes] = []
        for (index, panel) in chart.panels.enumerated() {
            let column = index % columns, row = index / columns
            let cellOrigin = Point(x: grid.minX + Double(column) * (cell.width + hGap), y: grid.minY + Double(row) * (cell.height + vGap))
            let plot = Rect(x: cellOrigin.x + margins.left, y: cellOrigin.y + margins.top,
                            width: max(cell.width - margins.left - margins.right, 1),
                            height: max(cell.height - margins.top - margins.bottom, 1))
            let limitStart = cellOrigin.x - plot.minX
            let final = resolve(panel, plot: plot.size, figureWidth: figure.width,
                                limit: limitStart...max(limitStart, cellOrigin.x + cell.width - plot.minX))
            let (panelItems, panelBox) = draw(panel, fit: final, plot: plot, margins: margins, index: index)
            items.append(.group("panel-\(index)", panelItems))
            boxes.append(panelBox)
        }
        return (items, boxes)
    }

    private func hasTicks(_ axis: Axis, _ resolved: ResolvedAxis) -> Bool {
        guard axis.showsLine else { return false }
        if axis.scale.isBand {
            if case .all = resolved.fitting { return false }
            if case .wrapped = resolved.fitting { return false }
        }
        return true
    }

    private func axisFitters(figureWidth: Double) -> (HorizontalAxisFitter, VerticalAxisFitter) {
        let font = theme.tickLabelFont
        return (
            HorizontalAxisFitter(text: text, font: font, color: theme.secondaryTextColor, gap: font.size * 0.5,
                                 maxDepth: size.height * 0.35),
            VerticalAxisFitter(text: text, font: font, color: theme.secondaryTextColor, gap: font.size * 0.15,
                               maxLabelWidth: figureWidth * 0.3)
        )
    }

    /// Finds margins for a panel in a cell by fitting axes at the plot size the margins leave,
    /// three times over: label sizes change tick counts, which change label sizes.
    private func fit(_ panel: Panel, cell: Size, figureWidth: Double) -> PanelFit {
        var margins = Margins(left: cell.width * 0.1, right: 2, top: 2, bottom: text.lineHeight(theme.tickLabelFont) * 2)
        var result: PanelFit?
        for _ in 0..<3 {
            let plot = Size(width: max(cell.width - margins.left - margins.right, 10),
                            height: max(cell.height - margins.top - margins.bottom, 10))
            let f = resolve(panel, plot: plot, figureWidth: figureWidth,
                            limit: -margins.left...max(-margins.left, plot.width + margins.right))
            margins = f.margins
            result = f
        }
        return result!
    }

    private func resolve(_ panel: Panel, plot: Size, figureWidth: Double, limit: ClosedRange<Double>) -> PanelFit {
        let (horizontal, vertical) = axisFitters(figureWidth: figureWidth)
        let x = horizontal.fit(panel.x, length: plot.width)
        let y = vertical.fit(panel.y, length: plot.height)
        let xTick = hasTicks(panel.x, x) ? theme.tickLength : 0
        let yTick = hasTicks(panel.y, y) ? theme.tickLength : 0

        var m = Margins()
        m.left = yTick + (panel.y.showsLabels ? y.labelDepth + labelGap : 0)
        if let title = panel.y.title, !title.isEmpty {
            m.left += text.size(title, font: theme.axisTitleFont, wrapWidth: plot.height).height + theme.gap
        }
        m.left = max(m.left, panel.x.showsLabels ? x.overhangStart : 0, 1)
        m.right = max(panel.x.showsLabels ? x.overhangEnd : 0, 1)

        m.bottom = xTick + (panel.x.showsLabels ? x.labelDepth + labelGap : 0)
        if let title = panel.x.title, !title.isEmpty {
            m.bottom += theme.gap * 0.75 + text.size(title, font: theme.axisTitleFont, wrapWidth: plot.width).height
        }
        m.bottom = max(m.bottom, panel.y.showsLabels ? y.overhangEnd : 0, 1)

        let mapper = PlotMapper(plot: Rect(x: 0, y: 0, width: plot.width, height: plot.height), x: x.scale, y: y.scale)
        let events: [(x: Double, label: String)] = panel.annotations.compactMap { a in
            guard case .event(let vx, let label) = a, let px = mapper.px(vx), px >= -0.01, px <= plot.width + 0.01 else { return nil }
            return (px, label)
        }
        let placement = AnnotationPlacement(theme: theme, text: text)
        let eventLabels = placement.eventLabels(events, limit: limit)
        m.top = max(panel.y.showsLabels ? y.overhangStart : 0, 1) + eventLabels.height
        if let title = panel.title, !title.isEmpty {
            m.top = max(m.top, eventLabels.height) + text.size(title, font: theme.panelTitleFont).height + theme.gap * 0.75
        }
        return PanelFit(margins: m, x: x, y: y, events: eventLabels, xTickLength: xTick, yTickLength: yTick)
    }

    private func draw(_ panel: Panel, fit: PanelFit, plot: Rect, margins: Margins, index: Int) -> ([SceneItem], PanelBoxes) {
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
        let markItems = panel.marks.flatMap { drawing.items(for: $0) }
        items.append(.group("marks", [.clipped(plot.expanded(by: clipPad), markItems)]))
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
            let dy = plot.maxY + fit.xTickLength + labelGap
            for run in fit.x.labels {
                var moved = run
                moved.position = run.position.offset(plot.minX, dy)
                boxes.xTickLabels.append(moved)
                labels.append(.text(moved))
            }
        }
        if panel.y.showsLabels {
            let dx = plot.minX - fit.yTickLength - labelGap
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
            let y = plot.maxY + fit.xTickLength + (panel.x.showsLabels ? fit.x.labelDepth + labelGap : 0) + theme.gap * 0.75
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
            let y = plot.minY - fit.events.height - theme.gap * 0.75
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
    private func markerObstacles(_ items: [SceneItem], limit: Int) -> [Rect] {
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

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let f = pow(10, Double(places))
        return (self * f).rounded() / f
    }
}

extension Rect {
    var size: Size { Size(width: width, height: height) }
}
