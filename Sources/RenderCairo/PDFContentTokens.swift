/// A PDF content stream (ISO 32000-1, 7.8.2) split into operators, each with the byte range of
/// its operands and itself: enough to find where marked content opens and closes and which
/// operators paint, without interpreting the graphics.
///
/// Why only this much: the artifact marking and the content audit only need to know, for each
/// operator, its name and where it sits. Operands are skipped by their syntax (numbers, names,
/// literal strings with nested parentheses and escapes, hex strings, arrays, dictionaries), and
/// an inline image's binary data (`BI … ID data EI`) is skipped whole.
public struct PDFContentTokens {
    /// One operator with its operands.
    public struct Operation: Equatable {
        /// The operator's name ("BT", "Tj", "BDC", "re").
        public var name: String
        /// Where its first operand (or the operator, without operands) starts.
        public var start: Int
        /// Just past the operator.
        public var end: Int
    }

    /// A stream the tokenizer cannot read: unbalanced delimiters or a truncated inline image.
    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    /// The operations of `bytes`, in order.
    public static func operations(_ bytes: [UInt8]) throws -> [Operation] {
        var operations: [Operation] = []
        var i = 0
        var operandsStart: Int?
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if isWhitespace(byte) { i += 1; continue }
            if byte == UInt8(ascii: "%") {
                while i < n, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
                continue
            }
            let tokenStart = i
            switch byte {
            case UInt8(ascii: "("):
                i = try endOfLiteralString(bytes, from: i)
            case UInt8(ascii: "<"):
                if i + 1 < n, bytes[i + 1] == UInt8(ascii: "<") {
                    i = try endOfNested(bytes, from: i, open: "<<", close: ">>")
                } else {
                    guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { throw Malformed(description: "an unclosed hex string at byte \(i)") }
                    i = close + 1
                }
            case UInt8(ascii: "["):
                i = try endOfNested(bytes, from: i, open: "[", close: "]")
            case UInt8(ascii: "/"):
                i += 1
                while i < n, isRegular(bytes[i]) { i += 1 }
            default:
                guard isRegular(byte) else { throw Malformed(description: "an unexpected '\(Character(UnicodeScalar(byte)))' at byte \(i)") }
                while i < n, isRegular(bytes[i]) { i += 1 }
                // Numbers are most of a content stream: recognised by their first byte, without making a string.
                if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || (byte >= 0x30 && byte <= 0x39) { break }
                let word = String(decoding: bytes[tokenStart..<i], as: UTF8.self)
                if word == "true" || word == "false" || word == "null" { break }
                if word == "BI" {
                    // An inline image: its dictionary, then ID, one whitespace byte, binary data, EI.
                    i = try endOfInlineImage(bytes, from: i)
                    operations.append(Operation(name: "BI", start: operandsStart ?? tokenStart, end: i))
                } else {
                    operations.append(Operation(name: word, start: operandsStart ?? tokenStart, end: i))
                }
                operandsStart = nil
                continue
            }
            if operandsStart == nil { operandsStart = tokenStart }
        }
        return operations
    }

    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00 }

    static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): return true
        default: return false
        }
    }

    static func isRegular(_ b: UInt8) -> Bool { !isWhitespace(b) && !isDelimiter(b) }

    /// Just past the `)` that closes the literal string opening at `start`.
    private static func endOfLiteralString(_ bytes: [UInt8], from start: Int) throws -> Int {
        var depth = 0
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2; continue
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        throw Malformed(description: "an unclosed string at byte \(start)")
    }

    /// Just past the delimiter that closes the array or dictionary opening at `start`; strings
    /// inside are skipped whole, so a bracket in a string does not count.
    private static func endOfNested(_ bytes: [UInt8], from start: Int, open: String, close: String) throws -> Int {
        let openBytes = Array(open.utf8), closeBytes = Array(close.utf8)
        func matches(_ token: [UInt8], at i: Int) -> Bool {
            bytes[i] == token[0] && (token.count == 1 || (i + 1 < bytes.count && bytes[i + 1] == token[1]))
        }
        var depth = 0
        var i = start
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "(") {
                i = try endOfLiteralString(bytes, from: i)
                continue
            }
            if matches(openBytes, at: i) {
                depth += 1
                i += openBytes.count
                continue
            }
            if matches(closeBytes, at: i) {
                depth -= 1
                i += closeBytes.count
                if depth == 0 { return i }
                continue
            }
            i += 1
        }
        throw Malformed(description: "an unclosed '\(open)' at byte \(start)")
    }

    /// Just past the `EI` that ends the inline image whose `BI` ends at `start`.
    private static func endOfInlineImage(_ bytes: [UInt8], from start: Int) throws -> Int {
        var i = start
        // Find the ID operator: a whole word "ID" outside strings.
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "("), let end = try? endOfLiteralString(bytes, from: i) { i = end; continue }
            if bytes[i] == UInt8(ascii: "I"), bytes[i + 1] == UInt8(ascii: "D"), isWhitespace(bytes[i - 1]),
               i + 2 < bytes.count, isWhitespace(bytes[i + 2]) {
                i += 3
                break
            }
            i += 1
        }
        // The data ends at the first "EI" preceded by whitespace and followed by whitespace or the end.
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "E"), bytes[i + 1] == UInt8(ascii: "I"), isWhitespace(bytes[i - 1]),
               i + 2 == bytes.count || isWhitespace(bytes[i + 2]) {
                return i + 2
            }
            i += 1
        }
        throw Malformed(description: "an inline image without EI after byte \(start)")
    }
}
