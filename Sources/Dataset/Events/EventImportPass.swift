import Foundation
import Support

/// One read of an event export: row by row over the reader's buffer, each row written or
/// counted under one reason, memory bounded by what is kept (totals and the ids written).
final class EventImportPass {
    let mapping: EventMapping
    let options: EventImportOptions
    let rule: GTDCountryRule
    let codes: EventCountryCodes
    let writer: AtomicFileWriter?
    let sourceIDBytes: [UInt8]
    let prefixBytes: [UInt8]
    var summary: EventImportSummary
    var header: EventHeader?
    /// For a selection that does not depend on the date: whether each code entry is kept.
    let keptEntries: [Bool]?
    /// Whether each code entry is a former state (counted in the summary).
    let historicalEntries: [Bool]
    /// Event-type translations as bytes (3 → One-sided violence).
    let typeLabels: [(raw: [UInt8], label: [UInt8])]
    /// Precision codes as bytes.
    let precisionCodes: [(raw: [UInt8], meaning: DatePrecisionCode)]
    /// Each field's `unknown:` values as bytes, by field ordinal (empty for most).
    let unknownValues: [[[UInt8]]]
    /// Bit `ordinal` set for the fields that have `unknown:` values.
    let unknownFields: UInt64
    /// The columns written, in order.
    let columns: [EventOutputColumn]
    /// The description's words around the sub-type (`: {}` → ": " and "").
    let subtypeBefore: [UInt8], subtypeAfter: [UInt8]
    let unrecordedBytes: [UInt8]
    /// Used filters: the values kept, as bytes.
    var filterValues: [(option: String, values: [[UInt8]])] = []
    var filterColumns: [(index: Int, values: [[UInt8]])] = []
    /// Ids written (hashed), with the line they were first on.
    var writtenIDs = EventIDTable(capacity: 0)
    /// The columns after the id, each with the file's columns it reads (found from the header).
    var plan: [EventOutputStep] = []
    var totals: [Int: GTDCasualtyTotals] = [:]
    /// The year last added to the summary's years with rows (a Set insert per row otherwise).
    var lastCoveredYear = Int.min
    var historicalRows: [Int: Int] = [:]
    /// The row being written, reused for every row.
    var out = RowBytes(capacity: 4096)
    var scratch: [UInt8] = []
    /// The encoding text is read in now (with `options.encoding`; auto detection switches it once).
    var encoding: GTDTextEncoding
    var encodingNote: String?
    /// The first line with valid non-ASCII UTF-8 text: after it, a switch to Windows-1252 needs a new pass.
    var firstNonASCIILine: Int?
    /// Set when auto detection needs the file read again in Windows-1252 (the pass stops with an error).
    var restartNote: String?
    var headerNames: [String] = []
    /// Problems listed so far, of each kind (each kind lists up to `options.reportLimit`).
    var reportedMalformed = 0
    var reportedCleared = 0

    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")

    init(mapping: EventMapping, options: EventImportOptions, rule: GTDCountryRule, codes: EventCountryCodes,
         historicalCodes: Set<String>, writer: AtomicFileWriter?, sourceID: String, command: String, input: String,
         encoding: GTDTextEncoding = .utf8) {
        self.mapping = mapping
        self.encoding = encoding
        self.options = options
        self.rule = rule
        self.codes = codes
        self.writer = writer
        historicalEntries = codes.entries.map { historicalCodes.contains($0.code) }
        sourceIDBytes = Array(sourceID.utf8)
        prefixBytes = Array((mapping.recordPrefix + "-").utf8)
        keptEntries = rule.isDateIndependent ? codes.entries.map { rule.decide(code: $0.code, date: try! PartialDate(year: 2000)) == .keep } : nil
        typeLabels = (mapping.fields[.eventType]?.values ?? [:]).map { (Array($0.key.utf8), Array($0.value.utf8)) }
        precisionCodes = (mapping.precision?.values ?? [:]).map { (Array($0.key.utf8), $0.value) }
        filterValues = options.filters.map { ($0.option, $0.values.map { Array($0.utf8) }) }
        var unknown = [[[UInt8]]](repeating: [], count: EventField.allCases.count)
        for (field, source) in mapping.fields { unknown[field.ordinal] = source.unknown.map { Array($0.utf8) } }
        unknownValues = unknown
        unknownFields = unknown.indices.reduce(0) { bits, ordinal in unknown[ordinal].isEmpty ? bits : bits | 1 << UInt64(ordinal) }
        columns = EventImporter.outputColumns(for: mapping).map { EventOutputColumn(rawValue: $0)! }
        let subtypeParts = mapping.output.subtype.components(separatedBy: "{}")
        subtypeBefore = Array(subtypeParts[0].utf8)
        subtypeAfter = Array(subtypeParts.dropFirst().joined(separator: "{}").utf8)
        unrecordedBytes = Array(mapping.output.unrecorded.utf8)
        summary = EventImportSummary(command: command, input: input, inputBytes: 0, countryScope: rule.scope, yearScope: options.yearScope)
        summary.title = mapping.title
        summary.typeScope = options.filters.map { filter in
            let spec = mapping.filters.first { $0.option == filter.option }
            let words = filter.values.map { value in spec?.labels[value].map { "\(value) (\($0))" } ?? value }
            return "\(spec?.column ?? filter.option) \(words.joined(separator: ", "))"
        }
    }

