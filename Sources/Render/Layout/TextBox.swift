import Foundation

extension TextRun {
    /// Offset of the box's top-left corner from the anchor point, before rotation. `baseline` is the
    /// first line's baseline from the top (needed for baseline anchoring).
    package static func anchorOffset(_ anchor: TextAnchor, size: Size, baseline: Double) -> Point {
        let dx: Double
        switch anchor.horizontal {
        case .left: dx = 0
        case .center: dx = -size.width / 2
        case .right: dx = -size.width
        }
        let dy: Double
        switch anchor.vertical {
        case .top: dy = 0
        case .middle: dy = -size.height / 2
        case .baseline: dy = -baseline
        case .bottom: dy = -size.height
        }
        return Point(x: dx, y: dy)
    }

    /// The four corners of the text's logical box on the page, after rotation.
    public var corners: [Point] {
        let origin = TextRun.anchorOffset(anchor, size: size, baseline: baseline)
        let local = [
            Point(x: origin.x, y: origin.y), Point(x: origin.x + size.width, y: origin.y),
            Point(x: origin.x + size.width, y: origin.y + size.height), Point(x: origin.x, y: origin.y + size.height),
        ]
        // Counter-clockwise on the page is a negative angle in y-down coordinates.
        let a = -rotation * .pi / 180
        let c = cos(a), s = sin(a)
        return local.map { p in
            Point(x: position.x + p.x * c - p.y * s, y: position.y + p.x * s + p.y * c)
        }
    }

    /// The axis-aligned box around the (possibly rotated) text.
    public var bounds: Rect {
        let points = corners
        let xs = points.map(\.x), ys = points.map(\.y)
        let x0 = xs.min()!, y0 = ys.min()!
        return Rect(x: x0, y: y0, width: xs.max()! - x0, height: ys.max()! - y0)
    }

    /// Whether the rotated boxes of two texts overlap, by the separating-axis test; `gap` is the
    /// clearance required between them.
    public func overlaps(_ other: TextRun, gap: Double = 0) -> Bool {
        Polygon.overlap(corners, other.corners, gap: gap)
    }
}

/// Separating-axis test for convex quadrilaterals.
enum Polygon {
    static func overlap(_ a: [Point], _ b: [Point], gap: Double) -> Bool {
        for polygon in [a, b] {
            for i in 0..<polygon.count {
                let p = polygon[i], q = polygon[(i + 1) % polygon.count]
                var nx = q.y - p.y, ny = p.x - q.x
                let length = (nx * nx + ny * ny).squareRoot()
                guard length > 0 else { continue }
                nx /= length
                ny /= length
                let projectA = a.map { $0.x * nx + $0.y * ny }
                let projectB = b.map { $0.x * nx + $0.y * ny }
                if projectA.max()! + gap <= projectB.min()! || projectB.max()! + gap <= projectA.min()! {
                    return false
                }
            }
        }
        return true
    }
}

/// Makes text runs from measurements, so every text in a layout is sized by the real backend.
/// Package access: backends shape text in the language `language(of:)` gives, as layout did.
package struct TextMaker {
    let measurer: TextMeasurer
    let language: String

    func run(_ text: String, font: FontSpec, color: Color, at position: Point, anchor: TextAnchor,
             rotation: Double = 0, wrapWidth: Double? = nil, alignment: TextRun.Alignment = .left) -> TextRun {
        let m = measurer.measure(text, font: font, wrapWidth: wrapWidth)
        return TextRun(text: text, font: font, color: color, position: position, anchor: anchor, rotation: rotation,
                       wrapWidth: wrapWidth, alignment: alignment, size: Size(width: m.width, height: m.height),
                       baseline: m.baseline, language: TextMaker.language(of: text) ?? language)
    }

    /// The language a label is evidently written in, from its script: Chinese for Han characters
    /// (so Pango picks Simplified Chinese glyph forms), Russian for Cyrillic; nil for anything else,
    /// which keeps the theme's language.
    package static func language(of text: String) -> String? {
        var cyrillic = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x303F, 0xFF00...0xFFEF: return "zh-cn"
            case 0x0400...0x04FF: cyrillic = true
            default: continue
            }
        }
        return cyrillic ? "ru" : nil
    }

    func size(_ text: String, font: FontSpec, wrapWidth: Double? = nil) -> Size {
        let m = measurer.measure(text, font: font, wrapWidth: wrapWidth)
        return Size(width: m.width, height: m.height)
    }

    /// Height of one line in `font`.
    func lineHeight(_ font: FontSpec) -> Double { measurer.measure("Hg", font: font).height }
}
