import Foundation
import Support

/// Writing one imported row: the attacks table's columns, in its order, from the GTD fields.
extension GTDImportPass {
    func writeRow(_ csvRow: CSVRow, eventID: UInt64, date: PartialDate, country: Int,
                  killed: Int?, wounded: Int?) throws(GTDPassInterruption) {
        guard let writer else { return }
        let comma = GTDImportPass.comma
        // The row is built in a local (the class's buffer moved out and back), so the many
        // appends below skip the exclusivity check each access to a stored property costs.
        var out: [UInt8] = []
        swap(&out, &row)
        defer { swap(&out, &row) }
        out.removeAll(keepingCapacity: true)
        let eventText = csvRow.rawBytes(header.eventid)
        // id, date, country
        out.append(contentsOf: "gtd-".utf8)
        out.append(contentsOf: eventText)
        out.append(comma)
        appendPadded(date.year, width: 4, into: &out)
        if let month = date.month {
            out.append(UInt8(ascii: "-"))
            appendPadded(month, width: 2, into: &out)
            if let day = date.day {
                out.append(UInt8(ascii: "-"))
                appendPadded(day, width: 2, into: &out)
            }
        }
        out.append(comma)
        out.append(contentsOf: lookup.entries[country].codeBytes)
        out.append(comma)
        // place: the city, else the province, unless GTD says Unknown
        let city = optionalField(csvRow, header.city)
        let province = optionalField(csvRow, header.provstate)
        if !isUnknown(city) {
            try appendText(city, field: header.city!, csvRow, into: &out)
        } else if !isUnknown(province) {
            try appendText(province, field: header.provstate!, csvRow, into: &out)
        }
        out.append(comma)
        // killed, killed_qualifier, wounded, wounded_qualifier
        if let killed { appendInteger(killed, into: &out) }
        out.append(comma)
        out.append(comma)
        if let wounded { appendInteger(wounded, into: &out) }
        out.append(comma)
        out.append(comma)
        // description: GTD's attack type and target type, in its words
        try appendDescription(csvRow, into: &out)
        out.append(comma)
        out.append(contentsOf: sourceIDBytes)
        // quote (blank: the event id is the provenance), notes, stands_for (blank: a GTD row is one incident)
        out.append(comma)
        out.append(comma)
        out.append(comma)
        out.append(comma)
        out.append(contentsOf: eventText)
        out.append(comma)
        try appendText(optionalField(csvRow, header.approxdate), field: header.approxdate ?? 0, csvRow, into: &out)
        out.append(comma)
        try appendText(province, field: header.provstate ?? 0, csvRow, into: &out)
        out.append(comma)
        try appendText(city, field: header.city ?? 0, csvRow, into: &out)
        out.append(comma)
        appendCoordinate(csvRow, header.latitude, limit: 90, name: "latitude", into: &out)
        out.append(comma)
        appendCoordinate(csvRow, header.longitude, limit: 180, name: "longitude", into: &out)
        out.append(comma)
        try appendText(optionalField(csvRow, header.attackType), field: header.attackType ?? 0, csvRow, into: &out)
        out.append(comma)
        try appendText(optionalField(csvRow, header.targetType), field: header.targetType ?? 0, csvRow, into: &out)
        out.append(comma)
        try appendText(optionalField(csvRow, header.groupName), field: header.groupName ?? 0, csvRow, into: &out)
        out.append(comma)
        appendFlag(csvRow, header.success, name: "success", allowsUnknown: false, into: &out)
        out.append(comma)
        appendFlag(csvRow, header.suicide, name: "suicide", allowsUnknown: false, into: &out)
        out.append(comma)
        appendFlag(csvRow, header.doubtterr, name: "doubtterr", allowsUnknown: true, into: &out)
        out.append(comma)
        try appendText(csvRow.rawBytes(header.countryText), field: header.countryText, csvRow, into: &out)
        out.append(comma)
        try appendText(optionalField(csvRow, header.summary), field: header.summary ?? 0, csvRow, into: &out)
        out.append(GTDImportPass.newline)
        out.withUnsafeBufferPointer { writer.append($0) }
        do { try writer.flushIfFull() } catch { throw .diagnostic(error) }
    }

    @inline(__always)
    func optionalField(_ csvRow: CSVRow, _ index: Int?) -> UnsafeBufferPointer<UInt8> {
        guard let index else { return UnsafeBufferPointer(start: nil, count: 0) }
        return csvRow.rawBytes(index)
    }

