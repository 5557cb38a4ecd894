import CCairo
import Foundation

/// Draws large batches of identical markers straight into an image surface's pixels: each marker
/// shape is rasterised once by cairo (at 4 × 4 sub-pixel offsets, so positions keep sub-pixel
/// accuracy) and then composited ("over") at every centre. A path with 100,000 sub-paths, or
/// 100,000 separate fills, costs cairo several hundred milliseconds at 300 dpi; stamping takes a
/// few. Only used when the target is an image surface with an axis-aligned transformation.
final class MarkerStamper {
    private let cr: OpaquePointer
    private static let subpixel = 4

    init(cr: OpaquePointer) { self.cr = cr }

    /// A marker rasterised as coverage: for each covered pixel its offset from the stamp origin.
    private struct Stamp {
        var dx: [Int32] = []
        var dy: [Int32] = []
        var coverage: [UInt16] = []
        var minDX: Int32 = 0, maxDX: Int32 = 0, minDY: Int32 = 0, maxDY: Int32 = 0
    }

    /// Returns false when the fast path does not apply; the caller then draws vectors.
    func stamp(_ batch: MarkerBatch, clip: Rect?) -> Bool {
        let target = cairo_get_target(cr)
        guard cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_IMAGE else { return false }
        let format = cairo_image_surface_get_format(target)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24 else { return false }
        var m = cairo_matrix_t()
        cairo_get_matrix(cr, &m)
        guard m.xy == 0, m.yx == 0, m.xx > 0, m.yy > 0, abs(m.xx - m.yy) < 1e-9 else { return false }
        let scale = m.xx

        let width = Int(cairo_image_surface_get_width(target)), height = Int(cairo_image_surface_get_height(target))
        let stride = Int(cairo_image_surface_get_stride(target)) / 4
        var clipX0 = 0, clipY0 = 0, clipX1 = width, clipY1 = height
        if let clip {
            clipX0 = max(0, Int((clip.minX * scale + m.x0).rounded()))
            clipY0 = max(0, Int((clip.minY * scale + m.y0).rounded()))
            clipX1 = min(width, Int((clip.maxX * scale + m.x0).rounded()))
            clipY1 = min(height, Int((clip.maxY * scale + m.y0).rounded()))
        }
        guard clipX0 < clipX1, clipY0 < clipY1 else { return true }

        let stamps = makeStamps(shape: batch.shape, diameter: batch.diameter * scale)
        let c = batch.fill
        let n = Double(MarkerStamper.subpixel)

        // Every marker in a batch has the same colour C and opacity a, so compositing k markers
        // "over" a pixel gives  result = C·(1 − T) + background·T  with T = Π(1 − a·coverageᵢ).
        // Markers therefore only multiply a per-pixel transmittance T (one integer multiply per
        // covered pixel), and the colour is applied once per pixel at the end. The result is the
        // same as drawing the markers one by one, up to 16-bit rounding.
        let regionWidth = clipX1 - clipX0, regionHeight = clipY1 - clipY0
        let transmittance = UnsafeMutablePointer<UInt32>.allocate(capacity: regionWidth * regionHeight)
        defer { transmittance.deallocate() }
        transmittance.initialize(repeating: 65536, count: regionWidth * regionHeight)
        // Per stamp pixel: its offset in the region and the factor (1 − a·coverage) in 1/65536.
        let factors: [[UInt32]] = stamps.map { stamp in
            stamp.coverage.map { UInt32(((1 - c.alpha * Double($0) / 256) * 65536).rounded()) }
        }
        let offsets: [[Int]] = stamps.map { stamp in
            zip(stamp.dx, stamp.dy).map { Int($0.1) * regionWidth + Int($0.0) }
        }
        var touchedTop = regionHeight, touchedBottom = -1
        for center in batch.centers {
            let x = center.x * scale + m.x0, y = center.y * scale + m.y0
            guard x.isFinite, y.isFinite, x > -1e6, x < 1e6, y > -1e6, y < 1e6 else { continue }
            let fx = x.rounded(.down), fy = y.rounded(.down)
            let sx = min(Int((x - fx) * n), MarkerStamper.subpixel - 1), sy = min(Int((y - fy) * n), MarkerStamper.subpixel - 1)
            let index = sy * MarkerStamper.subpixel + sx
            let stamp = stamps[index]
            let ox = Int(fx) - clipX0, oy = Int(fy) - clipY0
            if ox + Int(stamp.maxDX) < 0 || ox + Int(stamp.minDX) >= regionWidth
                || oy + Int(stamp.maxDY) < 0 || oy + Int(stamp.minDY) >= regionHeight { continue }
            touchedTop = min(touchedTop, max(0, oy + Int(stamp.minDY)))
            touchedBottom = max(touchedBottom, min(regionHeight - 1, oy + Int(stamp.maxDY)))
            let inside = ox + Int(stamp.minDX) >= 0 && ox + Int(stamp.maxDX) < regionWidth
                && oy + Int(stamp.minDY) >= 0 && oy + Int(stamp.maxDY) < regionHeight
            factors[index].withUnsafeBufferPointer { factor in
                offsets[index].withUnsafeBufferPointer { offset in
                    let base = oy * regionWidth + ox
                    if inside {
                        for k in 0..<factor.count {
                            let p = transmittance + (base + offset[k])
                            p.pointee = (p.pointee &* factor[k] &+ 32768) >> 16
                        }
                    } else {
                        for k in 0..<factor.count {
                            let px = ox + Int(stamp.dx[k]), py = oy + Int(stamp.dy[k])
                            guard px >= 0, px < regionWidth, py >= 0, py < regionHeight else { continue }
                            let p = transmittance + (py * regionWidth + px)
                            p.pointee = (p.pointee &* factor[k] &+ 32768) >> 16
                        }
                    }
                }
            }
        }
        guard touchedTop <= touchedBottom else { return true }

        cairo_surface_flush(target)
        guard let raw = cairo_image_surface_get_data(target) else { return false }
        let pixels = UnsafeMutableRawPointer(raw).bindMemory(to: UInt32.self, capacity: stride * height)
        // Colour in 0...255 scaled by 65536, premultiplied with alpha 1 (the coverage is in T).
        let cr = UInt32((c.red * 255).rounded()), cg = UInt32((c.green * 255).rounded()), cb = UInt32((c.blue * 255).rounded())
        for y in touchedTop...touchedBottom {
            let t = transmittance + y * regionWidth
            let row = pixels + (y + clipY0) * stride + clipX0
            for x in 0..<regionWidth {
                let keep = t[x]
                if keep == 65536 { continue }
                let cover = 65536 - keep
                let d = row[x]
                let da = (d >> 24) & 0xFF, dr = (d >> 16) & 0xFF, dg = (d >> 8) & 0xFF, db = d & 0xFF
                let ra = (255 &* cover &+ da &* keep &+ 32768) >> 16
                let rr = (cr &* cover &+ dr &* keep &+ 32768) >> 16
                let rg = (cg &* cover &+ dg &* keep &+ 32768) >> 16
                let rb = (cb &* cover &+ db &* keep &+ 32768) >> 16
                row[x] = (ra << 24) | (rr << 16) | (rg << 8) | rb
            }
        }
        cairo_surface_mark_dirty(target)
        return true
    }

