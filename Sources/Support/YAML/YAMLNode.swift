import Yams

/// A YAML node with its position, read into typed values with errors that say where and what.
public struct YAMLNode {
    let node: Yams.Node
    /// A readable path to this node, e.g. `tables[2].columns[0].type`, for messages.
    public let path: String
    let depth: Int
    unowned let document: YAMLDocument

    init(node: Yams.Node, path: String, depth: Int, document: YAMLDocument) {
        self.node = node
        self.path = path
        self.depth = depth
        self.document = document
    }

    /// Where the node starts in the file.
    public var location: SourceLocation {
        SourceLocation(file: document.file, line: node.mark?.line, column: node.mark?.column)
    }

    /// What kind of YAML value this is, in words for messages.
    public var kindDescription: String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "the text '\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Whether the node is a scalar (not a mapping or sequence).
    public var isScalar: Bool {
        if case .scalar = node { return true }
        return false
    }

    /// Whether the node is YAML null (`~`, `null` or empty).
    public var isNull: Bool {
        if case .scalar(let scalar) = node { return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" }
        return false
    }

    /// An error located at this node.
    public func error(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(location, path.isEmpty ? message : "\(path): \(message)", hint: hint)
    }

    // MARK: Scalars

    /// Text with where each character came from, so a problem found inside it later
    /// (an unknown placeholder in a paragraph) can point at its own line.
    public func text() throws(Diagnostic) -> LocatedText {
        guard case .scalar(let scalar) = node else { throw error("expected text, found \(kindDescription)") }
        let style: LocatedText.Style
        switch scalar.style {
        case .literal: style = .literalBlock
        case .folded: style = .foldedBlock
        case .singleQuoted, .doubleQuoted: style = .quoted
        default: style = .plain
        }
        var located = LocatedText(text: scalar.string, start: location, style: style)
        if style == .literalBlock, let line = location.line {
            // A literal block's lines are the file's lines less a common indentation: that of its first non-blank line.
            let content = document.lines.dropFirst(line).first { !$0.allSatisfy(\.isWhitespace) }
            located.blockIndent = content.map { $0.prefix { $0 == " " }.count }
        }
        return located
    }

    /// The scalar as text; an error for a mapping or sequence.
    public func string() throws(Diagnostic) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected text, found \(kindDescription)") }
        return scalar.string
    }

    /// The scalar as a whole number; an error otherwise.
    public func int() throws(Diagnostic) -> Int {
        let text = try string()
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw error("expected a whole number, found \(kindDescription)")
        }
        return value
    }

    /// The scalar as a number; an error otherwise.
    public func double() throws(Diagnostic) -> Double {
        let text = try string()
        guard let value = Double(text), value.isFinite else { throw error("expected a number, found \(kindDescription)") }
        return value
    }

    /// The scalar as true or false; an error otherwise.
    public func bool() throws(Diagnostic) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found \(kindDescription)")
        }
    }

    /// One of a fixed set of words; a near miss gets a suggestion.
    public func choice(of allowed: [String]) throws(Diagnostic) -> String {
        let text = try string()
        guard allowed.contains(text) else {
            let suggestion = Suggestion.closest(to: text, in: allowed).map { "did you mean '\($0)'? " } ?? ""
            throw error("'\(text)' is not allowed here; expected one of: \(allowed.joined(separator: ", "))",
                        hint: suggestion.isEmpty ? nil : String(suggestion.dropLast()))
        }
        return text
    }

    // MARK: Collections

    /// The items of a sequence; an error for anything else.
    public func sequence() throws(Diagnostic) -> [YAMLNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, found \(kindDescription)") }
        var children: [YAMLNode] = []
        children.reserveCapacity(sequence.count)
        for (index, child) in sequence.enumerated() {
            let node = YAMLNode(node: child, path: "\(path)[\(index)]", depth: depth + 1, document: document)
            try document.visit(node)
            children.append(node)
        }
        return children
    }

    /// A list of text values; a single text value is accepted as a list of one.
    public func stringList() throws(Diagnostic) -> [String] {
        if case .scalar = node { return [try string()] }
        var values: [String] = []
        for child in try sequence() { values.append(try child.string()) }
        return values
    }

    /// The mapping's entries, in file order, refusing keys outside `allowedKeys` with a suggestion.
    public func mapping(allowedKeys: [String]) throws(Diagnostic) -> YAMLMapping {
        try mapping(allowedKeys: allowedKeys, reporting: nil)
    }

    /// The mapping's entries, in file order. A key outside `allowedKeys` (or one that is not a plain
    /// word) is reported to `problems` with a suggestion and left out, so the caller goes on reading
    /// the other keys; without a collector it is thrown. Only a value that is not a mapping is thrown.
    public func mapping(allowedKeys: [String], reporting problems: DiagnosticCollector?) throws(Diagnostic) -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values, found \(kindDescription)") }
        var entries: [(key: String, value: YAMLNode)] = []
        func refuse(_ diagnostic: Diagnostic) throws(Diagnostic) {
            guard let problems else { throw diagnostic }
            problems.report(diagnostic)
        }
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                try refuse(YAMLNode(node: keyNode, path: path, depth: depth + 1, document: document).error("keys must be plain words"))
                continue
            }
            let key = keyScalar.string
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            if !allowedKeys.contains(key) {
                let where_ = YAMLNode(node: keyNode, path: path, depth: depth + 1, document: document)
                let suggestion = Suggestion.closest(to: key, in: allowedKeys)
                try refuse(where_.error("unknown key '\(key)'",
                                        hint: suggestion.map { "did you mean '\($0)'? Allowed keys: \(allowedKeys.joined(separator: ", "))" }
                                            ?? "allowed keys: \(allowedKeys.joined(separator: ", "))"))
                continue
            }
            let child = YAMLNode(node: valueNode, path: keyPath, depth: depth + 1, document: document)
            try document.visit(child)
            entries.append((key, child))
        }
        return YAMLMapping(owner: self, entries: entries)
    }
}

