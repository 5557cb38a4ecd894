import CDeflate
import CZlib

/// `/FlateDecode` for PDF streams (ISO 32000-1, 7.4.4): zlib streams, inflated with zlib (whose
/// streaming interface needs no size in advance) and deflated with libdeflate (one call, as for PNG).
public enum PDFStreamCompression {
    /// A stream's data that does not inflate.
    public struct Corrupt: Error, CustomStringConvertible {
        public var description: String
    }

    /// The inflated bytes of a zlib stream.
    public static func inflate(_ data: some Collection<UInt8>) throws -> [UInt8] {
        let input = Array(data)
        var stream = z_stream()
        var status = inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Corrupt(description: "zlib inflateInit failed (\(status))") }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(4096, input.count * 4))
        try input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                out += chunk[0..<produced]
                guard status == Z_OK || status == Z_STREAM_END else { throw Corrupt(description: "zlib inflate failed (\(status))") }
                if status == Z_OK && produced == 0 && stream.avail_in == 0 { throw Corrupt(description: "a truncated zlib stream") }
            } while status != Z_STREAM_END
        }
        return out
    }

    /// `data` as a zlib stream, at libdeflate's level 6 (zlib's default: cairo's own streams are about as small).
    public static func deflate(_ data: [UInt8]) throws -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(6) else { throw Corrupt(description: "libdeflate cannot make a compressor") }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, data.count)
        var out = [UInt8](repeating: 0, count: bound)
        let written = data.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                libdeflate_zlib_compress(compressor, input.baseAddress, input.count, output.baseAddress, bound)
            }
        }
        guard written > 0 else { throw Corrupt(description: "libdeflate output exceeded its own bound") }
        return Array(out[0..<written])
    }
}
