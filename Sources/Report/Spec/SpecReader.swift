import Dataset
import Foundation
import Support

/// Reads a report spec from YAML, refusing unknown keys (with a suggestion), wrong types and
/// missing values with the file, line and column where they occur.
public struct SpecReader {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    public static let blockKinds = ["heading", "text", "key_figures", "chart", "table", "sources", "page_break"]

    public func read(path: String, displayName: String? = nil) throws(Diagnostic) -> ReportSpec {
        let document = try YAMLDocument(path: path, displayName: displayName, limits: limits)
        return try read(document)
    }

    public func read(_ document: YAMLDocument) throws(Diagnostic) -> ReportSpec {
        let root = try document.requireRoot(expected: "a report spec with 'report' and 'body'")
        let top = try root.mapping(allowedKeys: ["report", "body"])
        let metadata = try readMetadata(try top.require("report", "the report's title and settings"))
        var body: [Located<ReportBlock>] = []
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
        return ReportSpec(file: document.file, metadata: metadata, body: body)
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

    private func readBlock(_ node: YAMLNode) throws(Diagnostic) -> ReportBlock {
        // `- page_break` and `- sources` may be written as bare words.
        if node.isScalar {
            let word = try node.string()
            switch word {
            case "page_break": return .pageBreak
            case "sources": return .sources
            default:
                throw node.error("'\(word)' is not a block", hint: Suggestion.closest(to: word, in: SpecReader.blockKinds).map { "did you mean '\($0)'?" }
                                    ?? "a block is one of: \(SpecReader.blockKinds.joined(separator: ", "))")
            }
        }
        let map = try node.mapping(allowedKeys: SpecReader.blockKinds)
        guard map.entries.count == 1, let (kind, value) = map.entries.first else {
            throw node.error("a block has exactly one of \(SpecReader.blockKinds.joined(separator: ", ")); found \(map.keys.isEmpty ? "none" : map.keys.joined(separator: ", "))",
                             hint: "start each block with '- ' in the body list")
        }
        switch kind {
        case "heading":
            if value.isScalar { return .heading(text: try value.string(), level: 1, id: nil) }
            let heading = try value.mapping(allowedKeys: ["text", "level", "id"])
            let levelNode = heading["level"]
            let level = try levelNode?.int() ?? 1
            guard (1...3).contains(level) else { throw levelNode!.error("heading level \(level) is not 1, 2 or 3") }
            return .heading(text: try heading.require("text", "the heading's text").string(), level: level, id: try heading["id"]?.string())
        case "text":
            let text = try value.text()
            try checkPlaceholders(text)
            return .text(text)
        case "key_figures":
            var figures: [KeyFigureSpec] = []
            for item in try value.sequence() {
                let figure = try item.mapping(allowedKeys: ["value", "label", "detail"])
                let value = try figure.require("value", "the number, usually a placeholder").text()
                let label = try figure.require("label", "what the number counts").text()
                let detail = try figure["detail"]?.text()
                for text in [value, label] + (detail.map { [$0] } ?? []) { try checkPlaceholders(text) }
                figures.append(KeyFigureSpec(value: value, label: label, detail: detail))
            }
            return .keyFigures(figures)
        case "chart":
            return .chart(try readChart(value))
        case "table":
            return .table(try readTable(value))
        case "sources":
            return .sources
        default:
            return .pageBreak
        }
    }

    private func readChart(_ node: YAMLNode) throws(Diagnostic) -> ChartBlockSpec {
        let map = try node.mapping(allowedKeys: ["id", "kind", "preset", "table", "x", "y", "by", "period", "periods", "countries",
                                                 "kinds", "status", "title", "subtitle", "caption", "width", "height", "annotations"])
        let id = try map.require("id", "a name for cross-references, e.g. fig-attacks-by-year").string()
        try checkID(id, map.require("id", ""))
        var chart = ChartBlockSpec(id: id, caption: try map.require("caption", "the figure's caption").text())
        chart.kind = try map["kind"]?.string()
        chart.preset = try map["preset"]?.string()
        if chart.kind == nil && chart.preset == nil {
            throw node.error("a chart needs a 'kind' (bar, line, ...) or a 'preset' (attacks-per-year, ...)")
        }
        chart.table = try map["table"]?.string()
        chart.x = try map["x"]?.string()
        chart.y = try map["y"]?.string()
        chart.by = try map["by"]?.string()
        chart.period = try map["period"]?.string()
        chart.periods = try map["periods"]?.stringList() ?? []
        chart.countries = try map["countries"]?.stringList() ?? []
        chart.kinds = try map["kinds"]?.stringList() ?? []
        chart.status = try map["status"]?.stringList() ?? []
        chart.title = try map["title"]?.string()
        chart.subtitle = try map["subtitle"]?.string()
        chart.width = try map["width"]?.string()
        chart.height = try map["height"]?.string()
        chart.annotations = try map["annotations"]?.stringList() ?? []
        try checkPlaceholders(chart.caption)
        return chart
    }

    private func readTable(_ node: YAMLNode) throws(Diagnostic) -> TableBlockSpec {
        let map = try node.mapping(allowedKeys: ["id", "analysis", "table", "by", "period", "periods", "countries", "status", "indicators",
                                                 "tests", "caption", "limit"])
        let id = try map.require("id", "a name for cross-references, e.g. tab-rats-results").string()
        try checkID(id, map.require("id", ""))
        var table = TableBlockSpec(id: id, analysis: try map.require("analysis", "what the table shows").string(),
                                   caption: try map.require("caption", "the table's caption").text())
        table.table = try map["table"]?.string()
        table.by = try map["by"]?.string()
        table.period = try map["period"]?.string()
        table.periods = try map["periods"]?.stringList() ?? []
        table.countries = try map["countries"]?.stringList() ?? []
        table.status = try map["status"]?.stringList() ?? []
        table.indicators = try map["indicators"]?.stringList() ?? []
        table.tests = try map["tests"]?.stringList() ?? []
        table.limit = try map["limit"]?.int()
        try checkPlaceholders(table.caption)
        return table
    }

    private func checkID(_ id: String, _ node: YAMLNode) throws(Diagnostic) {
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw node.error("id '\(id)' must be lowercase letters, digits and hyphens")
        }
    }

    /// Placeholder syntax is checked on reading; whether each one can be computed is checked on building.
    private func checkPlaceholders(_ text: LocatedText) throws(Diagnostic) {
        do {
            _ = try PlaceholderSyntax.parse(text.text)
        } catch {
            throw Diagnostic(text.location(ofOffset: error.offset), error.message, hint: "placeholders look like {{ count attacks 2001-2011 }}")
        }
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

extension ReportBlock {
    var id: String? {
        switch self {
        case .heading(_, _, let id): return id
        case .chart(let chart): return chart.id
        case .table(let table): return table.id
        default: return nil
        }
    }
}
