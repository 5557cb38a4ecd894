/// Marks what a page paints outside any structure element as an artifact (ISO 32000-1, 14.8.2.2):
/// running headers, page numbers, rules, backgrounds and table lines.
///
/// Why a rewrite of the content stream: cairo 1.16 wraps what is drawn inside a leaf structure
/// element in `/Tag <</MCID n>> BDC … EMC` but leaves everything else unmarked, and it refuses an
/// `Artifact` tag. PDF/UA (7.1) needs every piece of content to be either tagged or an artifact,
/// so each run of painting operators at marked-content depth 0 is wrapped in
/// `/Artifact BMC … EMC`. The document draws real content only inside structure elements (text
/// outside one is a bug the briefing tests find by comparing pdftotext with the structure tree),
/// so what is left unmarked is exactly the page furniture.
public enum PDFArtifactMarking {
    /// Operators that put marks on the page (ISO 32000-1, tables 59, 60, 77, 92, 107, 112):
    /// path painting, shading, XObjects, inline images and text showing. Clipping-only paths
    /// (`W n`) paint nothing.
    public static let painting: Set<String> = ["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI",
                                               "Tj", "TJ", "'", "\""]

    /// The content stream with each unmarked run of operators that paints wrapped as an artifact;
    /// nil when there is nothing to wrap (the stream can be kept as it is).
    public static func marked(_ content: [UInt8]) throws -> [UInt8]? {
        let operations = try PDFContentTokens.operations(content)
        // The ET that closes each BT, by operation index.
        var closing: [Int: Int] = [:]
        var openText: Int?
        for (index, op) in operations.enumerated() {
            if op.name == "BT" { openText = index }
            if op.name == "ET", let open = openText { closing[open] = index; openText = nil }
        }
        // Runs of operations at marked-content depth 0 (first and last op index).
        var runs: [(first: Int, last: Int)] = []
        var depth = 0
        var runStart: Int?
        for (index, op) in operations.enumerated() {
            switch op.name {
            case "BMC", "BDC":
                if depth == 0, let start = runStart { runs.append((start, index - 1)) }
                runStart = nil
                depth += 1
            case "EMC":
                guard depth > 0 else { throw PDFContentTokens.Malformed(description: "EMC without a marked-content sequence open at byte \(op.start)") }
                depth -= 1
            default:
                if depth == 0 && runStart == nil { runStart = index }
            }
        }
        if let start = runStart { runs.append((start, operations.count - 1)) }
        guard depth == 0 else { throw PDFContentTokens.Malformed(description: "\(depth) marked-content sequences left open") }

        // Cairo may open a tag inside a text object, so a run can start or end inside one. An
        // artifact sequence must open and close on the same side of BT/ET: a run is cut at a
        // BT whose ET lies beyond it and at an ET whose BT lies before it. Pieces that paint
        // nothing are left alone.
        var pieces: [(first: Int, last: Int)] = []
        for run in runs {
            var pieceStart = run.first
            var i = run.first
            func close(before end: Int) {
                if pieceStart < end, operations[pieceStart..<end].contains(where: { painting.contains($0.name) }) {
                    pieces.append((pieceStart, end - 1))
                }
            }
            while i <= run.last {
                switch operations[i].name {
                case "BT":
                    if let end = closing[i], end <= run.last {
                        i = end + 1
                        continue
                    }
                    close(before: i)
                    pieceStart = i + 1
                case "ET":
                    close(before: i)
                    pieceStart = i + 1
                default: break
                }
                i += 1
            }
            close(before: run.last + 1)
        }
        guard !pieces.isEmpty else { return nil }

        let open = Array("/Artifact BMC\n".utf8), close = Array("\nEMC".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(content.count + pieces.count * (open.count + close.count))
        var copied = 0
        for piece in pieces {
            let start = operations[piece.first].start, end = operations[piece.last].end
            out += content[copied..<start]
            out += open
            out += content[start..<end]
            out += close
            copied = end
        }
        out += content[copied...]
        return out
    }

    /// The operators that paint outside any marked content, with their byte offsets: what a
    /// checker reports as untagged content. Empty for a fully tagged page.
    public static func unmarkedPainting(_ content: [UInt8]) throws -> [PDFContentTokens.Operation] {
        var depth = 0
        var found: [PDFContentTokens.Operation] = []
        for op in try PDFContentTokens.operations(content) {
            switch op.name {
            case "BMC", "BDC": depth += 1
            case "EMC": depth -= 1
            default: if depth == 0 && painting.contains(op.name) { found.append(op) }
            }
        }
        return found
    }
}
