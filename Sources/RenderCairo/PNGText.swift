import Foundation

/// Text metadata in a PNG: an iTXt chunk (UTF-8, uncompressed, so Russian and Chinese captions
/// survive) for each entry, before the image data, where exiftool and image viewers read
/// "Title", "Author", "Description" and "Software". A figure set puts its credit line here
/// when the credit is kept out of the artwork.
enum PNGText {
    /// `png` with one iTXt chunk an entry inserted before its first IDAT; entries with an empty
    /// text are left out, and `png` is returned unchanged when none is left or it has no IDAT.
    static func inserting(_ entries: [(keyword: String, text: String)], into png: Data) -> Data {
        let entries = entries.filter { !$0.text.isEmpty }
        guard !entries.isEmpty else { return png }
        let bytes = [UInt8](png)
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            if bytes[offset + 4..<offset + 8].elementsEqual("IDAT".utf8) { break }
            offset += 12 + length
        }
        guard offset + 8 <= bytes.count else { return png }
        var chunks: [UInt8] = []
        for entry in entries {
            // Keyword, NUL, no compression (flag 0, method 0), no language tag, no translated keyword, the text.
            let data = Array(entry.keyword.utf8) + [0, 0, 0, 0, 0] + Array(entry.text.utf8)
            PNGEncoder.appendChunk("iTXt", data, to: &chunks)
        }
        var result = Data(capacity: png.count + chunks.count)
        result.append(contentsOf: bytes[..<offset])
        result.append(contentsOf: chunks)
        result.append(contentsOf: bytes[offset...])
        return result
    }
}
