import Analysis
import Foundation

/// The trend statistics on a 60-year series and on 10,000 points.
enum StatisticsBenchmark {
    static func run() {
        var random = SplitMix64(seed: 20_240_601)
        let years60 = Array(1965..<2025)
        let counts60 = years60.map { random.poisson(exp(0.8 + 0.03 * Double($0 - 1965))) }
        let values60 = counts60.map(Double.init)
        let years10k = Array(0..<10_000)
        let values10k = years10k.map { Double($0) * 0.001 + random.nextUnit() * 5 }
        let overdispersed = [0, 3, 12, 1, 7, 25, 2, 9, 30, 4, 15, 41, 6, 18, 3, 22, 50, 11, 8, 35]

        print("statistics (median of repetitions)")
        let rows: [(String, Int, () throws -> Void)] = [
            ("OLS trend, 60 years", 2001, { _ = try OLSTrend.fit(years: years60, values: values60) }),
            ("Mann–Kendall, 60 years", 2001, { _ = try MannKendall.test(years: years60, values: values60) }),
            ("Sen's slope + CI, 60 years", 2001, { _ = try SensSlope.estimate(years: years60, values: values60) }),
            ("Kendall tau-b, 60 years", 2001, { _ = try KendallTau.tauB(x: years60.map(Double.init), y: values60) }),
            ("Poisson IRLS, 60 years", 2001, { _ = try PoissonRegression.fit(years: years60, counts: counts60) }),
            ("Count trend (Poisson+quasi+NB2), 20 years", 501, { _ = try CountTrend.analyze(years: Array(2001...2020), counts: overdispersed) }),
            ("Exact rate ratio 28/11y vs 3/0.75y", 2001, { _ = try RateRatio.exactConditional(count1: 28, exposure1: 11, count2: 3, exposure2: 0.75) }),
            ("OLS trend, 10,000 points", 101, { _ = try OLSTrend.fit(years: years10k, values: values10k) }),
            ("Mann–Kendall, 10,000 points", 11, { _ = try MannKendall.test(years: years10k, values: values10k) }),
            ("Sen's slope + CI, 10,000 points", 5, { _ = try SensSlope.estimate(years: years10k, values: values10k) }),
        ]
        for (name, repetitions, body) in rows {
            let seconds = Timing.median(repetitions: repetitions) { try! body() }
            print("  \(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(Timing.format(seconds))")
        }
    }
}
