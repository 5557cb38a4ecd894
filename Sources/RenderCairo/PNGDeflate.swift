import CDeflate
import CZlib
import Foundation
import Render

/// The compressor that turns filtered scanlines into a PNG's zlib stream (header, deflate data,
/// Adler-32: exactly what IDAT holds).
enum PNGDeflate: Sendable, Equatable, CustomStringConvertible {
    /// libdeflate at `level` (1 fastest … 12 smallest).
    case libdeflate(level: Int)
    /// zlib at `level` (1 … 9) with a `deflateInit2` strategy; kept to measure libdeflate against.
    case zlib(level: Int, strategy: ZlibStrategy)

    enum ZlibStrategy: String, Sendable, CaseIterable {
        case standard = "default", rle, filtered

        var value: Int32 {
            switch self {
            case .standard: return Z_DEFAULT_STRATEGY
            case .rle: return Z_RLE
            case .filtered: return Z_FILTERED
            }
        }
    }

    var description: String {
        switch self {
        case .libdeflate(let level): return "libdeflate \(level)"
        case .zlib(let level, let strategy): return "zlib \(level) \(strategy.rawValue)"
        }
    }

    /// The zlib stream of `input`, written into `scratch` (valid until its next use).
    func zlibStream(_ input: UnsafeRawBufferPointer, scratch: ScratchMemory, compressors: DeflateCompressors) throws
        -> UnsafeRawBufferPointer {
        switch self {
        case .libdeflate(let level):
            let compressor = try compressors.compressor(level: level)
            let bound = libdeflate_zlib_compress_bound(compressor, input.count)
            let out = scratch.buffer("png-zlib", count: bound, of: UInt8.self)
            let written = libdeflate_zlib_compress(compressor, input.baseAddress, input.count, out, bound)
            // Cannot happen with a buffer of the bound's size; checked rather than trusted.
            guard written > 0 else { throw RenderError.pngEncoding("libdeflate output exceeded its own bound") }
            return UnsafeRawBufferPointer(start: out, count: written)
        case .zlib(let level, let strategy):
            var stream = z_stream()
            // deflateInit2 is a macro; this is what it expands to. Window 2^15, memory level 8 (zlib's defaults).
            var status = deflateInit2_(&stream, Int32(level), Z_DEFLATED, 15, 8, strategy.value, ZLIB_VERSION,
                                       Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw RenderError.pngEncoding("zlib deflateInit2 failed (\(status))") }
            defer { deflateEnd(&stream) }
            let bound = Int(deflateBound(&stream, uLong(input.count)))
            let out = scratch.buffer("png-zlib", count: bound, of: UInt8.self)
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out
            stream.avail_out = uInt(bound)
            status = deflate(&stream, Z_FINISH)
            guard status == Z_STREAM_END else { throw RenderError.pngEncoding("zlib deflate did not finish (\(status))") }
            return UnsafeRawBufferPointer(start: out, count: Int(stream.total_out))
        }
    }
}

/// libdeflate compressors kept between renders, one per level: a compressor holds its hash tables,
/// which are worth allocating once. Not thread-safe; owned by one `ChartRenderer`.
final class DeflateCompressors {
    private var byLevel: [Int: OpaquePointer] = [:]

    deinit {
        for compressor in byLevel.values { libdeflate_free_compressor(compressor) }
    }

    func compressor(level: Int) throws -> OpaquePointer {
        if let existing = byLevel[level] { return existing }
        guard let made = libdeflate_alloc_compressor(Int32(level)) else {
            throw RenderError.pngEncoding("libdeflate cannot make a compressor at level \(level) (levels are 0–12)")
        }
        byLevel[level] = made
        return made
    }
}
