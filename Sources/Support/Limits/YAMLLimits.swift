/// Bounds on the work one YAML input may cause: a hand-written spec is small, so anything
/// beyond these is a mistake or an attack (the "billion laughs" alias bomb), not a report.
public struct YAMLLimits: Sendable, Hashable {
    /// Most nodes visited while reading, aliases counted each time they are followed.
    public var maxNodes: Int
    /// Deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// Largest input, in bytes.
    public var maxBytes: Int

    /// Limits; the defaults are far above any hand-written spec.
    public init(maxNodes: Int = 100_000, maxDepth: Int = 64, maxBytes: Int = 4 << 20) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }

    /// The limits used unless the user raises them.
    public static let `default` = YAMLLimits()
}
