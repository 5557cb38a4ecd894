import Dataset
import Support

/// `- page_break`: the next block starts on a new page.
struct PageBreakBlock: ReportBlock, BuiltBlock {
    static let key = "page_break"
    static var isBareWord: Bool { true }

    static func read(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> PageBreakBlock { PageBreakBlock() }

    func build(_ context: BuildContext) throws -> [any BuiltBlock] { [self] }

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] { [PageBreakFlow()] }
}

/// A forced page break.
struct PageBreakFlow: FlowBlock {
    var role: FlowRole { .pageBreak }
    var unitCount: Int { 0 }
    var leadHeight: Double { 0 }
    var spaceAfter: Double { 0 }
    func unitsFitting(_ available: Double, from start: Int, atTop: Bool, pageHeight: Double) -> Int { 0 }
    func height(of units: Range<Int>) -> Double { 0 }
    func draw(_ units: Range<Int>, at y: Double, on page: PageCanvas) {}
}