    func isUnknown(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return true }
        guard bytes.count == 7 else { return false }
        let word: [UInt8] = Array("unknown".utf8)
        for i in 0..<7 where bytes[i] | 0x20 != word[i] { return false }
        return true
    }

    /// GTD's attack type and target type: "Bombing/Explosion (target: Police)".
    func appendDescription(_ csvRow: CSVRow, into out: inout [UInt8]) throws(GTDPassInterruption) {
        let attack = optionalField(csvRow, header.attackType)
        let target = optionalField(csvRow, header.targetType)
        scratch.removeAll(keepingCapacity: true)
        if attack.isEmpty {
            scratch.append(contentsOf: "Incident of unrecorded type".utf8)
        } else {
            try appendUTF8(attack, field: header.attackType!, csvRow, to: &scratch)
        }
        if !target.isEmpty {
            scratch.append(contentsOf: " (target: ".utf8)
            try appendUTF8(target, field: header.targetType!, csvRow, to: &scratch)
            scratch.append(UInt8(ascii: ")"))
        }
        let quoted = scratch.withUnsafeBufferPointer { needsQuotes($0) }
        if quoted { out.append(GTDImportPass.quote) }
        out.append(contentsOf: scratch)
        if quoted { out.append(GTDImportPass.quote) }
    }

    /// A text field, quoted when it holds a delimiter, a quote or a line break. The bytes keep the
    /// input's escaping (a quote inside a quoted field is already doubled), so they are copied as they are.
    @inline(__always)
    func appendText(_ raw: UnsafeBufferPointer<UInt8>, field: Int, _ csvRow: CSVRow, into out: inout [UInt8]) throws(GTDPassInterruption) {
        if raw.isEmpty { return }
        let quoted = needsQuotes(raw)
        if quoted { out.append(GTDImportPass.quote) }
        try appendUTF8(raw, field: field, csvRow, to: &out)
        if quoted { out.append(GTDImportPass.quote) }
    }

    @inline(__always)
    func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte == GTDImportPass.comma || byte == GTDImportPass.quote || byte == GTDImportPass.newline || byte == UInt8(ascii: "\r") {
            return true
        }
        // Leading or trailing spaces are kept, as CSVWriter keeps them, by quoting.
        return bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
    }

    /// Appends text as UTF-8: as it is when it is ASCII or valid UTF-8, converted from Windows-1252
    /// when the file is in that encoding (given, or detected at the first invalid UTF-8).
    @inline(__always)
    func appendUTF8(_ raw: UnsafeBufferPointer<UInt8>, field: Int, _ csvRow: CSVRow, to output: inout [UInt8]) throws(GTDPassInterruption) {
        if TextBytes.isASCII(raw) {
            output.append(contentsOf: raw)
            return
        }
        if encoding == .utf8 {
            if TextBytes.isValidUTF8(raw) {
                if firstNonASCIILine == nil { firstNonASCIILine = csvRow.line }
                output.append(contentsOf: raw)
                return
            }
            try switchToWindows1252(raw, field: field, csvRow)
        }
        TextBytes.appendWindows1252(raw, to: &output)
    }

    func switchToWindows1252(_ raw: UnsafeBufferPointer<UInt8>, field: Int, _ csvRow: CSVRow) throws(GTDPassInterruption) {
        let name = field < headerNames.count ? headerNames[field] : "field \(field + 1)"
        let offset = TextBytes.firstInvalidUTF8Offset(raw)
        let byte = String(format: "0x%02X", raw[offset])
        var location = csvRow.location(ofField: field)
        switch options.encoding {
        case .utf8, .windows1252:
            // The column of the bad byte itself: past an opening quote and the characters before it.
            let span = csvRow.spans[field]
            let before = String(decoding: UnsafeBufferPointer(rebasing: raw[0..<offset]), as: UTF8.self).count
            location.column = location.column.map { $0 + (span.start - span.fieldStart) + before }
            throw .diagnostic(Diagnostic(location, "'\(name)' is not valid UTF-8 (byte \(byte))",
                                         hint: "the file looks like Windows-1252, as older GTD releases were distributed: use --encoding windows-1252, or leave --encoding out to detect it"))
        case .auto:
            if let earlier = firstNonASCIILine {
                throw .restartAsWindows1252(note: "read as Windows-1252 because '\(name)' on line \(csvRow.line) is not valid UTF-8 (byte \(byte)); "
                                            + "line \(earlier) held text that was valid UTF-8, so check its text in the output")
            }
            encoding = .windows1252
            encodingNote = "detected: '\(name)' on line \(csvRow.line) is not valid UTF-8 (byte \(byte)), and no earlier row had non-ASCII text"
        }
    }

    func appendInteger(_ value: Int, into out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: [UInt8] = []
        var rest = value
        while rest > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        out.append(contentsOf: digits.reversed())
    }

    func appendPadded(_ value: Int, width: Int, into out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A latitude or longitude in range, copied as GTD wrote it; anything else is written blank and reported.
    func appendCoordinate(_ csvRow: CSVRow, _ index: Int?, limit: Double, name: String, into out: inout [UInt8]) {
        guard let index else { return }
        let bytes = csvRow.rawBytes(index)
        if bytes.isEmpty { return }
        guard let value = GTDNumber.decimal(bytes) else {
            cleared(csvRow, index, "'\(name)' is not a number: '\(String(decoding: bytes, as: UTF8.self))'")
            return
        }
        guard abs(value) <= limit else {
            cleared(csvRow, index, "'\(name)' is \(String(decoding: bytes, as: UTF8.self)), outside −\(Int(limit))…\(Int(limit)) degrees")
            return
        }
        out.append(contentsOf: bytes)
    }

    /// GTD's 0/1 flags; doubtterr's -9 means unknown and is written blank.
    func appendFlag(_ csvRow: CSVRow, _ index: Int?, name: String, allowsUnknown: Bool, into out: inout [UInt8]) {
        guard let index else { return }
        let bytes = csvRow.rawBytes(index)
        switch GTDNumber.wholeNumber(bytes) {
        case .blank:
            return
        case .value(let value) where value == 0 || value == 1:
            out.append(UInt8(ascii: "0") + UInt8(value))
        case .value(-9) where allowsUnknown:
            return
        default:
            cleared(csvRow, index, "'\(name)' is '\(String(decoding: bytes, as: UTF8.self))'; expected 0 or 1\(allowsUnknown ? " (or -9 for unknown)" : "")")
        }
    }
}
