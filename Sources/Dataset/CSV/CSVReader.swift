#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Support

/// A streaming RFC 4180 reader over bytes.
///
/// Hand-written because the listed CSV libraries (SwiftCSV, CSV.swift) build a `String` per
/// field and reach a few tens of MB/s; the GTD import needs hundreds (see `Scripts/bench`).
/// It accepts a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with commas,
/// doubled quotes and line breaks, and rejects what RFC 4180 does not allow with the line
/// and column where it happened.
public final class CSVReader {
    public let file: String
    public let limits: CSVLimits
    public let delimiter: UInt8

    private let source: ByteSource
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var filled = 0
    private var position = 0
    private var atEndOfInput = false
    private var line = 1
    /// The fields of the row being read; reused for every row.
    private var spanStorage: UnsafeMutablePointer<CSVFieldSpan>
    private var spanCapacity = 256
    private var spanCount = 0
    private let byteClasses: UnsafeMutablePointer<UInt8>
    private var checkedPreamble = false
    /// Set when the last row failed on its quotes, the errors `forEachRow` can resynchronise after.
    private var brokenRecord = false
    /// Set when that row's quotes were still open at the end of the file.
    private var brokenByEnd = false
    /// Bytes consumed before the current buffer start; gives progress on large files.
    public private(set) var bytesConsumed = 0
    /// Bytes of the input before the row being read: exact progress through the file.
    public var bytesRead: Int { bytesConsumed + position }
    /// True while `forEachRow` hands over the file's last row and that row has no line break
    /// after it: together with too few fields, the sign of a file cut short (an interrupted download).
    public private(set) var rowEndsFileWithoutLineBreak = false

