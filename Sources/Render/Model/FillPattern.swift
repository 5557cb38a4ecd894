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

    /// The scene items that fill `rect` with `color` and this pattern: lines in white over dark
    /// colours and in near-black over light ones, so they show in colour and in grey.
    func items(_ rect: Rect, color: Color, outline: Stroke?, spacing: Double, lineWidth: Double) -> [SceneItem] {
        var items: [SceneItem] = [.rect(rect, Paint(fill: color, stroke: nil))]
        if self != .solid {
            let ink: Color = color.greyLevel < 0.5 ? .white : .gray(0.1)
            items.append(.clipped(rect, [.path(lines(in: rect, spacing: spacing), .stroke(Stroke(color: ink, width: lineWidth)))]))
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
