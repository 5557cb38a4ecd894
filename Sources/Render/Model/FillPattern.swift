import Foundation

/// Lines drawn over a filled shape (bars, legend boxes), so that series differ by more than hue and
/// stay apart when a figure is printed in grey. Each series of a chart drawn in a theme with
/// `Theme.distinguishesSeriesByPattern` takes its own pattern, in this order.
public enum FillPattern: String, Codable, Sendable, CaseIterable {
    /// No lines: the colour alone.
    case solid
    /// Lines rising to the right (/).
    case diagonal
    /// Horizontal lines.
    case horizontal
    /// Lines falling to the right (\).
    case backDiagonal
    /// Both diagonals.
    case crosshatch
    /// Vertical lines.
    case vertical

    /// The pattern of the `index`-th series; cycles when there are more series than patterns.
    public static func forSeries(_ index: Int) -> FillPattern {
        allCases[((index % allCases.count) + allCases.count) % allCases.count]
    }

    /// The pattern's lines over `rect`, `spacing` points apart (page coordinates, y down). Lines
    /// run past the rectangle's edges; the caller clips them to it.
    public func lines(in rect: Rect, spacing: Double) -> Path {
        var path = Path()
        guard self != .solid, rect.width > 0, rect.height > 0, spacing > 0 else { return path }
        func diagonals(rising: Bool) {
            // Lines x − y = c (falling) or x + y = c (rising) through the rectangle, anchored to the
            // page grid so neighbouring bars' lines continue across them.
            let span = rect.width + rect.height
            var c = ((rising ? rect.minX + rect.minY : rect.minX - rect.maxY) / spacing).rounded(.down) * spacing
            let end = c + span + spacing
            while c <= end {
                if rising {
                    path.move(to: Point(x: c - rect.maxY, y: rect.maxY))
                    path.line(to: Point(x: c - rect.minY, y: rect.minY))
                } else {
                    path.move(to: Point(x: c + rect.minY, y: rect.minY))
                    path.line(to: Point(x: c + rect.maxY, y: rect.maxY))
                }
                c += spacing
            }
        }
        switch self {
        case .solid: break
        case .diagonal: diagonals(rising: true)
        case .backDiagonal: diagonals(rising: false)
        case .crosshatch:
            diagonals(rising: true)
            diagonals(rising: false)
        case .horizontal:
            var y = (rect.minY / spacing).rounded(.up) * spacing
            while y < rect.maxY {
                path.move(to: Point(x: rect.minX, y: y))
                path.line(to: Point(x: rect.maxX, y: y))
                y += spacing
            }
        case .vertical:
            var x = (rect.minX / spacing).rounded(.up) * spacing
            while x < rect.maxX {
                path.move(to: Point(x: x, y: rect.minY))
                path.line(to: Point(x: x, y: rect.maxY))
                x += spacing
            }
        }
        return path
    }

    /// The pattern's lines inside `polygon` (a closed outline in page coordinates, such as a
    /// stacked area's layer): each line of the pattern over the polygon's bounding box, cut to the
    /// parts whose midpoints lie inside (even–odd rule). Clipping in geometry, not in the backend,
    /// keeps every output format drawing the same lines.
    public func lines(inside polygon: [Point], spacing: Double) -> Path {
        var clipped = Path()
        guard polygon.count > 2 else { return clipped }
        let xs = polygon.map(\.x), ys = polygon.map(\.y)
        let bounds = Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
        var start: Point?
        for element in lines(in: bounds, spacing: spacing).elements {
            switch element {
            case .move(let point): start = point
            case .line(let end):
                guard let from = start else { continue }
                for piece in Self.clip(from, end, to: polygon) {
                    clipped.move(to: piece.0)
                    clipped.line(to: piece.1)
                }
                start = end
            default: continue
            }
        }
        return clipped
    }

    /// The parts of the segment a–b inside `polygon`.
    static func clip(_ a: Point, _ b: Point, to polygon: [Point]) -> [(Point, Point)] {
        let dx = b.x - a.x, dy = b.y - a.y
        var cuts: [Double] = [0, 1]
        for (i, p) in polygon.enumerated() {
            let q = polygon[(i + 1) % polygon.count]
            let ex = q.x - p.x, ey = q.y - p.y
            let denominator = dx * ey - dy * ex
            guard abs(denominator) > 1e-12 else { continue }  // parallel: no single crossing
            let t = ((p.x - a.x) * ey - (p.y - a.y) * ex) / denominator
            let u = ((p.x - a.x) * dy - (p.y - a.y) * dx) / denominator
            if t > 0, t < 1, u >= 0, u <= 1 { cuts.append(t) }
        }
        cuts.sort()
        func at(_ t: Double) -> Point { Point(x: a.x + dx * t, y: a.y + dy * t) }
        var pieces: [(Point, Point)] = []
        for (t0, t1) in zip(cuts, cuts.dropFirst()) where t1 - t0 > 1e-9 && contains(polygon, at((t0 + t1) / 2)) {
            pieces.append((at(t0), at(t1)))
        }
        return pieces
    }

    /// Whether `point` lies inside `polygon` by the even–odd rule.
    static func contains(_ polygon: [Point], _ point: Point) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let pi = polygon[i], pj = polygon[j]
            if (pi.y > point.y) != (pj.y > point.y),
               point.x < (pj.x - pi.x) * (point.y - pi.y) / (pj.y - pi.y) + pi.x {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    /// The colour of a pattern's lines over `color`: white over dark colours, near-black over light
    /// ones, so they show in colour and in grey.
    static func ink(over color: Color) -> Color { color.greyLevel < 0.5 ? .white : .gray(0.1) }

    /// The scene items that fill `rect` with `color` and this pattern: lines in white over dark
    /// colours and in near-black over light ones, so they show in colour and in grey.
    func items(_ rect: Rect, color: Color, outline: Stroke?, spacing: Double, lineWidth: Double) -> [SceneItem] {
        var items: [SceneItem] = [.rect(rect, Paint(fill: color, stroke: nil))]
        if self != .solid {
            items.append(.clipped(rect, [.path(lines(in: rect, spacing: spacing), .stroke(Stroke(color: Self.ink(over: color), width: lineWidth)))]))
        }
        if let outline { items.append(.rect(rect, Paint(fill: nil, stroke: outline))) }
        return items
    }
}

extension Color {
    /// The grey a printer or a greyscale conversion makes of this colour, 0 (black) to 1 (white):
    /// Rec. 601 luma, 0.299 R + 0.587 G + 0.114 B on the sRGB values, as most converters compute it.
    public var greyLevel: Double { 0.299 * red + 0.587 * green + 0.114 * blue }

    /// CIE L* (0–100) of the colour under D65, for lightness differences that match perception.
    public var lightness: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        let y = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        return y > 216.0 / 24389 ? 116 * cbrt(y) - 16 : y * 24389 / 27
    }

    /// The colour as a greyscale print shows it (alpha kept).
    public var greyscaled: Color { Color(red: greyLevel, green: greyLevel, blue: greyLevel, alpha: alpha) }
}