    /// Coverage masks of the marker at every sub-pixel offset, drawn by cairo into A8 surfaces.
    private func makeStamps(shape: MarkerShape, diameter: Double) -> [Stamp] {
        let size = Int(diameter.rounded(.up)) + 4
        let half = Double(size) / 2
        var stamps: [Stamp] = []
        let n = MarkerStamper.subpixel
        for sy in 0..<n {
            for sx in 0..<n {
                let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(size), Int32(size))!
                let context = cairo_create(surface)!
                // The stamp's origin pixel corresponds to the pixel containing the centre; the
                // centre lies (sx + 0.5) / n into it.
                let cx = half.rounded(.down) + (Double(sx) + 0.5) / Double(n)
                let cy = half.rounded(.down) + (Double(sy) + 0.5) / Double(n)
                let path = PathMaker(cr: context)
                path.add(shape, center: Point(x: cx, y: cy), radius: diameter / 2)
                cairo_set_source_rgba(context, 0, 0, 0, 1)
                cairo_fill(context)
                cairo_surface_flush(surface)
                let stride = Int(cairo_image_surface_get_stride(surface))
                let data = cairo_image_surface_get_data(surface)!
                var stamp = Stamp()
                let origin = Int32(half.rounded(.down))
                for y in 0..<size {
                    for x in 0..<size {
                        let value = data[y * stride + x]
                        guard value > 0 else { continue }
                        let dx = Int32(x) - origin, dy = Int32(y) - origin
                        stamp.dx.append(dx)
                        stamp.dy.append(dy)
                        // 255 → 256 so that full coverage multiplies exactly.
                        stamp.coverage.append(value == 255 ? 256 : UInt16(value))
                        stamp.minDX = min(stamp.minDX, dx)
                        stamp.maxDX = max(stamp.maxDX, dx)
                        stamp.minDY = min(stamp.minDY, dy)
                        stamp.maxDY = max(stamp.maxDY, dy)
                    }
                }
                cairo_destroy(context)
                cairo_surface_destroy(surface)
                stamps.append(stamp)
            }
        }
        return stamps
    }
}

/// Marker outlines as cairo paths, shared by the vector and the raster marker paths.
struct PathMaker {
    let cr: OpaquePointer

    func add(_ shape: MarkerShape, center c: Point, radius r: Double) {
        switch shape {
        case .circle:
            cairo_new_sub_path(cr)
            cairo_arc(cr, c.x, c.y, r, 0, 2 * .pi)
            cairo_close_path(cr)
        case .square:
            // Same area as the circle, so shapes of one size look equally heavy.
            let h = r * 0.886
            cairo_rectangle(cr, c.x - h, c.y - h, 2 * h, 2 * h)
        case .diamond:
            let h = r * 1.2533
            cairo_move_to(cr, c.x, c.y - h)
            cairo_line_to(cr, c.x + h, c.y)
            cairo_line_to(cr, c.x, c.y + h)
            cairo_line_to(cr, c.x - h, c.y)
            cairo_close_path(cr)
        case .triangle:
            let h = r * 1.5551
            cairo_move_to(cr, c.x, c.y - h * 0.667)
            cairo_line_to(cr, c.x + h * 0.577, c.y + h * 0.333)
            cairo_line_to(cr, c.x - h * 0.577, c.y + h * 0.333)
            cairo_close_path(cr)
        }
    }
}
