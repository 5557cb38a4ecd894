import Dataset
import Foundation
import Support

/// Checks an output path before any work is done, so a typo in `-o` fails at once rather than
/// after a minute of rendering. The write itself (AtomicFile) checks again.
enum OutputPath {
    static func check(_ path: String) throws(Diagnostic) {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(SourceLocation(file: path), "the folder \(folder) does not exist",
                             hint: "create it first (mkdir -p \(folder)) or choose another output path")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Diagnostic(SourceLocation(file: path), "the output path is a folder", hint: "name a file inside it")
        }
    }
}
