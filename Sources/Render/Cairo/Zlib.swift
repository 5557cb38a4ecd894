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

    private static let functions: (compress: Compress2, bound: CompressBound)? = {
        let names = ["libz.so.1", "libz.so", "libz.1.dylib", "/usr/lib/libz.1.dylib"]
        var handle: UnsafeMutableRawPointer?
        for name in names {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        guard let handle, let compress = dlsym(handle, "compress2"), let bound = dlsym(handle, "compressBound") else {
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
