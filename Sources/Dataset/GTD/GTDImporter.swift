import Foundation

/// What to import from a GTD file and how strictly.
public struct GTDImportOptions: Sendable {
    public var countries: GTDCountrySelection = .all
    /// Keep incidents from this year on (GTD's iyear).
    public var fromYear: Int?
    /// Keep incidents up to this year.
    public var toYear: Int?
    public var encoding: GTDEncodingChoice = .auto
    /// Stop at the first malformed row instead of counting it and going on.
    public var strict = false
    /// How many malformed rows (and, separately, unusable values) are reported one by one.
    public var reportLimit = 10
    /// The source id rows cite; by default derived from the file name.
    public var sourceID: String?
    public var limits: CSVLimits = .default

    public init() {}

    var yearScope: String? {
        switch (fromYear, toYear) {
        case let (from?, to?): return from == to ? "\(from)" : "\(from)–\(to)"
        case let (from?, nil): return "from \(from)"
        case let (nil, to?): return "to \(to)"
        case (nil, nil): return nil
        }
    }
}

/// The result of importing a file: the summary, and where the table and its source row went.
public struct GTDImportResult: Sendable {
    public var summary: GTDImportSummary
    public var release: GTDRelease
    public var outputPath: String
    public var sourcesPath: String
}

/// Streams a Global Terrorism Database CSV export into an attacks table of SCOBrief's catalog.
///
/// One pass, row by row, over the reader's buffer: memory is bounded by what is kept (the
/// year × country totals and the ids written), not by the file. Every row read is either written
/// or counted under one reason (year, country, SCO status uncertain, unknown country name,
/// malformed), and the summary says how many of each.
public struct GTDImporter {
    /// Supplies `countries.csv` (codes, former states) and `membership.csv` (the SCO filters).
    public let corpus: Corpus
    public let options: GTDImportOptions

    /// The attacks table's columns, as the catalog lists them.
    public static let outputColumns = [
        "id", "date", "country", "place", "killed", "killed_qualifier", "wounded", "wounded_qualifier",
        "description", "source_id", "quote", "notes",
        "gtd_eventid", "date_approx", "provstate", "city", "latitude", "longitude", "attack_type", "target_type",
        "group_name", "success", "suicide", "doubt_terrorism", "country_gtd", "summary",
    ]

    public init(corpus: Corpus, options: GTDImportOptions) {
        self.corpus = corpus
        self.options = options
    }