    deinit { out.deallocate() }

    func run(path: String, displayName: String, progress: GTDProgressObserver?) throws(Diagnostic) -> EventImportSummary {
        summary.inputBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let reader = try CSVReader(path: path, displayName: displayName, limits: options.limits)
        // Room for the ids of a file of rows of 400 bytes or more, so the table is not rebuilt as it grows.
        writtenIDs = EventIDTable(capacity: min(summary.inputBytes / 400, 1 << 22))
        do {
            try reader.forEachRow(resynchronising: options.strict ? nil : { problem in try self.brokenRecord(problem) }) { row in
                guard let header else {
                    try readHeader(row)
                    return
                }
                if reader.rowEndsFileWithoutLineBreak && row.count < header.columnCount {
                    throw Diagnostic(SourceLocation(file: row.file, line: row.line),
                                     "the file ends in the middle of a row (\(row.count) of \(header.columnCount) fields)",
                                     hint: "the file looks truncated, e.g. by an interrupted download; download or copy it again")
                }
                try process(row, header)
                if summary.rowsRead & 4095 == 0 { progress?.update(rows: summary.rowsRead, bytes: reader.bytesRead) }
            }
        } catch let diagnostic as Diagnostic {
            progress?.finish()
            throw EventImportPass.explained(diagnostic)
        } catch {
            progress?.finish()
            throw Diagnostic(SourceLocation(file: displayName), "\(error)")
        }
        progress?.finish()
        guard header != nil else {
            throw Diagnostic(SourceLocation(file: displayName, line: 1), "the file is empty",
                             hint: "expected \(mapping.title)'s CSV export, whose first line is its header (\(mapping.signature.prefix(4).joined(separator: ",")),...)")
        }
        if let writer { try writer.flush() }
        for (key, value) in totals {
            summary.totals[GTDYearCountry(year: key >> 16, country: codes.entries[key & 0xFFFF].code), default: GTDCasualtyTotals()] =
                summary.totals[GTDYearCountry(year: key >> 16, country: codes.entries[key & 0xFFFF].code), default: GTDCasualtyTotals()] + value
        }
        for (index, count) in historicalRows { summary.historicalRows[codes.entries[index].code, default: 0] += count }
        if options.encoding != nil {
            summary.encoding = encoding
            summary.encodingNote = encodingNote
        }
        return summary
    }

    /// A reader error inside quotes usually means a quote left open: say what that does to the rows.
    static func explained(_ diagnostic: Diagnostic) -> Diagnostic {
        var error = diagnostic
        if diagnostic.message.contains("unterminated quoted field") || diagnostic.message.contains("after a closing quote")
            || diagnostic.message.contains("never closed") {
            error.hint = (diagnostic.hint.map { $0 + "; " } ?? "")
                + "an unclosed quote joins the rows after it into one field: with --strict the import stops here; without it the record is left out and reading resumes at the next line that starts a record, unless the file ends inside the quotes (a cut-off file); fix the quote (or re-export the file) and import again"
        }
        return error
    }

    // MARK: - Header

    func readHeader(_ row: CSVRow) throws(Diagnostic) {
        let names = try row.strings()
        headerNames = names
        let header = try EventHeader(names: names, mapping: mapping, usedFilters: options.filters.map(\.option), command: summary.command,
                                     location: SourceLocation(file: row.file, line: row.line))
        self.header = header
        summary.missingColumns = header.missingOptional
        filterColumns = filterValues.map { (header.filters[$0.option]!, $0.values) }
        plan = columns.dropFirst().map { EventOutputStep($0, header) }
        writer?.append(EventImporter.outputColumns(for: mapping).joined(separator: ",") + "\n")
    }

