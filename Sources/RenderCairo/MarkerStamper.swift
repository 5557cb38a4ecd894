import CCairo
import Foundation
import Render

/// Draws large batches of identical markers straight into an image surface's pixels: each marker
/// outline (`MarkerShape.path`, defined in Render) is rasterised once by cairo (at 4 × 4 sub-pixel offsets, so positions keep sub-pixel
/// accuracy) and then composited ("over") at every centre. A path with 100,000 sub-paths, or
/// 100,000 separate fills, costs cairo several hundred milliseconds at 300 dpi; stamping takes a
/// few. Only used when the target is an image surface with an axis-aligned transformation.
final class MarkerStamper {
    private let cr: OpaquePointer
    private let scratch: ScratchMemory
    static let subpixel = 4

    init(cr: OpaquePointer, scratch: ScratchMemory) {
        self.cr = cr
        self.scratch = scratch
    }

    /// A marker rasterised as coverage: for each covered pixel its offset from the stamp origin.
    struct Stamp {
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

        // Every marker in a batch has the same colour C and opacity a, so compositing k markers
        // "over" a pixel gives  result = C·(1 − T) + background·T  with T = Π(1 − a·coverageᵢ).
        // Markers therefore only multiply a per-pixel transmittance T (one integer multiply per
        // covered pixel), and the colour is applied once per pixel at the end. The result is the
        // same as drawing the markers one by one, up to 16-bit rounding.
        let regionWidth = clipX1 - clipX0, regionHeight = clipY1 - clipY0
        let transmittance = scratch.buffer("marker-transmittance", count: regionWidth * regionHeight, of: UInt16.self,
                                           hugePages: true)

        // All stamps in flat arrays (no per-marker array copies or reference counting): pixel
        // offsets within the region, the factor (1 − a·coverage) in 1/65536, and each stamp's box.
        // T itself is kept in 15 bits (1.0 = 32768) in 16-bit cells: half the memory traffic of
        // 32-bit cells, and precision to spare for 8-bit output.
        var table = StampTable()
        for stamp in stamps { table.add(stamp, regionWidth: regionWidth, alpha: c.alpha) }
        let frozen = table
        let origin = (x0: m.x0, y0: m.y0, scale: scale, clipX0: clipX0, clipY0: clipY0)
        let placed = PlacedMarkers(batch.centers, origin: origin, regionHeight: regionHeight)
        // Two bands of rows on two threads. Each pixel lies in one band and sees the markers in
        // their original order, so the result does not depend on the threading.
        let bandCount = batch.centers.count >= 20_000 && regionHeight >= 64 ? 2 : 1
        let bands = (0...bandCount).map { $0 * regionHeight / bandCount }
        cairo_surface_flush(target)
        guard let raw = cairo_image_surface_get_data(target) else { return false }
        // Addresses cross to the workers: both buffers outlive the work and each band writes only
        // its own rows.
        let transmittanceAddress = UInt(bitPattern: transmittance), pixelAddress = UInt(bitPattern: raw)
        let (left, top0) = (clipX0, clipY0)
        // Colour in 0...255; the coverage (1 − T) is applied per pixel.
        let color = (r: UInt32((c.red * 255).rounded()), g: UInt32((c.green * 255).rounded()), b: UInt32((c.blue * 255).rounded()))
        let work: @Sendable (Int) -> Void = { band in
            let t = UnsafeMutablePointer<UInt16>(bitPattern: transmittanceAddress)!
            let pixels = UnsafeMutablePointer<UInt32>(bitPattern: pixelAddress)!
            let rows = bands[band]..<bands[band + 1]
            (t + rows.lowerBound * regionWidth).initialize(repeating: 32768, count: rows.count * regionWidth)
            // Each pixel lies in one band and sees the markers in the same order whatever the
            // threading, so the output does not depend on it.
            let (top, bottom) = frozen.stamp(placed, into: t, width: regionWidth, rows: rows)
            guard top <= bottom else { return }
            for y in top...bottom {
                let keepRow = t + y * regionWidth
                let row = pixels + (y + top0) * stride + left
                for x in 0..<regionWidth {
                    let keep = UInt32(keepRow[x])
                    if keep == 32768 { continue }
                    let cover = 32768 - keep
                    let d = row[x]
                    let da = (d >> 24) & 0xFF, dr = (d >> 16) & 0xFF, dg = (d >> 8) & 0xFF, db = d & 0xFF
                    let ra = (255 &* cover &+ da &* keep &+ 16384) >> 15
                    let rr = (color.r &* cover &+ dr &* keep &+ 16384) >> 15
                    let rg = (color.g &* cover &+ dg &* keep &+ 16384) >> 15
                    let rb = (color.b &* cover &+ db &* keep &+ 16384) >> 15
                    row[x] = (ra << 24) | (rr << 16) | (rg << 8) | rb
                }
            }
        }
        if bandCount > 1 {
            DispatchQueue.concurrentPerform(iterations: bandCount, execute: work)
        } else {
            work(0)
        }
        cairo_surface_mark_dirty(target)
        return true
    }

