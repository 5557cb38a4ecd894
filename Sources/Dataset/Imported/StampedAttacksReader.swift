#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDeflate
import Support

/// Reads a stamped attacks table straight from its bytes into `StampedAttacks`, for a command that
/// only counts its events (`trend`), in one pass that also computes the CRC-32 the stamp is checked
/// against: the file is read once, in 256 KiB chunks, rather than once for the CRC and again through
/// `CSVReader` into rows of cells and then into `Attack`s (a trend over a 200,000-row import spent
/// half its time there).
///
/// The seven columns read are parsed as strictly as `FastCellParser` parses them; the others are
/// skipped, only counted (every row must have the header's number of fields). The cells' bounds
/// come from bit masks of the separators, 64 bytes at a time (`StructureBlocks`): no loop over
/// the bytes of a cell skipped, and a row's columns after the last one read counted by popcount.
/// Anything not as an import writes it — a size or CRC other than the stamp's, a quoted or
/// malformed cell in a column read, a row citing another source, a carriage return outside
/// quotes, a NUL byte, a quote out of place, a field past the limit, a ragged row, a catalog whose
/// columns have other types — returns nil, and the caller reads the file as before.
struct StampedAttacksReader {
    /// The columns read, each with the type its parse assumes.
    static let columns: [(name: String, type: ColumnType)] = [
        ("id", .id), ("date", .date), ("country", .country), ("killed", .integer), ("wounded", .integer),
        ("source_id", .ref), ("stands_for", .enumeration),
    ]
    /// `columns` as a set, for callers that name the columns they read.
    static var columnNames: Set<String> { Set(columns.map(\.name)) }

    private enum Role: UInt8 {
        case skip = 0, id, date, country, killed, wounded, sourceID, standsFor
    }

    private enum Step {
        case row(next: Int)
        case needMore
        case refused
    }

    private let schema: TableSchema
    private let limits: CSVLimits
    private let source: [UInt8]
    /// `stands_for`'s allowed values, with whether each is `several-events`.
    private let standsForValues: [([UInt8], Bool)]
    private let killedRange: CountRule
    private let woundedRange: CountRule

    /// What a count column accepts, read from its schema once rather than once a row.
    private struct CountRule {
        var minimum: Double?
        var maximum: Double?
        var required: Bool

        init(_ column: ColumnSchema?) {
            minimum = column?.minimum
            maximum = column?.maximum
            required = column?.required ?? false
        }
    }

    private var roles: [Role] = []
    private var lastRoleColumn = -1
    private var headerCount = 0
    /// The index of each four-letter code, by its bytes packed into a UInt32.
    private var countryIndex: [UInt32: UInt16] = [:]
    /// The index of each three-letter code (nearly every row's), at the code's number in base 26,
    /// `UInt16.max` for one not seen yet: an array read rather than a dictionary lookup a row.
    private var threeLetterIndex = [UInt16](repeating: .max, count: 26 * 26 * 26)
    private var countryCodes: [String] = []
    private var records: [StampedAttacks.Record] = []
    /// Whether the rows so far come in the order `EventTables.dateOrder` puts them in (date, then
    /// id), as an import writes them: checked here on the id's bytes, so that the events need not
    /// compare 200,000 id strings again to find out.
    private var inDateOrder = true
    /// The last row's date and id, for that check.
    private var previousDate: PartialDate? = nil
    private var previousID = ""
    /// The last date cell parsed, as `dateKey` packs its bytes, and its date: a day's rows come
    /// together, and a cell equal to the last one is not parsed again.
    private var cachedDateKey: (UInt64, UInt32) = (0, 0)
    private var cachedDate: PartialDate? = nil

    private init?(schema: TableSchema, sourceID: String, limits: CSVLimits) {
        // A catalog whose columns are not of the types parsed here is read the general way.
        for (name, type) in Self.columns {
            guard let column = schema.column(named: name) else {
                if name == "stands_for" || name == "killed" || name == "wounded" { continue }
                return nil
            }
            guard column.type == type || (name == "source_id" && column.type == .text) else { return nil }
        }
        guard !sourceID.isEmpty else { return nil }
        self.schema = schema
        self.limits = limits
        source = Array(sourceID.utf8)
        standsForValues = (schema.column(named: "stands_for")?.allowedValues ?? []).map { (Array($0.utf8), $0 == "several-events") }
        killedRange = CountRule(schema.column(named: "killed"))
        woundedRange = CountRule(schema.column(named: "wounded"))
    }

