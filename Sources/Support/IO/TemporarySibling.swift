import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary file an atomic write fills before renaming it over its target:
/// `.NAME.tmp-XXXXXX` in the target's folder (the same file system, so the rename is atomic).
///
/// SIGINT and SIGTERM delete it (`InterruptCleanup`), but nothing runs on SIGKILL or a power cut,
/// so one may be left behind. Every writer therefore holds an exclusive `flock` on its temporary
/// file while it exists — the kernel drops the lock when the process dies, however it dies — and
/// before creating its own, a writer deletes every temporary file of this naming in the folder
/// that nobody holds locked: those are the remains of a run that can no longer finish.
enum TemporarySibling {
    static let marker = ".tmp-"

    /// Creates, locks and returns the temporary file for `path`, after sweeping stale ones from `folder`.
    static func create(for path: String, in folder: String) throws(Diagnostic) -> (fd: Int32, path: String) {
        removeStale(in: folder)
        let name = (path as NSString).lastPathComponent
        for _ in 0..<8 {
            var template = Array(((folder as NSString).appendingPathComponent(".\(name)\(marker)XXXXXX")).utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                return mkstemp(base)
            }
            guard fd >= 0 else {
                throw Diagnostic(SourceLocation(file: path), "cannot create a file in \(folder): \(String(cString: strerror(errno)))",
                                 hint: "check that the folder is writable")
            }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            let temporary = template.withUnsafeBufferPointer { buffer in
                String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            // A sweeper in another process may have taken the file between mkstemp and this lock and
            // deleted it; then the link count is 0 and we start again with a new name.
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
            var status = stat()
            if fstat(fd, &status) == 0 && status.st_nlink == 0 {
                close(fd)
                continue
            }
            return (fd, temporary)
        }
        throw Diagnostic(SourceLocation(file: path), "cannot create a temporary file in \(folder)",
                         hint: "another program keeps deleting files there; try again")
    }

    /// Deletes `.NAME.tmp-XXXXXX` files in `folder` that no running writer holds locked.
    /// Files of other owners, links, folders and anything that cannot be locked are left alone.
    static func removeStale(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where isTemporaryName(name) {
            let path = (folder as NSString).appendingPathComponent(name)
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var opened = stat()
            guard fstat(fd, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG, opened.st_uid == getuid() else { continue }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            // Unlink only if the name still points at the file we locked.
            var current = stat()
            guard lstat(path, &current) == 0, current.st_dev == opened.st_dev, current.st_ino == opened.st_ino else { continue }
            unlink(path)
        }
    }

    /// Makes a rename in `folder` durable: without it a power cut soon after can lose the new name.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// `.NAME.tmp-XXXXXX`: a dot, a non-empty name, the marker and mkstemp's six characters.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let range = name.range(of: marker, options: .backwards) else { return false }
        let suffix = name[range.upperBound...]
        let stem = name[name.index(after: name.startIndex)..<range.lowerBound]
        return !stem.isEmpty && suffix.count == 6 && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
