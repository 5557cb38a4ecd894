import Foundation

/// Why a statistic could not be computed. Every case carries what the caller needs
/// to explain the refusal, and `description` says it in plain words; the engine throws
/// one of these instead of ever returning NaN or infinity.
public enum AnalysisError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Fewer observations than the method needs.
    case tooFewYears(statistic: String, needed: Int, got: Int, firstYear: Int?, lastYear: Int?)
    /// The year and value arrays differ in length.
    case lengthMismatch(statistic: String, years: Int, values: Int)
    /// A year appears twice where one value per year is required.
    case duplicateYear(statistic: String, year: Int)
    /// A value is NaN or infinite.
    case nonFiniteValue(statistic: String, year: Int)
    /// A count is negative.
    case negativeCount(statistic: String, year: Int, count: Int)
    /// All years are the same, so no slope can be estimated.
    case constantYears(statistic: String, year: Int)
    /// Every count is zero: a rate model has nothing to fit.
    case allCountsZero(statistic: String, years: Int, firstYear: Int, lastYear: Int)
    /// The maximum-likelihood estimate lies at infinity (e.g. all events in the first or last year).
    case estimateAtInfinity(statistic: String, reason: String)
    /// The maximum-likelihood estimate lies on the edge of the parameter space.
    case boundaryEstimate(statistic: String, reason: String)
    /// An iterative fit did not converge.
    case didNotConverge(statistic: String, iterations: Int)
    /// An exposure is zero, negative or not finite.
    case invalidExposure(statistic: String, exposure: Double)
    /// A confidence level outside (0, 1).
    case invalidLevel(Double)
    /// A count is negative where a single count is expected.
    case invalidCount(statistic: String, count: Int)
    /// A rolling-window request that cannot be honoured.
    case invalidWindow(window: Int, reason: String)
    /// A growth rate needs a positive starting value.
    case nonPositiveStartingValue(statistic: String, year: Int, value: Double)
    /// A period whose end precedes its start, or whose month is not 1–12.
    case invalidPeriod(description: String)
    /// Too few dated events to measure gaps.
    case tooFewEvents(statistic: String, needed: Int, got: Int)
    /// The two figures count different things and must not be compared.
    case incomparableMeasures(first: String, second: String, reason: String)
    /// A rate ratio with no events in the reference period is undefined.
    case undefinedRateRatio(reason: String)
    /// Two periods that share months are not independent samples and must not be compared.
    case overlappingPeriods(first: String, second: String)
    /// A figure the source gives only as a bound ("more than 1,300"): the count itself is unknown,
    /// so no Poisson interval or rate ratio can be computed from it.
    case boundedFigure(figure: String, stated: String)
    /// A period the data do not cover (after their last date, before their first): no rows there
    /// is not no events. `span` says what the data cover, `lastDate` their last date.
    case outsideCoverage(subject: String, period: String, uncovered: String, span: String, lastDate: String?)

    public var description: String {
        switch self {
        case let .tooFewYears(statistic, needed, got, first, last):
            let span: String
            if let first, let last {
                span = first == last ? " (\(first))" : " (\(first)–\(last))"
            } else {
                span = ""
            }
            return "\(statistic) needs at least \(needed) years; got \(got)\(span)"
        case let .lengthMismatch(statistic, years, values):
            return "\(statistic) needs one value per year; got \(years) years and \(values) values"
        case let .duplicateYear(statistic, year):
            return "\(statistic) needs one value per year; \(year) appears more than once"
        case let .nonFiniteValue(statistic, year):
            return "\(statistic) cannot use the value for \(year): it is not a finite number"
        case let .negativeCount(statistic, year, count):
            return "\(statistic) needs counts of zero or more; \(year) has \(count)"
        case let .constantYears(statistic, year):
            return "\(statistic) needs at least two different years to estimate a slope; every value is for \(year)"
        case let .allCountsZero(statistic, years, first, last):
            return "\(statistic) needs at least one non-zero count; all \(years) years \(first)–\(last) are zero"
        case let .estimateAtInfinity(statistic, reason):
            return "\(statistic) has no finite estimate: \(reason)"
        case let .boundaryEstimate(statistic, reason):
            return "\(statistic) cannot be reported: \(reason)"
        case let .didNotConverge(statistic, iterations):
            return "\(statistic) did not converge after \(iterations) iterations"
        case let .invalidExposure(statistic, exposure):
            return "\(statistic) needs a positive, finite exposure; got \(exposure)"
        case let .invalidLevel(level):
            return "a confidence level must lie strictly between 0 and 1; got \(level)"
        case let .invalidCount(statistic, count):
            return "\(statistic) needs a count of zero or more; got \(count)"
        case let .invalidWindow(window, reason):
            return "a rolling window of \(window) cannot be used: \(reason)"
        case let .nonPositiveStartingValue(statistic, year, value):
            return "\(statistic) needs a positive starting value; \(year) has \(value)"
        case let .invalidPeriod(description):
            return "invalid period: \(description)"
        case let .tooFewEvents(statistic, needed, got):
            return "\(statistic) needs at least \(needed) dated events; got \(got)"
        case let .incomparableMeasures(first, second, reason):
            return "cannot compare \(first) with \(second): \(reason)"
        case let .undefinedRateRatio(reason):
            return "the rate ratio is undefined: \(reason)"
        case let .overlappingPeriods(first, second):
            let relation = first == second ? "they are the same period" : "the periods overlap"
            return "cannot compare \(first) with \(second): \(relation), so the same events would be counted on both "
                + "sides and the test would treat them as independent; give two periods that do not share a month"
        case let .outsideCoverage(subject, period, uncovered, span, lastDate):
            return "cannot count \(subject) in \(period): \(uncovered) \(uncovered.contains(",") || uncovered.contains("–") || uncovered.contains("..") ? "are" : "is") outside the data's coverage "
                + "(\(span)\(lastDate.map { span.contains($0) ? "" : "; the data's last date is \($0)" } ?? "")), and a time without data is not a time without events; "
                + "choose a period inside the coverage, or pass --assume-zero-outside-coverage if you know there were none"
        case let .boundedFigure(figure, stated):
            let bound = stated.hasPrefix("more") || stated.hasPrefix("at least") ? "a lower bound" : "an upper bound"
            return "cannot compare \(figure): the source gives it as \(stated), \(bound) rather than a count, and a Poisson "
                + "interval or rate ratio needs the count itself; quote the figure as reported instead (e.g. {{ indicator NAME PERIOD }} in a report)"
        }
    }
}
