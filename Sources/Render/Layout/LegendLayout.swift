import Foundation

/// Builds legends and colour bars at the origin; the chart layout measures and then moves them.
struct LegendLayout {
    let theme: Theme
    let text: TextMaker

    private var font: FontSpec { theme.legendFont }
    private var em: Double { font.size }

    /// Entries flowing left to right, wrapping into rows no wider than `maxWidth`. Every entry of
    /// the legend shares one row height, so labels beside swatches of different sizes (a size key
    /// of 100, 200, 300) sit on one baseline, and the title on it too.
    func horizontal(_ legend: Legend, maxWidth: Double) -> (items: [SceneItem], size: Size) {
        let lineHeight = text.lineHeight(font)
        let rowHeight = legend.entries.map { swatchSize($0.swatch).height }.reduce(lineHeight, max)
        var items: [SceneItem] = []
        var x = 0.0, y = 0.0, widest = 0.0
        if let title = legend.title {
            let run = text.run(title, font: font.bold, color: theme.textColor, at: Point(x: 0, y: rowHeight / 2), anchor: .left)
            items.append(.text(run))
            x = run.size.width + em * 0.8
        }
        for entry in legend.entries {
            let swatch = swatchSize(entry.swatch)
            let label = text.size(entry.label, font: font)
            let width = swatch.width + em * 0.4 + label.width
            if x > 0 && x + width > maxWidth {
                x = 0
                y += rowHeight + em * 0.25
            }
            items += drawEntry(entry, swatch: swatch, at: Point(x: x, y: y), rowHeight: rowHeight)
            widest = max(widest, x + width)
            x += width + em * 1.2
        }
        return (items, Size(width: widest, height: y + rowHeight))
    }

    /// Entries in one column, title on top.
    func vertical(_ legend: Legend) -> (items: [SceneItem], size: Size) {
        let lineHeight = text.lineHeight(font)
        var items: [SceneItem] = []
        var y = 0.0, widest = 0.0
        if let title = legend.title {
            let run = text.run(title, font: font.bold, color: theme.textColor, at: Point(x: 0, y: 0), anchor: .topLeft)
            items.append(.text(run))
            y += run.size.height + em * 0.3
            widest = run.size.width
        }
        for entry in legend.entries {
            let swatch = swatchSize(entry.swatch)
            let label = text.size(entry.label, font: font)
            let height = max(lineHeight, swatch.height)
            items += drawEntry(entry, swatch: swatch, at: Point(x: 0, y: y), rowHeight: height)
            widest = max(widest, swatch.width + em * 0.4 + label.width)
            y += height + em * 0.25
        }
        return (items, Size(width: widest, height: max(0, y - em * 0.25)))
    }

    private func swatchSize(_ swatch: Legend.Swatch) -> Size {
        switch swatch {
        case .box, .missing, .patterned: return Size(width: em * 0.8, height: em * 0.8)
        case .lowerBound: return Size(width: em * 1.6, height: em * 0.8)
        case .notReported(let mark): return Size(width: text.size(mark, font: font).width, height: em * 0.8)
        case .line, .lineWithBand: return Size(width: em * 2, height: em * 0.8)
        case .point(_, _, let d): return Size(width: max(d, em * 0.8), height: d)
        }
    }

