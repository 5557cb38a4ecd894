import Dataset
import Support

/// A section heading of level 1 to 3; levels 1 and 2 go in the contents and the outline.
struct HeadingBlock: ReportBlock {
    static let key = "heading"

    var text: String
    var level: Int
    var headingID: String?

    var id: String? { headingID }

    static func read(_ node: YAMLNode) throws(Diagnostic) -> HeadingBlock {
        if node.isScalar { return HeadingBlock(text: try node.string(), level: 1, headingID: nil) }
        let heading = try node.mapping(allowedKeys: ["text", "level", "id"])
        let levelNode = heading["level"]
        let level = try levelNode?.int() ?? 1
        guard (1...3).contains(level) else { throw levelNode!.error("heading level \(level) is not 1, 2 or 3") }
        let id = try heading["id"]?.string()
        return HeadingBlock(text: try heading.require("text", "the heading's text").string(), level: level, headingID: id)
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
