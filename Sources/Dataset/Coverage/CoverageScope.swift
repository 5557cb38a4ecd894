/// How much of the world a table claims to cover: its scope, one part of its `Coverage`. Statistics use it to refuse comparisons
/// between a complete count and a list of named examples.
public enum CoverageScope: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Every event of its kind in its scope.
    case complete
    /// Examples named by the sources: counting them measures the sources, not the world.
    case illustrative
    /// Complete for some of its scope only; the coverage note says which.
    case partial

    public var description: String {
        switch self {
        case .complete: return "a complete count"
        case .illustrative: return "an illustrative list of named examples"
        case .partial: return "a count complete for part of its scope only"
        }
    }
}
