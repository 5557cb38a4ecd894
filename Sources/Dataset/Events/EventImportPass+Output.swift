import Foundation
import Support

/// Writing one imported row: the attacks table's columns the mapping writes, in the catalog's order.
extension EventImportPass {
    /// Builds and appends the row; false (after counting it malformed) when a text is not UTF-8
    /// or the id was written before.
    func write(_ row: CSVRow, _ header: EventHeader, date: EventDate, entry: Int,
               killed: Count, killedLow: Count, killedHigh: Count, wounded: Count) throws(Diagnostic) -> Bool {
        let comma = EventImportPass.comma
        // The pass's buffer, held in a local for the row (no access to `self` per byte) and
        // stored back whatever happens, as it may have grown.
        var out = self.out
        defer { self.out = out }
        out.removeAll()

        // id: the prefix and the record id, lowercased, other characters as hyphens (catalog ids).
        let idIndex = header.first(.recordID)!
        let record = row.rawBytes(idIndex)
        out.append(contentsOf: prefixBytes)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in record {
            let lower: UInt8
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): lower = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): lower = byte | 0x20
            default: lower = UInt8(ascii: "-")
            }
            out.append(lower)
            hash = (hash ^ UInt64(lower)) &* 0x100_0000_01b3
        }
        if let first = writtenIDs.insert(EventIDTable.key(record: record, hash: hash), line: Int32(truncatingIfNeeded: row.line)) {
            try malformed(Diagnostic(row.location(ofField: idIndex),
                                     "\(headerName(idIndex)) \(String(decoding: record, as: UTF8.self)) appears twice (first on line \(first))",
                                     hint: "an export holds each event once; the file may repeat a block of rows or join two releases"))
            return false
        }
        // The other columns, in the mapping's order (the id above is always first), each step
        // with the file's columns it reads found from the header.
        for step in plan {
            out.append(comma)
            switch step {
            case .blank:
                break
            case .date:
                appendDate(date.value, into: &out)
            case .country:
                out.append(contentsOf: codes.entries[entry].codeBytes)
            case .killed:
                if let value = killed.value { appendInteger(value, into: &out) }
            case .wounded:
                if let value = wounded.value { appendInteger(value, into: &out) }
            case .killedLow:
                if let value = killedLow.value { appendInteger(value, into: &out) }
            case .killedHigh:
                if let value = killedHigh.value { appendInteger(value, into: &out) }
            case .text(let index, let field):
                guard !row.isEmpty(index) else { break }
                let bytes = row.rawBytes(index)
                if isUnknown(bytes, field) { break }
                guard try appendText(bytes, row, index: index, into: &out) else { return false }
            case .firstOf(let field):
                guard try appendFirst(field, row, header, into: &out) else { return false }
            case .description:
                // The event type in the source's words, and its sub-type in the mapping's wording.
                scratch.removeAll(keepingCapacity: true)
                if !appendTypeLabel(row, header, into: &scratch) { scratch.append(contentsOf: unrecordedBytes) }
                if let index = header.first(.eventSubtype), !row.isEmpty(index) {
                    scratch.append(contentsOf: subtypeBefore)
                    scratch.append(contentsOf: row.rawBytes(index))
                    scratch.append(contentsOf: subtypeAfter)
                }
                guard try appendText(scratch, row, index: header.first(.eventType) ?? idIndex, into: &out) else { return false }
            case .sourceID:
                out.append(contentsOf: sourceIDBytes)
            case .record:
                out.append(contentsOf: record)  // as the source writes it (checked ASCII-safe below)
            case .eventType:
                scratch.removeAll(keepingCapacity: true)
                _ = appendTypeLabel(row, header, into: &scratch)
                guard try appendText(scratch, row, index: idIndex, into: &out) else { return false }
            case .dateApprox:
                switch date.approximate {
                case nil:
                    // The source's own words for an uncertain date (the GTD's approxdate), when it has them.
                    guard try appendFirst(.dateApprox, row, header, into: &out) else { return false }
                case .range(let first, let last):
                    appendDay(first, into: &out)
                    out.append(contentsOf: "..".utf8)
                    appendDay(last, into: &out)
                case .week(let day):
                    out.append(contentsOf: "within a week of ".utf8)
                    appendDay(day, into: &out)
                case .month(let day):
                    out.append(contentsOf: "month only (coded as ".utf8)
                    appendDay(day, into: &out)
                    out.append(UInt8(ascii: ")"))
                case .year(let day):
                    out.append(contentsOf: "year only (coded as ".utf8)
                    appendDay(day, into: &out)
                    out.append(UInt8(ascii: ")"))
                }
            case .coordinate(let index, let limit):
                appendCoordinate(row, index, limit: limit, into: &out)
            case .flag(let index, let field):
                appendFlag(row, index, field, into: &out)
            }
        }
        out.append(EventImportPass.newline)
        // The record id is copied raw: it must need no quoting to stay one field.
        if needsQuotes(record) || !TextBytes.isASCII(record) {
            try malformed(Diagnostic(row.location(ofField: idIndex), "the record id '\(String(decoding: record, as: UTF8.self))' has characters an id cannot hold",
                                     hint: "ids are letters, digits and - or _"))
            return false
        }
        if let writer {
            writer.append(out.bytes)
            try writer.flushIfFull()
        }
        return true
    }

    @inline(__always)
    func appendInteger(_ value: Int, into out: inout RowBytes) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    @inline(__always)
    func appendPadded(_ value: Int, width: Int, into out: inout RowBytes) {
        var divisor = width == 4 ? 1000 : 10
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// `2024`, `2024-03` or `2024-03-22`.
    @inline(__always)
    func appendDate(_ date: PartialDate, into out: inout RowBytes) {
        appendPadded(date.year, width: 4, into: &out)
        guard let month = date.month else { return }
        out.append(UInt8(ascii: "-"))
        appendPadded(month, width: 2, into: &out)
        guard let day = date.day else { return }
        out.append(UInt8(ascii: "-"))
        appendPadded(day, width: 2, into: &out)
    }

    @inline(__always)
    func appendDay(_ day: DayDate, into out: inout RowBytes) {
        appendPadded(day.year, width: 4, into: &out)
        out.append(UInt8(ascii: "-"))
        appendPadded(day.month, width: 2, into: &out)
        out.append(UInt8(ascii: "-"))
        appendPadded(day.day, width: 2, into: &out)
    }

    /// The event type's words: the mapping's translation of the code, or the text as written.
    func appendTypeLabel(_ row: CSVRow, _ header: EventHeader, into output: inout [UInt8]) -> Bool {
        guard let index = header.first(.eventType), !row.isEmpty(index) else { return false }
        let raw = row.rawBytes(index)
        if let label = typeLabels.first(where: { $0.raw.withUnsafeBufferPointer { $0.elementsEqual(raw) } })?.label {
            output.append(contentsOf: label)
        } else {
            output.append(contentsOf: raw)
        }
        return true
    }

    /// The first non-blank of the field's columns, as text.
    @inline(__always)
    func appendFirst(_ field: EventField, _ row: CSVRow, _ header: EventHeader, into out: inout RowBytes) throws(Diagnostic) -> Bool {
        if !header.hasSeveral(field) {
            guard let index = header.first(field), !row.isEmpty(index) else { return true }
            let bytes = row.rawBytes(index)
            if isUnknown(bytes, field) { return true }
            return try appendText(bytes, row, index: index, into: &out)
        }
        for index in header.columns(field) where !row.isEmpty(index) {
            let bytes = row.rawBytes(index)
            if isUnknown(bytes, field) { continue }
            return try appendText(bytes, row, index: index, into: &out)
        }
        return true
    }

    /// Text quoted when it holds a delimiter, quote or line break; bytes keep the input's escaping
    /// (a quote inside a quoted field is already doubled). Invalid UTF-8 leaves the row out.
    @inline(__always)
    func appendText(_ raw: UnsafeBufferPointer<UInt8>, _ row: CSVRow, index: Int, into out: inout RowBytes) throws(Diagnostic) -> Bool {
        if raw.isEmpty { return true }
        var windows1252 = false
        let kind = TextBytes.classify(raw)
        if !kind.isASCII {
            if options.encoding != nil {
                if encoding == .utf8 {
                    if TextBytes.isValidUTF8(raw) {
                        if firstNonASCIILine == nil { firstNonASCIILine = row.line }
                    } else {
                        try switchToWindows1252(raw, row, index: index)
                    }
                }
                windows1252 = encoding == .windows1252
            } else if !TextBytes.isValidUTF8(raw) {
                try malformed(Diagnostic(row.location(ofField: index), "field \(index + 1) is not valid UTF-8 text",
                                         hint: "save the export as UTF-8 (convert with `iconv -f WINDOWS-1252 -t UTF-8`)"))
                return false
            }
        }
        // Quoting depends on ASCII bytes only, which Windows-1252 and UTF-8 share.
        let quoted = kind.hasCSVSpecial || raw.first == UInt8(ascii: " ") || raw.last == UInt8(ascii: " ")
        if quoted { out.append(EventImportPass.quote) }
        if windows1252 {
            var converted: [UInt8] = []
            TextBytes.appendWindows1252(raw, to: &converted)
            out.append(contentsOf: converted)
        } else {
            out.append(contentsOf: raw)
        }
        if quoted { out.append(EventImportPass.quote) }
        return true
    }

    /// The first field that is not valid UTF-8: an error when UTF-8 was asked for, else (auto) the
    /// file is Windows-1252 from here on, or from the start when valid UTF-8 text came before.
    func switchToWindows1252(_ raw: UnsafeBufferPointer<UInt8>, _ row: CSVRow, index: Int) throws(Diagnostic) {
        let name = index < headerNames.count ? headerNames[index] : "field \(index + 1)"
        let offset = TextBytes.firstInvalidUTF8Offset(raw)
        let byte = String(format: "0x%02X", raw[offset])
        if options.encoding != .auto {
            // The column of the bad byte itself: past an opening quote and the characters before it.
            var location = row.location(ofField: index)
            let span = row.spans[index]
            let before = String(decoding: UnsafeBufferPointer(rebasing: raw[0..<offset]), as: UTF8.self).count
            location.column = location.column.map { $0 + (span.start - span.fieldStart) + before }
            // Leaving --encoding out detects it only where auto is the default (import gtd, whose
            // older releases were Windows-1252); import events then reads strict UTF-8.
            let hint = options.detectsEncodingByDefault
                ? "the file looks like Windows-1252, as older releases were distributed: use --encoding windows-1252, or leave --encoding out to detect it"
                : "the file looks like Windows-1252: use --encoding windows-1252, or --encoding auto to detect it"
            throw Diagnostic(location, "'\(name)' is not valid UTF-8 (byte \(byte))", hint: hint)
        }
        if let earlier = firstNonASCIILine {
            restartNote = "read as Windows-1252 because '\(name)' on line \(row.line) is not valid UTF-8 (byte \(byte)); "
                + "line \(earlier) held text that was valid UTF-8, so check its text in the output"
            throw Diagnostic(row.location(ofField: index), "the file is read again as Windows-1252")
        }
        encoding = .windows1252
        encodingNote = "detected: '\(name)' on line \(row.line) is not valid UTF-8 (byte \(byte)), and no earlier row had non-ASCII text"
    }

    func appendText(_ bytes: [UInt8], _ row: CSVRow, index: Int, into out: inout RowBytes) throws(Diagnostic) -> Bool {
        // Built text holds raw field bytes: a doubled quote stays doubled, which quoting keeps right.
        try bytes.withUnsafeBufferPointer { raw throws(Diagnostic) in try appendText(raw, row, index: index, into: &out) }
    }

    /// Whether text must be quoted to stay one field (and keep its edge spaces); `appendText`
    /// decides the same from its one pass over the bytes.
    @inline(__always)
    func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        TextBytes.classify(bytes).hasCSVSpecial || bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
    }

    /// Whether the bytes are a plain decimal (`-12.345`) within ±`limit`, checked on the bytes: no
    /// String and no strtod per row. Exponents and other forms are left to be counted as unusable.
    @inline(__always)
    static func isCoordinate(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
        var i = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { i = 1 }
        var whole = 0, digits = 0
        while i < bytes.count, bytes[i] &- UInt8(ascii: "0") <= 9 {
            whole = whole * 10 + Int(bytes[i] &- UInt8(ascii: "0"))
            digits += 1
            i += 1
            if digits > 3 { return false }
        }
        var fractionIsZero = true, fractionDigits = 0
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, bytes[i] &- UInt8(ascii: "0") <= 9 {
                if bytes[i] != UInt8(ascii: "0") { fractionIsZero = false }
                fractionDigits += 1
                i += 1
            }
            if fractionDigits == 0 { return false }
        }
        guard i == bytes.count, digits > 0 else { return false }
        return whole < limit || (whole == limit && fractionIsZero)
    }

    /// A 0/1 flag as the source writes it (1.0 as 1); blank or an `unknown:` value stays blank, and
    /// anything else is written blank and counted, as an unusable coordinate is.
    func appendFlag(_ row: CSVRow, _ index: Int, _ field: EventField, into out: inout RowBytes) {
        let bytes = row.rawBytes(index)
        if isUnknown(bytes, field) { return }
        switch GTDNumber.wholeNumber(bytes) {
        case .blank: return
        case .value(let value) where value == 0 || value == 1: out.append(UInt8(ascii: "0") + UInt8(value))
        default:
            let unknown = unknownValues[field.ordinal].map { String(decoding: $0, as: UTF8.self) }
            cleared(row, index, "'\(headerName(index))' is '\(String(decoding: bytes, as: UTF8.self))'; expected 0 or 1"
                    + (unknown.isEmpty ? "" : " (or \(unknown.joined(separator: " or ")) for unknown)"))
        }
    }

    /// The column's name in the file's header.
    func headerName(_ index: Int) -> String {
        index < headerNames.count ? headerNames[index].trimmingCharacters(in: .whitespaces) : "field \(index + 1)"
    }

    /// Counts a value written blank because it is unusable, and reports the first few.
    func cleared(_ row: CSVRow, _ index: Int, _ message: String) {
        summary.clearedValues += 1
        guard reportedCleared < options.reportLimit else { return }
        reportedCleared += 1
        summary.problems.append(GTDImportProblem(.valueCleared, Diagnostic(row.location(ofField: index), message + "; written blank", severity: .warning)))
    }

    /// A coordinate in range, copied as written; anything else is written blank and counted.
    func appendCoordinate(_ row: CSVRow, _ index: Int, limit: Int, into out: inout RowBytes) {
        let bytes = row.rawBytes(index)
        guard !bytes.isEmpty else { return }
        guard EventImportPass.isCoordinate(bytes, limit: limit) else {
            // Counted and reported: an unusable coordinate is written blank, not dropped silently.
            let shown = String(decoding: bytes, as: UTF8.self)
            let name = headerName(index)
            if GTDNumber.decimal(bytes) == nil {
                cleared(row, index, "'\(name)' is not a number: '\(shown)'")
            } else {
                cleared(row, index, "'\(name)' is \(shown), outside −\(limit)…\(limit) degrees")
            }
            return
        }
        out.append(contentsOf: bytes)
    }
}
