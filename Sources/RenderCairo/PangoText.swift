import CCairo
import Foundation
import Render

/// Pango text shaping with fixed settings, shared by measuring and drawing so the two agree:
/// 72 dpi (font points = cairo units), no metric hinting, unrounded glyph positions. Without these,
/// text measured for layout would come out a different width in PNG than in PDF.
///
/// Holds a font map from `FontMapPool` for its lifetime (not Pango's global one), so separate
/// instances can work on separate threads, and one made after another reuses the same map's loaded
/// fonts. Not Sendable: use one per task.
public final class PangoTextMeasurer: TextMeasurer {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    private var fontCache: [FontSpec: OpaquePointer] = [:]
    private var languageCache: [String: OpaquePointer] = [:]

    /// A measurer with a font map of its own while it lives, at 72 dpi with hinting off, so points
    /// are cairo units and PNG and PDF agree.
    public init() {
        fontMap = FontMapPool.shared.take()
        context = pango_font_map_create_context(fontMap)
        PangoTextMeasurer.configure(context)
    }

    deinit {
        for description in fontCache.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
        FontMapPool.shared.give(fontMap)
    }

    /// Applies the settings that make measurement and drawing agree.
    static func configure(_ context: OpaquePointer) {
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
    }

    /// A new context on this measurer's font map with the same settings, for drawing on `cr`.
    func makeDrawingContext(for cr: OpaquePointer) -> OpaquePointer {
        let ctx = pango_font_map_create_context(fontMap)!
        PangoTextMeasurer.configure(ctx)
        pango_cairo_update_context(cr, ctx)
        return ctx
    }

    func fontDescription(_ font: FontSpec) -> OpaquePointer {
        if let cached = fontCache[font] { return cached }
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, font.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        fontCache[font] = description
        return description
    }

    func language(_ tag: String) -> OpaquePointer {
        if let cached = languageCache[tag] { return cached }
        // Pango keeps languages for the life of the process; they are never freed.
        let language = pango_language_from_string(tag)!
        languageCache[tag] = language
        return language
    }

    /// A Pango layout for `text` on `context`. With `markup`, the text is Pango markup.
    func makeLayout(on context: OpaquePointer, text: String, font: FontSpec, wrapWidth: Double?,
                    alignment: TextRun.Alignment, language tag: String, markup: Bool = false) -> PangoLayoutHandle {
        let layout = PangoLayoutHandle(pango_layout_new(context))
        let l = layout.pointer
        pango_layout_set_font_description(l, fontDescription(font))
        let attributes = pango_attr_list_new()
        pango_attr_list_insert(attributes, pango_attr_language_new(language(tag)))
        pango_layout_set_attributes(l, attributes)
        pango_attr_list_unref(attributes)
        if markup {
            pango_layout_set_markup(l, text, -1)
        } else {
            pango_layout_set_text(l, text, -1)
        }
        if let wrapWidth {
            pango_layout_set_width(l, Int32((wrapWidth * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR)
        }
        switch alignment {
        case .left: pango_layout_set_alignment(l, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(l, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT)
        case .justify:
            pango_layout_set_alignment(l, PANGO_ALIGN_LEFT)
            pango_layout_set_justify(l, 1)
        }
        return layout
    }

    private struct MeasureKey: Hashable {
        var text: String
        var font: FontSpec
        var wrapWidth: Double?
    }

    /// Layout measures the same labels many times while it settles margins; shaping each once is
    /// enough.
    private var measured: [MeasureKey: TextMetrics] = [:]

    /// Measures text as Pango will set it; results are cached per text, font and width.
    public func measure(_ text: String, font: FontSpec, wrapWidth: Double?) -> TextMetrics {
        let key = MeasureKey(text: text, font: font, wrapWidth: wrapWidth)
        if let known = measured[key] { return known }
        // The same language the layout will give the run, so Chinese and Cyrillic labels are shaped
        // identically when measured and when drawn.
        let layout = makeLayout(on: context, text: text, font: font, wrapWidth: wrapWidth, alignment: .left,
                                language: TextMaker.language(of: text) ?? "en")
        let metrics = layout.metrics
        if measured.count > 20_000 { measured.removeAll(keepingCapacity: true) }
        measured[key] = metrics
        return metrics
    }

    /// The lines Pango sets `text` in, taken from the layout itself so they match the drawing exactly.
    public func lines(of text: String, font: FontSpec, wrapWidth: Double?) -> [String] {
        let layout = makeLayout(on: context, text: text, font: font, wrapWidth: wrapWidth, alignment: .left,
                                language: TextMaker.language(of: text) ?? "en")
        let bytes = Array(text.utf8)
        return (0..<pango_layout_get_line_count(layout.pointer)).map { index in
            // start_index and length count UTF-8 bytes of the layout's text, which is `text`.
            let line = pango_layout_get_line_readonly(layout.pointer, index)!.pointee
            let start = Int(line.start_index), end = min(bytes.count, start + Int(line.length))
            let content = String(decoding: bytes[start..<end], as: UTF8.self)
            return String(content.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
        }
    }

    /// How many characters of `text` have no glyph in any of the font's families (drawn as
    /// hex boxes): 0 means every character renders as a real glyph.
    public func unknownGlyphCount(_ text: String, font: FontSpec, language: String = "en") -> Int {
        let layout = makeLayout(on: context, text: text, font: font, wrapWidth: nil, alignment: .left, language: language)
        return Int(pango_layout_get_unknown_glyphs_count(layout.pointer))
    }
}

/// Owns one PangoLayout.
final class PangoLayoutHandle {
    let pointer: OpaquePointer

    init(_ layout: OpaquePointer!) { pointer = layout }
    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }

    /// The logical extents in points; `x`/`y` are the offset of the ink-independent box inside the
    /// layout (non-zero for centred wrapped text).
    var logicalExtents: Rect {
        var logical = PangoRectangle()
        pango_layout_get_extents(pointer, nil, &logical)
        let scale = Double(PANGO_SCALE)
        return Rect(x: Double(logical.x) / scale, y: Double(logical.y) / scale,
                    width: Double(logical.width) / scale, height: Double(logical.height) / scale)
    }

    var metrics: TextMetrics {
        let extents = logicalExtents
        let baseline = Double(pango_layout_get_baseline(pointer)) / Double(PANGO_SCALE) - extents.y
        return TextMetrics(width: extents.width, height: extents.height, baseline: baseline,
                           lineCount: Int(pango_layout_get_line_count(pointer)))
    }
}
