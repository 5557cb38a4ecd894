/// A font request: families in fallback order (as fontconfig understands them), size and weight.
public struct FontSpec: Hashable, Sendable {
    /// Regular or bold.
    public enum Weight: String, Sendable, Codable { case regular, bold }

    /// Comma-separated families, e.g. "Liberation Sans, DejaVu Sans, Noto Sans CJK SC". Naming them
    /// (rather than "Sans") keeps output the same whatever else is installed and whatever `$LANG` is.
    public var family: String
    /// Size in points.
    public var size: Double
    /// Regular or bold.
    public var weight: Weight
    /// Slanted.
    public var italic: Bool

    /// A font request.
    public init(family: String, size: Double, weight: Weight = .regular, italic: Bool = false) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
    }

    /// The same font at another size.
    public func sized(_ size: Double) -> FontSpec { FontSpec(family: family, size: size, weight: weight, italic: italic) }
    /// The same font in bold.
    public var bold: FontSpec { FontSpec(family: family, size: size, weight: .bold, italic: italic) }
}

/// Where a text's reference point sits on its box.
public struct TextAnchor: Hashable, Sendable {
    /// Which horizontal point of the box: left edge, centre or right edge.
    public enum Horizontal: Sendable { case left, center, right }
    /// Which vertical point of the box: top, centre, first baseline or bottom.
    public enum Vertical: Sendable { case top, middle, baseline, bottom }

    /// The horizontal reference.
    public var horizontal: Horizontal
    /// The vertical reference.
    public var vertical: Vertical

    /// An anchor from its two references.
    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// The centre of the box.
    public static let center = TextAnchor(.center, .middle)
    /// The top-left corner.
    public static let topLeft = TextAnchor(.left, .top)
    /// The middle of the top edge.
    public static let topCenter = TextAnchor(.center, .top)
    /// The middle of the left edge (text runs right from the point).
    public static let left = TextAnchor(.left, .middle)
    /// The middle of the right edge (text ends at the point).
    public static let right = TextAnchor(.right, .middle)
    /// The middle of the bottom edge.
    public static let bottomCenter = TextAnchor(.center, .bottom)
}
