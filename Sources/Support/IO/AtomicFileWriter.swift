import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `AtomicFile` for output produced while streaming: bytes are buffered and written to a
/// temporary file in the target's folder as they come, and the temporary file is renamed over
/// the target only by `commit()`. Until then any earlier file at the target is untouched; if the
/// writer is abandoned (an error, or released without a commit) the temporary file is deleted.
public final class AtomicFileWriter {
    /// The target, replaced only by `commit()`.
    public let path: String
    /// The `.NAME.tmp-XXXXXX` file the bytes go to until then.
    public let temporaryPath: String
    /// Bytes not yet written to the temporary file. Callers append to it and call `flushIfFull()`
    /// at record boundaries, so a record can still be taken back (`truncate(to:)`) until then.
    public private(set) var buffer: [UInt8] = []
    /// Bytes already in the temporary file.
    public private(set) var bytesFlushed = 0
    private var fd: Int32
    private var finished = false
    private let flushThreshold: Int

    /// Creates the temporary file beside `path` (sweeping stale ones); the buffer is written out once it holds `flushThreshold` bytes.
    public init(path: String, flushThreshold: Int = 1 << 20) throws(Diagnostic) {
        self.path = path
        self.flushThreshold = flushThreshold
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(SourceLocation(file: path), "the folder \(folder) does not exist",
                             hint: "create it first (mkdir -p \(folder)) or choose another output path")
        }
        var isExistingDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isExistingDirectory), isExistingDirectory.boolValue {
            throw Diagnostic(SourceLocation(file: path), "the output path is a folder",
                             hint: "name a file, e.g. \((path as NSString).appendingPathComponent("attacks.csv"))")
        }
        (fd, temporaryPath) = try TemporarySibling.create(for: path, in: folder)
        buffer.reserveCapacity(flushThreshold + (64 << 10))
        InterruptCleanup.register(temporaryPath)
    }

    deinit {
        abandon()
    }

    /// Appends one byte to the buffer.
    @inline(__always) public func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    /// Appends bytes to the buffer.
    @inline(__always) public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends `text` as UTF-8 to the buffer.
    public func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// Takes back bytes appended since `count` (the buffer's size at a record's start).
    public func truncate(to count: Int) {
        // Callers pass a size they read from `buffer.count` before the last flush; anything else is a no-op.
        guard count >= 0, count <= buffer.count else { return }
        buffer.removeSubrange(count...)
    }

    /// Writes the buffer out once it is large; call between records.
    @inline(__always) public func flushIfFull() throws(Diagnostic) {
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes the buffer to the temporary file now.
    public func flush() throws(Diagnostic) {
        guard !finished else { return }
        var failure: String? = nil
        buffer.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let n = write(fd, base + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
        if let failure { throw writeFailure(failure) }
        bytesFlushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Empties the temporary file and the buffer, to write the output again from its start.
    public func discardAll() throws(Diagnostic) {
        buffer.removeAll(keepingCapacity: true)
        if ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) < 0 {
            throw writeFailure(String(cString: strerror(errno)))
        }
        bytesFlushed = 0
    }

    /// Flushes, syncs and renames the temporary file over the target.
    public func commit() throws(Diagnostic) {
        guard !finished else { return }
        do {
            try flush()
        } catch {
            abandon()
            throw error
        }
        var failure: String? = nil
        if fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        // Files SCOBrief writes are documents, readable by others like any file the user makes.
        fchmod(fd, 0o644)
        // Rename while the lock is still held, so no sweeper can take the file in between.
        if failure == nil && rename(temporaryPath, path) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        finished = true
        if failure == nil {
            let directory = (path as NSString).deletingLastPathComponent
            TemporarySibling.syncFolder(directory.isEmpty ? "." : directory)
        }
        InterruptCleanup.unregister(temporaryPath)
        if let failure {
            unlink(temporaryPath)
            throw writeFailure(failure)
        }
    }

    /// Deletes the temporary file; the target is left as it was. Safe to call twice.
    public func abandon() {
        guard !finished else { return }
        finished = true
        unlink(temporaryPath)
        close(fd)
        InterruptCleanup.unregister(temporaryPath)
    }

    private func writeFailure(_ reason: String) -> Diagnostic {
        Diagnostic(SourceLocation(file: path), "cannot write the file: \(reason)",
                   hint: "check free disk space and permissions; any earlier file at this path is unchanged")
    }
}

/// Deletes unfinished temporary files when the user interrupts a long run (Ctrl-C, SIGTERM),
/// so an import stopped halfway leaves no `.name.tmp-XXXXXX` behind.
public enum InterruptCleanup {
    /// Installs the handlers for SIGINT and SIGTERM. Commands that stream output call it once.
    public static func install() {
        signal(SIGINT, interruptHandler)
        signal(SIGTERM, interruptHandler)
    }

    // The handler may run at any moment, so the paths live in fixed C storage it can read
    // without allocating or locking; a writer fills a free slot and clears it when done.
    private static let slotCount = 8
    private static let slotSize = 4096
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<CChar> = {
        let storage = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        storage.initialize(repeating: 0, count: slotCount * slotSize)
        return storage
    }()
    private static let lock = NSLock()

    static func register(_ path: String) {
        let bytes = Array(path.utf8)
        guard bytes.count < slotSize else { return }
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<slotCount where slots[slot * slotSize] == 0 {
            let start = slots + slot * slotSize
            for (offset, byte) in bytes.enumerated() { start[offset] = CChar(bitPattern: byte) }
            start[bytes.count] = 0
            return
        }
    }

    static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for slot in 0..<slotCount where slots[slot * slotSize] != 0 {
            if String(cString: slots + slot * slotSize) == path { slots[slot * slotSize] = 0 }
        }
    }

    fileprivate static func removeAll() {
        for slot in 0..<slotCount where slots[slot * slotSize] != 0 {
            unlink(slots + slot * slotSize)
        }
    }
}

private func interruptHandler(_ signalNumber: Int32) {
    InterruptCleanup.removeAll()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
