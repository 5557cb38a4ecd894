/// What a publisher's figure guidelines state: the column widths, the tallest figure, the range
/// of type sizes and line weights, the resolution of raster artwork and the file formats.
/// `report --figures DIR --journal NAME` and `chart … --journal NAME` both draw from this one
/// table, so a figure set and a single chart for the same journal come out the same.
///
/// Each preset cites the page it follows beside its numbers. A number the pages do not state is
/// nil, and nothing is enforced for it. Guidelines change: the URLs say where to check.
public struct JournalPreset: Sendable, Hashable {
    /// One printed width the journal lays figures out at.
    public struct Column: Sendable, Hashable {
        /// The name `--column` takes: single, one-and-half, double or triple.
        public var name: String
        /// The figure's width at this column.
        public var width: Length

        /// A column called `name`, `width` wide.
        public init(_ name: String, _ width: Length) {
            self.name = name
            self.width = width
        }
    }

    /// The name on the command line: nature, science, elsevier, ieee.
    public var name: String
    /// The journal's widths, narrowest first; every preset has a "single" and a "double".
    public var columns: [Column]
    /// The tallest figure the guidelines allow (nil: not stated).
    public var maximumHeight: Length?
    /// The smallest type the guidelines allow, in points.
    public var minimumTypeSize: Double
    /// The largest type the guidelines allow, in points (nil: no upper limit stated).
    public var maximumTypeSize: Double?
    /// The range of stroke widths the guidelines allow, in points (nil: not stated).
    public var lineWeights: ClosedRange<Double>?
    /// The least resolution for raster line art, in dpi (nil: not stated).
    public var lineArtDPI: Double?
    /// The least resolution for colour and greyscale (halftone) raster artwork, in dpi: the
    /// lowest `--dpi` a chart for this journal may take.
    public var halftoneDPI: Double
    /// The resolution a chart's PNG gets by default. A chart is line art and text in colour; each
    /// preset says which of its guideline's numbers that is.
    public var figureDPI: Double
    /// The formats written by default: the vector formats the guideline asks for, and PNG as the
    /// lossless raster copy (the guidelines ask for TIFF, which a PNG converts to without loss).
    public var formats: [ImageFormat]
    /// Where the numbers come from (written into the manifest).
    public var guideline: String

    /// A preset; see the four built-in ones.
    public init(name: String, columns: [Column], maximumHeight: Length?, minimumTypeSize: Double, maximumTypeSize: Double?,
                lineWeights: ClosedRange<Double>?, lineArtDPI: Double?, halftoneDPI: Double, figureDPI: Double,
                formats: [ImageFormat], guideline: String) {
        self.name = name
        self.columns = columns
        self.maximumHeight = maximumHeight
        self.minimumTypeSize = minimumTypeSize
        self.maximumTypeSize = maximumTypeSize
        self.lineWeights = lineWeights
        self.lineArtDPI = lineArtDPI
        self.halftoneDPI = halftoneDPI
        self.figureDPI = figureDPI
        self.formats = formats
        self.guideline = guideline
    }

    // Nature:
    // - https://research-figure-guide.nature.com/figures/building-and-exporting-figure-panels
    //   "89 mm (single column), 183 mm (double column)"; "The maximum height for a Nature figure is
    //   170 mm, to allow space for the figure legend"; "Maximum text size: 7pt, Minimum text size: 5pt".
    // - https://research-figure-guide.nature.com/figures/preparing-figures-our-specifications
    //   images "at a minimum of 300 dpi"; "The maximum dpi of online proofs is 450 dpi; supplying
    //   images at 450 dpi or above ensures they will have the highest resolution possible" (so 450
    //   is the default). Neither page states a line weight or a separate line-art resolution.
    /// Nature's research figure guide: 89 / 183 mm, at most 170 mm tall, all text 5–7 pt, 300 dpi (450 dpi for proofs).
    public static let nature = JournalPreset(
        name: "nature", columns: [Column("single", .mm(89)), Column("double", .mm(183))], maximumHeight: .mm(170),
        minimumTypeSize: 5, maximumTypeSize: 7, lineWeights: nil, lineArtDPI: nil, halftoneDPI: 300, figureDPI: 450,
        formats: [.pdf, .eps, .png],
        guideline: "Nature research figure guide (research-figure-guide.nature.com, Building and exporting figure panels; Preparing figures - our specifications): 89 / 183 mm, height at most 170 mm, text 5-7 pt, images at least 300 dpi, 450 dpi for the best proofs")

