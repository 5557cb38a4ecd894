/// A publisher's figure sizes: the single- and double-column widths and the range of type sizes
/// its figure guidelines state. `report --figures DIR --journal NAME` draws each figure at both
/// widths with every text size brought into that range. Each preset cites the guideline it follows.
public struct JournalPreset: Sendable, Hashable {
    /// The name on the command line: nature, science, elsevier, ieee.
    public var name: String
    /// One column of the journal's page.
    public var singleColumn: Length
    /// The full text width.
    public var doubleColumn: Length
    /// The smallest type the guidelines allow, in points.
    public var minimumTypeSize: Double
    /// The largest type the guidelines allow, in points (nil: no upper limit stated).
    public var maximumTypeSize: Double?
    /// Where the numbers come from.
    public var guideline: String

    /// Nature research figure guide, "Building and exporting figure panels": 89 mm single column,
    /// 183 mm double column; all text between 5 pt and 7 pt.
    public static let nature = JournalPreset(
        name: "nature", singleColumn: .mm(89), doubleColumn: .mm(183), minimumTypeSize: 5, maximumTypeSize: 7,
        guideline: "Nature research figure guide, Building and exporting figure panels (research-figure-guide.nature.com): 89 mm / 183 mm, text 5-7 pt")

    /// Science (AAAS), "Preparing your art and figures" for revised manuscripts: one column 5.5 cm,
    /// two columns 12 cm; lettering no smaller than 6 pt. (The copy of that page we could read did
    /// not include its sizing section; the widths follow the AAAS figure template, check them
    /// against the current page before submitting.)
    public static let science = JournalPreset(
        name: "science", singleColumn: .cm(5.5), doubleColumn: .cm(12), minimumTypeSize: 6, maximumTypeSize: nil,
        guideline: "Science (AAAS), Preparing your art and figures (revised manuscripts): 5.5 cm / 12 cm, type at least 6 pt")

    /// Elsevier, "Artwork sizing": single column 90 mm, double column 190 mm; lettering 7 pt for
    /// normal text (6 pt only for sub- and superscripts), so 7 pt is the floor here.
    public static let elsevier = JournalPreset(
        name: "elsevier", singleColumn: .mm(90), doubleColumn: .mm(190), minimumTypeSize: 7, maximumTypeSize: nil,
        guideline: "Elsevier, Artwork sizing (elsevier.com author artwork instructions): 90 mm / 190 mm, lettering 7 pt")

    /// IEEE Author Center, "Size requirements for graphics": one column 3.5 in (88.9 mm), two
    /// columns 7.16 in (182 mm); IEEE's graphics guidelines ask for callouts of a consistent 8 pt.
    public static let ieee = JournalPreset(
        name: "ieee", singleColumn: .inches(3.5), doubleColumn: .inches(7.16), minimumTypeSize: 8, maximumTypeSize: nil,
        guideline: "IEEE Author Center, Size requirements for graphics: 3.5 in / 7.16 in; callouts 8 pt (IEEE graphics guidelines)")

    /// Every preset, in the order help texts list them.
    public static let all: [JournalPreset] = [.nature, .science, .elsevier, .ieee]

    /// The preset called `name` (any case), or nil.
    public static func named(_ name: String) -> JournalPreset? {
        all.first { $0.name == name.lowercased() }
    }

    /// The width of `column`.
    public func width(_ column: PaperWidth) -> Length {
        column == .singleColumn ? singleColumn : doubleColumn
    }

    /// `theme` with every text size brought into the preset's range (a 9 pt title becomes 7 pt
    /// for Nature; an 8 pt tick label stays 8 pt for IEEE).
    public func adjusting(_ theme: Theme) -> Theme {
        func clamp(_ size: Double) -> Double {
            let raised = max(size, minimumTypeSize)
            return maximumTypeSize.map { min(raised, $0) } ?? raised
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
        adjusted.minimumTypeSize = max(minimumTypeSize, min(theme.minimumTypeSize, adjusted.tickLabelSize))
        return adjusted
    }

    /// The theme's text sizes, for checking a figure against the preset.
    public static func textSizes(of theme: Theme) -> [Double] {
        [theme.titleSize, theme.subtitleSize, theme.panelTitleSize, theme.axisTitleSize, theme.tickLabelSize,
         theme.legendSize, theme.annotationSize, theme.noteSize]
    }
}
