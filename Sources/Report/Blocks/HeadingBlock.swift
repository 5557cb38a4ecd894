import Dataset
import Support

/// A section heading of level 1 to 3; levels 1 and 2 go in the contents and the outline.
struct HeadingBlock: ReportBlock {
    static let key = "heading"

    var text: String
    var level: Int
    var headingID: String?

    var id: String? { headingID }

    static func read(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> HeadingBlock {
        if node.isScalar { return HeadingBlock(text: try node.string(), level: 1, headingID: nil) }
        let heading = try node.mapping(allowedKeys: ["text", "level", "id"], reporting: problems)
        var level = 1
        if let levelNode = heading["level"], let value = problems.attempt({ () throws(Diagnostic) in try levelNode.int() }) {
            if (1...3).contains(value) { level = value } else { problems.report(levelNode.error("heading level \(value) is not 1, 2 or 3")) }
        }
        let id = problems.attempt { () throws(Diagnostic) in try heading["id"]?.string() } ?? nil
        let text = problems.attempt { () throws(Diagnostic) in try heading.require("text", "the heading's text").string() }
        return HeadingBlock(text: text ?? "", level: level, headingID: id)
    }

    func register(in references: inout References) {
        if let headingID { references.addHeading(headingID, text: text) }
    }

    func build(_ context: BuildContext) throws -> [any BuiltBlock] {
        let number = context.nextHeadingNumber()
        return [BuiltHeading(text: text, level: level, anchor: headingID ?? "section-\(number)")]
    }
}

/// A heading with its anchor for links and the outline.
struct BuiltHeading: BuiltBlock {
    var text: String
    var level: Int
    var anchor: String

    func layOut(_ context: BlockMaker) throws -> [any FlowBlock] {
        [context.heading(text, level: level, anchor: anchor)]
    }
}
