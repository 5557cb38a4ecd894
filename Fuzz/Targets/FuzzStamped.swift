// libFuzzer target: the stamped-table reader (`StampedAttacksReader`, which `trend` reads an
// import with) over an arbitrary file, with a stamp that vouches for its exact bytes. A stamp is
// a text file anyone can write, so the reader must be safe on whatever bytes it is pointed at:
// header, separators at block ends, quotes, CR and NUL, cut rows. The file is read in one chunk
// and in small ones (every refill and every row cut by a chunk end); when both reads give
// records, they must be the same records. Nil (read the general way) is always allowed.
@testable import Dataset
import CDeflate
import Foundation
import Support

private let schema: TableSchema = {
    guard let corpus = try? DataLocation.loadShippedCorpus(), let schema = corpus.catalog.table(named: "attacks") else {
        FileHandle.standardError.write(Data("set SCOBRIEF_DATA to the Datasets folder\n".utf8))
        exit(2)
    }
    return schema
}()
private let scratch = NSTemporaryDirectory() + "scobrief-fuzz-stamped-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStamped(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes: data, count: size)) else { return 0 }
    let stamp = ImportStamp(table: "attacks", sourceID: "gtd-fuzz", crc32: UInt32(libdeflate_crc32(0, data, size)), bytes: size)
    // Small limits, so the limit paths are reached too.
    let limits = CSVLimits(maxFieldBytes: 512, maxColumns: 64, maxRows: 500)
    let whole = StampedAttacksReader.read(schema, path: scratch, stamp: stamp, limits: limits)
    let chunked = StampedAttacksReader.read(schema, path: scratch, stamp: stamp, limits: limits, chunkSize: 1 + size % 97)
    // A chunked read may give up where one read does not (a row longer than its buffer may grow
    // to); what both read must agree.
    if let whole, let chunked {
        guard whole.records.map(\.id) == chunked.records.map(\.id),
              whole.records.map(\.date) == chunked.records.map(\.date),
              whole.records.map({ whole.countryCodes[Int($0.country)] }) == chunked.records.map({ chunked.countryCodes[Int($0.country)] }),
              whole.records.map(\.killed) == chunked.records.map(\.killed),
              whole.records.map(\.wounded) == chunked.records.map(\.wounded),
              whole.records.map(\.standsForSeveral) == chunked.records.map(\.standsForSeveral),
              whole.inDateOrder == chunked.inDateOrder else {
            fatalError("the chunked read of a stamped file differs from the whole read")
        }
    }
    return 0
}
