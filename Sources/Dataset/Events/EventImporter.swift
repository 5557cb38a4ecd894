import Foundation
import Support

/// Streams an event export (UCDP GED, ACLED, or any CSV a mapping describes) into an attacks
/// table of SCOBrief's catalog, and adds the release's row, with its coverage, to the
/// `sources.csv` beside the output. Nothing is written unless the whole import succeeds.
public struct EventImporter {
    public let corpus: Corpus
    public let mapping: EventMapping
    public let options: EventImportOptions
    /// The command as the user typed it, for messages and the source row (`scobrief import acled`).
    public let command: String

    /// The attacks table's columns an event import writes, as the catalog lists them.
    public static let outputColumns = [
        "id", "date", "country", "place", "killed", "killed_qualifier", "wounded", "wounded_qualifier",
        "description", "source_id", "quote", "notes",
        "record_id", "event_type", "event_subtype", "killed_low", "killed_high", "date_approx", "provstate", "city",
        "latitude", "longitude", "summary",
    ]

    /// The columns an import with `mapping` writes: the event columns, and the optional ones the
    /// mapping gives (the GTD's attack_type ... country_gtd) before summary, in the catalog's order.
    public static func outputColumns(for mapping: EventMapping) -> [String] {
        if let columns = mapping.output.columns { return columns.map(\.rawValue) }
        var columns = outputColumns
        columns.insert(contentsOf: EventField.optionalColumns.filter { mapping.fields[$0] != nil }.map(\.rawValue),
                       at: columns.firstIndex(of: "summary")!)
        return columns
    }

    public init(corpus: Corpus, mapping: EventMapping, options: EventImportOptions, command: String) {
        self.corpus = corpus
        self.mapping = mapping
        self.options = options
        self.command = command
    }

    /// Checks the options against the mapping before any file is read: every filter is one the
    /// mapping offers, with values the source uses (a value it never uses would select nothing).
    public func checkOptions() throws(Diagnostic) {
        if let from = options.fromYear, let to = options.toYear, from > to {
            throw Diagnostic(SourceLocation(file: "--from"), "--from \(from) is after --to \(to)", hint: "swap the two years")
        }
        for filter in options.filters {
            guard let spec = mapping.filters.first(where: { $0.option == filter.option }) else {
                let offered = mapping.filters.map { "--\($0.option)" }
                throw Diagnostic(SourceLocation(file: "--\(filter.option)"), "\(mapping.title) has no filter '\(filter.option)'",
                                 hint: offered.isEmpty ? "the mapping offers no filters" : "filters: \(offered.joined(separator: ", "))")
            }
            guard !filter.values.isEmpty else {
                throw Diagnostic(SourceLocation(file: "--\(filter.option)"), "no values given", hint: "give the values to keep, separated by commas")
            }
            for value in filter.values where !spec.values.isEmpty && !spec.values.contains(value) {
                let suggestion = Suggestion.closest(to: value, in: spec.values)
                throw Diagnostic(SourceLocation(file: "--\(filter.option)"), "'\(value)' is not a value of \(spec.column) in \(mapping.title)",
                                 hint: suggestion.map { "did you mean '\($0)'?" } ?? "values: \(spec.values.joined(separator: ", "))")
            }
        }
    }