    /// The file's attacks, or nil when the file is not, byte for byte, the one `stamp` vouches
    /// for, or is not as an import writes it. `chunkSize` is the first read's size (tests make it
    /// small, so that chunk ends fall everywhere in rows and quoted cells). 256 KiB rather than
    /// 4 MiB: the chunk stays in the core's cache between the read's copy, the CRC and the scan,
    /// and the buffer's pages are not faulted in 4 MiB at a time.
    static func read(_ schema: TableSchema, path: String, stamp: ImportStamp, limits: CSVLimits,
                     chunkSize: Int = 1 << 18) -> StampedAttacks? {
        guard var reader = StampedAttacksReader(schema: schema, sourceID: stamp.sourceID, limits: limits) else { return nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == stamp.bytes else { return nil }
        // About 33 bytes of records a row of ~330: reserving from the size saves the regrowth copies.
        reader.records.reserveCapacity(stamp.bytes / 256 + 16)

        var capacity = max(chunkSize, 1)
        // After the data, a `\n` (the sentinel that ends a last row without a line break, and what
        // follows a quote at the end of the data) and the rest of a 64-byte block: `StructureBlocks`
        // loads whole blocks, and masks off the bytes past the data.
        func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + StructureBlocks.padding)
            buffer.initialize(repeating: 0, count: capacity + StructureBlocks.padding)
            return buffer
        }
        var buffer = allocate(capacity)
        defer { buffer.deallocate() }
        var filled = 0, start = 0
        var crc: UInt32 = 0, total = 0
        var atEnd = false
        while !atEnd {
            if start > 0 {
                memmove(buffer, buffer + start, filled - start)
                filled -= start
                start = 0
            }
            if filled == capacity {
                // A row longer than the buffer: only a field past the limit makes one, and the
                // general reader then says so.
                guard capacity < limits.maxFieldBytes * 4 else { return nil }
                let larger = allocate(capacity * 2)
                larger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let count = Glibc.read(fd, buffer + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 {
                atEnd = true
            } else {
                crc = libdeflate_crc32(crc, buffer + filled, count)
                total += count
                filled += count
            }
            buffer[filled] = UInt8(ascii: "\n")
            if reader.headerCount == 0 {
                switch reader.header(buffer, from: start, filled: filled, atEnd: atEnd) {
                case .row(let next): start = next
                case .needMore: continue
                case .refused: return nil
                }
            }
            guard let next = reader.rows(buffer, from: start, filled: filled, atEnd: atEnd) else { return nil }
            start = next
        }
        guard total == stamp.bytes, crc == stamp.crc32, reader.headerCount > 0, !reader.records.isEmpty else { return nil }
        if let maxRows = limits.maxRows, reader.records.count > maxRows { return nil }
        return StampedAttacks(sourceID: stamp.sourceID, countryCodes: reader.countryCodes, records: reader.records,
                              inDateOrder: reader.inDateOrder)
    }

    /// Reads the complete data rows from `start` on: where the first row not complete in the data
    /// read so far starts (`filled` when all were), or nil when a row is refused. At the end of the
    /// file, its sentinel (`buffer[filled]`, a `\n`) ends a last row without a line break.
    ///
    /// The separators (commas and line ends outside quotes) come from `StructureBlocks`, 64 bytes
    /// at a time: a read column's cell lies between two of them, and the columns after the last
    /// one read are only counted, by the separators before the row's line end.
    private mutating func rows(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, filled: Int, atEnd: Bool) -> Int? {
        var blocks = StructureBlocks(buffer, from: start, limit: atEnd ? filled + 1 : filled)
        let roles = self.roles
        let maxFieldBytes = limits.maxFieldBytes
        // Locals, not loads through `self` at every field.
        let headerCount = self.headerCount, lastRoleColumn = self.lastRoleColumn
        var rowStart = start
        while rowStart < filled {
            var id = "", date: PartialDate? = nil, country: UInt16? = nil, killed: Int32 = -1, wounded: Int32 = -1
            var standsForSeveral = false
            var fieldStart = rowStart
            var column = 0
            let rowEnd: Int
            while true {
                // No separator in the data read so far: the row goes on in the next chunk (at the
                // end of the file, the sentinel ends every row but one inside an unclosed quote).
                guard let end = blocks.nextSeparator() else { return atEnd ? nil : rowStart }
                guard end - fieldStart <= maxFieldBytes else { return nil }
                let role = roles[column]
                if role != .skip {
                    // A quoted cell is never one the columns read need (ids, dates, codes, numbers).
                    guard buffer[fieldStart] != UInt8(ascii: "\"") else { return nil }
                    let cell = UnsafeBufferPointer(start: buffer + fieldStart, count: end - fieldStart)
                    switch role {
                    case .skip: break
                    case .id:
                        guard Self.isID(buffer + fieldStart, count: cell.count) else { return nil }
                        id = String(decoding: cell, as: UTF8.self)
                    case .date:
                        let key = Self.dateKey(buffer + fieldStart, count: cell.count)
                        if key == cachedDateKey, let cachedDate {
                            date = cachedDate
                        } else {
                            guard let value = FastCellParser.date(cell) else { return nil }
                            date = value
                            cachedDateKey = key
                            cachedDate = value
                        }
                    case .country:
                        guard let value = countryCode(cell) else { return nil }
                        country = value
                    case .killed:
                        guard let value = count(cell, killedRange) else { return nil }
                        killed = value
                    case .wounded:
                        guard let value = count(cell, woundedRange) else { return nil }
                        wounded = value
                    case .sourceID:
                        guard cell.count == source.count,
                              source.withUnsafeBufferPointer({ memcmp($0.baseAddress!, cell.baseAddress!, cell.count) }) == 0 else { return nil }
                    case .standsFor:
                        if cell.isEmpty { break }
                        guard let value = standsForValues.first(where: { $0.0.elementsEqual(cell) }) else { return nil }
                        standsForSeveral = value.1
                    }
                }
                column += 1
                if buffer[end] == UInt8(ascii: "\n") {
                    // The header has three columns at least (id, date, country), so a blank
                    // line, one empty field, is refused here too.
                    guard column == headerCount else { return nil }
                    rowEnd = end
                    break
                }
                guard column < headerCount else { return nil }
                fieldStart = end + 1
                if column > lastRoleColumn {
                    // The rest of the row: its fields counted by the commas before its line end.
                    guard let (lineEnd, commas) = blocks.nextLineEnd() else { return atEnd ? nil : rowStart }
                    guard column + 1 + commas == headerCount else { return nil }
                    // Each field within the limit: surely so when all of them together are.
                    guard lineEnd - fieldStart <= maxFieldBytes || Self.fieldsWithinLimit(buffer, from: fieldStart, to: lineEnd, maxFieldBytes)
                    else { return nil }
                    rowEnd = lineEnd
                    break
                }
            }
            // A quote out of place, a carriage return or a NUL byte in the row.
            guard blocks.firstRefusal > rowEnd, let date, let country else { return nil }
            if inDateOrder, let previousDate {
                // Ids are lower-case ASCII letters, digits and hyphens: they order as their bytes
                // do (ASCII strings compare by their bytes).
                if date < previousDate {
                    inDateOrder = false
                } else if date == previousDate, id < previousID {
                    inDateOrder = false
                }
            }
            previousDate = date
            previousID = id
            records.append(StampedAttacks.Record(id: id, date: date, country: country, standsForSeveral: standsForSeveral,
                                                 killedValue: killed, woundedValue: wounded))
            rowStart = rowEnd + 1
        }
        return min(rowStart, filled)
    }

    /// Whether every field between `start` (a field's start) and `end` (a line end) is within the
    /// limit, quotes counted: for a row whose skipped columns together are longer than it.
    private static func fieldsWithinLimit(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int, _ limit: Int) -> Bool {
        var fieldStart = start, quoted = false
        for position in start..<end {
            if buffer[position] == UInt8(ascii: "\"") {
                // A doubled quote inside a quoted cell toggles twice.
                quoted.toggle()
            } else if buffer[position] == UInt8(ascii: ","), !quoted {
                if position - fieldStart > limit { return false }
                fieldStart = position + 1
            }
        }
        return end - fieldStart <= limit
    }

    private mutating func header(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, filled: Int, atEnd: Bool) -> Step {
        let lineEnd: Int
        if let found = memchr(buffer + start, Int32(UInt8(ascii: "\n")), filled - start) {
            lineEnd = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
        } else {
            guard atEnd else { return .needMore }
            lineEnd = filled
        }
        let bytes = UnsafeBufferPointer(start: buffer + start, count: lineEnd - start)
        // An import writes its header as plain names: no quotes, no carriage return, no NUL.
        guard !bytes.isEmpty, !bytes.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == 0 }),
              let text = String(validating: bytes, as: UTF8.self) else { return .refused }
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard names.count <= limits.maxColumns else { return .refused }
        let (_, problems) = TableLoader(limits: limits).checkHeader(names, schema: schema, file: "", line: 1)
        guard problems.isEmpty else { return .refused }
        roles = names.map { name in
            switch name {
            case "id": return .id
            case "date": return .date
            case "country": return .country
            case "killed": return .killed
            case "wounded": return .wounded
            case "source_id": return .sourceID
            case "stands_for": return .standsFor
            default: return .skip
            }
        }
        lastRoleColumn = roles.lastIndex { $0 != .skip } ?? -1
        headerCount = names.count
        return .row(next: min(lineEnd + 1, filled))
    }

    /// A date cell's bytes packed for comparison with the last one (`cachedDateKey`): the first
    /// eight (of the buffer, whose padding makes them readable; those past the cell masked off),
    /// then the ninth, tenth and the length. (0, 0) for a length no date has.
    @inline(__always)
    private static func dateKey(_ cell: UnsafeMutablePointer<UInt8>, count: Int) -> (UInt64, UInt32) {
        let head = UInt64(littleEndian: UnsafeRawPointer(cell).loadUnaligned(as: UInt64.self))
        switch count {
        case 4: return (head & 0xFFFF_FFFF, 4 << 16)
        case 7: return (head & 0x00FF_FFFF_FFFF_FFFF, 7 << 16)
        case 10: return (head, UInt32(cell[8]) | UInt32(cell[9]) << 8 | 10 << 16)
        default: return (0, 0)
        }
    }

    /// Whether the `count` bytes at `start` are a non-empty id: lower-case ASCII letters, digits
    /// and hyphens (`CellParser`'s rule for an id column). Eight bytes at a time: the bytes past
    /// the cell (readable: they are the row's or the buffer's padding) are masked off.
    @inline(__always)
    static func isID(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard count > 0 else { return false }
        var offset = 0
        while offset < count {
            let word = UInt64(littleEndian: UnsafeRawPointer(start + offset).loadUnaligned(as: UInt64.self))
            var marks = between(word, 0x60, 0x7B) | between(word, 0x2F, 0x3A) | between(word, 0x2C, 0x2E)
            if count - offset < 8 { marks |= ~((1 &<< UInt64(8 * (count - offset))) &- 1) }
            guard marks & highBits == highBits else { return false }
            offset += 8
        }
        return true
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` that lies strictly between `low` and `high` (both at
    /// most 0x80), and of no other: no byte borrows from or carries into its neighbour.
    @inline(__always)
    private static func between(_ word: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = word & (ones &* 127)
        return ((ones &* (127 + high)) &- low7) & ~word & (low7 &+ ones &* (127 - low)) & highBits
    }

    /// Three or four upper-case ASCII letters (the shape `CellParser` accepts), interned: the
    /// code's number (`threeLetterIndex`) or bytes (`countryIndex`), so a row costs a lookup and no string.
    private mutating func countryCode(_ cell: UnsafeBufferPointer<UInt8>) -> UInt16? {
        guard cell.count == 3 || cell.count == 4,
              cell.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else { return nil }
        var slot = -1
        if cell.count == 3 {
            slot = (Int(cell[0]) - 65) * 676 + (Int(cell[1]) - 65) * 26 + Int(cell[2]) - 65
            let index = threeLetterIndex[slot]
            if index != .max { return index }
        }
        var key: UInt32 = 0
        for byte in cell { key = key << 8 | UInt32(byte) }
        if slot < 0, let index = countryIndex[key] { return index }
        guard countryCodes.count < Int(UInt16.max) else { return nil }
        let index = UInt16(countryCodes.count)
        if slot >= 0 { threeLetterIndex[slot] = index } else { countryIndex[key] = index }
        countryCodes.append(String(decoding: cell, as: UTF8.self))
        return index
    }

    /// A count cell: -1 for a blank (unknown) one; nil (refused) for what `FastCellParser` would
    /// not accept as an integer in the column's range, or a value past Int32.
    private func count(_ cell: UnsafeBufferPointer<UInt8>, _ range: CountRule) -> Int32? {
        guard !cell.isEmpty else { return range.required ? nil : -1 }
        // Digits only (no sign: counts are not negative), nine at most: what `FastCellParser.integer`
        // reads without a sign, within Int32.
        guard cell.count <= 9 else { return nil }
        var value = 0
        for byte in cell {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
        }
        if let minimum = range.minimum, Double(value) < minimum { return nil }
        if let maximum = range.maximum, Double(value) > maximum { return nil }
        return Int32(value)
    }
}
