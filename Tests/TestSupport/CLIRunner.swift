import Foundation

/// What one run of the `scobrief` binary produced.
public struct CLIResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Everything written to standard output.
    public var stdout: String
    /// Everything written to standard error.
    public var stderr: String
}

/// Runs the real `scobrief` binary built beside the test bundle, as a user would.
public enum CLI {
    /// The package's root folder, the default working directory of a run.
    public static var packageRoot: String { PackagePaths.root }

    /// The binary the tests run: `$SCOBRIEF_TEST_BINARY` when set (say the shipped one from
    /// Scripts/build-release, to run the CLI tests against what users install), otherwise `builtBinary`.
    public static let binary: String = {
        if let chosen = ProcessInfo.processInfo.environment["SCOBRIEF_TEST_BINARY"], !chosen.isEmpty { return chosen }
        return builtBinary
    }()

    /// The `scobrief` built with the tests: it sits in the same build folder as the test runner,
    /// beside the other executables the tests use (gen-gtd).
    public static let builtBinary: String = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // The runner may be inside an .xctest bundle folder.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("scobrief").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot + "/.build/debug/scobrief"
    }()

    /// Runs the binary with `arguments` in `directory`, `SCOBRIEF_DATA` cleared, `environment` added.
    public static func run(_ arguments: [String], in directory: String = packageRoot, environment: [String: String] = [:]) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["SCOBRIEF_DATA"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Files rather than pipes: a large output cannot block the child, and no reader thread is needed.
        let scratch = NSTemporaryDirectory() + "scobrief-cli-out-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
        FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: scratch + ".out")
            try? FileManager.default.removeItem(atPath: scratch + ".err")
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".err"))
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = FileManager.default.contents(atPath: scratch + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: scratch + ".err") ?? Data()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}
