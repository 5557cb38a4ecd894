import Foundation
import Support

/// Writing one imported row: the attacks table's columns, in `EventImporter.outputColumns` order.
extension EventImportPass {
    /// Builds and appends the row; false (after counting it malformed) when a text is not UTF-8
    /// or the id was written before.
    func write(_ row: CSVRow, _ header: EventHeader, date: EventDate, entry: Int,
               killed: Count, killedLow: Count, killedHigh: Count, wounded: Count) throws(Diagnostic) -> Bool {
        let comma = EventImportPass.comma
        var out: [UInt8] = []
        swap(&out, &self.out)
        defer { swap(&out, &self.out) }
        out.removeAll(keepingCapacity: true)

        // id: the prefix and the record id, lowercased, other characters as hyphens (catalog ids).
        let idIndex = header.fields[.recordID]![0]
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
        guard writtenIDs.insert(hash).inserted else {
            try malformed(Diagnostic(row.location(ofField: idIndex), "the record id '\(String(decoding: record, as: UTF8.self))' appears twice",
                                     hint: "an export holds each event once; the second row is left out"))
            return false
        }
        out.append(comma)
        out.append(contentsOf: date.value.description.utf8)
        out.append(comma)
        out.append(contentsOf: codes.entries[entry].codeBytes)
        out.append(comma)
        guard try appendFirst(.place, row, header, into: &out) else { return false }
        out.append(comma)
        if let value = killed.value { out.append(contentsOf: String(value).utf8) }
        out.append(comma)
        out.append(comma)  // killed_qualifier: the source's figure as it is
        if let value = wounded.value { out.append(contentsOf: String(value).utf8) }
        out.append(comma)
        out.append(comma)
        // description: the event type in the source's words, and its sub-type
        scratch.removeAll(keepingCapacity: true)
        if !appendTypeLabel(row, header, into: &scratch) { scratch.append(contentsOf: "Event of unrecorded type".utf8) }
        if let index = header.fields[.eventSubtype]?.first, !row.isEmpty(index) {
            scratch.append(contentsOf: ": ".utf8)
            scratch.append(contentsOf: row.rawBytes(index))
        }
        guard try appendText(scratch, row, index: header.fields[.eventType]?.first ?? idIndex, into: &out) else { return false }
        out.append(comma)
        out.append(contentsOf: sourceIDBytes)
        out.append(comma)  // quote: blank, record_id locates the row in the release
        out.append(comma)  // notes
        out.append(comma)
        out.append(contentsOf: record)  // record_id as the source writes it (checked ASCII-safe below)
        out.append(comma)
        scratch.removeAll(keepingCapacity: true)
        _ = appendTypeLabel(row, header, into: &scratch)
        guard try appendText(scratch, row, index: idIndex, into: &out) else { return false }
        out.append(comma)
        guard try appendFirst(.eventSubtype, row, header, into: &out) else { return false }
        out.append(comma)
        if let value = killedLow.value { out.append(contentsOf: String(value).utf8) }
        out.append(comma)
        if let value = killedHigh.value { out.append(contentsOf: String(value).utf8) }
        out.append(comma)
        if let approximate = date.approximate { out.append(contentsOf: approximate.utf8) }
        out.append(comma)
        guard try appendFirst(.provstate, row, header, into: &out) else { return false }
        out.append(comma)
        guard try appendFirst(.city, row, header, into: &out) else { return false }
        out.append(comma)
        appendCoordinate(row, header, .latitude, limit: 90, into: &out)
        out.append(comma)
        appendCoordinate(row, header, .longitude, limit: 180, into: &out)
        out.append(comma)
        guard try appendFirst(.summary, row, header, into: &out) else { return false }
        out.append(EventImportPass.newline)
        // The record id is copied raw: it must need no quoting to stay one field.
        if needsQuotes(record) || !TextBytes.isASCII(record) {
            try malformed(Diagnostic(row.location(ofField: idIndex), "the record id '\(String(decoding: record, as: UTF8.self))' has characters an id cannot hold",
                                     hint: "ids are letters, digits and - or _"))
            return false
        }
        if let writer {
            out.withUnsafeBufferPointer { writer.append($0) }
            try writer.flushIfFull()
        }
        return true
    }

    /// The event type's words: the mapping's translation of the code, or the text as written.
    func appendTypeLabel(_ row: CSVRow, _ header: EventHeader, into output: inout [UInt8]) -> Bool {
        guard let index = header.fields[.eventType]?.first, !row.isEmpty(index) else { return false }
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
    func appendFirst(_ field: EventField, _ row: CSVRow, _ header: EventHeader, into out: inout [UInt8]) throws(Diagnostic) -> Bool {
        guard let indices = header.fields[field] else { return true }
        for index in indices where !row.isEmpty(index) {
            return try appendText(row.rawBytes(index), row, index: index, into: &out)
        }
        return true
    }

    /// Text quoted when it holds a delimiter, quote or line break; bytes keep the input's escaping
    /// (a quote inside a quoted field is already doubled). Invalid UTF-8 leaves the row out.
    @inline(__always)
    func appendText(_ raw: UnsafeBufferPointer<UInt8>, _ row: CSVRow, index: Int, into out: inout [UInt8]) throws(Diagnostic) -> Bool {
        if raw.isEmpty { return true }
        if !TextBytes.isASCII(raw) && !TextBytes.isValidUTF8(raw) {
            try malformed(Diagnostic(row.location(ofField: index), "field \(index + 1) is not valid UTF-8 text",
                                     hint: "save the export as UTF-8 (convert with `iconv -f WINDOWS-1252 -t UTF-8`)"))
            return false
        }
        let quoted = needsQuotes(raw)
        if quoted { out.append(EventImportPass.quote) }
        out.append(contentsOf: raw)
        if quoted { out.append(EventImportPass.quote) }
        return true
    }

    func appendText(_ bytes: [UInt8], _ row: CSVRow, index: Int, into out: inout [UInt8]) throws(Diagnostic) -> Bool {
        // Built text holds raw field bytes: a doubled quote stays doubled, which quoting keeps right.
        try bytes.withUnsafeBufferPointer { raw throws(Diagnostic) in try appendText(raw, row, index: index, into: &out) }
    }

    @inline(__always)
    func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte == EventImportPass.comma || byte == EventImportPass.quote || byte == EventImportPass.newline || byte == UInt8(ascii: "\r") {
            return true
        }
        return bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
    }

    /// A coordinate in range, copied as written; anything else stays blank.
    func appendCoordinate(_ row: CSVRow, _ header: EventHeader, _ field: EventField, limit: Double, into out: inout [UInt8]) {
        guard let index = header.fields[field]?.first else { return }
        let bytes = row.rawBytes(index)
        guard !bytes.isEmpty, let value = GTDNumber.decimal(bytes), abs(value) <= limit else { return }
        out.append(contentsOf: bytes)
    }
}
