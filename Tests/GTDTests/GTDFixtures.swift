import Foundation
@testable import Dataset
import GTDSynthetic

/// Paths inside the checkout, found from this file's location.
enum GTDPaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var datasets: String { root + "/Datasets" }
}

/// A folder under the system's temporary directory, removed when released.
final class ScratchFolder {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("scobrief-gtd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }
    func contents(_ name: String) -> String? { FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) } }
    func entries() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}

/// The shipped corpus, loaded once for all tests.
enum ShippedCorpus {
    static let corpus: Corpus = {
        let catalog = try! Catalog.load(path: GTDPaths.datasets + "/catalog.yaml")
        return Corpus.load(directory: GTDPaths.datasets, catalog: catalog).corpus
    }()
}

/// A generated sample and the truth recorded while generating it.
struct SyntheticSample {
    let bytes: [UInt8]
    let records: [GTDSyntheticRecord]

    init(rows: Int, seed: UInt64 = 7, encoding: GTDTextEncoding = .utf8, lineEnding: GTDSyntheticOptions.LineEnding = .lf,
         decimalCasualtyRate: Double = 0, unmappedRate: Double = 0.0005) {
        var options = GTDSyntheticOptions()
        options.rows = rows
        options.seed = seed
        options.encoding = encoding
        options.lineEnding = lineEnding
        options.decimalCasualtyRate = decimalCasualtyRate
        options.unmappedCountryRate = unmappedRate
        var records: [GTDSyntheticRecord] = []
        bytes = GTDSyntheticGenerator(options: options).bytes { records.append($0) }
        self.records = records
    }
}
