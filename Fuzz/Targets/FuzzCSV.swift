// libFuzzer target: the CSV reader over arbitrary bytes, in memory and through a file read in
// small chunks (so every refill and row-split path is reached). Any result is fine; a crash,
// a sanitizer report or a hang is a bug.
import Dataset
import Foundation
import Support

private let scratch = NSTemporaryDirectory() + "scobrief-fuzz-csv-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Small limits so the limit paths are reached too.
    let limits = CSVLimits(maxFieldBytes: 512, maxColumns: 64, maxRows: 200)
    for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";")] {
        let reader = CSVReader(bytes: bytes, file: "fuzz.csv", limits: limits, delimiter: delimiter)
        consume(reader)
    }
    if FileManager.default.createFile(atPath: scratch, contents: Data(bytes)),
       let reader = try? CSVReader(path: scratch, limits: limits, chunkSize: 64 + (size % 61)) {
        consume(reader)
    }
    return 0
}

private func consume(_ reader: CSVReader) {
    do {
        try reader.forEachRow { row in
            _ = try row.strings()
            _ = row.fieldPositions()
            for index in 0..<row.count { _ = row.isEmpty(index) }
        }
    } catch {
        _ = "\(error)"
    }
}
