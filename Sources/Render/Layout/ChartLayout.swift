import Foundation

/// Lays a `Chart` out at a size: measures every text with the backend's `TextMeasurer`, sizes the
/// margins from those measurements, fits tick labels without overlaps, places legends and
/// annotations, and emits a `Scene`.
public struct ChartLayout {
    /// Fonts, colours, spacing and the default figure size.
    public var theme: Theme
    /// The figure size in points.
    public var size: Size
    /// The backend's measurer, so every label is sized as it will be drawn.
    public var measurer: TextMeasurer
    /// Whether the figure may grow taller so that every category label fits. When false (a height
    /// the user fixed), a chart whose categories do not fit reports the height it needs in
    /// `LaidOutChart.requiredHeight` instead, and backends refuse to draw it.
    public var growsToFitCategories: Bool

    /// A layout at `width` × `height` (the theme's default size where nil), measuring with `measurer`.
    public init(theme: Theme, width: Length? = nil, height: Length? = nil, measurer: TextMeasurer, growsToFitCategories: Bool = true) {
        self.theme = theme
        self.size = Size(width: (width ?? theme.defaultWidth).points, height: (height ?? theme.defaultHeight).points)
        self.measurer = measurer
        self.growsToFitCategories = growsToFitCategories
    }

    var text: TextMaker { TextMaker(measurer: measurer, language: theme.language) }

    /// The chart laid out: its scene and the boxes of its parts. A size too small to hold anything
    /// gives an empty scene, which backends reject with `RenderError.invalidSize`.
    ///
    /// Category labels are never thinned: when a category axis needs more length than the plot
    /// has, the figure grows by the shortfall (`growsToFitCategories`), or the result carries the
    /// height it would need.
    ///
    /// Category labels that do not fit at a fixed height, or across the width, first shrink in
    /// half-point steps down to `Theme.minimumTypeSize` (never below); only then does the figure
    /// grow or report the size it needs.
    public func layout(_ chart: Chart) -> LaidOutChart {
        let natural = layoutGrowing(chart)
        guard natural.requiredHeight != nil || natural.requiredWidth != nil else { return natural }
        var size = theme.tickLabelSize - 0.5
        var smallest = natural
        while size >= theme.minimumTypeSize - 1e-9 {
            var smaller = self
            smaller.theme.tickLabelSize = size
            var attempt = smaller.layoutGrowing(chart)
            attempt.shrunkTickLabelSize = size
            if attempt.requiredHeight == nil && attempt.requiredWidth == nil { return attempt }
            smallest = attempt
            size -= 0.5
        }
        // Even the minimum size does not fit: the refusal states the size needed at that minimum.
        return smallest
    }

    private func layoutGrowing(_ chart: Chart) -> LaidOutChart {
        let first = layoutOnce(chart)
        guard first.shortfall > 0.01 else { return first.chart }
        // Grow until every label fits. Margins change as the plot grows (a longer value axis gets
        // more ticks), so a few rounds; each adds the shortfall measured at the previous height.
        var attempt = self
        var result = first
        for _ in 0..<6 where result.shortfall > 0.01 {
            attempt.size.height = (attempt.size.height + result.shortfall).rounded(.up)
            result = attempt.layoutOnce(chart)
        }
        if growsToFitCategories && result.shortfall <= 0.01 { return result.chart }
        // A fixed height: the layout at that height, with the height that was found to fit.
        var refused = first.chart
        refused.requiredHeight = attempt.size.height + max(result.shortfall, 0)
        return refused
    }

