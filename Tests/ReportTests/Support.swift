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

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "scobrief-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
