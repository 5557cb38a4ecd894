import Foundation
import Support

/// One read of the file in one encoding. Auto-detection switches to Windows-1252 in place while
/// everything written so far was ASCII (identical in both), and otherwise asks for a new pass.
final class GTDImportPass {
    let options: GTDImportOptions
    let rule: GTDCountryRule
    let lookup: GTDCountryLookup
    let writer: AtomicFileWriter?
    let sourceIDBytes: [UInt8]
    var encoding: GTDTextEncoding
    var encodingNote: String?
    var summary: GTDImportSummary
    /// Set from the first row; `hasHeader` says whether it has been read. Not an optional, so the
    /// row loop reads its indices without unwrapping or copying.
    var header = GTDHeader.placeholder
    var hasHeader = false
    var headerNames: [String] = []
    /// For a selection that does not depend on the date: whether each country entry is kept.
    let keptEntries: [Bool]?
    /// Whether each country entry is a former state.
    let historicalEntries: [Bool]
    /// The output row being built; appended to the writer once complete.
    var row: [UInt8] = []
    var scratch: [UInt8] = []
    /// Line of the first row written with valid non-ASCII UTF-8 text.
    var firstNonASCIILine: Int?
    /// Event ids written, with their line: the output's primary key must be unique.
    var writtenIDs: [UInt64: Int32] = [:]
    var totals: [Int: GTDCasualtyTotals] = [:]
    var historicalRows: [Int: Int] = [:]
    var reportedMalformed = 0
    var reportedCleared = 0

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")

    init(importer: GTDImporter, rule: GTDCountryRule, lookup: GTDCountryLookup, encoding: GTDTextEncoding,
         writer: AtomicFileWriter?, release: GTDRelease) {
        options = importer.options
        self.rule = rule
        self.lookup = lookup
        self.writer = writer
        self.encoding = encoding
        sourceIDBytes = Array(release.sourceID.utf8)
        historicalEntries = lookup.entries.map(\.isHistorical)
        keptEntries = rule.isDateIndependent ? lookup.entries.map { rule.decide(code: $0.code, date: try! PartialDate(year: 2000)) == .keep } : nil
        summary = GTDImportSummary(input: "", inputBytes: 0, encoding: encoding, countryScope: rule.scope, yearScope: importer.options.yearScope)
        row.reserveCapacity(4096)
    }

    func run(input: String, displayName: String?, progress: GTDProgressObserver?) throws(GTDPassInterruption) -> GTDImportSummary {
        let name = displayName ?? input
        summary.input = name
        summary.inputBytes = (try? FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw .diagnostic(Diagnostic(SourceLocation(file: name), "no such file", hint: "check the path of the GTD export"))
        }
        guard !isDirectory.boolValue else {
            throw .diagnostic(Diagnostic(SourceLocation(file: name), "this is a folder, not a GTD CSV file",
                                         hint: "give the CSV file itself, e.g. globalterrorismdb_0522dist.csv"))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(path: input, displayName: name, limits: options.limits)
        } catch {
            throw .diagnostic(error)
        }
        do {
            try reader.forEachRow(resynchronising: options.strict ? nil : { problem in try self.brokenRecord(problem) }) { csvRow in
                if !hasHeader {
                    try readHeader(csvRow)
                    return
                }
                if reader.rowEndsFileWithoutLineBreak && csvRow.count < header.columnCount {
                    // A short last row with no line end: the file was cut off, not one bad row.
                    throw GTDPassInterruption.diagnostic(Diagnostic(
                        SourceLocation(file: csvRow.file, line: csvRow.line),
                        "the file ends in the middle of a row (\(csvRow.count) of \(header.columnCount) fields)",
                        hint: "the file looks truncated, e.g. by an interrupted download; download or copy it again"))
                }
                try process(csvRow)
                if summary.rowsRead & 4095 == 0 {
                    progress?.update(rows: summary.rowsRead, bytes: reader.bytesRead)
                }
            }
        } catch let interruption as GTDPassInterruption {
            progress?.finish()
            throw interruption
        } catch let diagnostic as Diagnostic {
            progress?.finish()
            throw .diagnostic(diagnostic)
        } catch {
            progress?.finish()
            throw .diagnostic(Diagnostic(SourceLocation(file: name), "\(error)"))
        }
        progress?.finish()
        guard hasHeader else {
            throw .diagnostic(Diagnostic(SourceLocation(file: name, line: 1), "the file is empty",
                                         hint: "expected GTD's CSV export, whose first line is its header (eventid,iyear,imonth,...)"))
        }
        if let writer {
            do { try writer.flush() } catch { throw .diagnostic(error) }
        }
        summary.encoding = encoding
        summary.encodingNote = encodingNote
        for (key, value) in totals {
            summary.totals[GTDYearCountry(year: key >> 16, country: lookup.entries[key & 0xFFFF].code), default: GTDCasualtyTotals()] =
                summary.totals[GTDYearCountry(year: key >> 16, country: lookup.entries[key & 0xFFFF].code), default: GTDCasualtyTotals()] + value
        }
        for (index, count) in historicalRows {
            summary.historicalRows[lookup.entries[index].code, default: 0] += count
        }
        return summary
    }

