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
    /// Every problem found is reported together (see `read(_:)`).
    public func read(path: String, displayName: String? = nil) throws(DiagnosticList) -> ReportSpec {
        let document: YAMLDocument
        do {
            document = try YAMLDocument(path: path, displayName: displayName, limits: limits)
        } catch {
            throw DiagnosticList([error])
        }
        var spec = try read(document)
        spec.directory = (path as NSString).deletingLastPathComponent
        return spec
    }

    /// Reads a spec from a parsed YAML document in one pass, as a compiler would: every problem is
    /// collected (an unknown key, a bad value, a missing key; a block that cannot be read at all is
    /// left out and the next one read) and thrown together, sorted by place and cut to
    /// `DiagnosticList.defaultLimit`. A YAML limit stops the reading, since every later node would meet it too.
    public func read(_ document: YAMLDocument) throws(DiagnosticList) -> ReportSpec {
        let problems = DiagnosticCollector()
        let spec = read(document, problems)
        if let fatal = document.limitExceeded { throw DiagnosticList([fatal]) }
        if let list = problems.list() { throw list }
        return spec!
    }

    private func read(_ document: YAMLDocument, _ problems: DiagnosticCollector) -> ReportSpec? {
        guard let root = problems.attempt({ () throws(Diagnostic) in try document.requireRoot(expected: "a report spec with 'report' and 'body'") }),
              let top = problems.attempt({ () throws(Diagnostic) in try root.mapping(allowedKeys: ["report", "tables", "body"], reporting: problems) })
        else { return nil }
        let metadata = problems.attempt { () throws(Diagnostic) in try top.require("report", "the report's title and settings") }
            .flatMap { readMetadata($0, problems) }
        var body: [Located<any ReportBlock>] = []
        var ids: [String: SourceLocation] = [:]
        let items = problems.attempt { () throws(Diagnostic) in try top.require("body", "the list of sections, charts and tables").sequence() } ?? []
        for node in items {
            if document.limitExceeded != nil { return nil }
            let before = problems.errorCount
            // A block with a problem is left out of the spec (which will not be built), but the next is still read.
            guard let block = problems.attempt({ () throws(Diagnostic) in try readBlock(node, problems) }) else { continue }
            if let id = block.id {
                if let first = ids[id] {
                    problems.report(node.error("id '\(id)' is already used at line \(first.line ?? 0)", hint: "give each figure, table and heading its own id"))
                    continue
                }
                ids[id] = node.location
            }
            if problems.errorCount == before { body.append(Located(block, at: node.location)) }
        }
        let tables = top["tables"].map { node in SpecTable.readList(node, problems) } ?? []
        guard let metadata else { return nil }
        var spec = ReportSpec(file: document.file, metadata: metadata, body: body)
        spec.tables = tables
        return spec
    }

    private func readMetadata(_ node: YAMLNode, _ problems: DiagnosticCollector) -> ReportMetadata? {
        guard let map = problems.attempt({ () throws(Diagnostic) in
            try node.mapping(allowedKeys: ["title", "subtitle", "author", "subject", "keywords", "date", "language",
                                           "page_size", "theme", "margins", "alignment", "title_page", "contents", "data"], reporting: problems)
        }) else { return nil }
        // Each setting is read on its own, so one mistake does not hide the next; a setting that fails keeps its default.
        func read<T>(_ key: String, _ body: (YAMLNode) throws(Diagnostic) -> T) -> T? {
            guard let value = map[key] else { return nil }
            return problems.attempt { () throws(Diagnostic) in try body(value) }
        }
        let title = problems.attempt { () throws(Diagnostic) in try map.require("title", "the report's title").string() }
        var metadata = ReportMetadata(title: title ?? "")
        metadata.subtitle = read("subtitle") { node throws(Diagnostic) in try node.string() }
        metadata.author = read("author") { node throws(Diagnostic) in try node.string() }
        metadata.subject = read("subject") { node throws(Diagnostic) in try node.string() }
        metadata.keywords = read("keywords") { node throws(Diagnostic) in try node.stringList() } ?? []
        metadata.date = read("date") { node throws(Diagnostic) in try node.string() }
        if let language = read("language", { node throws(Diagnostic) in try node.choice(of: ["en", "ru", "zh"]) }) { metadata.language = language }
        if let size = read("page_size", { node throws(Diagnostic) in try node.choice(of: ReportMetadata.PageSize.allCases.map(\.rawValue)) }) {
            metadata.pageSize = ReportMetadata.PageSize(rawValue: size)!
        }
        if let theme = read("theme", { node throws(Diagnostic) in try node.choice(of: ["briefing", "paper"]) }) { metadata.theme = theme }
        if let alignment = read("alignment", { node throws(Diagnostic) in try node.choice(of: ReportMetadata.Alignment.allCases.map(\.rawValue)) }) {
            metadata.alignment = ReportMetadata.Alignment(rawValue: alignment)!
        }
        if let margins = map["margins"], let sides = problems.attempt({ () throws(Diagnostic) in
            try margins.mapping(allowedKeys: ["top", "bottom", "inner", "outer"], reporting: problems)
        }) {
            func side(_ name: String, _ fallback: Double) -> Double {
                guard let value = sides[name] else { return fallback }
                return problems.attempt { () throws(Diagnostic) in try SpecReader.points(value) } ?? fallback
            }
            metadata.margins = (side("top", 62), side("bottom", 62), side("inner", 62), side("outer", 62))
        }
        metadata.titlePage = read("title_page") { node throws(Diagnostic) in try node.bool() } ?? true
        metadata.contents = read("contents") { node throws(Diagnostic) in try node.bool() } ?? true
        metadata.data = read("data") { node throws(Diagnostic) in try node.string() }
        return title == nil ? nil : metadata
    }

    /// Reads one body block. Problems inside the block are reported to `problems`; a block that
    /// cannot be read at all (not a block, not a mapping) is thrown.
    private func readBlock(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> any ReportBlock {
        let keys = SpecReader.blockKinds
        // `- page_break` and `- sources` may be written as bare words.
        if node.isScalar {
            let word = try node.string()
            if let kind = BlockRegistry.kind(forKey: word), kind.isBareWord { return try kind.read(node, problems) }
            throw node.error("'\(word)' is not a block", hint: Suggestion.closest(to: word, in: keys).map { "did you mean '\($0)'?" }
                                ?? "a block is one of: \(keys.joined(separator: ", "))")
        }
        let map = try node.mapping(allowedKeys: keys)
        guard map.entries.count == 1, let (key, value) = map.entries.first, let kind = BlockRegistry.kind(forKey: key) else {
            throw node.error("a block has exactly one of \(keys.joined(separator: ", ")); found \(map.keys.isEmpty ? "none" : map.keys.joined(separator: ", "))",
                             hint: "start each block with '- ' in the body list")
        }
        return try kind.read(value, problems)
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

    /// Text with placeholders. Their syntax is checked on reading, each malformed placeholder
    /// reported to `problems` on its own; whether each one can be computed is checked on building.
    static func text(_ node: YAMLNode, _ problems: DiagnosticCollector) throws(Diagnostic) -> LocatedText {
        let text = try node.text()
        for error in PlaceholderSyntax.errors(in: text.text) {
            problems.report(Diagnostic(text.location(ofOffset: error.offset), error.message, hint: "placeholders look like {{ count attacks 2001-2011 }}"))
        }
        return text
    }

    /// The margins a page may have, in millimetres: enough to keep text off the trimmed edge, and
    /// little enough that A4 and Letter keep a text column of at least 90 mm.
    static let marginRange: ClosedRange<Double> = 5...60

    /// A margin in points from "20mm", "2cm", "0.75in" or "54pt". A bare number is refused (85 could
    /// be points or millimetres), and so is a margin outside `marginRange`, with the range in the message.
    static func points(_ node: YAMLNode) throws(Diagnostic) -> Double {
        let text = try node.string().trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72), ("pt", 1)]
        let range = "\(Int(marginRange.lowerBound))–\(Int(marginRange.upperBound)) mm"
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), value.isFinite {
                let points = value * factor
                guard marginRange.contains(points * 25.4 / 72) else {
                    throw node.error("margin '\(text)' is outside the range a page can be set with", hint: "give a margin of \(range), e.g. 20mm")
                }
                return points
            }
        }
        if Double(text) != nil {
            throw node.error("margin '\(text)' needs a unit (mm, cm, in, pt)", hint: "e.g. \(text)mm; a margin is \(range)")
        }
        throw node.error("'\(text)' is not a length", hint: "write a length such as 20mm, 0.75in or 54pt (\(range))")
    }
}
