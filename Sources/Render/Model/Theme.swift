/// Type, lines, colours and default sizes shared by every chart drawn with it.
public struct Theme: Sendable {
    /// The name specs and `--theme` use: "paper" or "briefing".
    public var name: String
    /// Families in fallback order: Latin and Cyrillic first, then a CJK face for Chinese.
    public var fontFamily: String
    /// BCP 47 language given to Pango (affects shaping and CJK glyph variants).
    public var language: String

    /// Title size in points.
    public var titleSize: Double
    /// Subtitle size in points.
    public var subtitleSize: Double
    /// Small-multiple panel title size in points.
    public var panelTitleSize: Double
    /// Axis title size in points.
    public var axisTitleSize: Double
    /// Tick label size in points.
    public var tickLabelSize: Double
    /// Legend label size in points.
    public var legendSize: Double
    /// Size of annotation and end labels in points.
    public var annotationSize: Double
    /// Source and caption size in points.
    public var noteSize: Double

    /// Title, labels and values.
    public var textColor: Color
    /// Subtitle, axis titles, notes.
    public var secondaryTextColor: Color
    /// Axis lines and ticks.
    public var axisColor: Color
    /// Grid lines.
    public var gridColor: Color
    /// The page behind the chart.
    public var background: Color
    /// Events lines and reference rules.
    public var annotationColor: Color

    /// Stroke widths in points. Every chart drawn with a theme shares them, so figures side by side
    /// in a paper look consistent.
    public var axisLineWidth: Double
    /// Grid line width in points.
    public var gridLineWidth: Double
    /// Tick length in points.
    public var tickLength: Double
    /// Width of data lines in points.
    public var dataLineWidth: Double
    /// Marker diameter in points.
    public var markerSize: Double

    /// Space around the whole figure.
    public var padding: Double
    /// The basic gap between stacked elements (title to subtitle, legend to plot, ...).
    public var gap: Double

    /// Colours for series and groups.
    public var palette: CategoricalPalette
    /// Colour map for values that run one way (counts).
    public var sequentialMap: ColorMap
    /// Colour map for values around a midpoint.
    public var divergingMap: ColorMap

    /// Width when none is given.
    public var defaultWidth: Length
    /// Height when none is given.
    public var defaultHeight: Length
    /// Give each line series its own dash pattern as well as colour, so series stay apart in
    /// grey-scale print.
    public var distinguishesSeriesByDash: Bool
    /// Give each bar series its own fill pattern as well as colour (`FillPattern.forSeries`), so
    /// stacks and groups stay apart in greyscale print.
    public var distinguishesSeriesByPattern: Bool
    /// The smallest type a label may shrink to when it does not fit at its size (6 pt, the
    /// minimum most journals accept; a journal preset sets its own). Below it the chart grows or
    /// refuses instead.
    public var minimumTypeSize = 6.0

    /// A theme; `paper` and `briefing` are the built-in ones.
    public init(name: String, fontFamily: String, language: String = "en", titleSize: Double, subtitleSize: Double,
                panelTitleSize: Double, axisTitleSize: Double, tickLabelSize: Double, legendSize: Double,
                annotationSize: Double, noteSize: Double, textColor: Color, secondaryTextColor: Color,
                axisColor: Color, gridColor: Color, background: Color, annotationColor: Color,
                axisLineWidth: Double, gridLineWidth: Double, tickLength: Double, dataLineWidth: Double,
                markerSize: Double, padding: Double, gap: Double, palette: CategoricalPalette,
                sequentialMap: ColorMap, divergingMap: ColorMap, defaultWidth: Length, defaultHeight: Length,
                distinguishesSeriesByDash: Bool, distinguishesSeriesByPattern: Bool = false) {
        self.name = name
        self.fontFamily = fontFamily
        self.language = language
        self.titleSize = titleSize
        self.subtitleSize = subtitleSize
        self.panelTitleSize = panelTitleSize
        self.axisTitleSize = axisTitleSize
        self.tickLabelSize = tickLabelSize
        self.legendSize = legendSize
        self.annotationSize = annotationSize
        self.noteSize = noteSize
        self.textColor = textColor
        self.secondaryTextColor = secondaryTextColor
        self.axisColor = axisColor
        self.gridColor = gridColor
        self.background = background
        self.annotationColor = annotationColor
        self.axisLineWidth = axisLineWidth
        self.gridLineWidth = gridLineWidth
        self.tickLength = tickLength
        self.dataLineWidth = dataLineWidth
        self.markerSize = markerSize
        self.padding = padding
        self.gap = gap
        self.palette = palette
        self.sequentialMap = sequentialMap
        self.divergingMap = divergingMap
        self.defaultWidth = defaultWidth
        self.defaultHeight = defaultHeight
        self.distinguishesSeriesByDash = distinguishesSeriesByDash
        self.distinguishesSeriesByPattern = distinguishesSeriesByPattern
    }