    // MARK: - Header

    func readHeader(_ csvRow: CSVRow) throws(GTDPassInterruption) {
        do {
            header = try GTDHeader(row: csvRow)
            headerNames = try csvRow.strings()
        } catch {
            throw .diagnostic(error)
        }
        hasHeader = true
        summary.missingColumns = GTDHeader.missingCarried(in: headerNames)
        guard let writer else { return }
        var line = GTDImporter.outputColumns.joined(separator: ",")
        line.append("\n")
        writer.append(line)
    }

    // MARK: - Rows

    func process(_ csvRow: CSVRow) throws(GTDPassInterruption) {
        summary.rowsRead += 1
        guard csvRow.count == header.columnCount else {
            let emptyLine = csvRow.count == 1 && csvRow.isEmpty(0)
            try malformed(Diagnostic(SourceLocation(file: csvRow.file, line: csvRow.line),
                                     emptyLine ? "empty line" : "row has \(csvRow.count) fields; the header has \(header.columnCount)",
                                     hint: emptyLine ? "GTD rows are never blank; remove the line"
                                         : "a field with a comma, quote or line break must be in quotes; the row may have been cut short or joined with the next"))
            return
        }

        // Fields that decide whether the row is usable at all, checked for every row whatever the
        // filters, so the count of malformed rows does not depend on them.
        guard let eventID = try parseEventID(csvRow) else { return }
        guard let date = try parseDate(csvRow) else { return }
        guard let killed = try parseCount(csvRow, header.nkill, "nkill") else { return }
        guard let wounded = try parseCount(csvRow, header.nwound, "nwound") else { return }

        let countryRaw = csvRow.rawBytes(header.countryText)
        guard let countryIndex = try findCountry(countryRaw, csvRow) else { return }

        if let from = options.fromYear, date.year < from { summary.filteredByYear += 1; return }
        if let to = options.toYear, date.year > to { summary.filteredByYear += 1; return }
        // The release's coverage is what it holds in the import's years, whichever countries are
        // kept: GTD is a complete count, so a kept country without rows in a covered year had none.
        summary.recordCoverage(date)
        let decision: GTDCountryRule.Decision
        if let keptEntries {
            decision = keptEntries[countryIndex] ? .keep : .outside
        } else {
            decision = rule.decide(code: lookup.entries[countryIndex].code, date: date)
        }
        switch decision {
        case .keep: break
        case .outside: summary.filteredByCountry += 1; return
        case .ambiguous: summary.ambiguousMembership += 1; return
        }

        if let first = writtenIDs[eventID] {
            try malformed(Diagnostic(csvRow.location(ofField: header.eventid), "eventid \(eventID) appears twice (first on line \(first))",
                                     hint: "each GTD incident has its own id; the file may repeat a block of rows or join two releases"))
            return
        }
        try writeRow(csvRow, eventID: eventID, date: date, country: countryIndex, killed: killed.value, wounded: wounded.value)
        writtenIDs[eventID] = Int32(truncatingIfNeeded: csvRow.line)
        summary.rowsWritten += 1
        totals[date.year << 16 | countryIndex, default: GTDCasualtyTotals()].add(killed: killed.value, wounded: wounded.value)
        if historicalEntries[countryIndex] { historicalRows[countryIndex, default: 0] += 1 }
    }

    /// A count that may be unknown: `value` is nil for a blank cell.
    struct Count { var value: Int? }

    func parseEventID(_ csvRow: CSVRow) throws(GTDPassInterruption) -> UInt64? {
        let bytes = csvRow.rawBytes(header.eventid)
        var value: UInt64 = 0
        var valid = !bytes.isEmpty && bytes.count <= 18
        if valid {
            for byte in bytes {
                let digit = byte &- UInt8(ascii: "0")
                if digit > 9 { valid = false; break }
                value = value * 10 + UInt64(digit)
            }
        }
        if valid { return value }
        let shown = String(decoding: bytes, as: UTF8.self)
        try malformed(Diagnostic(csvRow.location(ofField: header.eventid),
                                  bytes.isEmpty ? "'eventid' is blank" : "'eventid' must be GTD's numeric event id, got '\(shown)'",
                                  hint: shown.contains("E+") || shown.contains("e+") ? "a spreadsheet turned the ids into rounded numbers; import START's original CSV"
                                      : "GTD ids are 12 digits: the date as YYYYMMDD and a case number"))
        return nil
    }

