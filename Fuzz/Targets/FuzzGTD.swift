// libFuzzer target: the GTD import's row parser — header, dates, counts, countries, encodings —
// over an arbitrary file, against the shipped corpus (found through $SCOBRIEF_DATA). Rows go to
// a summary only (no output file); every input must give a summary or a Diagnostic.
import Dataset
import Foundation
import Support

private let corpus: Corpus = {
    guard let corpus = try? DataLocation.loadShippedCorpus() else {
        FileHandle.standardError.write(Data("set SCOBRIEF_DATA to the Datasets folder\n".utf8))
        exit(2)
    }
    return corpus
}()
private let scratch = NSTemporaryDirectory() + "scobrief-fuzz-gtd-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGTD(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes: data, count: size)) else { return 0 }
    var options = GTDImportOptions()
    options.limits = CSVLimits(maxFieldBytes: 4096, maxColumns: 512, maxRows: 500)
    // Alternate the selections that take different paths through the row parser.
    switch size % 3 {
    case 0: options.countries = .all
    case 1: options.countries = GTDCountrySelection(argument: "sco-members-at-date")
    default: options.countries = GTDCountrySelection(argument: "RUS,CHN,KAZ")
    }
    options.encoding = size % 2 == 0 ? .auto : .windows1252
    do {
        _ = try GTDImporter(corpus: corpus, options: options).run(input: scratch, writer: nil, release: GTDRelease(inputPath: scratch))
    } catch {
        _ = error.description
    }
    return 0
}
