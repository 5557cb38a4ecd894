import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Completes a tagged PDF that cairo 1.16 wrote with what its API cannot express, as an
/// incremental update appended to the file (ISO 32000-1, 7.5.6): new versions of the changed
/// objects, a cross-reference section for them, and a trailer pointing back (`/Prev`) at cairo's.
///
/// Why a post-processing step: cairo 1.16's `cairo_tag_begin` ignores attributes on structure
/// tags (so a `Figure` cannot carry `/Alt`), and its catalog has no `/Lang` and no
/// `/ViewerPreferences`. PDF/UA needs all three. Cairo's own bytes are left untouched, so the
/// update is easy to check: cairo writes classic cross-reference tables, one subsection each,
/// and uncompressed objects, and anything else is refused with an error rather than guessed at.
///
/// What it adds:
/// - to the catalog: `/Lang` and `/ViewerPreferences << /DisplayDocTitle true >>` (the title
///   bar shows the document's title, not its file name);
/// - to the n-th `Figure` structure element: the n-th alternative text. Cairo numbers structure
///   elements in the order they are opened, so object order is the order `beginStructure` saw;
/// - to each page's content stream: `/Artifact BMC … EMC` around what cairo left outside marked
///   content (running headers, page numbers, rules; see `PDFArtifactMarking`). The new stream
///   replaces the old one under the same object number, so the page and its MCIDs are unchanged.
struct PDFAccessibilityUpdate {
    /// A PDF whose layout the update does not understand: a bug to report, not a user error.
    struct Unexpected: Error, CustomStringConvertible {
        var description: String
    }

    /// The catalog's `/Lang` (BCP 47), if any.
    var language: String?
    /// The alternative text of each `Figure` element, in document order.
    var figureAlternates: [String]
    /// Whether viewers should show the document's title rather than its file name.
    var displayTitle: Bool
    /// Whether to mark unmarked page content as artifacts.
    var markArtifacts = true

    /// The file with the update appended; the file unchanged when there is nothing to add.
    func applied(to bytes: [UInt8]) throws -> Data {
        guard language != nil || displayTitle || !figureAlternates.isEmpty || markArtifacts else { return Data(bytes) }
        let file = try CairoPDFFile(bytes)
        var replacements: [(id: Int, dictionary: String)] = []
        var streams: [(id: Int, body: [UInt8])] = []
        if markArtifacts {
            for id in try file.pageContents() {
                let stream = try file.stream(id)
                let flate = stream.dictionary.contains("/FlateDecode")
                guard !stream.dictionary.contains("/Filter") || (flate && !stream.dictionary.contains("/DecodeParms")) else {
                    throw Unexpected(description: "page content stream \(id) has a filter other than FlateDecode")
                }
                let content = flate ? try PDFStreamCompression.inflate(stream.data) : Array(stream.data)
                guard let marked = try PDFArtifactMarking.marked(content) else { continue }
                let data = flate ? try PDFStreamCompression.deflate(marked) : marked
                let dictionary = "<< /Length \(data.count)\n" + (flate ? "   /Filter /FlateDecode\n" : "") + ">>\nstream\n"
                streams.append((id, Array(dictionary.utf8) + data + Array("\nendstream".utf8)))
            }
        }

        var catalog = try file.dictionary(of: file.root)
        var additions = ""
        if let language { additions += "   /Lang \(Self.textString(language))\n" }
        if displayTitle { additions += "   /ViewerPreferences << /DisplayDocTitle true >>\n" }
        if !additions.isEmpty {
            catalog = Self.inserting(additions, into: catalog)
            replacements.append((file.root, catalog))
        }

        let figures = try file.objectIDs.filter { id in
            try file.dictionary(of: id, contains: "/Type /StructElem") && file.dictionary(of: id, contains: "/S /Figure\n")
        }
        guard figures.count == figureAlternates.count else {
            throw Unexpected(description: "the PDF has \(figures.count) Figure elements but \(figureAlternates.count) alternative texts")
        }
        for (id, alt) in zip(figures, figureAlternates) {
            replacements.append((id, Self.inserting("   /Alt \(Self.textString(alt))\n", into: try file.dictionary(of: id))))
        }
        let bodies = replacements.map { (id: $0.id, body: Array($0.dictionary.utf8)) } + streams
        return Data(file.appendingUpdate(replacingBodies: bodies.sorted { $0.id < $1.id }))
    }

