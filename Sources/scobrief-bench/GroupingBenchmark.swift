import Analysis
import Dataset
import Foundation

/// One million synthetic events (year × country × kind) grouped the ways `trend` groups them.
enum GroupingBenchmark {
    static func run() {
        let count = 1_000_000
        let countries = ["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB", "IND", "PAK", "IRN", "BLR", "AFG", "MNG"]
        let kinds = ["bombing", "armed-assault", "assassination", "hostage-taking", "facility-attack"]
        var generator = SplitMix64(seed: 2024)
        var events: [Event] = []
        events.reserveCapacity(count)
        for index in 0..<count {
            let year = 1970 + Int(generator.next() % 55)
            let month = 1 + Int(generator.next() % 12)
            let roll = generator.next() % 100
            events.append(Event(
                id: "e\(index)",
                date: try! PartialDate(year: year, month: month),
                countries: [countries[Int(generator.next() % UInt64(countries.count))]],
                kind: kinds[Int(generator.next() % UInt64(kinds.count))],
                killed: roll < 8 ? nil : Int(generator.next() % 20),
                wounded: roll < 12 ? nil : Int(generator.next() % 40)))
        }
        let table = EventTable(name: "synthetic", title: "synthetic events", coverage: .complete,
                               coverageNote: "synthetic", measure: .eventsOccurred, events: events)
        let filtered = EventFilter().apply(to: table)
        print("grouping: \(count) events")
        for keys: [GroupKey] in [[.year], [.country], [.year, .country], [.year, .country, .kind]] {
            var groups = 0
            let seconds = Timing.median(repetitions: 5) { groups = filtered.grouped(by: keys).groups.count }
            print("  by \(keys.map(\.rawValue).joined(separator: " × ")): \(Timing.format(seconds)) (\(groups) groups)")
        }
        let filterSeconds = Timing.median(repetitions: 5) {
            _ = EventFilter(period: try! Period(years: 2001, 2011), countries: ["CHN", "RUS"]).apply(to: table)
        }
        print("  filter 2001–2011, CHN+RUS: \(Timing.format(filterSeconds))")
    }
}

/// A small, fast, reproducible generator (Steele, Lea & Flood 2014).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Knuth's Poisson sampler, fine for the small means benchmarks use.
    mutating func poisson(_ mean: Double) -> Int {
        let limit = exp(-mean)
        var product = nextUnit()
        var k = 0
        while product > limit {
            product *= nextUnit()
            k += 1
        }
        return k
    }
}