    private func layoutOnce(_ chart: Chart) -> (chart: LaidOutChart, shortfall: Double) {
        guard size.width > 2 * theme.padding + 10, size.height > 2 * theme.padding + 10, size.width.isFinite, size.height.isFinite else {
            // Too small to hold anything: an empty scene, which the backend rejects with a clear error.
            let empty = Rect(x: 0, y: 0, width: max(size.width, 0), height: max(size.height, 0))
            return (LaidOutChart(scene: Scene(size: size, background: theme.background, items: []),
                                 boxes: LayoutBoxes(content: empty, panels: [])), 0)
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
        let (panelItems, panelBoxes, shortfall, widthShortfall) = layoutPanels(chart, in: grid, figure: content)
        items.insert(contentsOf: panelItems, at: 0)
        boxes.panels = panelBoxes
        var laidOut = LaidOutChart(scene: Scene(size: size, background: theme.background, items: items), boxes: boxes)
        if widthShortfall > 0.01 { laidOut.requiredWidth = (size.width + widthShortfall).rounded(.up) }
        return (laidOut, shortfall)
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

    struct Margins {
        var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
        mutating func formMax(_ o: Margins) {
            left = max(left, o.left)
            right = max(right, o.right)
            top = max(top, o.top)
            bottom = max(bottom, o.bottom)
        }
    }

    struct PanelFit {
        var margins: Margins
        var x: ResolvedAxis
        var y: ResolvedAxis
        var events: AnnotationPlacement.EventLabels
        var xTickLength: Double
        var yTickLength: Double
        /// Extra distance between the plot edge and the tick labels where markers reach past it.
        var xLabelInset = 0.0
        var yLabelInset = 0.0
    }

    var labelGap: Double { theme.gap * 0.5 }

    /// The panels' items and boxes, and how much taller the figure must be for every category
    /// label to fit (0 when they all do).
    private func layoutPanels(_ chart: Chart, in grid: Rect, figure: Rect) -> ([SceneItem], [PanelBoxes], Double, Double) {
        let n = chart.panels.count
        guard n > 0 else { return ([], [], 0, 0) }
        let columns = max(1, min(chart.columns ?? (n <= 3 ? n : Int(Double(n).squareRoot().rounded(.up))), n))
        let rows = (n + columns - 1) / columns
        let hGap = n > 1 ? theme.gap * 3 : 0, vGap = n > 1 ? theme.gap * 2 : 0
        let cell = Size(width: (grid.width - hGap * Double(columns - 1)) / Double(columns),
                        height: (grid.height - vGap * Double(rows - 1)) / Double(rows))

        // Every plot has one size, so small multiples compare, but a grid column is only as wide as
        // its own panels' left margins need (the first column prints the y labels, the others give
        // them no room), and a grid row as tall as its own panels' bottom margins need.
        let fits = chart.panels.map { fit($0, cell: cell, figureWidth: figure.width).margins }
        var shared = Margins()
        for margins in fits { shared.formMax(margins) }
        var left = Array(repeating: 0.0, count: columns), bottom = Array(repeating: 0.0, count: rows)
        for (index, margins) in fits.enumerated() {
            left[index % columns] = max(left[index % columns], margins.left)
            bottom[index / columns] = max(bottom[index / columns], margins.bottom)
        }
        let plotSize = Size(width: max((grid.width - hGap * Double(columns - 1) - left.reduce(0, +) - shared.right * Double(columns)) / Double(columns), 1),
                            height: max((grid.height - vGap * Double(rows - 1) - shared.top * Double(rows) - bottom.reduce(0, +)) / Double(rows), 1))
        var items: [SceneItem] = []
        var boxes: [PanelBoxes] = []
        var shortfall = 0.0, widthShortfall = 0.0
        for (index, panel) in chart.panels.enumerated() {
            let column = index % columns, row = index / columns
            let margins = Margins(left: left[column], right: shared.right, top: shared.top, bottom: bottom[row])
            let cellOrigin = Point(x: grid.minX + (0..<column).reduce(0) { $0 + left[$1] + plotSize.width + shared.right + hGap },
                                   y: grid.minY + (0..<row).reduce(0) { $0 + shared.top + plotSize.height + bottom[$1] + vGap })
            // One column spans the grid, as it always has; in a grid each column spans its own margins and plot.
            let cellWidth = columns == 1 ? cell.width : margins.left + plotSize.width + margins.right
            let plot = Rect(x: cellOrigin.x + margins.left, y: cellOrigin.y + margins.top, width: plotSize.width, height: plotSize.height)
            let limitStart = cellOrigin.x - plot.minX
            let final = resolve(panel, plot: plot.size, figureWidth: figure.width,
                                limit: limitStart...max(limitStart, cellOrigin.x + cellWidth - plot.minX))
            let (panelItems, panelBox) = draw(panel, fit: final, plot: plot, margins: margins, index: index)
            items.append(.group("panel-\(index)", panelItems))
            boxes.append(panelBox)
            if let needed = final.x.requiredLength, needed > plot.width {
                // A figure's width is the column's: it cannot grow, so the chart is refused.
                widthShortfall = max(widthShortfall, (needed - plot.width) * Double(columns))
            }
            if let needed = final.y.requiredLength {
                // Every row of the grid grows by the same amount, so the figure grows by it per row.
                shortfall = max(shortfall, (needed - plot.height) * Double(rows))
            }
        }
        return (items, boxes, shortfall, widthShortfall)
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

        let probe = PlotMapper(plot: Rect(x: 0, y: 0, width: plot.width, height: plot.height), x: x.scale, y: y.scale)
        let inset = MarkDrawing(mapper: probe, theme: theme, text: text).markerOverhang(panel.marks)
        var m = Margins()
        m.left = yTick + (panel.y.showsLabels ? inset.left + y.labelDepth + labelGap : 0)
        if let title = panel.y.title, !title.isEmpty {
            m.left += text.size(title, font: theme.axisTitleFont, wrapWidth: plot.height).height + theme.gap
        }
        m.left = max(m.left, panel.x.showsLabels ? x.overhangStart : 0, 1)
        m.right = max(panel.x.showsLabels ? x.overhangEnd : 0, 1)

        m.bottom = xTick + (panel.x.showsLabels ? inset.bottom + x.labelDepth + labelGap : 0)
        if let title = panel.x.title, !title.isEmpty {
            m.bottom += theme.gap * 0.75 + text.size(title, font: theme.axisTitleFont, wrapWidth: plot.width).height
        }
        m.bottom = max(m.bottom, panel.y.showsLabels ? y.overhangEnd : 0, 1)

        let mapper = probe
        // Labels written beside the data (a slopegraph's ends) get margins as wide as they measure, so
        // they fit inside the figure whatever the font; the plot narrows instead. For items at the
        // domain's ends this is exact at once; elsewhere the three rounds of `fit` converge on it.
        let overhang = MarkDrawing(mapper: mapper, theme: theme, text: text).sideOverhang(panel.marks)
        m.left = max(m.left, overhang.start)
        m.right = max(m.right, overhang.end)
        let events: [(x: Double, label: String)] = panel.annotations.compactMap { a in
            guard case .event(let vx, let label) = a, let px = mapper.px(vx), px >= -0.01, px <= plot.width + 0.01 else { return nil }
            return (px, label)
        }
        let placement = AnnotationPlacement(theme: theme, text: text)
        let eventLabels = placement.eventLabels(events, limit: limit)
        m.top = max(panel.y.showsLabels ? y.overhangStart : 0, 1) + eventLabels.height
        if let title = panel.title, !title.isEmpty {
            m.top = max(m.top, eventLabels.height + y.overhangStart) + text.size(title, font: theme.panelTitleFont).height + theme.gap * 0.75
        }
        return PanelFit(margins: m, x: x, y: y, events: eventLabels, xTickLength: xTick, yTickLength: yTick,
                        xLabelInset: inset.bottom, yLabelInset: inset.left)
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
