import Foundation

/// Large working buffers kept between renders. A 300 dpi figure needs tens of megabytes of
/// scratch space (PNG tokens, marker transmittance); allocating it afresh each time makes the
/// kernel map and zero thousands of new pages per figure, which costs more than the work done in
/// them. A renderer keeps one pool and reuses it.
///
/// Buffers are handed out on the rendering thread before any worker threads start; each key is
/// used by one worker at a time.
final class ScratchMemory: @unchecked Sendable {
    private var buffers: [String: (pointer: UnsafeMutableRawPointer, bytes: Int)] = [:]
    private let lock = NSLock()

    deinit {
        for buffer in buffers.values { buffer.pointer.deallocate() }
    }

    /// A buffer of at least `count` elements under `key`; its contents are undefined.
    func buffer<T>(_ key: String, count: Int, of type: T.Type = T.self) -> UnsafeMutablePointer<T> {
        let bytes = max(count, 1) * MemoryLayout<T>.stride
        lock.lock()
        defer { lock.unlock() }
        if let existing = buffers[key], existing.bytes >= bytes {
            return existing.pointer.bindMemory(to: T.self, capacity: existing.bytes / MemoryLayout<T>.stride)
        }
        buffers[key]?.pointer.deallocate()
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        buffers[key] = (pointer, bytes)
        return pointer.bindMemory(to: T.self, capacity: count)
    }
}
