import CCairo
import Foundation
import Render

/// Draws a `Scene` on a cairo context. The same code draws on every surface type; the only
/// surface-specific step is the raster fast path for large marker batches (see `MarkerStamper`).
final class SceneRenderer {
    private let cr: OpaquePointer
    private let text: PangoTextMeasurer
    private let pango: OpaquePointer
    /// Clip rectangles in user space, innermost last; the raster marker path honours them itself.
    private var clips: [Rect] = []
    private let scratch: ScratchMemory
    private lazy var stamper = MarkerStamper(cr: cr, scratch: scratch)

    /// Batches at least this large go through the raster stamper on image surfaces.
    static let stampThreshold = 200

    init(cr: OpaquePointer, text: PangoTextMeasurer, scratch: ScratchMemory) {
        self.cr = cr
        self.text = text
        self.scratch = scratch
        pango = text.makeDrawingContext(for: cr)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pango)) }

    func draw(_ scene: Scene) {
        if let background = scene.background {
            // A filled rectangle rather than cairo_paint: on a PDF page paint would cover the page
            // beyond the figure when the scene is placed inside a larger page.
            cairo_rectangle(cr, 0, 0, scene.size.width, scene.size.height)
            setSource(background)
            cairo_fill(cr)
        }
        draw(scene.items)
    }

    func draw(_ items: [SceneItem]) {
        for item in items { draw(item) }
    }

    private func draw(_ item: SceneItem) {
        switch item {
        case .rect(let r, let paint):
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            apply(paint)
        case .path(let path, let paint):
            CairoPath.append(path, to: cr)
            apply(paint)
        case .text(let run):
            drawText(run)
        case .markers(let batch):
            drawMarkers(batch)
        case .gradient(let r, let colors, let vertical):
            drawGradient(r, colors: colors, vertical: vertical)
        case .hatch(let r, let background, let line):
            drawHatch(r, background: background, line: line)
        case .clipped(let r, let inner):
            cairo_save(cr)
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            cairo_clip(cr)
            clips.append(r)
            draw(inner)
            clips.removeLast()
            cairo_restore(cr)
        case .group(_, let inner):
            draw(inner)
        }
    }

    private func setSource(_ c: Color) {
        if c.alpha >= 1 {
            cairo_set_source_rgb(cr, c.red, c.green, c.blue)
        } else {
            cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
        }
    }

    private func apply(_ paint: Paint) {
        if let fill = paint.fill {
            setSource(fill)
            if paint.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke = paint.stroke {
            setStroke(stroke)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    private func setStroke(_ stroke: Stroke) {
        setSource(stroke.color)
        cairo_set_line_width(cr, stroke.width)
        switch stroke.cap {
        case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        }
        switch stroke.join {
        case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
        }
        stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    private func drawText(_ run: TextRun) {
        cairo_save(cr)
        cairo_translate(cr, run.position.x, run.position.y)
        if run.rotation != 0 { cairo_rotate(cr, -run.rotation * .pi / 180) }
        // The context must learn the new transformation, or glyphs are shaped for the old one.
        pango_cairo_update_context(cr, pango)
        let layout = text.makeLayout(on: pango, text: run.text, font: run.font, wrapWidth: run.wrapWidth,
                                     alignment: run.alignment, language: run.language)
        let extents = layout.logicalExtents
        let offset = TextRun.anchorOffset(run.anchor, size: run.size, baseline: run.baseline)
        cairo_move_to(cr, offset.x - extents.x, offset.y - extents.y)
        if let halo = run.halo {
            // A halo in the background colour keeps labels legible over data and grid lines.
            pango_cairo_layout_path(cr, layout.pointer)
            setSource(halo)
            cairo_set_line_width(cr, max(1.5, run.font.size * 0.25))
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_set_dash(cr, nil, 0, 0)
            cairo_stroke(cr)
            cairo_move_to(cr, offset.x - extents.x, offset.y - extents.y)
        }
        setSource(run.color)
        pango_cairo_show_layout(cr, layout.pointer)
        cairo_restore(cr)
        pango_cairo_update_context(cr, pango)
    }

    /// Markers are Render's marker outline (`MarkerBatch.markerPath`) filled at every centre. Large
    /// batches on an image surface take the raster fast path instead, which stamps the same outline
    /// rasterised once (as matplotlib's draw_markers does over draw_path).
    private func drawMarkers(_ batch: MarkerBatch) {
        if batch.centers.count >= SceneRenderer.stampThreshold, batch.outline == nil,
           stamper.stamp(batch, clip: clips.last) {
            return
        }
        let outline = batch.markerPath
        // Opaque markers can share one fill (faster, smaller files); translucent ones are filled one
        // by one so that overlaps build up density, as they do on the raster path.
        let together = batch.fill.alpha >= 1
        setSource(batch.fill)
        for c in batch.centers {
            CairoPath.append(outline, to: cr, dx: c.x, dy: c.y)
            if !together { fillAndOutline(batch) }
        }
        if together { fillAndOutline(batch) }
    }

    private func fillAndOutline(_ batch: MarkerBatch) {
        if let outline = batch.outline {
            cairo_fill_preserve(cr)
            setStroke(outline)
            cairo_stroke(cr)
            setSource(batch.fill)
        } else {
            cairo_fill(cr)
        }
    }

    private func drawGradient(_ r: Rect, colors: [Color], vertical: Bool) {
        guard !colors.isEmpty else { return }
        let pattern = vertical
            ? cairo_pattern_create_linear(r.x, r.maxY, r.x, r.y)
            : cairo_pattern_create_linear(r.x, r.y, r.maxX, r.y)
        for (i, c) in colors.enumerated() {
            let offset = colors.count == 1 ? 0 : Double(i) / Double(colors.count - 1)
            cairo_pattern_add_color_stop_rgba(pattern, offset, c.red, c.green, c.blue, c.alpha)
        }
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_set_source(cr, pattern)
        cairo_fill(cr)
        cairo_pattern_destroy(pattern)
    }

    private func drawHatch(_ r: Rect, background: Color, line: Color) {
        cairo_save(cr)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        setSource(background)
        cairo_fill_preserve(cr)
        cairo_clip(cr)
        let spacing = 2.2
        var offset = -r.height
        while offset < r.width {
            cairo_move_to(cr, r.x + offset, r.maxY)
            cairo_line_to(cr, r.x + offset + r.height, r.y)
            offset += spacing
        }
        setStroke(Stroke(color: line, width: 0.4))
        cairo_stroke(cr)
        cairo_restore(cr)
    }
}
