import Foundation
import Render
#if canImport(Glibc)
import Glibc
#endif

/// One PNG encoder configuration measured on one figure (`scobrief-render-bench png`).
@_spi(Benchmark) public struct PNGEncodingMeasurement: Sendable {
    /// The deflate stage, e.g. "libdeflate 6" or "zlib 1 rle"; "filter only" for the filter stage alone.
    public var method: String
    /// The scanline filter rule (`PNGFilterChoice`).
    public var filter: String
    /// Median wall time of one encode (filtering, deflate, chunk assembly), in milliseconds.
    public var wallMilliseconds: Double
    /// Median CPU time of the process over one encode, in milliseconds: less disturbed by other
    /// processes on a loaded machine than wall time (all threads counted).
    public var cpuMilliseconds: Double
    /// The size of the PNG file (for "filter only": of the filtered scanlines).
    public var bytes: Int
    /// `bytes` over the size of the default encoding's file (`PNGCompression.fast`).
    public var sizeRatio: Double = 1
    /// The default encoding's CPU time over this one's: above 1, this configuration is faster.
    public var speedup: Double = 1
}

extension ChartRenderer {
    /// Every compared encoder configuration: every filter rule with zlib (levels 1–3 in three
    /// strategies, and 6) and libdeflate (levels 1–6, 9 and 12). zlib does not compare bands
    /// with their unfiltered rows, so its `sub|up|none` lines equal its `sub|up` ones.
    static var measuredPNGEncodings: [(PNGFilterChoice, PNGDeflate)] {
        var deflates: [PNGDeflate] = []
        for level in 1...3 {
            for strategy in PNGDeflate.ZlibStrategy.allCases { deflates.append(.zlib(level: level, strategy: strategy)) }
        }
        deflates.append(.zlib(level: 6, strategy: .standard))
        for level in [1, 2, 3, 4, 5, 6, 9, 12] { deflates.append(.libdeflate(level: level)) }
        return PNGFilterChoice.allCases.flatMap { filter in deflates.map { (filter, $0) } }
    }

    /// Draws `figure` once, then times each PNG encoder configuration on the same pixels: median of
    /// `iterations` encodes after `warmup`. Every configuration's file is decoded (by cairo's libpng)
    /// and compared with the drawn pixels; a mismatch throws, since a fast wrong encoder measures nothing.
    @_spi(Benchmark) public func measurePNGEncodings(_ figure: Figure, dpi: Double, iterations: Int, warmup: Int) throws
        -> [PNGEncodingMeasurement] {
        let surface = try rasterise(layout(figure).scene, options: RenderOptions(dpi: dpi))
        let reference = RasterImage(surface: surface)
        var results: [PNGEncodingMeasurement] = []
        /// Median wall and CPU times of `body`, and the byte count of its last run.
        func measure(_ method: String, _ filter: String, _ body: () throws -> Int) throws -> PNGEncodingMeasurement {
            for _ in 0..<warmup { _ = try body() }
            var wall: [Double] = [], cpu: [Double] = []
            var bytes = 0
            for _ in 0..<max(iterations, 1) {
                let start = DispatchTime.now().uptimeNanoseconds, startCPU = ChartRenderer.processCPUNanoseconds()
                bytes = try body()
                wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                cpu.append(Double(ChartRenderer.processCPUNanoseconds() - startCPU) / 1e6)
            }
            return PNGEncodingMeasurement(method: method, filter: filter, wallMilliseconds: wall.sorted()[wall.count / 2],
                                          cpuMilliseconds: cpu.sorted()[cpu.count / 2], bytes: bytes)
        }
        /// `measure` for a whole encoder, whose file must decode to the reference pixels.
        func measureEncoder(_ method: String, _ filter: String, _ encode: () throws -> Data) throws {
            results.append(try measure(method, filter) { try encode().count })
            guard try RasterImage(png: try encode()) == reference else { throw RenderError.pngEncoding("\(method) with \(filter) filters decodes to different pixels") }
        }
        for filter in PNGFilterChoice.allCases {
            results.append(try measure("filter only", filter.rawValue) {
                try PNGEncoder.filteredScanlines(surface, filter: filter, scratch: scratch).scanlines.count
            })
        }
        for (filter, deflate) in ChartRenderer.measuredPNGEncodings {
            try measureEncoder(deflate.description, filter.rawValue) {
                try PNGEncoder.encode(surface, dpi: dpi, filter: filter, deflate: deflate, scratch: scratch, compressors: compressors)
            }
        }
        if let reference = results.first(where: { $0.method == PNGDeflate.libdeflate(level: PNGCompression.fast.level).description
                                                  && $0.filter == PNGFilterChoice.subOrUpOrNone.rawValue }) {
            for i in results.indices {
                results[i].sizeRatio = Double(results[i].bytes) / Double(reference.bytes)
                results[i].speedup = reference.cpuMilliseconds / results[i].cpuMilliseconds
            }
        }
        return results
    }

    private static func processCPUNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}
