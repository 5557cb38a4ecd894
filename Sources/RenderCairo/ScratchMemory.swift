import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Large working buffers kept between renders: the 300 dpi pixel buffer, filtered PNG scanlines and
/// their compressed stream, marker transmittance. Allocating tens of megabytes afresh for every figure makes the kernel map and
/// zero thousands of new pages each time, which costs more than the drawing done in them. A
/// renderer keeps one pool and reuses it. On Linux, buffers that will be written through (pixels)
/// can ask for transparent huge pages, so even a fresh process maps its first figure with a few
/// faults rather than thousands; buffers sized for the worst case but mostly untouched (the compressed PNG stream)
/// keep small pages, since a huge page is zeroed whole on first touch.
///
/// Buffers are handed out on the rendering thread before any worker threads start; each key is
/// used by one worker at a time.
final class ScratchMemory: @unchecked Sendable {
    private struct Buffer {
        var pointer: UnsafeMutableRawPointer
        var bytes: Int
        var mapped: Bool
        /// Freshly mapped pages, still all zero as the kernel gave them.
        var zeroed: Bool
    }

    private var buffers: [String: Buffer] = [:]
    private let lock = NSLock()
    private static let hugePage = 2 << 20

    deinit {
        for buffer in buffers.values { ScratchMemory.release(buffer) }
    }

    /// A buffer of at least `count` elements under `key`; its contents are undefined.
    func buffer<T>(_ key: String, count: Int, of type: T.Type = T.self, hugePages: Bool = false) -> UnsafeMutablePointer<T> {
        let bytes = max(count, 1) * MemoryLayout<T>.stride
        lock.lock()
        defer { lock.unlock() }
        if let existing = buffers[key], existing.bytes >= bytes {
            return existing.pointer.bindMemory(to: T.self, capacity: existing.bytes / MemoryLayout<T>.stride)
        }
        if let old = buffers[key] { ScratchMemory.release(old) }
        let buffer = ScratchMemory.allocate(bytes, hugePages: hugePages)
        buffers[key] = buffer
        return buffer.pointer.bindMemory(to: T.self, capacity: buffer.bytes / MemoryLayout<T>.stride)
    }

    /// Whether the buffer under `key` is still all zero as freshly mapped memory comes (never
    /// handed out before); afterwards it counts as used.
    func takeZeroed(_ key: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let buffer = buffers[key] else { return false }
        buffers[key]?.zeroed = false
        return buffer.zeroed
    }

    private static func allocate(_ bytes: Int, hugePages: Bool) -> Buffer {
        #if os(Linux)
        if hugePages && bytes >= hugePage {
            let size = (bytes + hugePage - 1) / hugePage * hugePage
            // Over-allocate by one huge page to align the start on a huge-page boundary.
            if let raw = mmap(nil, size + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
               raw != MAP_FAILED {
                let address = UInt(bitPattern: raw)
                let aligned = (address + UInt(hugePage) - 1) / UInt(hugePage) * UInt(hugePage)
                let head = Int(aligned - address)
                if head > 0 { munmap(raw, head) }
                let tail = hugePage - head
                if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + UInt(size))!, tail) }
                let pointer = UnsafeMutableRawPointer(bitPattern: aligned)!
                _ = madvise(pointer, size, 14)  // MADV_HUGEPAGE; only advice, ignored where unsupported
                return Buffer(pointer: pointer, bytes: size, mapped: true, zeroed: true)
            }
        }
        #endif
        return Buffer(pointer: UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64), bytes: bytes, mapped: false, zeroed: false)
    }

    private static func release(_ buffer: Buffer) {
        #if os(Linux)
        if buffer.mapped {
            munmap(buffer.pointer, buffer.bytes)
            return
        }
        #endif
        buffer.pointer.deallocate()
    }
}
