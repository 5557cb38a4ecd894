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

    /// Refuses `path` when its folder is missing or is a file, or when `path` itself is a folder.
    static func checkFolder(of path: String) throws(Diagnostic) {
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
}
