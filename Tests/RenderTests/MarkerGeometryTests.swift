import Foundation
import Testing
@testable import Render
import RenderCairo

/// Marker shapes are geometry defined once in Render (`MarkerShape.path`); backends draw that.
@Suite("Marker geometry") struct MarkerGeometryTests {
    static let color = Color.black
    static let centers = [Point(x: 12.3, y: 15.7), Point(x: 47.1, y: 20.2), Point(x: 30.6, y: 44.9)]

    /// A marker and the shape's path filled as a scene path give the same pixels, byte for byte:
    /// the Cairo backend draws markers from the geometry and nothing else. (One marker per batch:
    /// cairo rasterises one fill of several outlines slightly differently from separate fills.)
    @Test("Cairo fills the shape's path", arguments: MarkerShape.allCases)
    func cairoDrawsTheGeometry(shape: MarkerShape) throws {
        let size = Size(width: 60, height: 60)
        let batch = Scene(size: size, background: .white,
                          items: Self.centers.map { .markers(MarkerBatch(shape: shape, diameter: 7.5, fill: Self.color, centers: [$0])) })
        let paths = Scene(size: size, background: .white,
                          items: Self.centers.map { .path(shape.path(center: $0, diameter: 7.5), .fill(Self.color)) })
        let renderer = ChartRenderer()
        for dpi in [72.0, 300.0] {
            let a = try renderer.render(batch, as: .png, options: RenderOptions(dpi: dpi))
            let b = try renderer.render(paths, as: .png, options: RenderOptions(dpi: dpi))
            #expect(a == b, "\(shape) at \(dpi) dpi")
            // And the markers were drawn: black ink covers about their area.
            let image = try RasterImage(png: a)
            let scale = dpi / 72
            let inked = image.ink(in: 0, 0, image.width, image.height)
            let expected = 3 * Self.area(of: shape.path(diameter: 7.5)) * scale * scale
            #expect(abs(inked - expected) < expected * 0.1, "\(shape) at \(dpi) dpi: ink \(inked), area \(expected)")
        }
    }

    @Test func squareAndDiamondHaveTheCirclesArea() {
        let circle = Self.area(of: MarkerShape.circle.path(diameter: 10))
        #expect(abs(circle - .pi * 25) < 1e-9)
        for shape in [MarkerShape.square, .diamond] {
            let area = Self.area(of: shape.path(diameter: 10))
            #expect(abs(area - circle) < circle * 0.001, "\(shape): \(area) against \(circle)")
        }
    }

    @Test func triangleIsCentredOnItsCentroid() {
        let corners = Self.vertices(of: MarkerShape.triangle.path(diameter: 10))
        #expect(corners.count == 3)
        #expect(abs(corners.map(\.x).reduce(0, +)) < 1e-9)
        #expect(abs(corners.map(\.y).reduce(0, +) / 3) < 0.01)
        #expect(corners.map(\.y).min()! < 0, "points up on the page")
    }

    /// `path(center:)` is the origin outline moved, to the bit, as backends move it.
    @Test("placed outline is the origin outline moved", arguments: MarkerShape.allCases)
    func placedIsTranslated(shape: MarkerShape) {
        let c = Point(x: 101.37, y: 55.91)
        let placed = shape.path(center: c, diameter: 6.2)
        let moved = shape.path(diameter: 6.2).translated(c.x, c.y)
        #expect(String(describing: placed.elements) == String(describing: moved.elements))
        if shape == .circle, case .arc(let center, let r, let start, let end) = placed.elements.first {
            #expect(center.x == c.x && center.y == c.y && r == 3.1 && start == 0 && end == 2 * .pi)
        } else if shape == .circle {
            Issue.record("a circle starts with a full arc")
        }
    }

    // MARK: - Geometry of a path, for the checks above

    static func vertices(of path: Path) -> [Point] {
        path.elements.compactMap {
            switch $0 {
            case .move(let p), .line(let p): return p
            default: return nil
            }
        }
    }

    /// Area of a marker outline: one full circle, one rectangle or one polygon.
    static func area(of path: Path) -> Double {
        for element in path.elements {
            if case .arc(_, let r, let start, let end) = element, end - start >= 2 * .pi - 1e-12 { return .pi * r * r }
            if case .rect(let rect) = element { return rect.width * rect.height }
        }
        let p = vertices(of: path)
        var twice = 0.0
        for i in p.indices {
            let q = p[(i + 1) % p.count]
            twice += p[i].x * q.y - q.x * p[i].y
        }
        return abs(twice) / 2
    }
}
