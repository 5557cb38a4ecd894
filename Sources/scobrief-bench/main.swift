import Analysis
import Dataset
import Foundation

/// Benchmarks run by `Scripts/bench` in a release build. Each section prints medians of
/// repeated runs; none is a test (a slow machine must not fail the build).
let arguments = CommandLine.arguments.dropFirst()
let known = ["grouping", "statistics"]
let sections = arguments.isEmpty ? known : Array(arguments)
for section in sections {
    switch section {
    case "grouping": GroupingBenchmark.run()
    case "statistics": StatisticsBenchmark.run()
    default:
        FileHandle.standardError.write(Data("unknown benchmark section '\(section)'; known: \(known.joined(separator: ", "))\n".utf8))
        exit(2)
    }
}
