import Dataset

/// `- page_break`: the next block starts on a new page.
struct PageBreakBlock: ReportBlock, BuiltBlock {
    static let key = "page_break"
    static var isBareWord: Bool { true }

    static func read(_ node: YAMLNode) throws(Diagnostic) -> PageBreakBlock { PageBreakBlock() }

    func build(_ context: BuildContext) throws -> [any BuiltBlock] { [self] }

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] { [PageBreakFlow()] }
}
