import Foundation
@testable import Dataset
import GTDSynthetic
import TestSupport

/// The shipped corpus, loaded once for all tests.
enum ShippedCorpus {
    static let corpus: Corpus = {
        let catalog = try! Catalog.load(path: PackagePaths.datasets + "/catalog.yaml")
        return Corpus.load(directory: PackagePaths.datasets, catalog: catalog).corpus
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