    /// `dictionary` ("<< … >>") with `entries` added before its closing `>>`.
    static func inserting(_ entries: String, into dictionary: String) -> String {
        guard let close = dictionary.range(of: ">>", options: .backwards) else { return dictionary }
        var text = dictionary
        let before = text[..<close.lowerBound]
        let separator = before.hasSuffix("\n") ? "" : "\n"
        text.insert(contentsOf: separator + entries, at: close.lowerBound)
        return text
    }

    /// A PDF text string: ASCII printable text as a literal string, anything else as UTF-16BE
    /// with a byte-order mark, in hex.
    static func textString(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            var escaped = ""
            for character in text {
                if character == "(" || character == ")" || character == "\\" { escaped.append("\\") }
                escaped.append(character)
            }
            return "(\(escaped))"
        }
        var hex = "<FEFF"
        for unit in text.utf16 { hex += String(format: "%04X", unit) }
        return hex + ">"
    }
}

/// The parts of a PDF as cairo 1.16 writes it that the update needs: the cross-reference table,
/// the trailer, and each object's dictionary text.
struct CairoPDFFile {
    let bytes: [UInt8]
    /// Byte offset of each object, by object number (0 is the free head).
    let offsets: [Int: Int]
    /// The catalog's object number.
    let root: Int
    /// The document information dictionary's object number.
    let info: Int?
    /// `/Size` of the trailer: one more than the highest object number.
    let size: Int
    /// Where the cross-reference table starts.
    let xrefOffset: Int
    /// Where the next object (or the table) starts, by object number: the bound of each search.
    let ends: [Int: Int]

