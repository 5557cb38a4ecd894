import Foundation

/// A PDF read the way a checker reads it: qpdf's verdict on its syntax and cross-references,
/// its objects (qpdf's JSON, with incremental updates applied), and poppler's view of its
/// structure tree.
public struct PDFStructure {
    /// qpdf's objects by id ("obj:12 0 R"), each value as JSONSerialization gives it.
    public let objects: [String: Any]
    /// `pdfinfo -struct-text`: the structure tree, one element a line, indented by depth.
    public let structureText: String
    /// `pdfinfo`'s "Key: value" lines.
    public let info: [String: String]

    /// Reads the PDF at `path`; throws if qpdf finds anything to warn about (exit 3) or an error (exit 2).
    public init(path: String) throws {
        let check = try ExternalTool.run("qpdf", ["--check", path])
        guard !check.contains("WARNING") else { throw ExternalTool.Failure(description: "qpdf --check warns: \(check)") }
        let json = try ExternalTool.run("qpdf", ["--json=2", "--json-key=qpdf", path])
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let qpdf = root?["qpdf"] as? [Any]
        objects = (qpdf?.count ?? 0) > 1 ? (qpdf?[1] as? [String: Any] ?? [:]) : [:]
        structureText = try ExternalTool.run("pdfinfo", ["-struct-text", path])
        var info: [String: String] = [:]
        for line in try ExternalTool.run("pdfinfo", [path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.info = info
    }

    /// Every object that is a dictionary, as qpdf writes it (names as "/Name", text strings as "u:text").
    public var dictionaries: [[String: Any]] {
        objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
    }

    /// The document catalog.
    public var catalog: [String: Any]? { dictionaries.first { $0["/Type"] as? String == "/Catalog" } }

    /// The catalog's `/Lang`, without qpdf's "u:" prefix.
    public var language: String? { (catalog?["/Lang"] as? String).map(Self.text) }

    /// The structure elements of type `type` ("/Figure", "/H1").
    public func elements(_ type: String) -> [[String: Any]] {
        dictionaries.filter { $0["/Type"] as? String == "/StructElem" && $0["/S"] as? String == type }
    }

    /// A text string as qpdf's JSON writes it ("u:Figure 1", "b:…"), as text.
    public static func text(_ value: String) -> String {
        value.hasPrefix("u:") ? String(value.dropFirst(2)) : value
    }
}
