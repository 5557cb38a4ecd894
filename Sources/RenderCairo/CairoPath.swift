import CCairo
import Render

/// Scene paths as cairo path calls, one call per element, shared by the scene renderer and the
/// marker stamper so both draw the geometry Render defines.
enum CairoPath {
    /// Appends `path` to the context's current path.
    static func append(_ path: Path, to cr: OpaquePointer) {
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .arc(let c, let r, let start, let end): cairo_arc(cr, c.x, c.y, r, start, end)
            case .rect(let r): cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            case .close: cairo_close_path(cr)
            }
        }
    }

    /// Appends `path` moved by (dx, dy) as a sub-path of its own, without a `Path` per marker:
    /// the sums are those of `Path.translated`, so the outline is the one `MarkerShape.path(center:diameter:)` gives.
    static func append(_ path: Path, to cr: OpaquePointer, dx: Double, dy: Double) {
        // No line may join this outline to the previous marker's (a circle starts with an arc).
        cairo_new_sub_path(cr)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x + dx, p.y + dy)
            case .line(let p): cairo_line_to(cr, p.x + dx, p.y + dy)
            case .arc(let c, let r, let start, let end): cairo_arc(cr, c.x + dx, c.y + dy, r, start, end)
            case .rect(let r): cairo_rectangle(cr, r.x + dx, r.y + dy, r.width, r.height)
            case .close: cairo_close_path(cr)
            }
        }
    }
}