    /// Flattened stamps (see `stamp`).
    struct StampTable: Sendable {
        var start: [Int32] = [], count: [Int32] = []
        var box: [(minDX: Int32, maxDX: Int32, minDY: Int32, maxDY: Int32)] = []
        var dx: [Int32] = [], dy: [Int32] = [], offset: [Int32] = []
        var factor: [UInt32] = []
        /// Each stamp as horizontal spans (markers are convex, so each row's pixels are
        /// contiguous): row, first column, length, and where its factors start in `factor`.
        /// Contiguous spans let the inner loop run over adjacent memory.
        var spanStart: [Int32] = [], spanCount: [Int32] = []
        var spans: [(dy: Int32, dx: Int32, count: Int32, factor: Int32)] = []

        mutating func add(_ stamp: Stamp, regionWidth: Int, alpha: Double) {
            let first = Int32(dx.count)
            start.append(first)
            count.append(Int32(stamp.coverage.count))
            box.append((stamp.minDX, stamp.maxDX, stamp.minDY, stamp.maxDY))
            dx += stamp.dx
            dy += stamp.dy
            offset += zip(stamp.dx, stamp.dy).map { Int32(Int($0.1) * regionWidth + Int($0.0)) }
            factor += stamp.coverage.map { UInt32(((1 - alpha * Double($0) / 256) * 65536).rounded()) }
            spanStart.append(Int32(spans.count))
            var k = 0
            while k < stamp.dx.count {
                var n = 1
                while k + n < stamp.dx.count && stamp.dy[k + n] == stamp.dy[k] && stamp.dx[k + n] == stamp.dx[k] + Int32(n) { n += 1 }
                spans.append((stamp.dy[k], stamp.dx[k], Int32(n), first + Int32(k)))
                k += n
            }
            spanCount.append(Int32(spans.count) - spanStart.last!)
        }

        /// Multiplies the transmittance of rows `rows` of the region by every marker; returns the
        /// first and last row touched (first > last when none).
        func stamp(_ placed: PlacedMarkers, into t: UnsafeMutablePointer<UInt16>, width: Int, rows: Range<Int>) -> (Int, Int) {
            var top = Int.max, bottom = Int.min
            start.withUnsafeBufferPointer { start in
            count.withUnsafeBufferPointer { count in
            box.withUnsafeBufferPointer { box in
            dx.withUnsafeBufferPointer { dx in
            dy.withUnsafeBufferPointer { dy in
            offset.withUnsafeBufferPointer { offset in
            factor.withUnsafeBufferPointer { factor in
            placed.x.withUnsafeBufferPointer { xs in
            placed.y.withUnsafeBufferPointer { ys in
            placed.stamp.withUnsafeBufferPointer { stampIndex in
            spanStart.withUnsafeBufferPointer { spanStart in
            spanCount.withUnsafeBufferPointer { spanCount in
            spans.withUnsafeBufferPointer { spans in
                for marker in placed.order(for: rows) {
                    let i = Int(marker)
                    let index = Int(stampIndex[i])
                    let b = box[index]
                    let ox = Int(xs[i]), oy = Int(ys[i])
                    let left = ox + Int(b.minDX), right = ox + Int(b.maxDX)
                    let high = oy + Int(b.minDY), low = oy + Int(b.maxDY)
                    if right < 0 || left >= width || low < rows.lowerBound || high >= rows.upperBound { continue }
                    top = min(top, max(high, rows.lowerBound))
                    bottom = max(bottom, min(low, rows.upperBound - 1))
                    let first = Int(start[index]), end = first + Int(count[index])
                    let base = oy * width + ox
                    if left >= 0 && right < width && high >= rows.lowerBound && low < rows.upperBound {
                        let firstSpan = Int(spanStart[index])
                        for s in firstSpan..<(firstSpan + Int(spanCount[index])) {
                            let span = spans[s]
                            let row = t + (base + Int(span.dy) * width + Int(span.dx))
                            let f = factor.baseAddress! + Int(span.factor)
                            for i in 0..<Int(span.count) { row[i] = UInt16(truncatingIfNeeded: (UInt32(row[i]) &* f[i] &+ 32768) >> 16) }
                        }
                    } else {
                        for k in first..<end {
                            let px = ox + Int(dx[k]), py = oy + Int(dy[k])
                            guard px >= 0, px < width, py >= rows.lowerBound, py < rows.upperBound else { continue }
                            let p = t + (py * width + px)
                            p.pointee = UInt16(truncatingIfNeeded: (UInt32(p.pointee) &* factor[k] &+ 32768) >> 16)
                        }
                    }
                }
            }}}}}}}}}}}}}
            return (top, bottom)
        }
    }