    // Science (AAAS):
    // - https://www.science.org/content/page/instructions-preparing-initial-manuscript
    //   printed widths 5.7 cm (one column), 12.1 cm (two columns), 18.4 cm (three columns);
    //   lettering about 7 pt after reduction and no smaller than 5 pt. (Read through a dated
    //   snapshot of that page, K-Dense-AI/scientific-agent-skills journal_requirements.md, accessed
    //   2026-07-23; the copies of science.org we could read directly lack the sizing section. The
    //   earlier preset's 5.5 / 12 cm and 6 pt were from memory and are corrected here.)
    // - http://www.sciencemag.org/site/feature/contribinfo/prep/prep_revfigs.xhtml (revised
    //   manuscripts): "Raster line art should have a minimum resolution of 600 dpi ... preferably
    //   1200 dpi. Grayscale and color artwork should have a minimum resolution of 400 dpi"; vector
    //   figures as PDF, EPS or AI. The current revised-manuscript page asks for at least 300 dpi;
    //   600 / 400 meet both. No page states a maximum height or a line weight.
    /// Science: 5.7 / 12.1 / 18.4 cm, lettering at least 5 pt, raster line art 600 dpi, colour 400 dpi.
    public static let science = JournalPreset(
        name: "science", columns: [Column("single", .cm(5.7)), Column("double", .cm(12.1)), Column("triple", .cm(18.4))],
        maximumHeight: nil, minimumTypeSize: 5, maximumTypeSize: nil, lineWeights: nil, lineArtDPI: 600, halftoneDPI: 400,
        figureDPI: 600, formats: [.pdf, .eps, .png],
        guideline: "Science (AAAS), Instructions for preparing an initial manuscript (science.org/content/page/instructions-preparing-initial-manuscript): 5.7 / 12.1 / 18.4 cm, lettering at least 5 pt; Preparing your art and figures, revised manuscripts (sciencemag.org prep_revfigs): raster line art 600 dpi, colour 400 dpi")

    // Elsevier:
    // - https://www.elsevier.com/about/policies-and-standards/author/artwork-and-media-instructions/artwork-sizing
    //   "lettering ... 7 pt for normal text and no smaller than 6 pt for subscript and superscript
    //   characters" (so 7 pt is the floor for the chart's text); image widths 90 mm single column,
    //   140 mm 1.5 column, 190 mm full width, height at most 240 mm (the widths and height as quoted
    //   from that page by the lehuynh R package's ggsave_elsevier documentation).
    // - https://www.elsevier.com/about/policies-and-standards/author/artwork-and-media-instructions/artwork-types
    //   "Line weights range from 0.10 pt to 1.5 pt"; bitmap line art "a minimum resolution of 1000 dpi".
    // - Elsevier guide for authors (artwork section, e.g. journals.elsevier.com guidelines for
    //   accepted papers): halftones "a minimum of 300 dpi", bitmapped line drawings 1000 dpi,
    //   "Combinations bitmapped line/half-tone (color or grayscale): a minimum of 500 dpi" — a
    //   chart is that combination, so 500 dpi is the default.
    /// Elsevier: 90 / 140 / 190 mm, at most 240 mm tall, lettering 7 pt, lines 0.1–1.5 pt, 1000 / 500 / 300 dpi.
    public static let elsevier = JournalPreset(
        name: "elsevier", columns: [Column("single", .mm(90)), Column("one-and-half", .mm(140)), Column("double", .mm(190))],
        maximumHeight: .mm(240), minimumTypeSize: 7, maximumTypeSize: nil, lineWeights: 0.1...1.5, lineArtDPI: 1000,
        halftoneDPI: 300, figureDPI: 500, formats: [.pdf, .eps, .png],
        guideline: "Elsevier artwork instructions (elsevier.com/about/policies-and-standards/author/artwork-and-media-instructions: artwork-sizing, artwork-types): 90 / 140 / 190 mm, height at most 240 mm, lettering 7 pt, line weights 0.10-1.5 pt, line art 1000 dpi, combination 500 dpi, halftone 300 dpi")

    // IEEE:
    // - https://journals.ieeeauthorcenter.ieee.org/create-your-ieee-journal-article/create-graphics-for-your-article/resolution-and-size/
    //   one column 3.5 in (88.9 mm), two columns 7.16 in (182 mm); "color and grayscale images are
    //   >300dpi", "black and white line art are >600dpi"; vector formats PS, EPS and PDF.
    // - https://journals.ieeeauthorcenter.ieee.org/create-your-ieee-journal-article/create-graphics-for-your-article/file-formatting/
    //   "Type should appear approximately 9-10 point when viewed at full size" (the earlier
    //   preset's 8 pt came from the older PDF guidelines' "consistent 8-point" callouts).
    // - IEEE Transactions, Journals and Letters, Guidelines for Author Supplied Electronic Text
    //   and Graphics: "The maximum depth of a graphic is 9 inches".
    /// IEEE: 3.5 / 7.16 in, at most 9 in tall, type 9–10 pt, line art 600 dpi, colour 300 dpi.
    public static let ieee = JournalPreset(
        name: "ieee", columns: [Column("single", .inches(3.5)), Column("double", .inches(7.16))], maximumHeight: .inches(9),
        minimumTypeSize: 9, maximumTypeSize: 10, lineWeights: nil, lineArtDPI: 600, halftoneDPI: 300, figureDPI: 600,
        formats: [.pdf, .eps, .png],
        guideline: "IEEE Author Center, Resolution and Size; File Formatting (journals.ieeeauthorcenter.ieee.org): 3.5 / 7.16 in, type about 9-10 pt, line art 600 dpi, colour 300 dpi; IEEE author guidelines: graphics at most 9 in deep")

