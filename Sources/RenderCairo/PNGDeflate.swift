import CDeflate
import CZlib
import Foundation
import Render

/// The compressor that turns filtered scanlines into a PNG's zlib stream (header, deflate data,
/// Adler-32: exactly what IDAT holds).
enum PNGDeflate: Sendable, Equatable, CustomStringConvertible {
    /// libdeflate at `level` (1 fastest … 12 smallest).
    case libdeflate(level: Int)
    /// zlib at `level` (1 … 9) with a `deflateInit2` strategy; kept to measure libdeflate against.
    case zlib(level: Int, strategy: ZlibStrategy)

    enum ZlibStrategy: String, Sendable, CaseIterable {
        case standard = "default", rle, filtered

        var value: Int32 {
            switch self {
            case .standard: return Z_DEFAULT_STRATEGY
            case .rle: return Z_RLE
            case .filtered: return Z_FILTERED
            }
        }
    }

    var description: String {
        switch self {
        case .libdeflate(let level): return "libdeflate \(level)"
        case .zlib(let level, let strategy): return "zlib \(level) \(strategy.rawValue)"
        }
    }

    /// The zlib stream of `input`, written into `scratch` (valid until its next use). With
    /// `rowLength` (filtered PNG scanlines of that many bytes each), libdeflate leaves runs of rows
    /// that repeat the row above to `RepeatedRows`, and with `unfiltered` (the same rows with
    /// filter None, see `PNGFilter.filter`) it takes those instead band by band where they
    /// compress smaller. zlib ignores `unfiltered` (it is kept to measure libdeflate against).
    func zlibStream(_ input: UnsafeRawBufferPointer, rowLength: Int? = nil, unfiltered: UnsafeMutableRawPointer? = nil,
                    scratch: ScratchMemory, compressors: DeflateCompressors) throws -> UnsafeRawBufferPointer {
        switch self {
        case .libdeflate(let level):
            if let rowLength, rowLength > 1, input.count % rowLength == 0,
               let segmented = try PNGDeflate.segmentedZlibStream(input, rowLength: rowLength, unfiltered: unfiltered, level: level,
                                                                  scratch: scratch, compressors: compressors) {
                return segmented
            }
            if input.count >= PNGDeflate.twoCoreThreshold,
               let joined = try PNGDeflate.twoCoreZlibStream(input, level: level, scratch: scratch, compressors: compressors) {
                return joined
            }
            let compressor = try compressors.compressor(level: level)
            let bound = libdeflate_zlib_compress_bound(compressor, input.count)
            let out = scratch.buffer("png-zlib", count: bound, of: UInt8.self)
            let written = libdeflate_zlib_compress(compressor, input.baseAddress, input.count, out, bound)
            // Cannot happen with a buffer of the bound's size; checked rather than trusted.
            guard written > 0 else { throw RenderError.pngEncoding("libdeflate output exceeded its own bound") }
            return UnsafeRawBufferPointer(start: out, count: written)
        case .zlib(let level, let strategy):
            var stream = z_stream()
            // deflateInit2 is a macro; this is what it expands to. Window 2^15, memory level 8 (zlib's defaults).
            var status = deflateInit2_(&stream, Int32(level), Z_DEFLATED, 15, 8, strategy.value, ZLIB_VERSION,
                                       Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw RenderError.pngEncoding("zlib deflateInit2 failed (\(status))") }
            defer { deflateEnd(&stream) }
            let bound = Int(deflateBound(&stream, uLong(input.count)))
            let out = scratch.buffer("png-zlib", count: bound, of: UInt8.self)
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out
            stream.avail_out = uInt(bound)
            status = deflate(&stream, Z_FINISH)
            guard status == Z_STREAM_END else { throw RenderError.pngEncoding("zlib deflate did not finish (\(status))") }
            return UnsafeRawBufferPointer(start: out, count: Int(stream.total_out))
        }
    }
}

