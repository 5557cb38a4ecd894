import Dataset
import Foundation
import Support

/// Checks an output path before any work is done, so a typo in `-o` fails at once rather than
/// after a minute of rendering. The write itself (AtomicFile) checks again.
enum OutputPath {
    /// Refuses `path` unless it ends in one of `extensions` (lower case, no dot) and its folder
    /// exists: a PDF named .docx, or a file under a "folder" that is really a file, is refused here.
    static func check(_ path: String, extensions: [String], what: String) throws(Diagnostic) {
        let ext = (path as NSString).pathExtension.lowercased()
        guard extensions.contains(ext) else {
            let listed = extensions.map { "." + $0 }
            let choices = listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " or " + listed.last!
            throw Diagnostic(SourceLocation(file: path), "\(what) must be a \(choices) file, and '\(path)' is not",
                             hint: "end the name with \(choices), e.g. \(((path as NSString).deletingPathExtension as NSString).lastPathComponent).\(extensions[0])")
        }
        try checkFolder(of: path)
    }

    /// Refuses `path` when its folder is missing or is a file, or when `path` itself is a folder
    /// (the same check the atomic write makes, made before any work).
    static func checkFolder(of path: String) throws(Diagnostic) {
        try AtomicFile.checkDestination(path)
    }
}