    // MARK: - Rows

    func process(_ row: CSVRow, _ header: EventHeader) throws(Diagnostic) {
        summary.rowsRead += 1
        guard row.count == header.columnCount else {
            let empty = row.count == 1 && row.isEmpty(0)
            try malformed(Diagnostic(SourceLocation(file: row.file, line: row.line),
                                     empty ? "empty line" : "row has \(row.count) fields; the header has \(header.columnCount)",
                                     hint: empty ? "remove the blank line" : "a field with a comma, quote or line break must be in quotes; the row may have been cut short or joined with the next"))
            return
        }
        // Fields that decide whether the row is usable at all, checked whatever the filters.
        let idIndex = header.first(.recordID)!
        guard !row.isEmpty(idIndex) else {
            try malformed(Diagnostic(row.location(ofField: idIndex), "the record id is blank", hint: "every event of the export has an id"))
            return
        }
        if EventImportPass.looksRounded(row.rawBytes(idIndex)) {
            let shown = String(decoding: row.rawBytes(idIndex), as: UTF8.self)
            try malformed(Diagnostic(row.location(ofField: idIndex), "the record id '\(shown)' is a number in exponent form, not an id",
                                     hint: "a spreadsheet turned the ids into rounded numbers; import the publisher's original CSV"))
            return
        }
        guard let date = try readDate(row, header) else { return }
        guard let killed = try count(row, header, .killed) else { return }
        guard let killedLow = try count(row, header, .killedLow), let killedHigh = try count(row, header, .killedHigh),
              let wounded = try count(row, header, .wounded) else { return }

        // A country the code table does not know is a fault of the row, counted whatever the
        // filters (as a malformed row is), so the count does not depend on them.
        let countryIndex = header.first(.country)!
        let entry: Int
        switch codes.resolve(row.rawBytes(countryIndex), day: date.start.daysSinceEpoch) {
        case .entry(let index):
            entry = index
        case .unknown(let text):
            summary.unknownCodeRows += 1
            summary.unknownCodes[text, default: 0] += 1
            return
        }

        if let from = options.fromYear, date.value.year < from { summary.filteredByYear += 1; return }
        if let to = options.toYear, date.value.year > to { summary.filteredByYear += 1; return }
        // The release covers its years whatever the type or country kept: a kept country and type
        // with no rows in a covered year had no events then.
        if date.start.year == lastCoveredYear {
            if date.start < summary.firstDate! { summary.firstDate = date.start }
            if date.start > summary.lastDate! { summary.lastDate = date.start }
        } else {
            summary.recordCoverage(date.start)
            lastCoveredYear = date.start.year
        }

        for filter in filterColumns where !matches(row.rawBytes(filter.index), filter.values) {
            summary.filteredByType += 1
            return
        }

        guard codes.entries[entry].isListed else {
            summary.unlistedRows += 1
            summary.unlistedCodes[codes.entries[entry].code, default: 0] += 1
            return
        }
        let decision: GTDCountryRule.Decision
        if let keptEntries {
            decision = keptEntries[entry] ? .keep : .outside
        } else {
            decision = rule.decide(code: codes.entries[entry].code, date: date.value)
        }
        switch decision {
        case .keep: break
        case .outside: summary.filteredByCountry += 1; return
        case .ambiguous: summary.ambiguousMembership += 1; return
        }

        guard try write(row, header, date: date, entry: entry, killed: killed, killedLow: killedLow, killedHigh: killedHigh, wounded: wounded) else { return }
        summary.rowsWritten += 1
        let key = date.value.year << 16 | entry
        totals[key, default: GTDCasualtyTotals()].add(killed: killed.value, wounded: wounded.value)
        if historicalEntries[entry] { historicalRows[entry, default: 0] += 1 }
    }