    typealias Unexpected = PDFAccessibilityUpdate.Unexpected

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        let tail = String(decoding: bytes.suffix(64), as: UTF8.self)
        guard let marker = tail.range(of: "startxref\n"),
              let offset = Int(tail[marker.upperBound...].prefix { $0.isNumber }) else {
            throw Unexpected(description: "no startxref at the end of the PDF")
        }
        xrefOffset = offset
        guard offset < bytes.count else { throw Unexpected(description: "startxref points past the end of the PDF") }
        let table = String(decoding: bytes[offset...], as: UTF8.self)
        var lines = table.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard lines.next() == "xref", let header = lines.next() else { throw Unexpected(description: "no cross-reference table at startxref") }
        let numbers = header.split(separator: " ").compactMap { Int($0) }
        guard numbers.count == 2, numbers[0] == 0 else { throw Unexpected(description: "a cross-reference subsection that does not start at 0") }
        var offsets: [Int: Int] = [:]
        for id in 0..<numbers[1] {
            guard let line = lines.next(), line.count >= 18 else { throw Unexpected(description: "a short cross-reference table") }
            if line.hasSuffix("n ") || line.hasSuffix("n"), let at = Int(line.prefix(10)) { offsets[id] = at }
        }
        self.offsets = offsets
        // Each object ends before the next one starts (cairo writes them in order, then the table).
        let starts = offsets.values.sorted() + [offset]
        var ends: [Int: Int] = [:]
        for (id, at) in offsets {
            var low = 0, high = starts.count - 1
            while low < high {
                let mid = (low + high) / 2
                if starts[mid] <= at { low = mid + 1 } else { high = mid }
            }
            ends[id] = starts[low]
        }
        self.ends = ends
        guard lines.next() == "trailer" else { throw Unexpected(description: "no trailer after the cross-reference table") }
        var trailer = ""
        while let line = lines.next(), line != "startxref" { trailer += line + "\n" }
        func reference(_ key: String) -> Int? {
            guard let range = trailer.range(of: "/\(key) ") else { return nil }
            return Int(trailer[range.upperBound...].prefix { $0.isNumber })
        }
        guard let root = reference("Root"), let size = reference("Size") else { throw Unexpected(description: "a trailer without /Root or /Size") }
        guard !trailer.contains("/Encrypt") else { throw Unexpected(description: "an encrypted PDF") }
        self.root = root
        self.size = size
        info = reference("Info")
    }

    /// Object numbers in use, ascending.
    var objectIDs: [Int] { offsets.keys.filter { $0 > 0 }.sorted() }

    /// The text between `N 0 obj` and `endobj` of object `id`, when it is a dictionary (streams
    /// and arrays give an empty string).
    func dictionary(of id: Int) throws -> String {
        guard let range = try dictionaryBytes(of: id) else { return "" }
        let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        // Trimmed on the bytes already; Foundation's trimming only if an end is not ASCII (cairo writes ASCII dictionaries).
        guard let first = range.first, bytes[first] >= 0x80 || bytes[range.upperBound - 1] >= 0x80 else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether object `id` is a dictionary whose text contains `needle`: searched in the bytes,
    /// without making a string. Every object of a briefing is tested this way for pages and figures,
    /// and decoding each one to a Foundation-trimmed string was most of this update's time.
    func dictionary(of id: Int, contains needle: String) throws -> Bool {
        guard let range = try dictionaryBytes(of: id) else { return false }
        return Self.find(Array(needle.utf8), in: bytes, from: range.lowerBound, before: range.upperBound) != nil
    }

    /// Where the text of `dictionary(of:)` lies in the file, ASCII white space trimmed from both
    /// ends; nil for a stream or an array.
    private func dictionaryBytes(of id: Int) throws -> Range<Int>? {
        guard let start = offsets[id] else { throw Unexpected(description: "object \(id) is not in the cross-reference table") }
        let header = Array("\(id) 0 obj\n".utf8)
        guard start + header.count <= bytes.count, bytes[start..<(start + header.count)].elementsEqual(header) else {
            throw Unexpected(description: "object \(id) is not at the offset the cross-reference table gives")
        }
        let body = start + header.count
        guard body + 2 <= bytes.count, bytes[body] == UInt8(ascii: "<"), bytes[body + 1] == UInt8(ascii: "<") else { return nil }
        // A stream's dictionary is followed by its data: only a plain dictionary is wanted here.
        // Checked on the bytes, before any decoding, and only up to the next object: scanning a
        // font or page stream for its endobj was most of this update's time.
        let limit = ends[id] ?? bytes.count
        if Self.find(Array("stream\n".utf8), in: bytes, from: body, before: limit) != nil { return nil }
        guard var end = Self.find(Array("endobj".utf8), in: bytes, from: body, before: limit) else {
            throw Unexpected(description: "object \(id) has no endobj")
        }
        // Tab, line feed, vertical tab, form feed, carriage return, space: ASCII's white space and newlines.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var from = body
        while from < end, isSpace(bytes[from]) { from += 1 }
        while end > from, isSpace(bytes[end - 1]) { end -= 1 }
        return from..<end
    }

    /// The file with new versions of `objects` appended as an incremental update.
    func appendingUpdate(replacing objects: [(id: Int, dictionary: String)]) -> [UInt8] {
        appendingUpdate(replacingBodies: objects.map { ($0.id, Array($0.dictionary.utf8)) })
    }

    /// The file with new versions of objects appended as an incremental update, each given by the
    /// bytes between `N 0 obj` and `endobj` (a dictionary, or a stream with its dictionary).
    func appendingUpdate(replacingBodies objects: [(id: Int, body: [UInt8])]) -> [UInt8] {
        guard !objects.isEmpty else { return bytes }
        var out = bytes
        if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        var written: [(id: Int, offset: Int)] = []
        for object in objects {
            written.append((object.id, out.count))
            out += Array("\(object.id) 0 obj\n".utf8)
            out += object.body
            out += Array("\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n"
        for entry in written {
            table += "\(entry.id) 1\n" + String(format: "%010d 00000 n \n", entry.offset)
        }
        table += "trailer\n<< /Size \(size)\n   /Root \(root) 0 R\n"
        if let info { table += "   /Info \(info) 0 R\n" }
        table += "   /Prev \(xrefOffset)\n>>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }

    /// The pages' content streams, in page-tree order as cairo writes them (object order): for
    /// each, the stream's object number.
    func pageContents() throws -> [Int] {
        var contents: [Int] = []
        for id in objectIDs {
            guard try dictionary(of: id, contains: "/Type /Page\n") || dictionary(of: id, contains: "/Type /Page ") else { continue }
            let dictionary = try self.dictionary(of: id)
            guard let key = dictionary.range(of: "/Contents ") else { throw Unexpected(description: "page object \(id) has no /Contents") }
            let rest = dictionary[key.upperBound...]
            let parts = rest.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, let stream = Int(parts[0]), parts[1] == "0" else {
                throw Unexpected(description: "page object \(id)'s /Contents is not one stream reference")
            }
            contents.append(stream)
        }
        return contents
    }

    /// The dictionary text and the raw (still encoded) data of stream object `id`.
    func stream(_ id: Int) throws -> (dictionary: String, data: ArraySlice<UInt8>) {
        guard let start = offsets[id] else { throw Unexpected(description: "object \(id) is not in the cross-reference table") }
        guard let open = Self.find(Array("stream".utf8), in: bytes, from: start) else { throw Unexpected(description: "object \(id) is not a stream") }
        var dataStart = open + 6
        if dataStart < bytes.count, bytes[dataStart] == 0x0D { dataStart += 1 }
        guard dataStart < bytes.count, bytes[dataStart] == 0x0A else { throw Unexpected(description: "object \(id)'s stream keyword is not followed by a newline") }
        dataStart += 1
        let header = String(decoding: bytes[start..<open], as: UTF8.self)
        guard let dictStart = header.range(of: "<<"), let dictEnd = header.range(of: ">>", options: .backwards) else {
            throw Unexpected(description: "object \(id)'s stream has no dictionary")
        }
        let dictionary = String(header[dictStart.lowerBound..<dictEnd.upperBound])
        guard let lengthKey = dictionary.range(of: "/Length ") else { throw Unexpected(description: "object \(id)'s stream has no /Length") }
        let lengthParts = dictionary[lengthKey.upperBound...].split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(3)
        guard let first = lengthParts.first.flatMap({ Int($0) }) else { throw Unexpected(description: "object \(id)'s /Length is not a number") }
        var length = first
        if lengthParts.count == 3, lengthParts[lengthParts.startIndex + 2].hasPrefix("R") {
            // An indirect length: cairo writes the length object after the stream.
            guard let at = offsets[first] else { throw Unexpected(description: "object \(id)'s length object \(first) is missing") }
            let text = String(decoding: bytes[at..<min(bytes.count, at + 64)], as: UTF8.self)
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard words.count >= 4, words[2] == "obj", let value = Int(words[3]) else {
                throw Unexpected(description: "object \(id)'s length object \(first) is not a number")
            }
            length = value
        }
        guard dataStart + length <= bytes.count else { throw Unexpected(description: "object \(id)'s stream runs past the end of the file") }
        return (dictionary, bytes[dataStart..<(dataStart + length)])
    }

    /// Where `needle` first occurs in `haystack` at or after `start` and ending by `limit` (the
    /// end when nil). memchr finds candidates for the first byte: the search runs over whole
    /// content streams.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, before limit: Int? = nil) -> Int? {
        let end = min(limit ?? haystack.count, haystack.count)
        guard let first = needle.first, start >= 0, start + needle.count <= end else { return nil }
        return haystack.withUnsafeBytes { hay -> Int? in
            let base = hay.baseAddress!
            var i = start
            while i + needle.count <= end {
                guard let hit = memchr(base + i, Int32(first), end - needle.count + 1 - i) else { return nil }
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, needle, needle.count) == 0 { return at }
                i = at + 1
            }
            return nil
        }
    }
}
