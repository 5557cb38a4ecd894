import Render
import RenderCairo

extension RasterImage {
    /// Averages `factor` × `factor` blocks: two rasterisers that anti-alias text differently agree
    /// at block level whenever the layout is the same.
    package func downsampled(by factor: Int) -> RasterImage {
        let w = width / factor, h = height / factor
        var out = [UInt8](repeating: 0, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                for c in 0..<4 {
                    var sum = 0
                    for dy in 0..<factor {
                        for dx in 0..<factor { sum += Int(rgba[((y * factor + dy) * width + x * factor + dx) * 4 + c]) }
                    }
                    out[(y * w + x) * 4 + c] = UInt8(sum / (factor * factor))
                }
            }
        }
        return RasterImage(width: w, height: h, rgba: out)
    }

    /// Total ink (darkness on white) inside a rectangle of pixels.
    package func ink(in x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) -> Double {
        var total = 0.0
        for y in max(0, y0)..<min(height, y1) {
            for x in max(0, x0)..<min(width, x1) { total += ink(x: x, y: y) }
        }
        return total
    }
}