    /// Imports `input` into `output` and upserts the release's row in the `sources.csv` beside it.
    public func importFile(input: String, output: String, progress: GTDProgressObserver? = nil) throws(Diagnostic) -> EventImportResult {
        guard GTDImporter.resolved(input) != GTDImporter.resolved(output) else {
            throw Diagnostic(SourceLocation(file: output), "the output would overwrite the input file",
                             hint: "write the table to another file, e.g. -o out/attacks.csv")
        }
        if let attacks = corpus.catalog.table(named: "attacks"),
           GTDImporter.resolved(output) == GTDImporter.resolved((corpus.directory as NSString).appendingPathComponent(attacks.file)) {
            throw Diagnostic(SourceLocation(file: output), "the output would replace the curated attacks table of the shipped corpus",
                             hint: "write the imported table to its own folder, e.g. -o \(mapping.name)/attacks.csv")
        }
        guard let sourcesSchema = corpus.catalog.table(named: "sources") else {
            throw Diagnostic(SourceLocation(file: DataLocation.catalogFile), "the catalog has no sources table", hint: "use SCOBrief's Datasets/catalog.yaml")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw Diagnostic(SourceLocation(file: input), "no such file", hint: "check the path of the \(mapping.title) export")
        }
        guard !isDirectory.boolValue else {
            throw Diagnostic(SourceLocation(file: input), "this is a folder, not a CSV file", hint: "give the export's CSV file itself")
        }
        let sourceID = options.sourceID ?? defaultSourceID(input: input)
        let writer = try AtomicFileWriter(path: output)
        do {
            let summary = try run(input: input, writer: writer, sourceID: sourceID, progress: progress)
            let folder = (output as NSString).deletingLastPathComponent
            let sourcesPath = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(sourcesSchema.file)
            let sources = try SourcesFile.upserting(sourceRow(summary: summary, input: input, sourceID: sourceID), into: sourcesPath, schema: sourcesSchema)
            try AtomicFile.write(sources, to: sourcesPath)
            try writer.commit()
            ImportStamp.write(table: "attacks", sourceID: sourceID, file: output)
            return EventImportResult(summary: summary, sourceID: sourceID, outputPath: output, sourcesPath: sourcesPath)
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Reads `input` and appends the table to `writer` (header first); with no writer, only the summary.
    public func run(input: String, displayName: String? = nil, writer: AtomicFileWriter?, sourceID: String,
                    progress: GTDProgressObserver? = nil) throws(Diagnostic) -> EventImportSummary {
        try checkOptions()
        let rule = try GTDCountryRule(options.countries, corpus: corpus)
        let listed = Set(corpus.countries.map(\.code))
        let codes = try EventCountryCodes(source: mapping.fields[.country]!, listedCodes: listed)
        let historical = Set(corpus.countries.filter(\.isHistorical).map(\.code))
        let started = GTDProgressDisplay.now()
        func pass(_ encoding: GTDTextEncoding) -> EventImportPass {
            EventImportPass(mapping: mapping, options: options, rule: rule, codes: codes, historicalCodes: historical,
                            writer: writer, sourceID: sourceID, command: command, input: displayName ?? input, encoding: encoding)
        }
        let first = pass(options.encoding == .windows1252 ? .windows1252 : .utf8)
        var summary: EventImportSummary
        do {
            summary = try first.run(path: input, displayName: displayName ?? input, progress: progress)
        } catch {
            guard let note = first.restartNote else { throw error }
            // Text written as UTF-8 before the first invalid byte would be wrong in Windows-1252:
            // the whole file is read again in that encoding.
            if let writer { try writer.discardAll() }
            summary = try pass(.windows1252).run(path: input, displayName: displayName ?? input, progress: progress)
            summary.encodingNote = note
        }
        summary.seconds = GTDProgressDisplay.now() - started
        return summary
    }

    /// `ucdp-ged-gedevent-v24-1`: the mapping's name and the file's name, unless it already says it.
    public func defaultSourceID(input: String) -> String {
        let stem = GTDRelease.identifier(((input as NSString).lastPathComponent as NSString).deletingPathExtension)
        return stem.hasPrefix(mapping.name) ? stem : mapping.name + "-" + stem
    }

    /// What the release covers: first and last date of its rows in the import's years, the years
    /// between without a row as gaps, the mapping's breaks inside that span, and the later starts
    /// of countries (ACLED's regions) that countries.csv lists.
    public func coverageDates(summary: EventImportSummary) -> CoverageDates {
        let day = { (date: DayDate?) in date.flatMap { try? PartialDate(year: $0.year, month: $0.month, day: $0.day) } }
        let from = day(summary.firstDate), to = day(summary.lastDate)
        let gaps = summary.missingYears.compactMap { year in (try? PartialDate(year: year)).map { DateSpan(first: $0, last: $0) } }
        let breaks = mapping.coverage.breaks.filter { item in
            guard let from, let to else { return false }
            return item.isStraddled(from: from.earliestDay, through: to.latestDay)
        }
        let listed = Set(corpus.countries.map(\.code))
        let byCountry = mapping.coverage.fromByCountry.filter { code, start in
            listed.contains(code) && (from.map { start.earliestDay > $0.earliestDay } ?? true)
        }
        return CoverageDates(from: from, to: to, gaps: gaps, breaks: breaks, fromByCountry: byCountry)
    }

    /// The `sources.csv` row: the release file, the selection (filters, years, countries) and
    /// coverage, worded by the mapping's `source:` templates where it gives them.
    public func sourceRow(summary: EventImportSummary, input: String, sourceID: String) -> [String: String] {
        let fileName = (input as NSString).lastPathComponent
        var selection: [String] = summary.typeScope
        if let years = summary.yearScope { selection.append("years \(years)") }
        if summary.countryScope != "all countries" { selection.append(summary.countryScope) }
        let selectionText = selection.isEmpty ? "every event" : selection.joined(separator: "; ")
        let releaseDate = mapping.source.releaseDateInFileName.flatMap { EventImporter.releaseDate(in: fileName, pattern: $0) }
        let values: [String: String] = [
            "file": fileName,
            "command": command,
            "encoding": (summary.encoding ?? .utf8).description,
            "mapping": mapping.origin,
            "written": NumberText.grouped(summary.rowsWritten),
            "read": NumberText.grouped(summary.rowsRead),
            "selection": selectionText,
            "scope": summary.countryScope + (summary.yearScope.map { "; years \($0)" } ?? ""),
            "licence": mapping.licence.isEmpty ? "see the publisher" : mapping.licence,
            "title": mapping.title,
            "types": summary.typeScope.isEmpty ? "" : ", " + summary.typeScope.joined(separator: "; "),
            "note": mapping.coverage.note,
            "release_date_note": releaseDate == nil ? ""
                : "The date is the release code (\(EventImporter.dateLetters(mapping.source.releaseDateInFileName!))) in the file name. ",
        ]
        let notes = mapping.source.notes.map { EventImporter.filled($0, values) }
            ?? "Imported with `\(command)` from \(fileName) (mapping: \(mapping.origin)): "
            + "\(NumberText.grouped(summary.rowsWritten)) of \(NumberText.grouped(summary.rowsRead)) rows written. "
            + "Selection: \(selectionText). Licence: \(mapping.licence.isEmpty ? "see the publisher" : mapping.licence)."
        var coverageNote = "A complete count of the \(mapping.title) events in the selection (\(selectionText)), as the publisher coded them."
        if !mapping.coverage.note.isEmpty { coverageNote += " " + mapping.coverage.note }
        var row: [String: String] = [
            "id": sourceID,
            "title": mapping.source.title.map { EventImporter.filled($0, values) }
                ?? "\(mapping.title), file \(fileName)" + (summary.typeScope.isEmpty ? "" : ", " + summary.typeScope.joined(separator: "; ")),
            "author": "",
            "publisher": mapping.publisher.isEmpty ? mapping.title : mapping.publisher,
            "date": releaseDate?.description ?? "",
            "kind": Source.datasetKind,
            "seed_file": "",
            "url": mapping.url,
            "notes": notes,
            "coverage": CoverageScope.complete.rawValue,
            "coverage_note": mapping.source.coverageNote.map { EventImporter.filled($0, values) } ?? coverageNote,
        ]
        row.merge(CoverageText.columns(of: coverageDates(summary: summary)), uniquingKeysWith: { _, new in new })
        return row
    }

    /// A template with `{name}` replaced by its value; unknown names are left as written.
    static func filled(_ template: String, _ values: [String: String]) -> String {
        // One pass, so a value that holds braces (a file name) is never read as a placeholder.
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The release date a file name carries where `pattern` says (`MMYYdist`: `…_0522dist` is
    /// 2022-05; two-digit years are 20YY), or nil when the name does not match.
    static func releaseDate(in fileName: String, pattern: String) -> PartialDate? {
        let stem = (fileName as NSString).deletingPathExtension
        var regex = NSRegularExpression.escapedPattern(for: pattern)
        for (letters, group) in [("YYYY", "(?<yfour>[0-9]{4})"), ("MM", "(?<m>[0-9]{2})"), ("YY", "(?<ytwo>[0-9]{2})")] {
            regex = regex.replacingOccurrences(of: letters, with: group)
        }
        guard let expression = try? NSRegularExpression(pattern: regex, options: .caseInsensitive),
              let match = expression.firstMatch(in: stem, range: NSRange(stem.startIndex..., in: stem)) else { return nil }
        func group(_ name: String) -> Int? {
            let range = match.range(withName: name)
            guard range.location != NSNotFound, let swiftRange = Range(range, in: stem) else { return nil }
            return Int(stem[swiftRange])
        }
        guard let month = group("m"), let year = group("yfour") ?? group("ytwo").map({ 2000 + $0 }) else { return nil }
        return try? PartialDate(year: year, month: month)
    }

    /// The date code of a file-name pattern, from its first date letter to its last: `MMYYdist` →
    /// `MMYY`, `vYYYY-MM` → `YYYY-MM`.
    static func dateLetters(_ pattern: String) -> String {
        let isLetter = { (character: Character) in character == "M" || character == "Y" }
        guard let first = pattern.firstIndex(where: isLetter), let last = pattern.lastIndex(where: isLetter) else { return pattern }
        return String(pattern[first...last])
    }
}
