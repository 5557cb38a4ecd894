import Render

/// How a figure set is drawn: resolution, formats, size or a journal's column widths, and
/// whether the source line is drawn in the artwork (by default it is not: journals set the credit
/// in the caption, so it goes in `captions.md`, `captions.tex` and each file's metadata).
public struct FigureSetOptions: Sendable {
    /// PNG resolution, written into each PNG's pHYs chunk.
    public var dpi: Double
    /// The image formats written for each figure, in order.
    public var formats: [ImageFormat]
    /// True to draw the chart's source line in the artwork as well (`--source-in-figure`); false,
    /// the default, leaves it to the captions files and the files' metadata, as journals ask.
    public var includeSource: Bool
    /// The figures' width; nil keeps each chart's own (or the preset's columns).
    public var width: Length?
    /// The figures' height; nil lets the theme choose from the width.
    public var height: Length?
    /// A journal's column widths, type sizes and line weights; each figure is drawn at every column
    /// in `columns`. (Its dpi and formats are not applied here: the caller sets `dpi` and `formats`.)
    public var journal: JournalPreset?
    /// The names of the journal's columns drawn with `journal` ("single", "double", ...).
    public var columns: [String]

    /// The range `--dpi` may take: below 72 no journal accepts a figure, above 2400 files become huge.
    public static let dpiRange: ClosedRange<Double> = 72...2400

    /// PDF, PNG (300 dpi) and SVG at each chart's own size, the credit in the captions and metadata: the default set.
    public init(dpi: Double = 300, formats: [ImageFormat] = [.pdf, .png, .svg], includeSource: Bool = false,
                width: Length? = nil, height: Length? = nil, journal: JournalPreset? = nil,
                columns: [String] = ["single", "double"]) {
        self.dpi = dpi
        self.formats = formats
        self.includeSource = includeSource
        self.width = width
        self.height = height
        self.journal = journal
        self.columns = columns
    }
}