    private func drawEntry(_ entry: Legend.Entry, swatch: Size, at origin: Point, rowHeight: Double) -> [SceneItem] {
        let cy = origin.y + rowHeight / 2
        let box = Rect(x: origin.x, y: cy - swatch.height / 2, width: swatch.width, height: swatch.height)
        var items: [SceneItem] = []
        switch entry.swatch {
        case .box(let color):
            items.append(.rect(box, .fill(color)))
        case .patterned(let color, let pattern):
            let drawing = MarkDrawing(mapper: PlotMapper(plot: box, x: .linear(0...1), y: .linear(0...1)), theme: theme, text: text)
            items += pattern.items(box, color: color, outline: nil, spacing: drawing.patternSpacing, lineWidth: drawing.patternLineWidth)
        case .lowerBound(let color):
            let mark = BarMark(bars: [BarMark.Bar(position: 0, from: 0, to: 0.6, fill: color, isLowerBound: true)], orientation: .horizontal)
            let band = PositionScale.band(BandScale(categories: [""], innerPadding: 0, outerPadding: 0))
            let drawing = MarkDrawing(mapper: PlotMapper(plot: box, x: .linear(0...1), y: band), theme: theme, text: text)
            items += drawing.items(for: .bar(mark))
        case .notReported(let mark):
            items.append(.text(text.run(mark, font: font, color: theme.secondaryTextColor,
                                        at: Point(x: box.minX, y: cy), anchor: .left)))
        case .missing:
            items.append(.hatch(box, background: theme.background, line: .gray(0.6)))
            items.append(.rect(box, .stroke(Stroke(color: .gray(0.6), width: 0.35))))
        case .line(let color, let dash, let marker):
            let w = theme.dataLineWidth
            let stroke = Stroke(color: color, width: w, dash: dash.pattern.map { $0 * max(w, 0.75) }, cap: dash == .dotted ? .round : .butt)
            items.append(.path(.segment(Point(x: box.minX, y: cy), Point(x: box.maxX, y: cy)), .stroke(stroke)))
            if let marker {
                items.append(.markers(MarkerBatch(shape: marker, diameter: theme.markerSize, fill: color,
                                                  outline: Stroke(color: theme.background, width: 0.5),
                                                  centers: [Point(x: box.midX, y: cy)])))
            }
        case .lineWithBand(let color, let band):
            items.append(.rect(box, .fill(band)))
            items.append(.path(.segment(Point(x: box.minX, y: cy), Point(x: box.maxX, y: cy)),
                               .stroke(Stroke(color: color, width: theme.dataLineWidth))))
        case .point(let color, let shape, let d):
            items.append(.markers(MarkerBatch(shape: shape, diameter: d, fill: color, centers: [Point(x: box.midX, y: cy)])))
        }
        let label = text.run(entry.label, font: font, color: theme.textColor,
                             at: Point(x: box.maxX + em * 0.4, y: cy), anchor: .left)
        items.append(.text(label))
        return items
    }

    /// A horizontal colour bar: title at the left, the gradient with tick labels beneath, and an
    /// optional hatched "No data" swatch at the right.
    func colorBar(_ bar: ColorBar, maxWidth: Double) -> (items: [SceneItem], size: Size) {
        var items: [SceneItem] = []
        var x = 0.0
        let barHeight = em * 0.8
        var titleRun: TextRun?
        if let title = bar.title {
            let run = text.run(title, font: font, color: theme.textColor, at: Point(x: 0, y: barHeight / 2), anchor: .left)
            titleRun = run
            x = run.size.width + em * 0.6
        }
        guard let domain = bar.scale.domain, bar.scale.colorMap != nil else { return ([], Size(width: 0, height: 0)) }
        let missingWidth = bar.showsMissing ? em * 0.8 + em * 0.4 + text.size("No data", font: font).width + em * 1.2 : 0
        let barWidth = max(em * 6, min(maxWidth - x - missingWidth - em, em * 16))
        // Colours sampled along the bar (not just the map's ends), so a diverging bar shows its
        // stretched halves exactly as the tiles use them.
        let samples = (0...64).map { i -> Color in
            let v = domain.lowerBound + (domain.upperBound - domain.lowerBound) * Double(i) / 64
            return bar.scale.color(for: v)
        }
        let barRect = Rect(x: x, y: 0, width: barWidth, height: barHeight)
        items.append(.gradient(barRect, colors: samples, vertical: false))
        let count = max(3, min(6, Int(barWidth / (em * 4))))
        let ticks = TickSearch(integerSteps: bar.wholeNumbers).ticks(from: domain.lowerBound, to: domain.upperBound, targetCount: count)
        var labelBottom = barHeight
        var previousRight = -Double.infinity
        for value in ticks?.values ?? [] where value >= domain.lowerBound - 1e-9 && value <= domain.upperBound + 1e-9 {
            let tx = x + bar.scale.fraction(for: value) * barWidth
            items.append(.path(.segment(Point(x: tx, y: barHeight - 2), Point(x: tx, y: barHeight + 2)),
                               .stroke(Stroke(color: theme.axisColor, width: theme.axisLineWidth))))
            let run = text.run(bar.format.format(value, step: ticks?.step), font: theme.tickLabelFont,
                               color: theme.secondaryTextColor, at: Point(x: tx, y: barHeight + 2.5), anchor: .topCenter)
            guard run.bounds.minX > previousRight + em * 0.3 else { continue }
            previousRight = run.bounds.maxX
            items.append(.text(run))
            labelBottom = max(labelBottom, run.bounds.maxY)
        }
        x += barWidth
        if bar.showsMissing {
            x += em * 1.2
            let legend = Legend(entries: [Legend.Entry(label: "No data", swatch: .missing)])
            let (entryItems, size) = horizontal(legend, maxWidth: .infinity)
            items += entryItems.map { $0.translated(x, (barHeight - size.height) / 2) }
            x += size.width
        }
        if let titleRun { items.insert(.text(titleRun), at: 0) }
        return (items, Size(width: x, height: labelBottom))
    }
}