    func parseDate(_ csvRow: CSVRow) throws(GTDPassInterruption) -> PartialDate? {
        func whole(_ index: Int, _ name: String, _ range: ClosedRange<Int>, _ expectation: String) throws(GTDPassInterruption) -> Int? {
            let bytes = csvRow.rawBytes(index)
            if case .value(let value) = GTDNumber.wholeNumber(bytes), range.contains(value) { return value }
            let shown = String(decoding: bytes, as: UTF8.self)
            try malformed(Diagnostic(csvRow.location(ofField: index),
                                      bytes.isEmpty ? "'\(name)' is blank; expected \(expectation)" : "'\(name)' must be \(expectation), got '\(shown)'",
                                      hint: name == "iyear" ? "GTD writes the year in four digits" : "GTD writes 0 when the \(name == "imonth" ? "month" : "day") is unknown"))
            return nil
        }
        guard let year = try whole(header.iyear, "iyear", 1900...2100, "a year (1900–2100)"),
              let month = try whole(header.imonth, "imonth", 0...12, "a month 1–12, or 0 for unknown"),
              let day = try whole(header.iday, "iday", 0...31, "a day 1–31, or 0 for unknown") else { return nil }
        // 0 means unknown: the date keeps only the precision GTD knows.
        do throws(PartialDateError) {
            if month == 0 { return try PartialDate(year: year) }
            if day == 0 { return try PartialDate(year: year, month: month) }
            return try PartialDate(year: year, month: month, day: day)
        } catch {
            try malformed(Diagnostic(csvRow.location(ofField: header.iday), "the date \(year)-\(month)-\(day) does not exist: \(error)",
                                      hint: "GTD writes 0 for an unknown day; the row cannot be dated as written"))
            return nil
        }
    }

    func parseCount(_ csvRow: CSVRow, _ index: Int, _ name: String) throws(GTDPassInterruption) -> Count? {
        let bytes = csvRow.rawBytes(index)
        switch GTDNumber.wholeNumber(bytes) {
        case .blank:
            return Count(value: nil)  // unknown, never 0
        case .value(let value) where value >= 0:
            return Count(value: value)
        case .value(let value):
            try malformed(Diagnostic(csvRow.location(ofField: index), "'\(name)' is \(value); a number of people cannot be negative",
                                      hint: "GTD leaves the cell blank when the number is unknown"))
        case .fractional:
            try malformed(Diagnostic(csvRow.location(ofField: index),
                                      "'\(name)' is '\(String(decoding: bytes, as: UTF8.self))'; a number of people must be whole",
                                      hint: "whole numbers may be written as 3 or 3.0; check the export's number format"))
        case .notANumber:
            try malformed(Diagnostic(csvRow.location(ofField: index),
                                      "'\(name)' must be a number of people or blank (unknown), got '\(String(decoding: bytes, as: UTF8.self))'",
                                      hint: "write numbers without separators or words (1200, not 1,200); leave the cell blank when unknown"))
        }
        return nil
    }

    /// The country's entry, or nil after counting an unknown name.
    func findCountry(_ raw: UnsafeBufferPointer<UInt8>, _ csvRow: CSVRow) throws(GTDPassInterruption) -> Int? {
        if TextBytes.isASCII(raw) {
            if let index = lookup.find(raw) { return index }
            countUnmapped(String(decoding: raw, as: UTF8.self))
            return nil
        }
        scratch.removeAll(keepingCapacity: true)
        try appendUTF8(raw, field: header.countryText, csvRow, to: &scratch)
        let index = scratch.withUnsafeBufferPointer { lookup.find($0) }
        if index == nil { countUnmapped(String(decoding: scratch, as: UTF8.self)) }
        return index
    }

    func countUnmapped(_ name: String) {
        summary.unmappedRows += 1
        summary.unmappedNames[name.isEmpty ? "(blank)" : name, default: 0] += 1
    }

    /// A record the reader left out for its quotes (reading resumed at the next line that starts
    /// a record): read, and malformed.
    func brokenRecord(_ problem: Diagnostic) throws(GTDPassInterruption) {
        summary.rowsRead += 1
        var located = problem
        located.hint = "the reader skipped to the next line that starts a full record; " + (problem.hint ?? "")
        try malformed(located)
    }

    /// Counts a malformed row and reports the first few; in strict mode, stops the import.
    func malformed(_ problem: Diagnostic) throws(GTDPassInterruption) {
        summary.malformedRows += 1
        if options.strict {
            var error = problem
            error.hint = (problem.hint.map { $0 + "; " } ?? "") + "without --strict, malformed rows are counted and left out"
            throw .diagnostic(error)
        }
        if reportedMalformed < options.reportLimit {
            reportedMalformed += 1
            var warning = problem
            warning.severity = .warning
            warning.message += " (row left out)"
            summary.problems.append(GTDImportProblem(.rowLeftOut, warning))
        }
    }

    /// Counts a value written blank because it is unusable, and reports the first few.
    func cleared(_ csvRow: CSVRow, _ index: Int, _ message: String) {
        summary.clearedValues += 1
        guard reportedCleared < options.reportLimit else { return }
        reportedCleared += 1
        summary.problems.append(GTDImportProblem(.valueCleared, Diagnostic(csvRow.location(ofField: index), message + "; written blank", severity: .warning)))
    }
}
