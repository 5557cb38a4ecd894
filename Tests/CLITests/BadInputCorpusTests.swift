import Foundation
import Testing
import TestSupport

/// The bad-input corpus: every folder under `BadInputs/` is one case, run through the real binary.
///
/// A case folder holds its input files and `case.json`:
///   - `command`: the arguments; `{case}` is a scratch copy of the folder (so outputs land there
///     and the committed files never change), `{root}` is the package root.
///   - `exit`: the expected exit status (1 for input errors, 64 for ArgumentParser's usage errors).
///   - `stderr`: substrings the message must contain: the file, `line:column` where the input has
///     them, and the phrase that says what to do.
///   - `absent` (optional): substrings the message must not contain (e.g. a flag the command does not have).
///   - `existing` (optional): files created in the scratch copy before the run; they must survive unchanged.
///   - `generate` (optional): a large input written at run time rather than committed.
///   - `directory` (optional): the folder to run in, `{case}` allowed (default: the package root).
/// After the run the scratch copy must hold exactly what it held before, byte for byte: no output,
/// no temporary file, no change to an earlier output. Adding a case is adding a folder.
@Suite(.serialized) struct BadInputCorpusTests {
    struct Case: Decodable {
        var command: [String]
        var exit: Int32
        var stderr: [String]
        var absent: [String]?
        var existing: [String]?
        var generate: Generate?
        var directory: String?
        var why: String?
    }

    struct Generate: Decodable {
        /// `large-field`: the attacks header and one row whose description is `bytes` long.
        var kind: String
        var file: String
        var bytes: Int
    }

    static let corpus = CLI.packageRoot + "/Tests/CLITests/BadInputs"

    static let names: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(corpus)/\($0)/case.json") }.sorted()
    }()

    /// What a crash or an unhandled error looks like on stderr; none may appear.
    static let crashSigns = ["Fatal error", "Stack dump", "Segmentation", "Illegal instruction", "SIGSEGV", "backtrace",
                             "Swift runtime failure", "AddressSanitizer", "ThreadSanitizer", "Current stack trace", "💣"]

    @Test func theCorpusCoversEveryInput() {
        #expect(Self.names.count >= 40, "only \(Self.names.count) cases")
        for prefix in ["csv-", "catalog-", "spec-", "cli-", "gtd-"] {
            #expect(Self.names.contains { $0.hasPrefix(prefix) }, "no \(prefix) case")
        }
    }

    @Test(arguments: names)
    func badInputFailsCleanly(name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.corpus)/\(name)/case.json"))
        let spec = try JSONDecoder().decode(Case.self, from: data)
        let scratch = NSTemporaryDirectory() + "scobrief-bad-\(name)-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: "\(Self.corpus)/\(name)", toPath: scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.removeItem(atPath: scratch + "/case.json")
        for file in spec.existing ?? [] {
            try Data("an earlier output that must survive\n".utf8).write(to: URL(fileURLWithPath: "\(scratch)/\(file)"))
        }
        if let generate = spec.generate { try Self.generate(generate, in: scratch) }

        let before = try Self.snapshot(scratch)
        let arguments = spec.command.map {
            $0.replacingOccurrences(of: "{case}", with: scratch).replacingOccurrences(of: "{root}", with: CLI.packageRoot)
        }
        let directory = spec.directory.map { $0.replacingOccurrences(of: "{case}", with: scratch) } ?? CLI.packageRoot
        let result = try CLI.run(arguments, in: directory)

        #expect(result.status == spec.exit, "exit \(result.status), stderr: \(result.stderr)")
        for expected in spec.stderr {
            #expect(result.stderr.contains(expected), "missing '\(expected)' in: \(result.stderr)")
        }
        for unwanted in spec.absent ?? [] {
            #expect(!result.stderr.contains(unwanted), "'\(unwanted)' should not be in: \(result.stderr)")
        }
        for sign in Self.crashSigns {
            #expect(!result.stderr.contains(sign), "crash sign '\(sign)' in: \(result.stderr)")
        }
        #expect(!result.stderr.isEmpty, "a failure must say why")
        let after = try Self.snapshot(scratch)
        #expect(after == before, "files changed: \(Self.difference(before, after))")
    }

    /// Every file under `folder` (hidden ones included, so a temporary file is caught) with its bytes.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
        for case let path as String in walker {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: "\(folder)/\(path)", isDirectory: &isDirectory)
            files[path] = isDirectory.boolValue ? Data("<folder>".utf8) : try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(path)"))
        }
        return files
    }

    static func difference(_ before: [String: Data], _ after: [String: Data]) -> String {
        let added = Set(after.keys).subtracting(before.keys).sorted()
        let removed = Set(before.keys).subtracting(after.keys).sorted()
        let changed = before.keys.filter { after[$0] != nil && after[$0] != before[$0] }.sorted()
        return "added \(added), removed \(removed), changed \(changed)"
    }

    static func generate(_ generate: Generate, in folder: String) throws {
        switch generate.kind {
        case "large-field":
            let header = try String(contentsOfFile: CLI.packageRoot + "/Datasets/attacks.csv", encoding: .utf8)
                .split(separator: "\n", maxSplits: 1)[0]
            var bytes = Data("\(header)\natk-big,2001,TJK,,,,,,".utf8)
            bytes.append(Data(repeating: UInt8(ascii: "a"), count: generate.bytes))
            bytes.append(Data(",zhao-2012-isdp-asia-paper,q,\n".utf8))
            try bytes.write(to: URL(fileURLWithPath: "\(folder)/\(generate.file)"))
        default:
            Issue.record("unknown generator '\(generate.kind)'")
        }
    }
}