    /// Reads a file in chunks, so memory stays bounded by the longest row, not the file.
    public convenience init(path: String, displayName: String? = nil, limits: CSVLimits = .default, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) throws(Diagnostic) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw Diagnostic(SourceLocation(file: displayName ?? path), "cannot open the file: \(reason)",
                             hint: "check the path and that the file is readable")
        }
        self.init(source: .file(fd), file: displayName ?? path, limits: limits, delimiter: delimiter, chunkSize: chunkSize)
    }

    /// Reads bytes already in memory.
    public convenience init(bytes: [UInt8], file: String, limits: CSVLimits = .default, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.init(source: .memory(bytes), file: file, limits: limits, delimiter: delimiter, chunkSize: max(bytes.count + 1, 64))
    }

    private init(source: ByteSource, file: String, limits: CSVLimits, delimiter: UInt8, chunkSize: Int) {
        self.source = source
        self.file = file
        self.limits = limits
        self.delimiter = delimiter
        self.capacity = max(chunkSize, 64)
        // One spare byte after the data, always zero, ends every scan without a bounds check.
        self.buffer = .allocate(capacity: capacity + 1)
        self.buffer[0] = 0
        self.spanStorage = .allocate(capacity: 256)
        self.byteClasses = CSVReader.makeByteClasses(delimiter: delimiter)
    }

    deinit {
        buffer.deallocate()
        spanStorage.deallocate()
        byteClasses.deallocate()
    }

    /// Calls `body` with each row in order, the header included. Stops at the first syntax error.
    public func forEachRow(_ body: (CSVRow) throws -> Void) throws {
        try forEachRow(resynchronising: nil, body)
    }

    /// Calls `body` with each row in order, the header included.
    ///
    /// Without `resynchronising`, the first syntax error stops the read. With it, a record broken
    /// by its quotes (a quote left open, a stray quote inside a field, text after a closing quote)
    /// is handed to `resynchronising` with the place where it went wrong, and is left out; reading
    /// goes on at the next line that starts a plausible record: one that reads cleanly with as many
    /// fields as the header (the first row). An unclosed quote swallows the lines after it into
    /// one field, so the lines it swallowed are read again as records of their own. The handler
    /// may throw to stop after all (a `--strict` import). NUL bytes, and fields over the size
    /// limit outside quotes, still stop the read: they mean the wrong file, not one bad record.
    public func forEachRow(resynchronising: ((Diagnostic) throws -> Void)?, _ body: (CSVRow) throws -> Void) throws {
        try fill()
        try checkPreamble()
        var rows = 0
        var headerFields: Int? = nil
        // A broken record, reported once a plausible record follows it; until then each line is a
        // candidate. One that the end of the file cut off inside quotes, with no record after it,
        // is a truncated file rather than one bad record, and stops the read as before.
        var pending: Diagnostic? = nil
        var pendingCutOffByEnd = false
        while true {
            if position >= filled {
                if !atEndOfInput { try refill(keepingFrom: position) }
                if position >= filled && atEndOfInput {
                    guard let broken = pending, let resynchronising else { return }
                    if pendingCutOffByEnd { throw broken }
                    try resynchronising(broken)
                    return
                }
                continue
            }
            let rowStart = position
            let rowLine = line
            brokenRecord = false
            brokenByEnd = false
            let outcome = parseRowCatching(from: rowStart)
            guard let result = outcome.result else {
                let error = outcome.error!
                guard resynchronising != nil && brokenRecord && headerFields != nil else { throw error }
                if pending == nil {
                    pending = error
                    pendingCutOffByEnd = brokenByEnd
                }
                line = rowLine
                try skipLine(from: rowStart)
                continue
            }
            switch result {
            case .needMore:
                try refill(keepingFrom: rowStart)
                line = rowLine
            case .complete(let next):
                if let broken = pending, let resynchronising {
                    if spanCount != headerFields {
                        line = rowLine
                        try skipLine(from: rowStart)
                        continue
                    }
                    pending = nil
                    try resynchronising(broken)
                }
                if headerFields == nil { headerFields = spanCount }
                if let maxRows = limits.maxRows, rows > maxRows {
                    throw Diagnostic(SourceLocation(file: file, line: rowLine),
                                     "more than \(maxRows) data rows",
                                     hint: "the row limit guards against runaway input; raise it with --max-rows")
                }
                let fieldSpans = UnsafeBufferPointer(start: UnsafePointer(spanStorage), count: spanCount)
                rowEndsFileWithoutLineBreak = atEndOfInput && next >= filled
                    && (next == 0 || (buffer[next - 1] != UInt8(ascii: "\n") && buffer[next - 1] != UInt8(ascii: "\r")))
                try body(CSVRow(base: UnsafePointer(buffer), spans: fieldSpans, line: rowLine, rowStart: rowStart, file: file))
                rows += 1
                position = next
            }
        }
    }

    /// Reads every row into memory as text. For small tables such as the curated corpus.
    public func readAll() throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        try forEachRow { row in
            records.append(CSVRecord(line: row.line, fields: try row.strings()))
        }
        return records
    }

    /// Moves past the line that starts at `start` (a broken record's first line, or a line it
    /// swallowed), counting it, so the next read starts on the line after.
    private func skipLine(from start: Int) throws {
        var from = start
        while true {
            var i = from
            while i < filled && buffer[i] != UInt8(ascii: "\n") { i += 1 }
            if i < filled {
                position = i + 1
                line += 1
                return
            }
            if atEndOfInput {
                position = filled
                return
            }
            // The line goes on past the buffer: keep it (it may be most of the buffer) and read more.
            let scanned = i - start
            try refill(keepingFrom: start)
            from = scanned
        }
    }

    // MARK: - Scanning

    /// `parseRow`'s result or its error, as values.
    private func parseRowCatching(from start: Int) -> (result: RowResult?, error: Diagnostic?) {
        do {
            return (try parseRow(from: start), nil)
        } catch {
            return (nil, error)
        }
    }

    private enum RowResult {
        case complete(next: Int)
        case needMore
    }

    /// Scans one row from `start`. Everything the loop touches is in locals (the class's stored
    /// properties would cost an exclusivity check per access), and the byte classes come from a
    /// table, so an unquoted byte costs one load and one test. The zero byte after the data
    /// (`buffer[filled]`) ends every scan without a bounds check.
    private func parseRow(from start: Int) throws(Diagnostic) -> RowResult {
        let base = buffer
        let filled = self.filled
        let atEnd = atEndOfInput
        let maxColumns = limits.maxColumns
        let maxFieldBytes = limits.maxFieldBytes
        let classes = byteClasses
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let delimiter = self.delimiter
        let delimiters = CSVReader.everyByte(delimiter), quotes = CSVReader.quotes
        let lineFeeds = CSVReader.lineFeeds
        var fields = spanStorage
        var capacity = spanCapacity
        var count = 0
        var i = start
        var newlines = 0
        // The 64 bytes from blockStart as two masks: the delimiters, and the other bytes that may
        // end an unquoted field (quotes and control bytes below 0x0E).
        var blockStart = Int.min / 2
        var blockDelimiters: UInt64 = 0
        var blockOthers: UInt64 = 0
        defer { spanCount = count }

        @inline(__always) func append(_ span: CSVFieldSpan) {
            if count == capacity {
                growSpans()
                fields = spanStorage
                capacity = spanCapacity
            }
            fields[count] = span
            count += 1
        }

        while true {
            // Fields that end at a delimiter with no other stop byte before it: most of a wide
            // export's cells. Each costs a bit search and a store, with no load of the bytes
            // themselves, and the masks run on from block to block; anything else (a quote, a line
            // end, a field over the size limit, the data's last 63 bytes) is left to the general
            // steps below, which read that field again from its start.
            var scan = i
            fast: while count < maxColumns {
                if scan < blockStart || scan >= blockStart &+ 64 {
                    guard scan &+ 64 <= filled else { break }
                    blockStart = scan
                    (blockDelimiters, blockOthers) = CSVReader.stopMasks(base + scan, delimiters: delimiters)
                }
                // The block's stops from `scan` on, lowest first, each cleared once passed: the
                // loop carries only this mask and the field's start.
                var pending = (blockDelimiters | blockOthers) & (~0 << UInt64(scan &- blockStart))
                while pending != 0 {
                    let k = pending.trailingZeroBitCount
                    let end = blockStart &+ k
                    guard blockDelimiters & (1 << UInt64(k)) != 0, end &- i <= maxFieldBytes, count < maxColumns else { break fast }
                    append(CSVFieldSpan(fieldStart: i, start: i, end: end, hasDoubledQuotes: false))
                    i = end &+ 1
                    pending &= pending &- 1
                }
                scan = blockStart &+ 64
            }
            // One field per iteration.
            if count >= maxColumns {
                throw Diagnostic(location(at: i, rowStart: start),
                                 "more than \(maxColumns) columns in one row",
                                 hint: "check the delimiter; the column limit can be raised with --max-columns")
            }
            let fieldStart = i
            if i < filled && base[i] == quote {
                let newlinesBefore = newlines
                i += 1
                let contentStart = i
                var doubled = false
                while true {
                    // Skip ordinary bytes: everything but a quote, a line feed and zero; eight at
                    // a time while none of the eight is one (summaries are hundreds of bytes).
                    while i + 8 <= filled {
                        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        if CSVReader.zeroBytes(word ^ quotes) | CSVReader.zeroBytes(word ^ lineFeeds)
                            | CSVReader.zeroBytes(word) != 0 { break }
                        i += 8
                    }
                    while classes[Int(base[i])] & CSVReader.stopsQuoted == 0 { i += 1 }
                    if i - contentStart > maxFieldBytes {
                        brokenRecord = true
                        throw fieldTooLarge(at: fieldStart, rowStart: start)
                    }
                    let byte = base[i]
                    if byte == quote {
                        if i + 1 >= filled && !atEnd { return .needMore }
                        if i + 1 < filled && base[i + 1] == quote {
                            doubled = true
                            i += 2
                            continue
                        }
                        break
                    }
                    if byte == lf {
                        newlines += 1
                        i += 1
                        continue
                    }
                    // A zero byte: the end of the data, or a NUL in the text.
                    guard i >= filled else { throw nulByte(at: i, rowStart: start) }
                    if atEnd {
                        brokenRecord = true
                        brokenByEnd = true
                        throw Diagnostic(location(at: fieldStart, rowStart: start),
                                         "unterminated quoted field: the file ends inside quotes opened here",
                                         hint: "close the quote with \" or double any quote inside the field (\"\")")
                    }
                    return .needMore
                }
                append(CSVFieldSpan(fieldStart: fieldStart, start: contentStart, end: i, hasDoubledQuotes: doubled))
                i += 1  // closing quote
                guard i < filled else {
                    if atEnd { return finish(at: i, newlines: newlines) }
                    return .needMore
                }
                let next = base[i]
                if next == delimiter { i += 1; continue }
                if next == lf || next == cr { return endOfLine(at: i, newlines: newlines) }
                brokenRecord = true
                if newlines > newlinesBefore {
                    // The field ran over line ends to a quote that was most likely another field's
                    // opening one: the quote left open is where the field began.
                    let found = location(at: i, rowStart: start)
                    throw Diagnostic(location(at: fieldStart, rowStart: start),
                                     "a quote opened here is never closed: the field runs on over \(newlines - newlinesBefore) line break(s) to line \(found.line ?? 0), column \(found.column ?? 0), where text follows a quote",
                                     hint: "close the quote with \", or double any quote inside the field (\"\")")
                }
                throw Diagnostic(location(at: i, rowStart: start),
                                 "unexpected character after a closing quote",
                                 hint: "a quoted field must be followed by a delimiter or a line end; write a quote inside a field as \"\"")
            } else {
                // Find the field's end from a bit mask of the 64 bytes from `blockStart`: one bit
                // per delimiter, quote or control byte below 0x0E (LF, CR, zero, and a few that
                // are ordinary, such as a tab, which the table then passes over). Most fields are
                // a few bytes long: the mask is built once per 64 bytes, with no branch per byte,
                // and each field's end is then one bit search instead of a chain of loads.
                while true {
                    if i >= blockStart && i < blockStart + 64 {
                        let rest = (blockDelimiters | blockOthers) & (~0 << UInt64(i - blockStart))
                        if rest != 0 {
                            i = blockStart + rest.trailingZeroBitCount
                            if classes[Int(base[i])] & CSVReader.stopsUnquoted != 0 { break }
                            i += 1
                            continue
                        }
                        i = blockStart + 64
                    }
                    // The block must lie inside the data; near its end the byte loop below finishes.
                    guard i + 64 <= filled else { break }
                    blockStart = i
                    (blockDelimiters, blockOthers) = CSVReader.stopMasks(base + i, delimiters: delimiters)
                }
                while classes[Int(base[i])] & CSVReader.stopsUnquoted == 0 { i += 1 }
                let byte = base[i]
                if i - fieldStart > maxFieldBytes { throw fieldTooLarge(at: fieldStart, rowStart: start) }
                // Most fields end at a delimiter: that case first.
                if byte == delimiter {
                    append(CSVFieldSpan(fieldStart: fieldStart, start: fieldStart, end: i, hasDoubledQuotes: false))
                    i += 1
                    continue
                }
                if byte == lf || byte == cr {
                    // A CR at the very end of a chunk may be the first half of CRLF.
                    if byte == cr && i + 1 >= filled && !atEnd { return .needMore }
                    append(CSVFieldSpan(fieldStart: fieldStart, start: fieldStart, end: i, hasDoubledQuotes: false))
                    return endOfLine(at: i, newlines: newlines)
                }
                if byte == quote {
                    brokenRecord = true
                    throw Diagnostic(location(at: i, rowStart: start),
                                     "a quote inside an unquoted field",
                                     hint: "quote the whole field and double the inner quote: \"say \"\"hi\"\"\"")
                }
                // A zero byte: a NUL in the text, or the end of the data.
                if i < filled { throw nulByte(at: i, rowStart: start) }
                guard atEnd else { return .needMore }
                append(CSVFieldSpan(fieldStart: fieldStart, start: fieldStart, end: i, hasDoubledQuotes: false))
                return finish(at: i, newlines: newlines)
            }
        }
    }

    /// A word with `byte` in each of its eight bytes.
    @inline(__always) private static func everyByte(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }
    private static let quotes = everyByte(UInt8(ascii: "\""))
    private static let lineFeeds = everyByte(UInt8(ascii: "\n"))

    /// Non-zero when some byte of `word` is zero (the high bit of the first zero byte is set; bits
    /// above it may be set by the borrow, so this says whether, not where).
    @inline(__always) private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Of the 64 bytes at `pointer`: bit k of `delimiters` set when byte k is the delimiter, and
    /// of `others` when it is a quote or below 0x0E (a tab delimiter is in both).
    @inline(__always) private static func stopMasks(_ pointer: UnsafePointer<UInt8>, delimiters: UInt64) -> (delimiters: UInt64, others: UInt64) {
        var found: UInt64 = 0
        var others: UInt64 = 0
        for k in 0..<8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(pointer + 8 * k).loadUnaligned(as: UInt64.self))
            let delimiter = exactZeroBytes(word ^ delimiters)
            let other = exactZeroBytes(word ^ quotes) | controlBytes(word)
            // The eight high bits gathered into the top byte (bit 7 of byte j lands on bit 56 + j).
            found |= ((delimiter &* 0x0002_0408_1020_4081) >> 56) << UInt64(8 * k)
            others |= ((other &* 0x0002_0408_1020_4081) >> 56) << UInt64(8 * k)
        }
        return (found, others)
    }

    /// The high bit of each byte of `word` that is zero, and of no other (no borrow between bytes).
    @inline(__always) private static func exactZeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word) & 0x8080_8080_8080_8080
    }

    /// The high bit of each byte of `word` below 0x0E (zero, LF, CR among them), and of no other.
    @inline(__always) private static func controlBytes(_ word: UInt64) -> UInt64 {
        ~((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7272_7272_7272_7272) & ~word & 0x8080_8080_8080_8080
    }

    /// Bit flags per byte value: which bytes end a run inside a quoted or an unquoted field.
    private static let stopsQuoted: UInt8 = 1
    private static let stopsUnquoted: UInt8 = 2

    private static func makeByteClasses(delimiter: UInt8) -> UnsafeMutablePointer<UInt8> {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for byte in [UInt8(ascii: "\""), UInt8(ascii: "\n"), 0] { table[Int(byte)] |= stopsQuoted }
        for byte in [UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"), delimiter, 0] { table[Int(byte)] |= stopsUnquoted }
        return table
    }

    private func growSpans() {
        let newCapacity = spanCapacity * 2
        let grown = UnsafeMutablePointer<CSVFieldSpan>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: spanStorage, count: spanCapacity)
        spanStorage.deallocate()
        spanStorage = grown
        spanCapacity = newCapacity
    }

    private func endOfLine(at i: Int, newlines: Int) -> RowResult {
        var next = i
        if buffer[next] == UInt8(ascii: "\r") { next += 1 }
        if next < filled && buffer[next] == UInt8(ascii: "\n") { next += 1 }
        line += newlines + 1
        return .complete(next: next)
    }

    private func finish(at i: Int, newlines: Int) -> RowResult {
        line += newlines
        return .complete(next: i)
    }

    // MARK: - Buffer management

    private func fill() throws(Diagnostic) {
        while filled < capacity && !atEndOfInput {
            let count = try source.read(into: buffer + filled, count: capacity - filled, file: file)
            if count == 0 { atEndOfInput = true }
            filled += count
        }
        buffer[filled] = 0
    }

    /// Moves the unfinished row to the front and reads more; grows the buffer for rows longer than it.
    private func refill(keepingFrom start: Int) throws(Diagnostic) {
        let kept = filled - start
        if start == 0 && kept >= capacity {
            let newCapacity = capacity * 2
            let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity + 1)
            newBuffer.update(from: buffer, count: filled)
            buffer.deallocate()
            buffer = newBuffer
            capacity = newCapacity
        } else if start > 0 {
            buffer.update(from: buffer + start, count: kept)
        }
        bytesConsumed += start
        filled = kept
        position = 0
        try fill()
    }

    private func checkPreamble() throws(Diagnostic) {
        guard !checkedPreamble else { return }
        checkedPreamble = true
        if filled >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)) {
            throw Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the file is UTF-16 text",
                             hint: "save it as UTF-8 CSV (in a spreadsheet: 'CSV UTF-8'), or convert with `iconv -f UTF-16 -t UTF-8`")
        }
        if filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            position = 3  // a UTF-8 byte-order mark, as spreadsheet programs write
        }
    }

    // MARK: - Errors

    private func location(at offset: Int, rowStart: Int) -> SourceLocation {
        CSVPosition.locate(offset: offset, in: UnsafePointer(buffer), from: rowStart, line: line, file: file)
    }

    private func nulByte(at offset: Int, rowStart: Int) -> Diagnostic {
        Diagnostic(location(at: offset, rowStart: rowStart), "NUL byte in the text",
                   hint: "this looks like a binary or UTF-16 file, not UTF-8 CSV text")
    }

    private func fieldTooLarge(at offset: Int, rowStart: Int) -> Diagnostic {
        Diagnostic(location(at: offset, rowStart: rowStart),
                   "a field longer than the limit of \(limits.maxFieldBytes) bytes",
                   hint: "an unbalanced quote can swallow the rest of the file; if the field is genuine, raise the limit with --max-field-bytes")
    }
}

