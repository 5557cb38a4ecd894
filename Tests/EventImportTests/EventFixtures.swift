import Foundation
@testable import Dataset
import EventSynthetic
import Support
import TestSupport

/// The shipped corpus, loaded once for all tests.
enum ShippedCorpus {
    static let corpus: Corpus = {
        let catalog = try! Catalog.load(path: PackagePaths.datasets + "/catalog.yaml")
        return Corpus.load(directory: PackagePaths.datasets, catalog: catalog).corpus
    }()
}

/// A generated export and the truth recorded while generating it.
struct EventSample {
    let bytes: [UInt8]
    let records: [EventSyntheticRecord]

    init(_ source: String, rows: Int, seed: UInt64 = 11, textDates: Bool = false, unknownRate: Double = 0.002) {
        var options = EventSyntheticOptions()
        options.rows = rows
        options.seed = seed
        options.textDates = textDates
        options.unknownCountryRate = unknownRate
        var records: [EventSyntheticRecord] = []
        bytes = source == "acled" ? ACLEDSyntheticGenerator(options: options).bytes { records.append($0) }
            : UCDPSyntheticGenerator(options: options).bytes { records.append($0) }
        self.records = records
    }
}

/// One import into a temporary folder, with the table read back as text.
struct EventImportRun {
    let summary: EventImportSummary
    let header: [String]
    let rows: [[String: String]]
    let sources: [[String: String]]
    let folder: TemporaryFolder

    init(_ mappingName: String, bytes: [UInt8], filters: [(option: String, values: [String])] = [],
         configure: (inout EventImportOptions) -> Void = { _ in }) throws {
        folder = try TemporaryFolder(prefix: "scobrief-events")
        let input = try folder.write("export.csv", bytes)
        var options = EventImportOptions()
        options.filters = filters
        configure(&options)
        let mapping = try BuiltInEventMappings.mapping(named: mappingName)
        let importer = EventImporter(corpus: ShippedCorpus.corpus, mapping: mapping, options: options, command: "scobrief import \(mappingName)")
        let result = try importer.importFile(input: input, output: folder.file("attacks.csv"))
        summary = result.summary
        let records = try CSVReader(path: folder.file("attacks.csv")).readAll()
        header = records[0].fields
        rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(records[0].fields, $0.fields)) }
        let sourceRecords = try CSVReader(path: folder.file("sources.csv")).readAll()
        sources = sourceRecords.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(sourceRecords[0].fields, $0.fields)) }
    }
}

/// Events and deaths by year and country, from the truth or from an imported table.
struct Cell: Hashable, Comparable {
    var year: Int
    var country: String
    static func < (a: Cell, b: Cell) -> Bool { (a.year, a.country) < (b.year, b.country) }
}
