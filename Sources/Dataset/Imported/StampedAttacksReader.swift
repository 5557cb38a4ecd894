#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDeflate
import Support

/// Reads a stamped attacks table straight from its bytes into `StampedAttacks`, for a command that
/// only counts its events (`trend`), in one pass that also computes the CRC-32 the stamp is checked
/// against: the file is read once, in 4 MiB chunks, rather than once for the CRC and again through
/// `CSVReader` into rows of cells and then into `Attack`s (a trend over a 200,000-row import spent
/// half its time there).
///
/// The seven columns read are parsed as strictly as `FastCellParser` parses them; the others are
/// skipped, only counted (every row must have the header's number of fields). Anything not as an
/// import writes it — a size or CRC other than the stamp's, a quoted or malformed cell in a column
/// read, a row citing another source, a carriage return, a NUL byte, a ragged row, a catalog whose
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
    /// The bytes that end an unquoted field, or refuse it: `,` `\n` `"` `\r` and NUL, as bits of
    /// one word (all are below 64), tested without a table lookup.
    private static let stopBits: UInt64 = 1 << 0 | 1 << 10 | 1 << 13 | 1 << 34 | 1 << 44
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
    /// The last row's date and id bytes, for that check.
    private var previousDate: PartialDate? = nil
    private var previousID: [UInt8] = []

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
    /// small, so that chunk ends fall everywhere in rows and quoted cells).
    static func read(_ schema: TableSchema, path: String, stamp: ImportStamp, limits: CSVLimits,
                     chunkSize: Int = 1 << 22) -> StampedAttacks? {
        guard var reader = StampedAttacksReader(schema: schema, sourceID: stamp.sourceID, limits: limits) else { return nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == stamp.bytes else { return nil }
        // About 33 bytes of records a row of ~330: reserving from the size saves the regrowth copies.
        reader.records.reserveCapacity(stamp.bytes / 256 + 16)

        var capacity = max(chunkSize, 1)
        // One spare byte after the data holds a `\n`, which ends every scan of an unquoted field
        // without a bounds check.
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 1)
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
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + 1)
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
            rows: while start < filled {
                switch reader.step(buffer, from: start, filled: filled, atEnd: atEnd) {
                case .row(let next): start = next
                case .needMore: break rows
                case .refused: return nil
                }
            }
        }
        guard total == stamp.bytes, crc == stamp.crc32, reader.headerCount > 0, !reader.records.isEmpty else { return nil }
        if let maxRows = limits.maxRows, reader.records.count > maxRows { return nil }
        return StampedAttacks(sourceID: stamp.sourceID, countryCodes: reader.countryCodes, records: reader.records,
                              inDateOrder: reader.inDateOrder)
    }

    /// Reads the header or one data row starting at `start`.
    private mutating func step(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, filled: Int, atEnd: Bool) -> Step {
        guard headerCount > 0 else { return header(buffer, from: start, filled: filled, atEnd: atEnd) }
        var id = "", date: PartialDate? = nil, country: UInt16? = nil, killed: Int32 = -1, wounded: Int32 = -1
        var standsForSeveral = false
        var idStart = start, idEnd = start
        var position = start
        var column = 0
        fields: while true {
            let fieldStart = position
            let end: Int
            if buffer[position] == UInt8(ascii: "\"") {
                // A quoted cell is never one the columns read need (ids, dates, codes, numbers);
                // elsewhere (a description with a comma) it is skipped, doubled quotes and all.
                guard column >= roles.count || roles[column] == .skip else { return .refused }
                switch Self.quotedCellEnd(buffer, openingAt: position, filled: filled, atEnd: atEnd) {
                case .row(let next): position = next
                case let other: return other
                }
                // A NUL inside quotes is refused by the general reader too.
                if memchr(buffer + fieldStart, 0, position - fieldStart) != nil { return .refused }
                end = position
            } else {
                if column < roles.count && roles[column] != .skip {
                    while !Self.isStop(buffer[position]) { position += 1 }
                } else {
                    position = Self.nextStop(buffer, from: position, filled: filled)
                }
                // The sentinel, not a line end of the file: the cell goes on in the next chunk.
                if position == filled && !atEnd { return .needMore }
                end = position
                let byte = buffer[position]
                guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") else { return .refused }
                if column < roles.count && roles[column] != .skip {
                    let cell = UnsafeBufferPointer(start: buffer + fieldStart, count: end - fieldStart)
                    switch roles[column] {
                    case .skip: break
                    case .id:
                        guard !cell.isEmpty, cell.allSatisfy(Self.isIDByte) else { return .refused }
                        id = String(decoding: cell, as: UTF8.self)
                        idStart = fieldStart
                        idEnd = end
                    case .date:
                        guard let value = FastCellParser.date(cell) else { return .refused }
                        date = value
                    case .country:
                        guard let value = countryCode(cell) else { return .refused }
                        country = value
                    case .killed:
                        guard let value = count(cell, killedRange) else { return .refused }
                        killed = value
                    case .wounded:
                        guard let value = count(cell, woundedRange) else { return .refused }
                        wounded = value
                    case .sourceID:
                        guard cell.count == source.count,
                              source.withUnsafeBufferPointer({ memcmp($0.baseAddress!, cell.baseAddress!, cell.count) }) == 0 else { return .refused }
                    case .standsFor:
                        if cell.isEmpty { break }
                        guard let value = standsForValues.first(where: { $0.0.elementsEqual(cell) }) else { return .refused }
                        standsForSeveral = value.1
                    }
                }
            }
            guard end - fieldStart <= limits.maxFieldBytes else { return .refused }
            column += 1
            if position == filled {
                // The end of the file (without a line break after the last row), or of the
                // chunk after a closing quote: then the row goes on in the next chunk.
                guard atEnd else { return .needMore }
            } else if buffer[position] == UInt8(ascii: ",") {
                position += 1
                guard column < headerCount else { return .refused }
                if column > lastRoleColumn {
                    let rest = skipRest(buffer, from: position, filled: filled, atEnd: atEnd, column: column)
                    guard case .row(let next) = rest else { return rest }
                    position = next
                    break fields
                }
                continue
            } else if buffer[position] != UInt8(ascii: "\n") {
                return .refused
            }
            // The row's end: a line break, or the end of a file without one after its last row.
            guard column == headerCount, column > 1 || end > fieldStart else { return .refused }
            position = min(position + 1, filled)
            break
        }
        guard let date, let country else { return .refused }
        if inDateOrder, let previousDate {
            // Ids are lower-case ASCII letters, digits and hyphens: their bytes order as the
            // strings do.
            if date < previousDate {
                inDateOrder = false
            } else if date == previousDate {
                let common = min(previousID.count, idEnd - idStart)
                let order = previousID.withUnsafeBufferPointer { memcmp(buffer + idStart, $0.baseAddress!, common) }
                if order < 0 || (order == 0 && idEnd - idStart < previousID.count) { inDateOrder = false }
            }
        }
        previousDate = date
        previousID.removeAll(keepingCapacity: true)
        previousID.append(contentsOf: UnsafeBufferPointer(start: buffer + idStart, count: idEnd - idStart))
        records.append(StampedAttacks.Record(id: id, date: date, country: country, standsForSeveral: standsForSeveral,
                                             killedValue: killed, woundedValue: wounded))
        return .row(next: position)
    }

    /// The rest of a row after the last column read (`start` is the start of field `column`):
    /// where the row ends, checking that it has the header's number of fields. Unquoted stretches
    /// are found with `memchr` and their commas counted 16 bytes at a time; a quoted cell (a
    /// summary with commas or line breaks) is skipped to its closing quote. A carriage return or
    /// NUL outside quotes, a quote inside an unquoted cell, or a stretch longer than the field
    /// limit is refused, as the general reader would refuse the file or might.
    private func skipRest(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, filled: Int, atEnd: Bool, column: Int) -> Step {
        var position = start
        var fields = column + 1
        while true {
            let lineEnd: Int
            if let found = memchr(buffer + position, Int32(UInt8(ascii: "\n")), filled - position) {
                lineEnd = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                guard atEnd else { return .needMore }
                lineEnd = filled
            }
            let quote = memchr(buffer + position, Int32(UInt8(ascii: "\"")), lineEnd - position)
                .map { buffer.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? lineEnd
            guard quote - position <= limits.maxFieldBytes else { return .refused }
            let (commas, special) = Self.scan(buffer + position, count: quote - position)
            guard !special else { return .refused }
            fields += commas
            if quote == lineEnd {
                guard fields == headerCount else { return .refused }
                return .row(next: min(lineEnd + 1, filled))
            }
            // A quote opens a cell, or the general reader refuses it.
            guard quote == position || buffer[quote - 1] == UInt8(ascii: ",") else { return .refused }
            let end: Int
            switch Self.quotedCellEnd(buffer, openingAt: quote, filled: filled, atEnd: atEnd) {
            case .row(let next): end = next
            case let other: return other
            }
            guard end - quote <= limits.maxFieldBytes, memchr(buffer + quote, 0, end - quote) == nil else { return .refused }
            if end == filled || buffer[end] == UInt8(ascii: "\n") {
                guard fields == headerCount else { return .refused }
                return .row(next: min(end + 1, filled))
            }
            guard buffer[end] == UInt8(ascii: ",") else { return .refused }
            fields += 1
            position = end + 1
        }
    }

    /// Where the quoted cell whose opening quote is at `quote` ends (just past its closing quote,
    /// doubled quotes inside it skipped), as `.row(next:)`; `.needMore` when the data read so far
    /// ends inside it, `.refused` when the file does.
    private static func quotedCellEnd(_ buffer: UnsafeMutablePointer<UInt8>, openingAt quote: Int, filled: Int, atEnd: Bool) -> Step {
        var end = quote + 1
        while true {
            guard let found = memchr(buffer + end, Int32(UInt8(ascii: "\"")), filled - end) else {
                return atEnd ? .refused : .needMore
            }
            end = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            if end == filled && !atEnd { return .needMore }
            guard buffer[end] == UInt8(ascii: "\"") else { return .row(next: end) }
            end += 1
        }
    }

    /// The commas in `count` bytes, and whether any is a carriage return or NUL: 16 bytes compared
    /// at a time (a scalar loop over the 36 MB of skipped cells was most of a trend's time).
    @inline(__always)
    private static func scan(_ start: UnsafeMutablePointer<UInt8>, count: Int) -> (commas: Int, special: Bool) {
        var commas = 0
        var offset = 0
        let comma = SIMD16<UInt8>(repeating: UInt8(ascii: ",")), carriageReturn = SIMD16<UInt8>(repeating: UInt8(ascii: "\r"))
        let zero = SIMD16<UInt8>(repeating: 0), one = SIMD16<UInt8>(repeating: 1)
        var specials = SIMDMask<SIMD16<Int8>>(repeating: false)
        while offset + 16 <= count {
            let bytes = UnsafeRawPointer(start + offset).loadUnaligned(as: SIMD16<UInt8>.self)
            commas &+= Int(zero.replacing(with: one, where: bytes .== comma).wrappedSum())
            specials = specials .| (bytes .== carriageReturn) .| (bytes .== zero)
            offset += 16
        }
        var special = any(specials)
        while offset < count {
            let byte = start[offset]
            if byte == UInt8(ascii: ",") { commas &+= 1 } else if byte == UInt8(ascii: "\r") || byte == 0 { special = true }
            offset += 1
        }
        return (commas, special)
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

    /// Where the unquoted cell at `start` ends (its first stop byte): 16 bytes compared at a time
    /// while a whole block lies within the data and its sentinel (`buffer[filled]`), then byte by
    /// byte. Used for the cells skipped before the last column read (a description of 50 bytes).
    @inline(__always)
    private static func nextStop(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, filled: Int) -> Int {
        var position = start
        let comma = SIMD16<UInt8>(repeating: UInt8(ascii: ",")), newline = SIMD16<UInt8>(repeating: UInt8(ascii: "\n"))
        let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\"")), carriageReturn = SIMD16<UInt8>(repeating: UInt8(ascii: "\r"))
        let zero = SIMD16<UInt8>(repeating: 0)
        while position + 16 <= filled + 1 {
            let bytes = UnsafeRawPointer(buffer + position).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((bytes .== comma) .| (bytes .== newline) .| (bytes .== quote) .| (bytes .== carriageReturn) .| (bytes .== zero)) { break }
            position += 16
        }
        while !isStop(buffer[position]) { position += 1 }
        return position
    }

    @inline(__always)
    private static func isStop(_ byte: UInt8) -> Bool {
        byte < 64 && (stopBits >> UInt64(byte)) & 1 != 0
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-")
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
        guard cell[0] != UInt8(ascii: "-"), cell.count <= 9, let value = FastCellParser.integer(cell) else { return nil }
        if let minimum = range.minimum, Double(value) < minimum { return nil }
        if let maximum = range.maximum, Double(value) > maximum { return nil }
        return Int32(value)
    }
}