    /// Whether an id reads as a number a spreadsheet wrote in exponent form (`2.00503E+11`):
    /// digits, an optional fraction, then E+ or e+ and digits. Such ids have lost their last digits.
    static func looksRounded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        var digits = 0
        while i < bytes.count, bytes[i] &- UInt8(ascii: "0") <= 9 { i += 1; digits += 1 }
        guard digits > 0, i < bytes.count else { return false }
        if bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, bytes[i] &- UInt8(ascii: "0") <= 9 { i += 1 }
        }
        guard i + 2 < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e"), bytes[i + 1] == UInt8(ascii: "+") else { return false }
        i += 2
        while i < bytes.count, bytes[i] &- UInt8(ascii: "0") <= 9 { i += 1 }
        return i == bytes.count
    }

    /// Whether the bytes are one of the field's `unknown:` values (ASCII letters in any case).
    @inline(__always)
    func isUnknown(_ bytes: UnsafeBufferPointer<UInt8>, _ field: EventField) -> Bool {
        if unknownFields & (1 << field.ordinal) == 0 { return false }
        let values = unknownValues[field.ordinal]
        @inline(__always) func lowered(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte }
        for value in values where value.count == bytes.count {
            var equal = true
            for i in 0..<value.count where lowered(value[i]) != lowered(bytes[i]) {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }

    @inline(__always)
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ values: [[UInt8]]) -> Bool {
        for value in values where value.count == bytes.count {
            if value.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return true }
        }
        return false
    }

    /// A count of people; `Count(value: nil)` when blank (unknown) or the field is not mapped.
    struct Count { var value: Int? }

    func count(_ row: CSVRow, _ header: EventHeader, _ field: EventField) throws(Diagnostic) -> Count? {
        guard let index = header.first(field) else { return Count(value: nil) }
        let bytes = row.rawBytes(index)
        if isUnknown(bytes, field) { return Count(value: nil) }
        // Looked up for a message only: a dictionary lookup per count was some 2% of an import.
        var name: String { mapping.fields[field]!.columns[0] }
        switch GTDNumber.wholeNumber(bytes) {
        case .blank: return Count(value: nil)
        case .value(let value) where value >= 0: return Count(value: value)
        case .value(let value):
            try malformed(Diagnostic(row.location(ofField: index), "'\(name)' is \(value); a number of people cannot be negative",
                                     hint: "leave the cell blank when the number is unknown"))
        case .fractional:
            try malformed(Diagnostic(row.location(ofField: index), "'\(name)' is '\(String(decoding: bytes, as: UTF8.self))'; a number of people must be whole",
                                     hint: "whole numbers may be written as 3 or 3.0; check the export's number format"))
        case .notANumber:
            try malformed(Diagnostic(row.location(ofField: index),
                                     "'\(name)' must be a number of people or blank (unknown), got '\(String(decoding: bytes, as: UTF8.self))'",
                                     hint: "write numbers without separators or words (1200, not 1,200); leave the cell blank when unknown"))
        }
        return nil
    }

    /// The row's date at its precision, and the approximate-date text when the source gives a range
    /// or a coarser precision than the day written.
    struct EventDate {
        var value: PartialDate
        var approximate: Approximation?
        /// The first day the source gives (date_start): the day a country code is read on.
        var start: DayDate
    }

    /// Why the written date is approximate, written to date_approx without building a String.
    enum Approximation {
        /// UCDP's date_start..date_end.
        case range(DayDate, DayDate)
        /// A precision code: the day coded, and what the source says it means.
        case week(DayDate), month(DayDate), year(DayDate)
    }

    func readDate(_ row: CSVRow, _ header: EventHeader) throws(Diagnostic) -> EventDate? {
        if let yearIndex = header.first(.year) { return try readDateParts(row, header, yearIndex: yearIndex) }
        let startIndex = (header.first(.date) ?? header.first(.dateStart))!
        let startBytes = row.rawBytes(startIndex)
        guard let start = EventDateParser.day(startBytes) else {
            try malformed(Diagnostic(row.location(ofField: startIndex),
                                     startBytes.isEmpty ? "the date is blank" : "'\(String(decoding: startBytes, as: UTF8.self))' is not a date",
                                     hint: "expected YYYY-MM-DD (or 22 March 2024, as older exports write it)"))
            return nil
        }
        if let endIndex = header.first(.dateEnd), !row.isEmpty(endIndex) {
            let endBytes = row.rawBytes(endIndex)
            guard let end = EventDateParser.day(endBytes) else {
                try malformed(Diagnostic(row.location(ofField: endIndex), "'\(String(decoding: endBytes, as: UTF8.self))' is not a date",
                                         hint: "expected YYYY-MM-DD"))
                return nil
            }
            guard start <= end else {
                try malformed(Diagnostic(row.location(ofField: endIndex), "the event ends (\(end)) before it starts (\(start))",
                                         hint: "check date_start and date_end"))
                return nil
            }
            if start == end { return EventDate(value: try! PartialDate(year: start.year, month: start.month, day: start.day), start: start) }
            // The narrowest date that holds the whole range (a range across years keeps the first
            // year); the range itself goes to date_approx.
            let value = start.year == end.year && start.month == end.month ? try! PartialDate(year: start.year, month: start.month)
                : try! PartialDate(year: start.year)
            return EventDate(value: value, approximate: .range(start, end), start: start)
        }
        let day = try! PartialDate(year: start.year, month: start.month, day: start.day)
        guard let index = header.precision, !row.isEmpty(index) else { return EventDate(value: day, start: start) }
        let code = row.rawBytes(index)
        guard let meaning = precisionCodes.first(where: { $0.raw.withUnsafeBufferPointer { $0.elementsEqual(code) } })?.meaning else {
            try malformed(Diagnostic(row.location(ofField: index), "'\(String(decoding: code, as: UTF8.self))' is not a precision code of \(mapping.title)",
                                     hint: "expected one of \(precisionCodes.map { String(decoding: $0.raw, as: UTF8.self) }.sorted().joined(separator: ", "))"))
            return nil
        }
        switch meaning {
        case .day: return EventDate(value: day, start: start)
        case .week: return EventDate(value: day, approximate: .week(start), start: start)
        case .month: return EventDate(value: try! PartialDate(year: start.year, month: start.month), approximate: .month(start), start: start)
        case .year: return EventDate(value: try! PartialDate(year: start.year), approximate: .year(start), start: start)
        }
    }

    /// A date in parts (the GTD's iyear, imonth, iday): a month or day of 0 is unknown, and the
    /// date keeps only the precision the source knows. The start day is the earliest it can be.
    func readDateParts(_ row: CSVRow, _ header: EventHeader, yearIndex: Int) throws(Diagnostic) -> EventDate? {
        func part(_ field: EventField, _ range: ClosedRange<Int>, _ expectation: String, _ hint: String) throws(Diagnostic) -> Int? {
            guard let index = header.first(field) else { return 0 }
            let bytes = row.rawBytes(index)
            if case .value(let value) = GTDNumber.wholeNumber(bytes), range.contains(value) { return value }
            let name = mapping.fields[field]!.columns[0]
            try malformed(Diagnostic(row.location(ofField: index),
                                     bytes.isEmpty ? "'\(name)' is blank; expected \(expectation)" : "'\(name)' must be \(expectation), got '\(String(decoding: bytes, as: UTF8.self))'",
                                     hint: hint))
            return nil
        }
        guard let year = try part(.year, 1900...2100, "a year (1900–2100)", "write the year in four digits"),
              let month = try part(.month, 0...12, "a month 1–12, or 0 for unknown", "write 0 when the month is unknown"),
              let day = try part(.day, 0...31, "a day 1–31, or 0 for unknown", "write 0 when the day is unknown") else { return nil }
        do throws(PartialDateError) {
            let value = month == 0 ? try PartialDate(year: year) : day == 0 ? try PartialDate(year: year, month: month)
                : try PartialDate(year: year, month: month, day: day)
            return EventDate(value: value, start: value.earliestDay)
        } catch {
            try malformed(Diagnostic(row.location(ofField: header.first(.day) ?? yearIndex), "the date \(year)-\(month)-\(day) does not exist: \(error)",
                                     hint: "a day or month that is not known is written 0; the row cannot be dated as written"))
            return nil
        }
    }

    /// A record the reader left out for its quotes (reading resumed at the next line that starts
    /// a record): read, and malformed.
    func brokenRecord(_ problem: Diagnostic) throws(Diagnostic) {
        summary.rowsRead += 1
        var located = problem
        located.hint = "the reader skipped to the next line that starts a full record; " + (problem.hint ?? "")
        try malformed(located)
    }

    /// Counts a malformed row and reports the first few; in strict mode, stops the import.
    func malformed(_ problem: Diagnostic) throws(Diagnostic) {
        summary.malformedRows += 1
        if options.strict {
            var error = problem
            error.hint = (problem.hint.map { $0 + "; " } ?? "") + "without --strict, malformed rows are counted and left out"
            throw error
        }
        if reportedMalformed < options.reportLimit {
            reportedMalformed += 1
            var warning = problem
            warning.severity = .warning
            warning.message += " (row left out)"
            summary.problems.append(GTDImportProblem(.rowLeftOut, warning))
        }
    }
}

extension EventImportOptions {
    var yearScope: String? {
        switch (fromYear, toYear) {
        case let (from?, to?): return from == to ? "\(from)" : "\(from)–\(to)"
        case let (from?, nil): return "from \(from)"
        case let (nil, to?): return "to \(to)"
        case (nil, nil): return nil
        }
    }
}