    /// Marker positions in region pixels with their sub-pixel stamp, and an order that visits
    /// them band by band: markers arrive in data order, scattered over the image, and stamping
    /// them in that order misses the cache on nearly every row of every marker. Visiting 16-row
    /// bands in turn keeps the rows being written in cache. The order is deterministic, so output
    /// stays byte-identical.
    struct PlacedMarkers: Sendable {
        var x: [Int32] = [], y: [Int32] = [], stamp: [UInt8] = []
        /// Marker indices sorted by band, and where each band starts in `sorted`.
        var sorted: [Int32] = [], bandStart: [Int32] = []
        static let bandShift: Int32 = 4

        init(_ centers: [Point], origin: (x0: Double, y0: Double, scale: Double, clipX0: Int, clipY0: Int), regionHeight: Int) {
            let n = MarkerStamper.subpixel
            x.reserveCapacity(centers.count)
            y.reserveCapacity(centers.count)
            stamp.reserveCapacity(centers.count)
            for center in centers {
                let px = center.x * origin.scale + origin.x0, py = center.y * origin.scale + origin.y0
                guard px.isFinite, py.isFinite, px > -1e6, px < 1e6, py > -1e6, py < 1e6 else { continue }
                let fx = px.rounded(.down), fy = py.rounded(.down)
                let sx = min(Int((px - fx) * Double(n)), n - 1), sy = min(Int((py - fy) * Double(n)), n - 1)
                x.append(Int32(Int(fx) - origin.clipX0))
                y.append(Int32(Int(fy) - origin.clipY0))
                stamp.append(UInt8(sy * n + sx))
            }
            // Counting sort by band (markers above or below the region go to the first or last band).
            let bands = (regionHeight >> Int(PlacedMarkers.bandShift)) + 1
            var counts = [Int32](repeating: 0, count: bands + 1)
            func band(_ row: Int32) -> Int { min(max(Int(row >> PlacedMarkers.bandShift), 0), bands - 1) }
            for row in y { counts[band(row) + 1] += 1 }
            for b in 0..<bands { counts[b + 1] += counts[b] }
            bandStart = counts
            var next = counts
            sorted = [Int32](repeating: 0, count: y.count)
            for (i, row) in y.enumerated() {
                let b = band(row)
                sorted[Int(next[b])] = Int32(i)
                next[b] += 1
            }
        }

        /// Markers that may touch `rows` (their centre band, widened by one band each way for
        /// markers that reach across band edges), in band order.
        func order(for rows: Range<Int>) -> ArraySlice<Int32> {
            let bands = bandStart.count - 1
            let first = max(0, (rows.lowerBound >> Int(PlacedMarkers.bandShift)) - 2)
            let last = min(bands - 1, ((rows.upperBound - 1) >> Int(PlacedMarkers.bandShift)) + 2)
            guard first <= last else { return [] }
            return sorted[Int(bandStart[first])..<Int(bandStart[last + 1])]
        }
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
                CairoPath.append(shape.path(center: Point(x: cx, y: cy), diameter: diameter), to: context)
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
