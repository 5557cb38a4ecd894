/// The text encodings GTD exports come in: UTF-8 (recent releases) and Windows-1252 (older ones).
public enum GTDTextEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"

    public var description: String { self == .utf8 ? "UTF-8" : "Windows-1252" }
}

/// What the user asked for: one encoding, or detection (UTF-8 unless a field is not valid UTF-8).
public enum GTDEncodingChoice: String, Sendable, Hashable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
}

/// Byte-level text checks and conversions, on spans of the reader's buffer so that the common
/// case (ASCII) costs one pass and no allocation.
enum TextBytes {
    /// Whether every byte is ASCII, eight bytes at a time.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        var accumulated: UInt64 = 0
        while i + 8 <= count {
            accumulated |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        while i < count {
            accumulated |= UInt64(base[i])
            i += 1
        }
        return accumulated & 0x8080_8080_8080_8080 == 0
    }

    /// In one pass, eight bytes at a time: whether some byte is not ASCII, and whether some byte
    /// is one that makes a CSV field need quotes (comma, quote, LF or CR).
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> (isASCII: Bool, hasCSVSpecial: Bool) {
        guard let base = bytes.baseAddress else { return (true, false) }
        // Non-zero when some byte of the word is zero: says whether, which is all that is asked.
        @inline(__always) func hasZero(_ word: UInt64) -> UInt64 { (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 }
        let count = bytes.count
        var i = 0
        var accumulated: UInt64 = 0
        var special: UInt64 = 0
        while i + 8 <= count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            accumulated |= word
            special |= hasZero(word ^ 0x2C2C_2C2C_2C2C_2C2C) | hasZero(word ^ 0x2222_2222_2222_2222)
                | hasZero(word ^ 0x0A0A_0A0A_0A0A_0A0A) | hasZero(word ^ 0x0D0D_0D0D_0D0D_0D0D)
            i += 8
        }
        var tailSpecial = false
        while i < count {
            let byte = base[i]
            accumulated |= UInt64(byte)
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { tailSpecial = true }
            i += 1
        }
        return (accumulated & 0x8080_8080_8080_8080 == 0, special != 0 || tailSpecial)
    }

    /// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = bytes.count
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 {
                // ASCII runs (most of a non-ASCII summary) eight bytes at a time.
                i += 1
                while i + 8 <= count && UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard i + length <= count else { return false }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return false }
            var k = 2
            while k < length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += length
        }
        return true
    }

    /// The byte offset of the first byte that breaks UTF-8, for error columns.
    static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = bytes.count
        // Shrink until the prefix is valid; fields are short, so this stays cheap.
        while end > 0 && !isValidUTF8(UnsafeBufferPointer(rebasing: bytes[0..<end])) { end -= 1 }
        return end
    }

    /// Appends Windows-1252 bytes as UTF-8. Bytes 0x80–0x9F follow Microsoft's table; the five it
    /// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 controls of the same value,
    /// as the WHATWG encoding standard decodes them, so no byte is lost.
    static func appendWindows1252(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            if scalar < 0x800 {
                output.append(UInt8(0xC0 | (scalar >> 6)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (scalar >> 12)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
    }

    static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        appendWindows1252(bytes, to: &utf8)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Unicode scalars of Windows-1252 bytes 0x80–0x9F.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
