import Analysis
import Dataset
import Render

/// A report with every value computed, every figure built and every table filled: what the
/// PDF writer lays out and the figure-set writer saves. Nothing in it is computed later.
public struct BuiltReport: Sendable {
    /// The report's settings, as the spec gives them.
    public var metadata: ReportMetadata
    /// The fixed words, country names and number formats of the report's language.
    public var localiser: Localiser
    /// The body's blocks in order, each ready to lay itself out.
    var items: [any BuiltBlock]
    /// The numbered figures, in order: what the figure-set writer saves.
    public var figures: [BuiltFigure]
    /// The numbered tables, in order.
    public var tables: [BuiltTable]
    /// Each cited source with the labels of the figures and tables that use it.
    public var sourceUses: [SourceUse]
    /// What each table the report draws on covers, as loaded (an imported GTD table is complete).
    public var dataNotes: [DataNote]
    /// One line per table of the spec's `tables:` the report used: its title, file, source and coverage.
    public var ownTableNotes: [String] = []
}

/// What one corpus table the report draws on covers, for "About the data".
public struct DataNote: Sendable {
    /// The table's title ("Attacks named in the sources").
    public var title: String
    /// The file the table was read from.
    public var file: String
    /// Complete, or examples named in the sources.
    public var coverage: CoverageScope
    /// The catalog's note on what the table covers.
    public var note: String
}

/// A numbered figure: its chart built from the data, and its caption with placeholders filled.
public struct BuiltFigure: Sendable {
    /// The spec's id, the target of links to the figure.
    public var id: String
    /// 1 for the first figure of the report.
    public var number: Int
    /// "Figure 3", in the report's language.
    public var label: String
    /// The id without its `fig-` prefix, for file names.
    public var slug: String
    /// The caption as styled runs.
    public var caption: [MarkupRun]
    /// The spec's `alt:` text with placeholders filled, if it gives one.
    public var alternateText: String?
    /// The chart with its data, sources and caveats.
    public var chart: BuiltChart
    /// The source line of a figure of the author's own table (its schema's source), in place of the corpus's.
    public var sourceLine: String? = nil
}

/// A numbered table: an analysis's result with its caption, sources and notes.
public struct BuiltTable: Sendable {
    /// The spec's id, the target of links to the table.
    public var id: String
    /// 1 for the first table of the report.
    public var number: Int
    /// "Table 2", in the report's language.
    public var label: String
    /// The id without its `tab-` prefix, for file names.
    public var slug: String
    /// The caption as styled runs.
    public var caption: [MarkupRun]
    /// The analysis's rows and columns.
    public var table: ResultTable
    /// The sources of the rows shown, each once, sorted.
    public var sourceIDs: [String]
    /// Source line, caveats and method notes printed under the table.
    public var notes: [String]
}

/// A cited source and where the report uses it, for the sources appendix.
public struct SourceUse: Sendable {
    /// The source as the corpus lists it.
    public var source: Source
    /// "Figure 1", "Table 2", in order of appearance.
    public var usedBy: [String]
}
