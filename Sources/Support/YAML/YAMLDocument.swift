import Foundation
import Yams

/// A parsed YAML file whose nodes remember where they came from, so every error about a
/// spec or a catalog can name the file, line and column, and say what was expected.
public final class YAMLDocument: @unchecked Sendable {
    /// The file name used in diagnostics.
    public let file: String
    /// The limits the document was read under.
    public let limits: YAMLLimits
    private let rootNode: Yams.Node?
    /// The file's lines, so positions inside block scalars can be given to the column.
    let lines: [Substring]
    // Reading is single-threaded per document; the counter bounds the work aliases can cause.
    fileprivate var nodesVisited = 0

    /// Reads and parses the file at `path`, refusing it before reading when it is over `limits.maxBytes`.
    public convenience init(path: String, displayName: String? = nil, limits: YAMLLimits = .default) throws(Diagnostic) {
        let name = displayName ?? path
        // Refuse an oversized file before reading it into memory.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limits.maxBytes {
            throw Diagnostic(SourceLocation(file: name), "the file is \(size) bytes, more than the limit of \(limits.maxBytes)",
                             hint: "a spec is normally a few kilobytes; raise the limit with --max-yaml-bytes if this one is genuine")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(SourceLocation(file: name), "cannot read the file",
                             hint: FileManager.default.fileExists(atPath: path) ? "check that it is readable" : "no file at this path")
        }
        try self.init(bytes: [UInt8](data), file: name, limits: limits)
    }

    /// Parses `bytes` (UTF-8) after checking size, NUL bytes, nesting and alias expansion against `limits`.
    public init(bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(Diagnostic) {
        self.file = file
        self.limits = limits
        guard bytes.count <= limits.maxBytes else {
            throw Diagnostic(SourceLocation(file: file), "the file is \(bytes.count) bytes, more than the limit of \(limits.maxBytes)",
                             hint: "a spec is normally a few kilobytes; raise the limit with --max-yaml-bytes if this one is genuine")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Diagnostic(SourceLocation(file: file), "the file is not valid UTF-8 text", hint: "save it as UTF-8")
        }
        if let offset = bytes.firstIndex(of: 0) {
            throw Diagnostic(YAMLDocument.location(ofByte: offset, in: bytes, file: file), "NUL byte in the text",
                             hint: "this looks like a binary file, not YAML")
        }
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        try YAMLDocument.checkFlowDepth(bytes, file: file, limit: limits.maxDepth)
        try YAMLWorkCheck.check(text, file: file, limits: limits)
        do {
            // The basic resolver: every plain scalar stays text with the `str` tag. `YAMLNode` reads
            // scalars as text and converts them itself, so Yams' default type detection (a regular
            // expression per type, compiled at first use and tried on every scalar and every mapping
            // key it hashes for its duplicate check) was pure cost: reading YAML went from 13% to 8%
            // of a one-chart command's profile.
            // Duplicate keys are now compared as the text `YAMLNode` reads (`1` and `"1"` are the same key).
            self.rootNode = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw YAMLDocument.diagnostic(for: error, file: file)
        } catch {
            throw Diagnostic(SourceLocation(file: file), "cannot parse YAML: \(error)")
        }
    }

    /// The top-level node; an empty document is an error the caller words for its file type.
    public func requireRoot(expected: String) throws(Diagnostic) -> YAMLNode {
        guard let rootNode else {
            throw Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the file is empty; expected \(expected)")
        }
        let root = YAMLNode(node: rootNode, path: "", depth: 0, document: self)
        try visit(root)
        return root
    }

    /// The first limit the reading went over, if any. A reader that collects problems and goes on
    /// stops at this one: past a limit every further node would fail the same way.
    public private(set) var limitExceeded: Diagnostic?

    func visit(_ node: YAMLNode) throws(Diagnostic) {
        nodesVisited += 1
        if nodesVisited > limits.maxNodes {
            let diagnostic = Diagnostic(node.location, "more than \(limits.maxNodes) YAML nodes (aliases counted each time they are used)",
                                        hint: "this limit stops alias bombs; if the file is genuine, raise it with --max-yaml-nodes")
            limitExceeded = limitExceeded ?? diagnostic
            throw diagnostic
        }
        if node.depth > limits.maxDepth {
            let diagnostic = Diagnostic(node.location, "nesting deeper than \(limits.maxDepth) levels",
                                        hint: "flatten the structure; the limit can be raised with --max-yaml-depth")
            limitExceeded = limitExceeded ?? diagnostic
            throw diagnostic
        }
    }

    /// libyaml composes nested flow collections recursively; refuse pathological nesting before it does.
    private static func checkFlowDepth(_ bytes: [UInt8], file: String, limit: Int) throws(Diagnostic) {
        var depth = 0, line = 1, column = 0
        var quote: UInt8? = nil
        var comment = false
        for byte in bytes {
            column += 1
            if byte == UInt8(ascii: "\n") { line += 1; column = 0; comment = false; continue }
            if comment { continue }
            if let q = quote {
                if byte == q { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "#"): comment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit {
                    throw Diagnostic(SourceLocation(file: file, line: line, column: column),
                                     "nesting deeper than \(limit) levels",
                                     hint: "flatten the structure; the limit can be raised with --max-yaml-depth")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
    }

    private static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            if problem.contains("Maximum nesting level") {
                // libyaml's own cap (1000 levels), above any --max-yaml-depth a spec needs.
                return Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), "nesting deeper than the YAML parser allows",
                                  hint: "flatten the structure")
            }
            var message = "YAML syntax: \(problem)"
            if let context { message += " \(context.text)" }
            return Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), message,
                              hint: "check indentation and quoting near this point")
        case let .duplicatedKeysInMapping(duplicates, context):
            let mark = context.mark
            return Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column),
                              "duplicate key\(duplicates.count > 1 ? "s" : "") \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping",
                              hint: "each key may appear once; remove or rename the repeated one")
        default:
            return Diagnostic(SourceLocation(file: file), "cannot parse YAML: \(error)")
        }
    }
}
