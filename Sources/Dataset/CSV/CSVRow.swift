import Support

/// One parsed row, as spans into the reader's buffer. Valid only inside the callback that
/// received it: the reader reuses its buffer for the next rows, which is what keeps
/// memory bounded on files larger than RAM.
public struct CSVRow {
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let spans: UnsafeBufferPointer<CSVFieldSpan>
    /// Physical line (1-based) on which the row starts.
    public let line: Int
    /// Byte offset of the row's first byte within its line's start (the row always starts a line).
    @usableFromInline let rowStart: Int
    public let file: String

    init(base: UnsafePointer<UInt8>, spans: UnsafeBufferPointer<CSVFieldSpan>, line: Int, rowStart: Int, file: String) {
        self.base = base
        self.spans = spans
        self.line = line
        self.rowStart = rowStart
        self.file = file
    }

    @inlinable public var count: Int { spans.count }

    /// The field's raw bytes, with the surrounding quotes removed but doubled quotes still doubled.
    @inlinable public func rawBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        return UnsafeBufferPointer(start: base + span.start, count: span.end - span.start)
    }

    @inlinable public func isEmpty(_ index: Int) -> Bool {
        spans[index].start == spans[index].end
    }

    /// The field's text, unescaped and checked to be UTF-8.
    public func string(_ index: Int) throws(Diagnostic) -> String {
        let span = spans[index]
        let bytes = rawBytes(index)
        if !span.hasDoubledQuotes {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw invalidUTF8(index)
            }
            return text
        }
        var unescaped = [UInt8]()
        unescaped.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            unescaped.append(bytes[i])
            i += bytes[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        guard let text = String(validating: unescaped, as: UTF8.self) else {
            throw invalidUTF8(index)
        }
        return text
    }

    /// Every field as text.
    public func strings() throws(Diagnostic) -> [String] {
        var result = [String]()
        result.reserveCapacity(count)
        for i in 0..<count { result.append(try string(i)) }
        return result
    }

    /// Where field `index` starts: its line and its column in characters, both 1-based.
    public func location(ofField index: Int) -> SourceLocation {
        let target = index < spans.count ? spans[index].fieldStart : (spans.last?.end ?? rowStart)
        return CSVPosition.locate(offset: target, in: base, from: rowStart, line: line, file: file)
    }

    /// Line and character column of every field's start, in one pass over the row.
    public func fieldPositions() -> [(line: Int, column: Int)] {
        var positions: [(line: Int, column: Int)] = []
        positions.reserveCapacity(spans.count)
        var line = self.line, column = 1, i = rowStart
        for span in spans {
            while i < span.fieldStart {
                let byte = base[i]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 && byte != UInt8(ascii: "\r") {
                    column += 1
                }
                i += 1
            }
            positions.append((line, column))
        }
        return positions
    }

    private func invalidUTF8(_ index: Int) -> Diagnostic {
        Diagnostic(location(ofField: index),
                   "field \(index + 1) is not valid UTF-8 text",
                   hint: "save the file as UTF-8 (older exports may be Windows-1252: convert with `iconv -f WINDOWS-1252 -t UTF-8`)")
    }
}

/// Where a field lies in the buffer. `fieldStart` includes an opening quote; `start..<end` excludes quotes.
public struct CSVFieldSpan: Sendable {
    public var fieldStart: Int
    public var start: Int
    public var end: Int
    public var hasDoubledQuotes: Bool
}

enum CSVPosition {
    /// Converts a byte offset into line and character column by scanning from a known line start.
    static func locate(offset: Int, in base: UnsafePointer<UInt8>, from lineStartOffset: Int, line: Int, file: String) -> SourceLocation {
        var line = line
        var column = 1
        var i = lineStartOffset
        while i < offset {
            let byte = base[i]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && base[i + 1] != UInt8(ascii: "\n")) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != UInt8(ascii: "\r") {
                column += 1  // count characters, not UTF-8 continuation bytes
            }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