    /// Every preset, in the order help texts list them.
    public static let all: [JournalPreset] = [.nature, .science, .elsevier, .ieee]

    /// The preset called `name` (any case), or nil.
    public static func named(_ name: String) -> JournalPreset? {
        all.first { $0.name == name.lowercased() }
    }

    /// The column called `name` (any case), or nil.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name.lowercased() }
    }

    /// One column's width, the journal's single column.
    public var singleColumn: Length { column(named: "single")?.width ?? columns[0].width }

    /// The width of the journal's two-column figures.
    public var doubleColumn: Length { column(named: "double")?.width ?? columns[columns.count - 1].width }

    /// `theme` with every text size brought into the preset's type range (a 9 pt title becomes
    /// 7 pt for Nature; an 8 pt tick label becomes 9 pt for IEEE) and every stroke into its range
    /// of line weights, where the guideline states one.
    public func adjusting(_ theme: Theme) -> Theme {
        func clamp(_ size: Double) -> Double {
            let raised = max(size, minimumTypeSize)
            return maximumTypeSize.map { min(raised, $0) } ?? raised
        }
        func weight(_ width: Double) -> Double {
            guard let lineWeights else { return width }
            return min(max(width, lineWeights.lowerBound), lineWeights.upperBound)
        }
        var adjusted = theme
        adjusted.titleSize = clamp(theme.titleSize)
        adjusted.subtitleSize = clamp(theme.subtitleSize)
        adjusted.panelTitleSize = clamp(theme.panelTitleSize)
        adjusted.axisTitleSize = clamp(theme.axisTitleSize)
        adjusted.tickLabelSize = clamp(theme.tickLabelSize)
        adjusted.legendSize = clamp(theme.legendSize)
        adjusted.annotationSize = clamp(theme.annotationSize)
        adjusted.noteSize = clamp(theme.noteSize)
        adjusted.axisLineWidth = weight(theme.axisLineWidth)
        adjusted.gridLineWidth = weight(theme.gridLineWidth)
        adjusted.dataLineWidth = weight(theme.dataLineWidth)
        adjusted.minimumTypeSize = max(minimumTypeSize, min(theme.minimumTypeSize, adjusted.tickLabelSize))
        return adjusted
    }

    /// The theme's text sizes, for checking a figure against the preset.
    public static func textSizes(of theme: Theme) -> [Double] {
        [theme.titleSize, theme.subtitleSize, theme.panelTitleSize, theme.axisTitleSize, theme.tickLabelSize,
         theme.legendSize, theme.annotationSize, theme.noteSize]
    }

    /// The theme's stroke widths, for checking a figure against the preset.
    public static func lineWidths(of theme: Theme) -> [Double] {
        [theme.axisLineWidth, theme.gridLineWidth, theme.dataLineWidth]
    }
}

extension ChartSpec {
    /// The figure this spec describes, drawn for `journal`: its theme's type and strokes brought
    /// into the journal's ranges; the width and height are the spec's, as in `figure()`.
    public func figure(for journal: JournalPreset) throws -> Figure {
        let themeName = theme ?? "paper"
        guard let base = Theme.named(themeName) else { throw SpecError.unknownTheme(themeName) }
        var figure = content.figure(theme: journal.adjusting(base), width: width ?? column?.length, height: height)
        if heightGrows { figure.heightIsFixed = false }
        return figure
    }
}

extension JournalPreset {
    /// Why `height` is too tall for this journal ("… 190 mm is taller than the 170 mm nature
    /// allows …"), or nil when it fits or the guideline states no limit.
    public func heightProblem(_ height: Length) -> String? {
        guard let maximumHeight, height.points > maximumHeight.points + 1e-6 else { return nil }
        func mm(_ length: Length) -> String { String(format: "%.0f mm", length.millimetres) }
        return "\(mm(height)) is taller than the \(mm(maximumHeight)) \(name)'s guidelines allow; give a height of at most \(mm(maximumHeight))"
    }
}