    /// Families shared by both themes: Liberation Sans (metric-compatible with Arial/Helvetica, which
    /// journals ask for) with Cyrillic, DejaVu Sans as a wider fallback, Noto Sans CJK SC for Chinese.
    public static let defaultFontFamily = "Liberation Sans, DejaVu Sans, Noto Sans CJK SC"

    /// Journal figures: 8–9 pt type, hairline-thin structure, grey-scale safe (print-safe palette,
    /// dashed lines, patterned bars); 85 mm wide by default.
    public static let paper = Theme(
        name: "paper", fontFamily: defaultFontFamily,
        titleSize: 9, subtitleSize: 8, panelTitleSize: 8, axisTitleSize: 8, tickLabelSize: 8, legendSize: 8,
        annotationSize: 8, noteSize: 8,
        textColor: .black, secondaryTextColor: .gray(0.25), axisColor: .gray(0.15), gridColor: .gray(0.88),
        background: .white, annotationColor: .gray(0.35),
        axisLineWidth: 0.5, gridLineWidth: 0.35, tickLength: 3, dataLineWidth: 1, markerSize: 3.5,
        padding: 4, gap: 4, palette: .printSafe, sequentialMap: .viridis, divergingMap: .blueRed,
        defaultWidth: PaperWidth.singleColumn.length, defaultHeight: .mm(62), distinguishesSeriesByDash: true,
        distinguishesSeriesByPattern: true)

    /// Policy briefings: larger type and a strong title that states the finding; printed in grey
    /// on office printers as often as not, so lines are dashed and bars patterned as in `paper`.
    public static let briefing = Theme(
        name: "briefing", fontFamily: defaultFontFamily,
        titleSize: 14, subtitleSize: 10.5, panelTitleSize: 9.5, axisTitleSize: 9, tickLabelSize: 9, legendSize: 9,
        annotationSize: 8.5, noteSize: 8,
        textColor: .gray(0.1), secondaryTextColor: .gray(0.3), axisColor: .gray(0.2), gridColor: .gray(0.87),
        background: .white, annotationColor: .gray(0.35),
        axisLineWidth: 0.75, gridLineWidth: 0.5, tickLength: 4, dataLineWidth: 1.75, markerSize: 5,
        padding: 8, gap: 6, palette: .printSafe, sequentialMap: .viridis, divergingMap: .blueRed,
        defaultWidth: .mm(170), defaultHeight: .mm(105), distinguishesSeriesByDash: true,
        distinguishesSeriesByPattern: true)

    /// The built-in theme called `name`, or nil.
    public static func named(_ name: String) -> Theme? {
        switch name.lowercased() {
        case "paper": return .paper
        case "briefing": return .briefing
        default: return nil
        }
    }

    /// Bold title type.
    public var titleFont: FontSpec { FontSpec(family: fontFamily, size: titleSize, weight: .bold) }
    /// Subtitle type.
    public var subtitleFont: FontSpec { FontSpec(family: fontFamily, size: subtitleSize) }
    /// Bold panel title type.
    public var panelTitleFont: FontSpec { FontSpec(family: fontFamily, size: panelTitleSize, weight: .bold) }
    /// Axis title type.
    public var axisTitleFont: FontSpec { FontSpec(family: fontFamily, size: axisTitleSize) }
    /// Tick label type.
    public var tickLabelFont: FontSpec { FontSpec(family: fontFamily, size: tickLabelSize) }
    /// Legend type.
    public var legendFont: FontSpec { FontSpec(family: fontFamily, size: legendSize) }
    /// Annotation and end-label type.
    public var annotationFont: FontSpec { FontSpec(family: fontFamily, size: annotationSize) }
    /// Source and caption type.
    public var noteFont: FontSpec { FontSpec(family: fontFamily, size: noteSize) }
}

/// Journal column widths.
public enum PaperWidth: String, Sendable, Codable {
    /// 85 mm: one column of a two-column journal page.
    case singleColumn
    /// 178 mm: the full text width.
    case doubleColumn

    /// The column's width.
    public var length: Length {
        switch self {
        case .singleColumn: return .mm(85)
        case .doubleColumn: return .mm(178)
        }
    }
}