extension PNGDeflate {
    /// The zlib stream of filtered scanlines with runs of repeated rows written by `RepeatedRows`
    /// and the other rows compressed by libdeflate, each stretch on its own, joined into one
    /// stream; nil when the image has no such run and no `unfiltered` rows (the caller then
    /// compresses it whole).
    ///
    /// With `unfiltered` (the same scanlines with filter None, written for every row that does not
    /// repeat the row above), the compressed stretches are cut into bands of `bandRows` rows, and
    /// each band is compressed both filtered and unfiltered and the smaller kept. Bands depend only
    /// on the image, so the bytes are the same however the work is shared. Bands whose filtered
    /// rows already compress well are not tried unfiltered (`unfilteredTrialRatio`).
    ///
    /// The stretches libdeflate compresses are shared between two cores once there is at least
    /// `twoCoreThreshold` of them; where they are cut depends only on the image, so the bytes do
    /// not depend on the threading.
    static func segmentedZlibStream(_ input: UnsafeRawBufferPointer, rowLength: Int, unfiltered: UnsafeMutableRawPointer? = nil,
                                    level: Int, scratch: ScratchMemory, compressors: DeflateCompressors) throws -> UnsafeRawBufferPointer? {
        let height = input.count / rowLength
        var segments = RepeatedRows.segments(input, rowLength: rowLength, height: height)
        guard unfiltered != nil || segments.contains(where: \.repeated) else { return nil }
        // Two workers when there is enough to compress: the compressed stretches are split into
        // two groups of about equal bytes, cutting the stretch that straddles the middle at a row.
        let compressedRows = segments.filter { !$0.repeated }.reduce(0) { $0 + $1.rows.count }
        let workers = compressedRows * rowLength >= twoCoreThreshold ? 2 : 1
        var worker = [Int](repeating: 0, count: segments.count)
        if workers == 2 {
            var seen = 0
            var index = 0
            while index < segments.count {
                let segment = segments[index]
                if !segment.repeated {
                    let half = compressedRows / 2
                    if seen < half && seen + segment.rows.count > half {
                        let cut = segment.rows.lowerBound + (half - seen)
                        segments[index] = RepeatedRows.Segment(rows: segment.rows.lowerBound..<cut, repeated: false)
                        segments.insert(RepeatedRows.Segment(rows: cut..<segment.rows.upperBound, repeated: false), at: index + 1)
                        worker.insert(0, at: index + 1)
                        seen = half
                        index += 1
                        continue
                    }
                    worker[index] = seen >= half ? 1 : 0
                    seen += segment.rows.count
                }
                index += 1
            }
        }
        if let unfiltered {
            // Bands within each compressed stretch, and the unfiltered rows made complete: a row
            // that repeats the row above (a run too short to be its own segment) has no unfiltered
            // copy, and takes its filtered form (Up, all zeros) there too.
            var banded: [RepeatedRows.Segment] = [], bandWorker: [Int] = []
            for (index, segment) in segments.enumerated() {
                guard !segment.repeated else {
                    banded.append(segment)
                    bandWorker.append(worker[index])
                    continue
                }
                for start in stride(from: segment.rows.lowerBound, to: segment.rows.upperBound, by: bandRows) {
                    banded.append(RepeatedRows.Segment(rows: start..<min(start + bandRows, segment.rows.upperBound), repeated: false))
                    bandWorker.append(worker[index])
                }
                for row in segment.rows where row > 0 && RepeatedRows.repeatsRowAbove(input, row: row, rowLength: rowLength) {
                    (unfiltered + row * rowLength).copyMemory(from: input.baseAddress! + row * rowLength, byteCount: rowLength)
                }
            }
            segments = banded
            worker = bandWorker
        }
        let compressorAddresses = try (0..<workers).map { UInt(bitPattern: try compressors.compressor(level: level, slot: $0)) }
        // Each compressed stretch gets its own region of one output buffer, sized by libdeflate's
        // bound, and a second one for its unfiltered rows.
        let versions = unfiltered == nil ? 1 : 2
        var offsets = [Int](repeating: 0, count: segments.count + 1)
        for (index, segment) in segments.enumerated() {
            let bound = segment.repeated ? 0 : libdeflate_deflate_compress_bound(OpaquePointer(bitPattern: compressorAddresses[0]), segment.rows.count * rowLength)
            offsets[index + 1] = offsets[index] + versions * bound
        }
        let output = scratch.buffer("png-segments", count: max(offsets[segments.count], 1), of: UInt8.self)
        // Per stretch: the bytes written, and where they start (at its region, or half-way into it
        // for the unfiltered rows when those came out smaller).
        let written = UnsafeMutablePointer<Int>.allocate(capacity: segments.count)
        let chosen = UnsafeMutablePointer<Int>.allocate(capacity: segments.count)
        defer {
            written.deallocate()
            chosen.deallocate()
        }
        written.initialize(repeating: 0, count: segments.count)
        chosen.initialize(repeating: 0, count: segments.count)
        // Addresses cross to the workers as integers: buffers outlive the work, each segment's
        // output region and result slots are written by one worker, and the inputs are only read.
        let (inputAddress, outputAddress, writtenAddress) = (UInt(bitPattern: input.baseAddress), UInt(bitPattern: output),
                                                             UInt(bitPattern: written))
        let (unfilteredAddress, chosenAddress) = (UInt(bitPattern: unfiltered), UInt(bitPattern: chosen))
        let plan = segments, owner = worker, starts = offsets
        let work: @Sendable (Int) -> Void = { slot in
            let compressor = OpaquePointer(bitPattern: compressorAddresses[slot])
            for (index, segment) in plan.enumerated() where !segment.repeated && owner[index] == slot {
                let offset = segment.rows.lowerBound * rowLength, count = segment.rows.count * rowLength
                let capacity = (starts[index + 1] - starts[index]) / versions
                let destination = UnsafeMutableRawPointer(bitPattern: outputAddress)! + starts[index]
                var size = libdeflate_deflate_compress(compressor, UnsafeRawPointer(bitPattern: inputAddress)! + offset, count,
                                                       destination, capacity)
                var start = starts[index]
                if let plain = UnsafeRawPointer(bitPattern: unfilteredAddress), size * unfilteredTrialRatio > count {
                    let other = libdeflate_deflate_compress(compressor, plain + offset, count, destination + capacity, capacity)
                    if other > 0 && other < size {
                        size = other
                        start += capacity
                    }
                }
                UnsafeMutablePointer<Int>(bitPattern: writtenAddress)![index] = size
                UnsafeMutablePointer<Int>(bitPattern: chosenAddress)![index] = start
            }
        }
        if workers == 2 {
            DispatchQueue.concurrentPerform(iterations: 2, execute: work)
        } else {
            work(0)
        }
        // The zlib header libdeflate writes at this level (RFC 1950: deflate, 32 KiB window, FLEVEL).
        let flags: UInt8 = level < 2 ? 0x01 : level < 6 ? 0x5E : level == 6 ? 0x9C : 0xDA
        var stream: [UInt8] = [0x78, flags]
        stream.reserveCapacity(offsets[segments.count] / (8 * versions) + 1024)
        // Adler-32 of the rows as written: each stretch's filtered or unfiltered form, in order.
        var adler: UInt32 = 1
        for (index, segment) in segments.enumerated() {
            let last = index == segments.count - 1
            let offset = segment.rows.lowerBound * rowLength, count = segment.rows.count * rowLength
            if segment.repeated {
                RepeatedRows.appendBlock(rows: segment.rows.count, rowLength: rowLength, final: last, to: &stream)
                adler = libdeflate_adler32(adler, input.baseAddress! + offset, count)
                continue
            }
            guard written[index] > 0 else { return nil }
            let tookUnfiltered = chosen[index] != offsets[index]
            let rows = tookUnfiltered ? UnsafeRawPointer(unfiltered!) + offset : input.baseAddress! + offset
            adler = libdeflate_adler32(adler, rows, count)
            let part = UnsafeRawBufferPointer(start: output + chosen[index], count: written[index])
            if last {
                stream.append(contentsOf: part)
            } else if !DeflateJoin.appendNonFinal(part, to: &stream) {
                return nil
            }
        }
        stream.appendBigEndian(adler)
        let out = scratch.buffer("png-zlib", count: stream.count, of: UInt8.self)
        stream.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: $0.count) }
        return UnsafeRawBufferPointer(start: out, count: stream.count)
    }

    /// A band's unfiltered rows are compressed only when its filtered rows compress to more than
    /// 1/64 of their size. Bands that compress better are mostly margin and flat colour, where the
    /// second compression costs time for little: on the README's bar chart at 300 dpi this tries 13%
    /// of the compressed rows' bytes instead of all of them and keeps about half of the saving
    /// (43.6 → 41.4 KB instead of 40.2 KB), while the dense scatter, whose bands compress about
    /// 4:1, is tried almost everywhere (a C simulation of this rule with libdeflate level 1 on the
    /// benchmark figures' pixels).
    static let unfilteredTrialRatio = 64

    /// Rows per band when filtered and unfiltered rows are compared (`segmentedZlibStream`):
    /// measured on the benchmark figures, bands of 8–32 rows give files within 1% of each other,
    /// 64 or more lose up to 4% on the heat map, whose text and tiles alternate in narrower bands.
    static let bandRows = 16

    /// Below this many bytes of scanlines (about a 640 × 520 RGB image) one core compresses alone:
    /// starting a second thread costs more than it saves.
    static let twoCoreThreshold = 1 << 20

    /// The zlib stream of `input` compressed as two halves on two cores, joined into one deflate
    /// stream (`DeflateJoin`), in `scratch`. The split is at the middle byte whatever the machine,
    /// so the bytes do not depend on the threading. Nil if the join fails (it should not), and the
    /// caller then compresses on one core.
    static func twoCoreZlibStream(_ input: UnsafeRawBufferPointer, level: Int, scratch: ScratchMemory,
                                  compressors: DeflateCompressors) throws -> UnsafeRawBufferPointer? {
        let half = input.count / 2
        let parts = [0..<half, half..<input.count]
        // Addresses cross to the workers as integers: each part has its own compressor and output
        // buffer, all alive until both finish, and the input is only read.
        var jobs: [(compressor: UInt, output: UInt, bound: Int)] = []
        for (slot, part) in parts.enumerated() {
            let compressor = try compressors.compressor(level: level, slot: slot)
            let bound = libdeflate_deflate_compress_bound(compressor, part.count)
            let output = scratch.buffer("png-deflate-\(slot)", count: bound, of: UInt8.self)
            jobs.append((UInt(bitPattern: compressor), UInt(bitPattern: output), bound))
        }
        let inputAddress = UInt(bitPattern: input.baseAddress)
        let frozenJobs = jobs
        // Written by one worker each, read after both finish.
        let results = UnsafeMutablePointer<(written: Int, adler: UInt32)>.allocate(capacity: parts.count)
        defer { results.deallocate() }
        let resultsAddress = UInt(bitPattern: results)
        DispatchQueue.concurrentPerform(iterations: parts.count) { slot in
            let job = frozenJobs[slot], part = parts[slot]
            let source = UnsafeRawPointer(bitPattern: inputAddress)! + part.lowerBound
            let written = libdeflate_deflate_compress(OpaquePointer(bitPattern: job.compressor), source, part.count,
                                                      UnsafeMutableRawPointer(bitPattern: job.output), job.bound)
            let adler = libdeflate_adler32(1, source, part.count)
            UnsafeMutablePointer<(written: Int, adler: UInt32)>(bitPattern: resultsAddress)![slot] = (written, adler)
        }
        guard results[0].written > 0, results[1].written > 0 else { return nil }
        let first = UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: jobs[0].output), count: results[0].written)
        let second = UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: jobs[1].output), count: results[1].written)
        // The zlib header libdeflate writes at this level (RFC 1950: deflate, 32 KiB window, FLEVEL).
        let flags: UInt8 = level < 2 ? 0x01 : level < 6 ? 0x5E : level == 6 ? 0x9C : 0xDA
        var stream: [UInt8] = [0x78, flags]
        stream.reserveCapacity(first.count + second.count + 8)
        guard DeflateJoin.join(first, second, into: &stream) else { return nil }
        let adler = UInt32(truncatingIfNeeded: adler32_combine(uLong(results[0].adler), uLong(results[1].adler), parts[1].count))
        stream.appendBigEndian(adler)
        let out = scratch.buffer("png-zlib", count: stream.count, of: UInt8.self)
        stream.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: $0.count) }
        return UnsafeRawBufferPointer(start: out, count: stream.count)
    }
}

/// libdeflate compressors kept between renders, one per level and worker slot: a compressor holds
/// its hash tables, which are worth allocating once. Not thread-safe; owned by one `ChartRenderer`
/// (two-core compression hands each worker its own slot).
final class DeflateCompressors {
    private var byKey: [Int: OpaquePointer] = [:]

    deinit {
        for compressor in byKey.values { libdeflate_free_compressor(compressor) }
    }

    func compressor(level: Int, slot: Int = 0) throws -> OpaquePointer {
        let key = slot * 100 + level
        if let existing = byKey[key] { return existing }
        guard let made = libdeflate_alloc_compressor(Int32(level)) else {
            throw RenderError.pngEncoding("libdeflate cannot make a compressor at level \(level) (levels are 0–12)")
        }
        byKey[key] = made
        return made
    }
}