extension YAMLNode {
    /// The entries of a mapping whose keys are data (codes, dates, names), not a fixed vocabulary.
    public func dataMapping() throws(Diagnostic) -> [(key: String, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values, found \(kindDescription)") }
        var entries: [(key: String, value: YAMLNode)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                throw YAMLNode(node: keyNode, path: path, depth: depth + 1, document: document).error("keys must be plain values")
            }
            let child = YAMLNode(node: valueNode, path: path.isEmpty ? keyScalar.string : "\(path).\(keyScalar.string)", depth: depth + 1, document: document)
            try document.visit(child)
            entries.append((keyScalar.string, child))
        }
        return entries
    }
}

/// A mapping's entries with lookups that report missing required keys at the mapping's position.
public struct YAMLMapping {
    /// The mapping node itself, to locate errors about missing keys.
    public let owner: YAMLNode
    /// The entries in file order.
    public let entries: [(key: String, value: YAMLNode)]

    /// The value of `key`, or nil when the key is absent.
    public subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }.flatMap { $0.value.isNull ? nil : $0.value }
    }

    /// The value of `key`; an error naming `what` is expected when it is absent.
    public func require(_ key: String, _ what: String) throws(Diagnostic) -> YAMLNode {
        guard let value = self[key] else {
            throw owner.error("missing '\(key)' (\(what))")
        }
        return value
    }

    /// The keys in file order.
    public var keys: [String] { entries.map(\.key) }
}

/// A text value from YAML with its position in the file.
public struct LocatedText: Sendable, Hashable {
    /// How the text was written: plain or quoted, or as a block scalar.
    public enum Style: Sendable, Hashable {
        case plain, quoted, literalBlock, foldedBlock
    }

    /// The text, quotes and block indentation removed.
    public var text: String
    /// Where the value starts (for block scalars, the `|` or `>` indicator).
    public var start: SourceLocation
    /// How the text was written, to map offsets back to columns.
    public var style: Style
    /// For a literal block, the indentation its lines have in the file.
    public var blockIndent: Int?

    public init(text: String, start: SourceLocation, style: Style = .plain) {
        self.text = text
        self.start = start
        self.style = style
    }

    /// The file position of the character `offset` characters into the text. Exact for one-line
    /// values and literal blocks (`|`), whose lines are the file's lines; a folded block joins
    /// lines, so only its first line is known.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let before = text.prefix(offset)
        let newlines = before.filter { $0 == "\n" }.count
        switch style {
        case .plain, .quoted:
            guard newlines == 0, let line = start.line, let column = start.column else { return start }
            return SourceLocation(file: start.file, line: line, column: column + offset + (style == .quoted ? 1 : 0))
        case .literalBlock:
            guard let line = start.line else { return start }
            let column = blockIndent.map { indent in indent + 1 + before.split(separator: "\n", omittingEmptySubsequences: false).last!.count }
            return SourceLocation(file: start.file, line: line + 1 + newlines, column: column)
        case .foldedBlock:
            return SourceLocation(file: start.file, line: start.line.map { $0 + 1 }, column: nil)
        }
    }
}
