/// Bounds on the work one CSV input may cause. A hostile or broken file (a single 2 GB field,
/// a billion rows) fails with a message naming the limit instead of exhausting memory.
public struct CSVLimits: Sendable, Hashable {
    /// Largest field, in bytes, before the reader refuses the file.
    public var maxFieldBytes: Int
    /// Most columns a row may have.
    public var maxColumns: Int
    /// Most data rows (header excluded); nil means no limit.
    public var maxRows: Int?

    /// Limits; the defaults suit any genuine table SCOBrief reads.
    public init(maxFieldBytes: Int = 1 << 20, maxColumns: Int = 4096, maxRows: Int? = nil) {
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.maxRows = maxRows
    }

    /// The limits used unless the user raises them.
    public static let `default` = CSVLimits()
}
