import Foundation
import Testing

/// The committed scipy/statsmodels reference values (`Scripts/stats-reference` writes them).
/// Read through `#filePath` so the tests need neither Python nor a resource bundle.
enum Reference {
    nonisolated(unsafe) static let document: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stats-reference.json")
        do {
            let data = try Data(contentsOf: url)
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    static func section(_ key: String) -> [[String: Any]] {
        document[key] as? [[String: Any]] ?? []
    }

    static func object(_ key: String) -> [String: Any] {
        document[key] as? [String: Any] ?? [:]
    }

    /// Rows of a special-function table: arrays of numbers, the last being the expected value.
    static func table(_ name: String) -> [[Double]] {
        let functions = document["specialFunctions"] as? [String: Any] ?? [:]
        let rows = functions[name] as? [[Any]] ?? []
        return rows.map { $0.map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
    }

    /// A named input series.
    static func series(_ name: String) -> (years: [Int], values: [Double]) {
        let all = section("series")
        guard let entry = all.first(where: { $0["name"] as? String == name }) else {
            fatalError("no series \(name) in fixture")
        }
        return (ints(entry["years"]), doubles(entry["values"]))
    }
}

func double(_ value: Any?) -> Double {
    (value as? NSNumber)?.doubleValue ?? .nan
}

func int(_ value: Any?) -> Int {
    (value as? NSNumber)?.intValue ?? Int.min
}

func doubles(_ value: Any?) -> [Double] {
    (value as? [Any] ?? []).map { double($0) }
}

func ints(_ value: Any?) -> [Int] {
    (value as? [Any] ?? []).map { int($0) }
}

/// Error of `actual` against `expected`: relative, except where |expected| < `absoluteBelow`,
/// where a relative error is meaningless (values at or near zero) and the absolute error is used.
func comparisonError(_ actual: Double, _ expected: Double, absoluteBelow: Double = 1e-300) -> Double {
    if actual == expected { return 0 }
    if !actual.isFinite || !expected.isFinite { return .infinity }
    let difference = abs(actual - expected)
    return abs(expected) < absoluteBelow ? difference : difference / abs(expected)
}

/// Records the largest error seen for one statistic and checks it against a tolerance,
/// naming the worst case in the failure message.
struct ErrorTracker {
    let name: String
    let tolerance: Double
    let absoluteBelow: Double
    private(set) var worst = 0.0
    private(set) var worstCase = ""
    private(set) var count = 0

    init(_ name: String, tolerance: Double, absoluteBelow: Double = 1e-300) {
        self.name = name
        self.tolerance = tolerance
        self.absoluteBelow = absoluteBelow
    }

    mutating func check(_ actual: Double, _ expected: Double, _ label: @autoclosure () -> String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let error = comparisonError(actual, expected, absoluteBelow: absoluteBelow)
        count += 1
        if error > worst {
            worst = error
            worstCase = label()
        }
        #expect(error <= tolerance, "\(name) \(label()): got \(actual), expected \(expected), error \(error)",
                sourceLocation: sourceLocation)
    }

    /// Prints the maximum error so `swift test` output documents the achieved accuracy.
    func report() {
        print("max error \(name): \(String(format: "%.3g", worst)) over \(count) values (worst: \(worstCase))")
    }
}
