import Analysis
import Dataset
import Render

/// A report with every value computed, every figure built and every table filled: what the
/// PDF writer lays out and the figure-set writer saves. Nothing in it is computed later.
public struct BuiltReport: Sendable {
    /// The report's settings, as the spec gives them.
    public var metadata: ReportMetadata
    /// The body's blocks in order, each ready to lay itself out.
    var items: [any BuiltBlock]
    public var figures: [BuiltFigure]
    public var tables: [BuiltTable]
    /// Each cited source with the labels of the figures and tables that use it.
    public var sourceUses: [SourceUse]
    /// What each table the report draws on covers, as loaded (an imported GTD table is complete).
    public var dataNotes: [DataNote]
}

public struct DataNote: Sendable {
    public var title: String
    public var file: String
    public var coverage: Coverage
    public var note: String
}

public struct BuiltFigure: Sendable {
    public var id: String
    public var number: Int
    /// "Figure 3"
    public var label: String { "Figure \(number)" }
    public var slug: String
    public var caption: [MarkupRun]
    public var chart: BuiltChart
}

public struct BuiltTable: Sendable {
    public var id: String
    public var number: Int
    public var label: String { "Table \(number)" }
    public var slug: String
    public var caption: [MarkupRun]
    public var table: ResultTable
    public var sourceIDs: [String]
    /// Source line, caveats and method notes printed under the table.
    public var notes: [String]
}

public struct SourceUse: Sendable {
    public var source: Source
    /// "Figure 1", "Table 2", in order of appearance.
    public var usedBy: [String]
}
