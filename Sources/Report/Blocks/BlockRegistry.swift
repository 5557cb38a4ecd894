import Dataset
import Support

/// Every kind of report block, by the key that starts it in a spec. Adding a kind means adding
/// its type here; the reader, builder, layout and paginator need no other change.
enum BlockRegistry {
    static let kinds: [any ReportBlock.Type] = [
        HeadingBlock.self,
        TextBlock.self,
        KeyFiguresBlock.self,
        CalloutBlock.self,
        ChartBlock.self,
        TableBlock.self,
        SourcesBlock.self,
        PageBreakBlock.self,
    ]

    /// The keys in the order of `kinds`, for messages and "did you mean".
    static var keys: [String] { kinds.map { $0.key } }

    static func kind(forKey key: String) -> (any ReportBlock.Type)? {
        kinds.first { $0.key == key }
    }
}
