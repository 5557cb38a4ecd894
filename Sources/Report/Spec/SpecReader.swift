import Dataset
import Foundation
import Support

/// Reads a report spec from YAML, refusing unknown keys (with a suggestion), wrong types and
/// missing values with the file, line and column where they occur.
public struct SpecReader {
    /// The most nodes, depth and bytes a spec may have, so a hostile file cannot exhaust memory.
    public var limits: YAMLLimits

    /// A reader that refuses specs beyond `limits`.
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// The keys that start a block, from the registry.
    public static var blockKinds: [String] { BlockRegistry.keys }

    /// Reads the spec at `path`; messages name it `displayName` when given (the path as the user typed it).
    public func read(path: String, displayName: String? = nil) throws(Diagnostic) -> ReportSpec {
        let document = try YAMLDocument(path: path, displayName: displayName, limits: limits)
        var spec = try read(document)
        spec.directory = (path as NSString).deletingLastPathComponent
        return spec
    }

    /// Reads a spec from a parsed YAML document.
    public func read(_ document: YAMLDocument) throws(Diagnostic) -> ReportSpec {
        let root = try document.requireRoot(expected: "a report spec with 'report' and 'body'")
        let top = try root.mapping(allowedKeys: ["report", "tables", "body"])
        let metadata = try readMetadata(try top.require("report", "the report's title and settings"))
        var body: [Located<any ReportBlock>] = []
        var ids: [String: SourceLocation] = [:]
        for node in try top.require("body", "the list of sections, charts and tables").sequence() {
            let block = try readBlock(node)
            if let id = block.id {
                if let first = ids[id] {
                    throw node.error("id '\(id)' is already used at line \(first.line ?? 0)", hint: "give each figure, table and heading its own id")
                }
                ids[id] = node.location
            }
            body.append(Located(block, at: node.location))
        }
        var spec = ReportSpec(file: document.file, metadata: metadata, body: body)
        spec.tables = try top["tables"].map { node throws(Diagnostic) in try SpecTable.readList(node) } ?? []
        return spec
    }

    private func readMetadata(_ node: YAMLNode) throws(Diagnostic) -> ReportMetadata {
        let map = try node.mapping(allowedKeys: ["title", "subtitle", "author", "subject", "keywords", "date", "language",
                                                 "page_size", "theme", "margins", "alignment", "title_page", "contents", "data"])
        var metadata = ReportMetadata(title: try map.require("title", "the report's title").string())
        metadata.subtitle = try map["subtitle"]?.string()
        metadata.author = try map["author"]?.string()
        metadata.subject = try map["subject"]?.string()
        metadata.keywords = try map["keywords"]?.stringList() ?? []
        metadata.date = try map["date"]?.string()
        if let language = map["language"] { metadata.language = try language.choice(of: ["en", "ru", "zh"]) }
        if let size = map["page_size"] {
            metadata.pageSize = ReportMetadata.PageSize(rawValue: try size.choice(of: ReportMetadata.PageSize.allCases.map(\.rawValue)))!
        }
        if let theme = map["theme"] { metadata.theme = try theme.choice(of: ["briefing", "paper"]) }
        if let alignment = map["alignment"] {
            metadata.alignment = ReportMetadata.Alignment(rawValue: try alignment.choice(of: ReportMetadata.Alignment.allCases.map(\.rawValue)))!
        }
        if let margins = map["margins"] {
            let sides = try margins.mapping(allowedKeys: ["top", "bottom", "inner", "outer"])
            func side(_ name: String, _ fallback: Double) throws(Diagnostic) -> Double {
                guard let value = sides[name] else { return fallback }
                return try SpecReader.points(value)
            }
            metadata.margins = (try side("top", 62), try side("bottom", 62), try side("inner", 62), try side("outer", 62))
        }
        metadata.titlePage = try map["title_page"]?.bool() ?? true
        metadata.contents = try map["contents"]?.bool() ?? true
        metadata.data = try map["data"]?.string()
        return metadata
    }

    private func readBlock(_ node: YAMLNode) throws(Diagnostic) -> any ReportBlock {
        let keys = SpecReader.blockKinds
        // `- page_break` and `- sources` may be written as bare words.
        if node.isScalar {
            let word = try node.string()
            if let kind = BlockRegistry.kind(forKey: word), kind.isBareWord { return try kind.read(node) }
            throw node.error("'\(word)' is not a block", hint: Suggestion.closest(to: word, in: keys).map { "did you mean '\($0)'?" }
                                ?? "a block is one of: \(keys.joined(separator: ", "))")
        }
        let map = try node.mapping(allowedKeys: keys)
        guard map.entries.count == 1, let (key, value) = map.entries.first, let kind = BlockRegistry.kind(forKey: key) else {
            throw node.error("a block has exactly one of \(keys.joined(separator: ", ")); found \(map.keys.isEmpty ? "none" : map.keys.joined(separator: ", "))",
                             hint: "start each block with '- ' in the body list")
        }
        return try kind.read(value)
    }

    /// A string value with where it is written, for names checked later (an own table's columns).
    static func located(_ node: YAMLNode?) throws(Diagnostic) -> Located<String>? {
        guard let node else { return nil }
        return Located(try node.string(), at: node.location)
    }

    /// A block's `id`, checked: lowercase letters, digits and hyphens.
    static func id(_ map: YAMLMapping, example: String) throws(Diagnostic) -> String {
        let node = try map.require("id", "a name for cross-references, e.g. \(example)")
        let id = try node.string()
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw node.error("id '\(id)' must be lowercase letters, digits and hyphens")
        }
        return id
    }

    /// Text with placeholders. Their syntax is checked on reading; whether each one can be
    /// computed is checked on building.
    static func text(_ node: YAMLNode) throws(Diagnostic) -> LocatedText {
        let text = try node.text()
        do {
            _ = try PlaceholderSyntax.parse(text.text)
        } catch {
            throw Diagnostic(text.location(ofOffset: error.offset), error.message, hint: "placeholders look like {{ count attacks 2001-2011 }}")
        }
        return text
    }

    /// A length in points from "20mm", "0.75in", "54pt" or a bare number of points.
    static func points(_ node: YAMLNode) throws(Diagnostic) -> Double {
        let text = try node.string().trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72), ("pt", 1)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), value >= 0, value.isFinite {
                return value * factor
            }
        }
        if let value = Double(text), value >= 0, value.isFinite { return value }
        throw node.error("'\(text)' is not a length", hint: "write a length such as 20mm, 0.75in or 54pt")
    }
}

