/// A font request: families in fallback order (as fontconfig understands them), size and weight.
public struct FontSpec: Hashable, Sendable {
    public enum Weight: String, Sendable, Codable { case regular, bold }

    /// Comma-separated families, e.g. "Liberation Sans, DejaVu Sans, Noto Sans CJK SC". Naming them
    /// (rather than "Sans") keeps output the same whatever else is installed and whatever `$LANG` is.
    public var family: String
    /// Size in points.
    public var size: Double
    public var weight: Weight
    public var italic: Bool

    public init(family: String, size: Double, weight: Weight = .regular, italic: Bool = false) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
    }

    public func sized(_ size: Double) -> FontSpec { FontSpec(family: family, size: size, weight: weight, italic: italic) }
    public var bold: FontSpec { FontSpec(family: family, size: size, weight: .bold, italic: italic) }
}

/// Where a text's reference point sits on its box.
public struct TextAnchor: Hashable, Sendable {
    public enum Horizontal: Sendable { case left, center, right }
    public enum Vertical: Sendable { case top, middle, baseline, bottom }

    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public static let center = TextAnchor(.center, .middle)
    public static let topLeft = TextAnchor(.left, .top)
    public static let topCenter = TextAnchor(.center, .top)
    public static let left = TextAnchor(.left, .middle)
    public static let right = TextAnchor(.right, .middle)
    public static let bottomCenter = TextAnchor(.center, .bottom)
}
