import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers see either the old file or the complete new one, never a
/// half-written one: the bytes go to a temporary file in the same folder, are flushed to disk,
/// and the temporary file is renamed over the target (rename is atomic within a file system).
/// Temporary files a killed run left in the folder are swept first (see `TemporarySibling`).
public enum AtomicFile {
    /// Refuses `path` when its folder is missing or is a file (`my.csv/t.png`), or when `path`
    /// itself is a folder, with a diagnostic that says how to fix it. `write` checks this first;
    /// commands call it before any work so a bad `-o` fails at once.
    public static func checkDestination(_ path: String) throws(Diagnostic) {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        var isDirectory: ObjCBool = false
        if let file = firstFileAmongFolders(of: folder) {
            throw Diagnostic(SourceLocation(file: path), "\(file) is a file, not a folder",
                             hint: "write the output beside it (e.g. \((file as NSString).deletingLastPathComponent.isEmpty ? "" : (file as NSString).deletingLastPathComponent + "/")\((path as NSString).lastPathComponent)) or choose another folder")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(SourceLocation(file: path), "the folder \(folder) does not exist",
                             hint: "create it first (mkdir -p \(folder)) or choose another output path")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Diagnostic(SourceLocation(file: path), "the output path is a folder", hint: "name a file inside it")
        }
    }

    /// The first component of `folder`, from the top, that exists as a plain file; nil when none does.
    private static func firstFileAmongFolders(of folder: String) -> String? {
        var prefix = folder.hasPrefix("/") ? "/" : ""
        for component in (folder as NSString).pathComponents where component != "/" {
            prefix = prefix.isEmpty ? component : (prefix as NSString).appendingPathComponent(component)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { return prefix }
            } else {
                return nil
            }
        }
        return nil
    }

    /// Writes `bytes` to `path` atomically; throws a diagnostic naming the path when the folder is
    /// missing, the path is a folder, or the disk refuses the bytes (any earlier file is then unchanged).
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(Diagnostic) {
        try checkDestination(path)
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        let (fd, temporary) = try TemporarySibling.create(for: path, in: folder)
        InterruptCleanup.register(temporary)
        defer { InterruptCleanup.unregister(temporary) }
        var failure: String? = nil
        let contiguous = Array(bytes)
        contiguous.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                // Qualified, since `write` here would name this enum's own method.
                #if canImport(Glibc)
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                #elseif canImport(Darwin)
                let n = Darwin.write(fd, base + offset, buffer.count - offset)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        // Files SCOBrief writes are documents, readable by others like any file the user makes.
        fchmod(fd, 0o644)
        // Rename while the lock is still held, so no sweeper can take the file in between.
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil { TemporarySibling.syncFolder(folder) }
        if let failure {
            unlink(temporary)
            throw Diagnostic(SourceLocation(file: path), "cannot write the file: \(failure)",
                             hint: "check free disk space and permissions; any earlier file at this path is unchanged")
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically (see `write(_:to:)` for bytes).
    public static func write(_ text: String, to path: String) throws(Diagnostic) {
        try write(Array(text.utf8), to: path)
    }
}
