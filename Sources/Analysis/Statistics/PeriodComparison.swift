import Dataset
import Foundation

/// What a figure counts. Two figures can only be compared when they count the same thing.
public enum MeasuredQuantity: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    /// Attacks or incidents that took place.
    case eventsOccurred
    /// Plots or attacks reported as prevented or foiled.
    case eventsPrevented
    /// Agreements, conventions or other documents adopted.
    case documentsAdopted
    /// Joint exercises or operations held.
    case exercisesHeld
    /// Anything else, named by the caller (compared by name).
    case other(String)

    public var description: String {
        switch self {
        case .eventsOccurred: return "events that occurred"
        case .eventsPrevented: return "events prevented"
        case .documentsAdopted: return "documents adopted"
        case .exercisesHeld: return "exercises held"
        case let .other(name): return name
        }
    }
}

/// The measure a figure reports: what is counted and how completely.
public struct Measure: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public var quantity: MeasuredQuantity
    public var coverage: CoverageScope

    public init(_ quantity: MeasuredQuantity, coverage: CoverageScope) {
        self.quantity = quantity
        self.coverage = coverage
    }

    /// e.g. "events that occurred (a complete count)".
    public var description: String { "\(quantity) (\(coverage))" }
}

/// One side of a comparison as the caller supplies it.
public struct PeriodFigure: Sendable, Codable, Equatable {
    /// e.g. "2001–2011".
    public var label: String
    public var count: Int
    /// Observation time in years (see `Exposure.years(from:through:)` for part-years).
    public var exposureYears: Double
    public var measure: Measure

    public init(label: String, count: Int, exposureYears: Double, measure: Measure) {
        self.label = label
        self.count = count
        self.exposureYears = exposureYears
        self.measure = measure
    }
}

/// One side of a comparison with its annual rate and exact interval.
public struct PeriodSummary: Sendable, Codable, Equatable {
    public var label: String
    public var count: Int
    public var exposureYears: Double
    /// count / exposureYears.
    public var annualRate: Double
    /// Exact (Garwood) interval for the annual rate.
    public var rateInterval: ConfidenceInterval
    public var measure: Measure
}

/// Two periods' rates compared: each rate with its exact interval, the exact conditional
/// rate ratio, the Wald rate difference, and the caveats a reader must see.
public struct PeriodComparison: Sendable, Codable, Equatable {
    public var first: PeriodSummary
    public var second: PeriodSummary
    /// first rate / second rate; `nil` when the second period has no events (see `caveats`).
    public var rateRatio: RateRatioResult?
    /// first rate − second rate; `nil` when neither period has events (a Wald interval of
    /// [0, 0] would claim certainty that two empty periods cannot give).
    public var rateDifference: RateDifferenceResult?
    /// Plain-language warnings, most important first.
    public var caveats: [String]

    /// Compares two periods' figures.
    ///
    /// Refuses (throws `AnalysisError.incomparableMeasures`, whose message says why) when the
    /// figures count different things, or when one is a complete count and the other an
    /// illustrative list of named examples. Two illustrative lists may be compared, with a
    /// caveat that a rate of named examples is not an incidence rate.
    ///
    /// - Parameters:
    ///   - coverageNote: the source table's own note on coverage, passed through as a caveat.
    ///   - level: confidence level for every interval.
    /// - Throws: `.incomparableMeasures`, and the errors of `ExactPoisson.rate` and
    ///   `RateRatio` for negative counts, non-positive exposures or a bad level.
    public static func compare(_ first: PeriodFigure, _ second: PeriodFigure, coverageNote: String? = nil,
                               level: Double = 0.95) throws -> PeriodComparison {
        if first.measure.quantity != second.measure.quantity {
            throw AnalysisError.incomparableMeasures(
                first: "\(first.label) (\(first.measure.quantity))", second: "\(second.label) (\(second.measure.quantity))",
                reason: "they count different things, so a ratio of the two would mean nothing")
        }
        if first.measure.coverage != second.measure.coverage {
            let (list, complete) = first.measure.coverage == .illustrative ? (first, second) : (second, first)
            throw AnalysisError.incomparableMeasures(
                first: "\(first.label) (\(first.measure.coverage))", second: "\(second.label) (\(second.measure.coverage))",
                reason: "\(list.label) lists only named examples while \(complete.label) is a complete count, "
                    + "so any difference could come from what was chosen for the list rather than from what happened")
        }
        let firstRate = try ExactPoisson.rate(count: first.count, exposure: first.exposureYears, level: level)
        let secondRate = try ExactPoisson.rate(count: second.count, exposure: second.exposureYears, level: level)
        let bothEmpty = first.count == 0 && second.count == 0
        let difference = bothEmpty ? nil : try RateRatio.difference(count1: first.count, exposure1: first.exposureYears,
                                                                    count2: second.count, exposure2: second.exposureYears, level: level)
        var caveats: [String] = []
        if first.measure.coverage == .partial {
            caveats.append("Both figures come from tables that are complete for only part of their scope; "
                + "read the coverage note before drawing conclusions about \(first.measure.quantity).")
        }
        if first.measure.coverage == .illustrative {
            caveats.append("Both figures come from illustrative lists of named examples, not complete counts. "
                + "A rate of named examples per year reflects how many examples were chosen for the list; "
                + "it is not an incidence rate, and this comparison cannot show that \(first.measure.quantity) "
                + "became more or less frequent.")
        }
        if let coverageNote, !coverageNote.isEmpty {
            caveats.append("Coverage note from the source: \(coverageNote)")
        }
        var ratio: RateRatioResult?
        if bothEmpty {
            caveats.append("No events in either period: no ratio, and no Wald interval for the difference; "
                + "the two exact intervals show how high each rate could be.")
        } else if second.count > 0 {
            ratio = try RateRatio.exactConditional(count1: first.count, exposure1: first.exposureYears,
                                                   count2: second.count, exposure2: second.exposureYears, level: level)
        } else {
            caveats.append("\(second.label) has no events, so the rate ratio is infinite and is not reported; "
                + "compare the two rates and their intervals instead.")
        }
        for figure in [first, second] where figure.exposureYears < 1 {
            let months = Int((figure.exposureYears * 12).rounded())
            caveats.append("\(figure.label) covers only \(months) month\(months == 1 ? "" : "s"); its annual rate "
                + "scales a part-year up to a full year and assumes events are spread evenly over the year.")
        }
        for figure in [first, second] where figure.count < 5 && !bothEmpty {
            caveats.append("\(figure.label) has only \(figure.count) event\(figure.count == 1 ? "" : "s"): its interval "
                + "is wide, and the Wald interval for the rate difference is unreliable at counts this small.")
        }
        caveats.append("The exact intervals assume events occur independently at a steady rate within each period (Poisson).")
        func summary(_ figure: PeriodFigure, _ rate: PoissonRateEstimate) -> PeriodSummary {
            PeriodSummary(label: figure.label, count: figure.count, exposureYears: figure.exposureYears,
                          annualRate: rate.rate, rateInterval: rate.interval, measure: figure.measure)
        }
        return PeriodComparison(first: summary(first, firstRate), second: summary(second, secondRate),
                                rateRatio: ratio, rateDifference: difference, caveats: caveats)
    }
}
