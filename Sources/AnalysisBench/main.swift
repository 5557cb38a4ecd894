// Times the trend statistics of the Analysis module. Run through Scripts/bench-stats,
// which builds this target in release mode.
import Analysis
import Foundation

/// Runs `body` `repetitions` times (after one warm-up) and returns the median wall time.
func medianDuration(repetitions: Int, _ body: () throws -> Void) rethrows -> Duration {
    let clock = ContinuousClock()
    try body()
    var samples: [Duration] = []
    for _ in 0..<repetitions {
        samples.append(try clock.measure(body))
    }
    samples.sort()
    return samples[samples.count / 2]
}

func format(_ duration: Duration) -> String {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    if seconds >= 1 { return String(format: "%8.3f s ", seconds) }
    if seconds >= 1e-3 { return String(format: "%8.3f ms", seconds * 1e3) }
    return String(format: "%8.3f µs", seconds * 1e6)
}

/// Deterministic pseudo-random counts (SplitMix64 + Knuth's Poisson sampler) so every run
/// times the same data.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
    mutating func poisson(_ mean: Double) -> Int {
        let limit = exp(-mean)
        var product = next()
        var k = 0
        while product > limit {
            product *= next()
            k += 1
        }
        return k
    }
}

var random = SplitMix64(state: 20_240_601)
let years60 = Array(1965..<2025)
let counts60 = years60.map { random.poisson(exp(0.8 + 0.03 * Double($0 - 1965))) }
let values60 = counts60.map(Double.init)
let years10k = Array(0..<10_000)
let values10k = years10k.map { Double($0) * 0.001 + random.next() * 5 }
let overdispersed = [0, 3, 12, 1, 7, 25, 2, 9, 30, 4, 15, 41, 6, 18, 3, 22, 50, 11, 8, 35]

print("SCOBrief Analysis benchmark (release build, median of repetitions)")
let rows: [(String, Int, () throws -> Void)] = [
    ("OLS trend, 60 years", 2001, { _ = try OLSTrend.fit(years: years60, values: values60) }),
    ("Mann–Kendall, 60 years", 2001, { _ = try MannKendall.test(years: years60, values: values60) }),
    ("Sen's slope + CI, 60 years", 2001, { _ = try SensSlope.estimate(years: years60, values: values60) }),
    ("Kendall tau-b, 60 years", 2001, { _ = try KendallTau.tauB(x: years60.map(Double.init), y: values60) }),
    ("Poisson IRLS, 60 years", 2001, { _ = try PoissonRegression.fit(years: years60, counts: counts60) }),
    ("Count trend (Poisson+quasi+NB2), 20 years", 501, {
        _ = try CountTrend.analyze(years: Array(2001...2020), counts: overdispersed)
    }),
    ("Exact rate ratio 28/11y vs 3/0.75y", 2001, {
        _ = try RateRatio.exactConditional(count1: 28, exposure1: 11, count2: 3, exposure2: 0.75)
    }),
    ("OLS trend, 10,000 points", 101, { _ = try OLSTrend.fit(years: years10k, values: values10k) }),
    ("Mann–Kendall, 10,000 points", 11, { _ = try MannKendall.test(years: years10k, values: values10k) }),
    ("Sen's slope + CI, 10,000 points", 5, { _ = try SensSlope.estimate(years: years10k, values: values10k) }),
]
for (name, repetitions, body) in rows {
    let median = try medianDuration(repetitions: repetitions, body)
    let padded = name.padding(toLength: 44, withPad: " ", startingAt: 0)
    print("\(padded) \(format(median))  (median of \(repetitions) runs)")
}