/// A row read into memory: its starting line and its fields as text.
public struct CSVRecord: Sendable, Hashable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Where the reader's bytes come from.
private final class ByteSource {
    private enum Kind {
        case file(Int32)
        case memory([UInt8])
    }
    private let kind: Kind
    private var offset = 0

    static func file(_ fd: Int32) -> ByteSource { ByteSource(.file(fd)) }
    static func memory(_ bytes: [UInt8]) -> ByteSource { ByteSource(.memory(bytes)) }

    private init(_ kind: Kind) { self.kind = kind }

    deinit {
        if case .file(let fd) = kind { close(fd) }
    }

    /// Fills up to `count` bytes of `destination`; returns 0 at the end of the input.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int, file: String) throws(Diagnostic) -> Int {
        switch kind {
        case .file(let fd):
            while true {
                #if canImport(Glibc)
                let n = Glibc.read(fd, destination, count)
                #else
                let n = Darwin.read(fd, destination, count)
                #endif
                if n >= 0 { return n }
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw Diagnostic(SourceLocation(file: file), "cannot read the file: \(reason)",
                                 hint: "is it a folder or a device rather than a file?")
            }
        case .memory(let bytes):
            let n = min(count, bytes.count - offset)
            guard n > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                destination.update(from: source.baseAddress! + offset, count: n)
            }
            offset += n
            return n
        }
    }
}
