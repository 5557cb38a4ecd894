import Foundation
import RenderCairo

/// Every page's content as a PDF/UA checker sees it: qpdf decodes each page's content streams
/// (whatever their filters), and each operator that paints outside marked content is untagged
/// content, which PDF/UA (7.1) forbids. Also counts the artifact sequences, and can give the
/// text of the document with its artifacts taken out (what a screen reader reads, in page order).
public struct PDFContentAudit {
    /// One page's findings.
    public struct Page {
        /// 1-based page number.
        public var number: Int
        /// Operators that paint outside any marked content ("Tj", "re f" → "f").
        public var untagged: [String]
        /// `/Artifact` marked-content sequences on the page.
        public var artifacts: Int
        /// Text-showing operators inside artifacts (running headers, page numbers).
        public var artifactText: Int
    }

    public let pages: [Page]

    /// Pages with untagged content, for a test's message ("page 3: Tj, f").
    public var untaggedSummary: String {
        pages.filter { !$0.untagged.isEmpty }.map { "page \($0.number): \(Set($0.untagged).sorted().joined(separator: ", "))" }
            .joined(separator: "; ")
    }

    /// Reads the PDF at `path` through qpdf's JSON with decoded stream data.
    public init(path: String) throws {
        let json = try ExternalTool.run("qpdf", ["--json=2", "--json-key=pages", "--json-key=qpdf", "--json-stream-data=inline",
                                                 "--decode-level=generalized", path])
        guard let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let pageList = root["pages"] as? [[String: Any]], let qpdf = root["qpdf"] as? [Any], qpdf.count > 1,
              let objects = qpdf[1] as? [String: Any] else {
            throw ExternalTool.Failure(description: "qpdf's JSON for \(path) has no pages or objects")
        }
        var pages: [Page] = []
        for (index, page) in pageList.enumerated() {
            var content: [UInt8] = []
            for reference in page["contents"] as? [String] ?? [] {
                guard let object = objects["obj:" + reference] as? [String: Any], let stream = object["stream"] as? [String: Any],
                      let base64 = stream["data"] as? String, let data = Data(base64Encoded: base64) else {
                    throw ExternalTool.Failure(description: "page \(index + 1)'s content stream \(reference) did not decode")
                }
                // Streams of one page are read as one (ISO 32000-1, 7.8.2), with whitespace between.
                content += Array(data) + [0x0A]
            }
            pages.append(try Self.audit(content, page: index + 1))
        }
        self.pages = pages
    }

    /// The findings for one page's decoded content.
    public static func audit(_ content: [UInt8], page: Int) throws -> Page {
        var result = Page(number: page, untagged: [], artifacts: 0, artifactText: 0)
        // The tag of each open marked-content sequence, innermost last.
        var open: [String] = []
        for op in try PDFContentTokens.operations(content) {
            switch op.name {
            case "BMC", "BDC":
                let operands = String(decoding: content[op.start..<op.end], as: UTF8.self)
                let tag = operands.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "<" }).first.map(String.init) ?? ""
                open.append(tag)
                if tag == "/Artifact" { result.artifacts += 1 }
            case "EMC":
                guard open.popLast() != nil else { throw ExternalTool.Failure(description: "page \(page): EMC without BMC/BDC") }
            default:
                guard PDFArtifactMarking.painting.contains(op.name) else { break }
                if open.isEmpty { result.untagged.append(op.name) }
                if open.contains("/Artifact") && ["Tj", "TJ", "'", "\""].contains(op.name) { result.artifactText += 1 }
            }
        }
        guard open.isEmpty else { throw ExternalTool.Failure(description: "page \(page): \(open.count) marked-content sequences left open") }
        return result
    }

    /// pdftotext of the PDF at `path` with every `/Artifact` sequence removed from the page
    /// content: the PDF is written in qpdf's QDF form (content streams uncompressed), the artifact
    /// sequences are cut out of each page's stream, fix-qdf repairs the lengths and offsets, and
    /// pdftotext reads the result. One string per page.
    public static func textWithoutArtifacts(path: String) throws -> [String] {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let qdf = folder.appendingPathComponent("in.qdf").path
        try ExternalTool.run("qpdf", ["--qdf", "--object-streams=disable", path, qdf])
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: qdf)))
        let marker = Array("%% Contents for page".utf8)
        var searchFrom = 0
        while let at = find(marker, in: bytes, from: searchFrom) {
            guard let open = find(Array("stream\n".utf8), in: bytes, from: at),
                  let close = find(Array("endstream".utf8), in: bytes, from: open) else { break }
            let dataStart = open + 7
            let content = Array(bytes[dataStart..<close])
            let stripped = try strippingArtifacts(content)
            bytes.replaceSubrange(dataStart..<close, with: stripped)
            searchFrom = dataStart + stripped.count
        }
        let edited = folder.appendingPathComponent("edited.qdf").path
        let fixed = folder.appendingPathComponent("fixed.pdf").path
        try Data(bytes).write(to: URL(fileURLWithPath: edited))
        // fix-qdf writes the repaired file to standard output only: it goes straight to a file, as bytes.
        FileManager.default.createFile(atPath: fixed, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: fixed))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/fix-qdf")
        process.arguments = [edited]
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        try output.close()
        guard process.terminationStatus == 0 else { throw ExternalTool.Failure(description: "fix-qdf failed on the artifact-free copy") }
        let text = try ExternalTool.run("pdftotext", ["-layout", fixed, "-"])
        return text.components(separatedBy: "\u{0C}")
    }

    /// `content` with nothing painted inside its `/Artifact` sequences. The sequences' other
    /// operators stay: they set the graphics state (cairo's page transform may open the first
    /// one) that later content is drawn in. Text-showing operators go (`'` and `"` keep their
    /// line move as `T*`), paths end unpainted (`n`), images and shadings go.
    static func strippingArtifacts(_ content: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var copied = 0
        var depth = 0
        var artifactDepth: Int?
        for op in try PDFContentTokens.operations(content) {
            switch op.name {
            case "BMC", "BDC":
                depth += 1
                if artifactDepth == nil, content[op.start..<op.end].starts(with: Array("/Artifact".utf8)) { artifactDepth = depth }
            case "EMC":
                if artifactDepth == depth { artifactDepth = nil }
                depth -= 1
            default:
                guard artifactDepth != nil, PDFArtifactMarking.painting.contains(op.name) else { break }
                out += content[copied..<op.start]
                switch op.name {
                case "'", "\"": out += Array(" T* ".utf8)
                case "Tj", "TJ", "sh", "Do", "BI": out += [0x20]
                default: out += Array(" n ".utf8)
                }
                copied = op.end
            }
        }
        out += content[copied...]
        return out
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start < haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
