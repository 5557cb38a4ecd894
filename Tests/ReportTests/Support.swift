import Foundation
@testable import Dataset
@testable import Report
import TestSupport
import Support

enum Fixtures {
    static var root: String { PackagePaths.root }

    static let corpus: Corpus = {
        try! DataLocation.loadShippedCorpus(explicit: root + "/Datasets")
    }()

    static func spec(_ name: String) throws -> ReportSpec {
        try SpecReader().read(path: root + "/Reports/\(name)")
    }

    static func spec(yaml: String) throws -> ReportSpec {
        try SpecReader().read(YAMLDocument(bytes: Array(yaml.utf8), file: "test.yaml"))
    }

    /// Runs a command-line tool and returns its standard output.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "scobrief-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
