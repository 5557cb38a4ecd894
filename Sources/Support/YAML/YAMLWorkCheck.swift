import CYaml

/// Measures a YAML text with libyaml's event parser before anything builds a tree from it:
/// the deepest nesting, and the number of nodes the text stands for with every alias expanded.
///
/// Composing first and counting afterwards is too late: a document that uses an alias bomb as a
/// mapping key makes the composer hash the expanded key, billions of nodes, before a single node
/// can be counted. The event parser is not recursive and keeps one number per anchor, so this pass
/// costs time linear in the text, whatever the text stands for.
enum YAMLWorkCheck {
    static func check(_ text: String, file: String, limits: YAMLLimits) throws(Diagnostic) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        var failure: Diagnostic? = nil
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            failure = scan(&parser, file: file, limits: limits)
        }
        if let failure { throw failure }
    }

    private static func scan(_ parser: inout yaml_parser_t, file: String, limits: YAMLLimits) -> Diagnostic? {
        // Open collections: the anchor each was given and the node count when it opened.
        var open: [(anchor: String?, start: Int)] = []
        // Nodes each anchor stands for, its aliases included.
        var sizes: [String: Int] = [:]
        var nodes = 0
        while true {
            var event = yaml_event_t()
            // A syntax error: the composer reports it with its own words, so stop measuring here.
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                nodes += 1
                if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                nodes += 1
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? name(event.data.sequence_start.anchor) : name(event.data.mapping_start.anchor)
                open.append((anchor, nodes - 1))
                if open.count > limits.maxDepth {
                    return Diagnostic(SourceLocation(file: file, line: line, column: column), "nesting deeper than \(limits.maxDepth) levels",
                                      hint: "flatten the structure; the limit can be raised with --max-yaml-depth")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let closed = open.popLast(), let anchor = closed.anchor { sizes[anchor] = nodes - closed.start }
            case YAML_ALIAS_EVENT:
                let size = name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                nodes = nodes > Int.max - size ? Int.max : nodes + size
            default:
                continue
            }
            if nodes > limits.maxNodes {
                return Diagnostic(SourceLocation(file: file, line: line, column: column),
                                  "more than \(limits.maxNodes) YAML nodes (aliases counted each time they are used)",
                                  hint: "this limit stops alias bombs; if the file is genuine, raise it with --max-yaml-nodes")
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
