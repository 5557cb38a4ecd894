import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// zlib's `compress2`, looked up at run time. zlib is already loaded with cairo (which compresses
/// PDF streams and links libpng), so this adds no dependency; looking it up avoids adding a system
/// library target just for one function.
enum Zlib {
    private typealias Compress2 = @convention(c) (
        UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UInt>, UnsafePointer<UInt8>, UInt, Int32
    ) -> Int32
    private typealias CompressBound = @convention(c) (UInt) -> UInt
    private typealias CRC32Function = @convention(c) (UInt, UnsafePointer<UInt8>?, UInt32) -> UInt

    // dlopen handles are process-wide and immutable; sharing one across threads is safe.
    nonisolated(unsafe) private static let library: UnsafeMutableRawPointer? = {
        for name in ["libz.so.1", "libz.so", "libz.1.dylib", "/usr/lib/libz.1.dylib"] {
            if let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) { return handle }
        }
        return nil
    }()

    /// zlib's crc32 (slice-by-n, several times faster than a byte-wise table loop).
    private static let crcFunction: CRC32Function? = {
        guard let library, let symbol = dlsym(library, "crc32") else { return nil }
        return unsafeBitCast(symbol, to: CRC32Function.self)
    }()

    /// Continues a CRC-32 in zlib's convention (start at 0, no final inversion by the caller);
    /// nil when zlib is not available.
    static func crc32(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32? {
        guard let f = crcFunction else { return nil }
        var c = UInt(crc)
        var offset = 0
        // zlib takes a 32-bit length; feed it in chunks.
        while offset < bytes.count {
            let n = min(bytes.count - offset, 1 << 30)
            c = f(c, bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: UInt8.self), UInt32(n))
            offset += n
        }
        return UInt32(truncatingIfNeeded: c)
    }

    private static let functions: (compress: Compress2, bound: CompressBound)? = {
        guard let handle = library, let compress = dlsym(handle, "compress2"), let bound = dlsym(handle, "compressBound") else {
            return nil
        }
        return (unsafeBitCast(compress, to: Compress2.self), unsafeBitCast(bound, to: CompressBound.self))
    }()

    static var isAvailable: Bool { functions != nil }

    /// A zlib stream (header, deflate data, Adler-32): exactly what a PNG IDAT chunk holds.
    static func compress(_ input: UnsafeBufferPointer<UInt8>, level: Int) -> [UInt8]? {
        guard let f = functions, let base = input.baseAddress else { return nil }
        var capacity = f.bound(UInt(input.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = output.withUnsafeMutableBufferPointer { out in
            f.compress(out.baseAddress!, &capacity, base, UInt(input.count), Int32(level))
        }
        guard status == 0 else { return nil }
        output.removeSubrange(Int(capacity)...)
        return output
    }
}