    /// Imports `input` into `output`, and adds the release's row to the `sources.csv` beside it.
    /// Nothing is written unless the whole import succeeds: the table goes to a temporary file
    /// renamed over `output` at the end, and an earlier `output` survives any failure.
    public func importFile(input: String, output: String, progress: GTDProgressObserver? = nil) throws(Diagnostic) -> GTDImportResult {
        let resolvedInput = GTDImporter.resolved(input)
        let resolvedOutput = GTDImporter.resolved(output)
        guard resolvedInput != resolvedOutput else {
            throw Diagnostic(SourceLocation(file: output), "the output would overwrite the input file",
                             hint: "write the table to another file, e.g. -o out/attacks.csv")
        }
        if let attacks = corpus.catalog.table(named: "attacks") {
            let curated = GTDImporter.resolved((corpus.directory as NSString).appendingPathComponent(attacks.file))
            guard resolvedOutput != curated else {
                throw Diagnostic(SourceLocation(file: output), "the output would replace the curated attacks table of the shipped corpus",
                                 hint: "write the imported table to its own folder, e.g. -o gtd/attacks.csv")
            }
        }
        guard let sourcesSchema = corpus.catalog.table(named: "sources") else {
            throw Diagnostic(SourceLocation(file: DataLocation.catalogFile), "the catalog has no sources table",
                             hint: "use SCOBrief's Datasets/catalog.yaml")
        }
        let release = GTDRelease(inputPath: input, sourceID: options.sourceID)
        let writer = try AtomicFileWriter(path: output)
        let summary: GTDImportSummary
        do {
            summary = try run(input: input, writer: writer, release: release, progress: progress)
            let outputFolder = (output as NSString).deletingLastPathComponent
            let sourcesPath = ((outputFolder.isEmpty ? "." : outputFolder) as NSString).appendingPathComponent(sourcesSchema.file)
            let sources = try SourcesFile.upserting(release.sourceRow(summary: summary), into: sourcesPath, schema: sourcesSchema)
            try AtomicFile.write(sources, to: sourcesPath)
            try writer.commit()
            return GTDImportResult(summary: summary, release: release, outputPath: output, sourcesPath: sourcesPath)
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Reads `input` and appends the table to `writer` (header first); the caller commits it.
    /// With no writer, only the summary and its totals are computed.
    public func run(input: String, displayName: String? = nil, writer: AtomicFileWriter?, release: GTDRelease,
                    progress: GTDProgressObserver? = nil) throws(Diagnostic) -> GTDImportSummary {
        let rule = try GTDCountryRule(options.countries, corpus: corpus)
        if let from = options.fromYear, let to = options.toYear, from > to {
            throw Diagnostic(SourceLocation(file: "--from"), "--from \(from) is after --to \(to)", hint: "swap the two years")
        }
        let known = Set(corpus.countries.map(\.code))
        let missing = Set(GTDCountryNames.codes.values).subtracting(known).sorted()
        guard missing.isEmpty else {
            throw Diagnostic(SourceLocation(file: (corpus.directory as NSString).appendingPathComponent("countries.csv")),
                             "countries.csv lacks codes the GTD country names map to: \(missing.joined(separator: ", "))",
                             hint: "use SCOBrief's shipped Datasets folder, which lists every country GTD names")
        }
        let historical = Set(corpus.countries.filter(\.isHistorical).map(\.code))
        let lookup = GTDCountryLookup(names: GTDCountryNames.codes, historicalCodes: historical)
        let started = GTDProgressDisplay.now()
        let firstEncoding: GTDTextEncoding = options.encoding == .windows1252 ? .windows1252 : .utf8
        func pass(_ encoding: GTDTextEncoding) throws(GTDPassInterruption) -> GTDImportSummary {
            try GTDImportPass(importer: self, rule: rule, lookup: lookup, encoding: encoding, writer: writer, release: release)
                .run(input: input, displayName: displayName, progress: progress)
        }
        var summary: GTDImportSummary
        do {
            summary = try pass(firstEncoding)
        } catch {
            guard case .restartAsWindows1252(let note) = error else { throw error.diagnostic }
            // Text written as UTF-8 before the first invalid byte would be wrong in Windows-1252:
            // the whole file is read again in that encoding.
            if let writer { try writer.discardAll() }
            do {
                summary = try pass(.windows1252)
            } catch {
                throw error.diagnostic
            }
            summary.encodingNote = note
        }
        summary.seconds = GTDProgressDisplay.now() - started
        return summary
    }

    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Why a pass stopped before the end of the file.
enum GTDPassInterruption: Error {
    case diagnostic(Diagnostic)
    /// Auto-detection found invalid UTF-8 after valid non-ASCII UTF-8 had been written.
    case restartAsWindows1252(note: String)

    var diagnostic: Diagnostic {
        switch self {
        case .diagnostic(let diagnostic): return diagnostic
        case .restartAsWindows1252(let note): return Diagnostic(SourceLocation(file: "import"), "the encoding could not be settled: \(note)",
                                                                hint: "give the encoding with --encoding windows-1252 or --encoding utf-8")
        }
    }
}

/// One read of the file in one encoding. Auto-detection switches to Windows-1252 in place while
/// everything written so far was ASCII (identical in both), and otherwise asks for a new pass.
final class GTDImportPass {
    private let options: GTDImportOptions
    private let rule: GTDCountryRule
    private let lookup: GTDCountryLookup
    private let writer: AtomicFileWriter?
    private let sourceIDBytes: [UInt8]
    private var encoding: GTDTextEncoding
    private var encodingNote: String?
    private var summary: GTDImportSummary
    /// Set from the first row; `hasHeader` says whether it has been read. Not an optional, so the
    /// row loop reads its indices without unwrapping or copying.
    private var header = GTDHeader.placeholder
    private var hasHeader = false
    private var headerNames: [String] = []
    /// For a selection that does not depend on the date: whether each country entry is kept.
    private let keptEntries: [Bool]?
    /// Whether each country entry is a former state.
    private let historicalEntries: [Bool]
    /// The output row being built; appended to the writer once complete.
    private var row: [UInt8] = []
    private var scratch: [UInt8] = []
    /// Line of the first row written with valid non-ASCII UTF-8 text.
    private var firstNonASCIILine: Int?
    /// Event ids written, with their line: the output's primary key must be unique.
    private var writtenIDs: [UInt64: Int32] = [:]
    private var totals: [Int: GTDCasualtyTotals] = [:]
    private var historicalRows: [Int: Int] = [:]
    private var reportedMalformed = 0
    private var reportedCleared = 0

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")

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
            try reader.forEachRow { csvRow in
                if !hasHeader {
                    try readHeader(csvRow)
                    return
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

    private func readHeader(_ csvRow: CSVRow) throws(GTDPassInterruption) {
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

    private func process(_ csvRow: CSVRow) throws(GTDPassInterruption) {
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
    private struct Count { var value: Int? }

    private func parseEventID(_ csvRow: CSVRow) throws(GTDPassInterruption) -> UInt64? {
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

    private func parseDate(_ csvRow: CSVRow) throws(GTDPassInterruption) -> PartialDate? {
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

    private func parseCount(_ csvRow: CSVRow, _ index: Int, _ name: String) throws(GTDPassInterruption) -> Count? {
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
    private func findCountry(_ raw: UnsafeBufferPointer<UInt8>, _ csvRow: CSVRow) throws(GTDPassInterruption) -> Int? {
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

    private func countUnmapped(_ name: String) {
        summary.unmappedRows += 1
        summary.unmappedNames[name.isEmpty ? "(blank)" : name, default: 0] += 1
    }

    /// Counts a malformed row and reports the first few; in strict mode, stops the import.
    private func malformed(_ problem: Diagnostic) throws(GTDPassInterruption) {
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
            summary.problems.append(warning)
        }
    }

    /// Counts a value written blank because it is unusable, and reports the first few.
    private func cleared(_ csvRow: CSVRow, _ index: Int, _ message: String) {
        summary.clearedValues += 1
        guard reportedCleared < options.reportLimit else { return }
        reportedCleared += 1
        summary.problems.append(Diagnostic(csvRow.location(ofField: index), message + "; written blank", severity: .warning))
    }

    // MARK: - Output

    private func writeRow(_ csvRow: CSVRow, eventID: UInt64, date: PartialDate, country: Int,
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
        // quote (blank: the event id is the provenance), notes
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
    private func optionalField(_ csvRow: CSVRow, _ index: Int?) -> UnsafeBufferPointer<UInt8> {
        guard let index else { return UnsafeBufferPointer(start: nil, count: 0) }
        return csvRow.rawBytes(index)
    }

    private func isUnknown(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return true }
        guard bytes.count == 7 else { return false }
        let word: [UInt8] = Array("unknown".utf8)
        for i in 0..<7 where bytes[i] | 0x20 != word[i] { return false }
        return true
    }

    /// GTD's attack type and target type: "Bombing/Explosion (target: Police)".
    private func appendDescription(_ csvRow: CSVRow, into out: inout [UInt8]) throws(GTDPassInterruption) {
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
    private func appendText(_ raw: UnsafeBufferPointer<UInt8>, field: Int, _ csvRow: CSVRow, into out: inout [UInt8]) throws(GTDPassInterruption) {
        if raw.isEmpty { return }
        let quoted = needsQuotes(raw)
        if quoted { out.append(GTDImportPass.quote) }
        try appendUTF8(raw, field: field, csvRow, to: &out)
        if quoted { out.append(GTDImportPass.quote) }
    }

    @inline(__always)
    private func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte == GTDImportPass.comma || byte == GTDImportPass.quote || byte == GTDImportPass.newline || byte == UInt8(ascii: "\r") {
            return true
        }
        // Leading or trailing spaces are kept, as CSVWriter keeps them, by quoting.
        return bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
    }

    /// Appends text as UTF-8: as it is when it is ASCII or valid UTF-8, converted from Windows-1252
    /// when the file is in that encoding (given, or detected at the first invalid UTF-8).
    @inline(__always)
    private func appendUTF8(_ raw: UnsafeBufferPointer<UInt8>, field: Int, _ csvRow: CSVRow, to output: inout [UInt8]) throws(GTDPassInterruption) {
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

    private func switchToWindows1252(_ raw: UnsafeBufferPointer<UInt8>, field: Int, _ csvRow: CSVRow) throws(GTDPassInterruption) {
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

    private func appendInteger(_ value: Int, into out: inout [UInt8]) {
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

    private func appendPadded(_ value: Int, width: Int, into out: inout [UInt8]) {
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
    private func appendCoordinate(_ csvRow: CSVRow, _ index: Int?, limit: Double, name: String, into out: inout [UInt8]) {
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
    private func appendFlag(_ csvRow: CSVRow, _ index: Int?, name: String, allowsUnknown: Bool, into out: inout [UInt8]) {
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
