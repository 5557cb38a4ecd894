/// The verbs a placeholder may start with, in the order messages list them. Each has one
/// function in `PlaceholderCall`; the switch in `PlaceholderEvaluator` makes the compiler check
/// that every verb is handled.
enum PlaceholderVerb: String, CaseIterable, Sendable {
    case count, share, killed, wounded
    case killedKnown = "killed-known", woundedKnown = "wounded-known"
    case killedUnknown = "killed-unknown", woundedUnknown = "wounded-unknown"
    case rate, indicator, members, compare, trend, span, growth, gap
    case latestYear = "latest-year"
    case figure, table, ref
}
