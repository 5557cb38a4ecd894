/// Where in an input file something was found. Line and column are 1-based;
/// either may be absent when the problem concerns a whole file or a whole row.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (or a pseudo-name such as `--input`).
    public var file: String
    /// 1-based line, or nil for the whole file.
    public var line: Int?
    /// 1-based column (in characters), or nil for the whole line.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals turn into links.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line, line > 0, let column { text += ":\(column)" }
        return text
    }
}
