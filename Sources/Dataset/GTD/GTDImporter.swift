import Foundation
import Support

/// Streams a Global Terrorism Database CSV export into an attacks table of SCOBrief's catalog,
/// through the built-in `gtd` mapping (`BuiltInEventMappings`): the same path as `import
/// ucdp-ged`, `import acled` and `import events`. What stays the GTD's own is its options
/// (`--encoding`, the source id from START's file names) and its summary, in the GTD's words.
///
/// One pass, row by row, over the reader's buffer: memory is bounded by what is kept (the
/// year × country totals and the ids written), not by the file. Every row read is either written
/// or counted under one reason (year, country, SCO status uncertain, unknown country name,
/// malformed), and the summary says how many of each.
public struct GTDImporter {
    /// Supplies `countries.csv` (codes, former states) and `membership.csv` (the SCO filters).
    public let corpus: Corpus
    public let options: GTDImportOptions

    /// The attacks table's columns an import of the GTD writes, as the catalog lists them (the
    /// built-in mapping's `output: columns`).
    public static let outputColumns = [
        "id", "date", "country", "place", "killed", "killed_qualifier", "wounded", "wounded_qualifier",
        "description", "source_id", "quote", "notes", "stands_for",
        "gtd_eventid", "date_approx", "provstate", "city", "latitude", "longitude", "attack_type", "target_type",
        "group_name", "success", "suicide", "doubt_terrorism", "country_gtd", "summary",
    ]

    public init(corpus: Corpus, options: GTDImportOptions) {
        self.corpus = corpus
        self.options = options
    }

    /// The import on the mapping path, with the GTD's options.
    func eventImporter(sourceID: String? = nil) throws(Diagnostic) -> EventImporter {
        var event = EventImportOptions()
        event.countries = options.countries
        event.fromYear = options.fromYear
        event.toYear = options.toYear
        event.strict = options.strict
        event.reportLimit = options.reportLimit
        event.limits = options.limits
        event.encoding = options.encoding
        event.detectsEncodingByDefault = true
        event.sourceID = sourceID
        return EventImporter(corpus: corpus, mapping: try BuiltInEventMappings.mapping(named: "gtd"), options: event, command: "scobrief import gtd")
    }

    /// Imports `input` into `output`, and adds the release's row to the `sources.csv` beside it.
    /// Nothing is written unless the whole import succeeds: the table goes to a temporary file
    /// renamed over `output` at the end, and an earlier `output` survives any failure.
    public func importFile(input: String, output: String, progress: GTDProgressObserver? = nil) throws(Diagnostic) -> GTDImportResult {
        let release = GTDRelease(inputPath: input, sourceID: options.sourceID)
        let importer = try eventImporter(sourceID: release.sourceID)
        let result = try importer.importFile(input: input, output: output, progress: progress)
        return GTDImportResult(summary: GTDImportSummary(result.summary), release: release, outputPath: result.outputPath, sourcesPath: result.sourcesPath)
    }

    /// Reads `input` and appends the table to `writer` (header first); the caller commits it.
    /// With no writer, only the summary and its totals are computed.
    public func run(input: String, displayName: String? = nil, writer: AtomicFileWriter?, release: GTDRelease,
                    progress: GTDProgressObserver? = nil) throws(Diagnostic) -> GTDImportSummary {
        let importer = try eventImporter()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw Diagnostic(SourceLocation(file: displayName ?? input), "no such file", hint: "check the path of the GTD export")
        }
        return GTDImportSummary(try importer.run(input: input, displayName: displayName, writer: writer, sourceID: release.sourceID, progress: progress))
    }

    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

extension GTDImportSummary {
    /// The GTD's summary of an import on the mapping path: a country name the GTD table does not
    /// know is an unmapped name, and the columns missing are the GTD columns the import carries.
    init(_ event: EventImportSummary) {
        self.init(input: event.input, inputBytes: event.inputBytes, encoding: event.encoding ?? .utf8,
                  countryScope: event.countryScope, yearScope: event.yearScope)
        encodingNote = event.encodingNote
        rowsRead = event.rowsRead
        rowsWritten = event.rowsWritten
        filteredByYear = event.filteredByYear
        filteredByCountry = event.filteredByCountry
        ambiguousMembership = event.ambiguousMembership
        unmappedRows = event.unknownCodeRows + event.unlistedRows
        for (name, count) in event.unknownCodes { unmappedNames[name.isEmpty ? "(blank)" : name, default: 0] += count }
        for (code, count) in event.unlistedCodes { unmappedNames[code, default: 0] += count }
        malformedRows = event.malformedRows
        clearedValues = event.clearedValues
        problems = event.problems
        let missing = Set(event.missingColumns.map { $0.lowercased() })
        missingColumns = GTDExportColumns.carried.filter { missing.contains($0.lowercased()) }
        historicalRows = event.historicalRows
        totals = event.totals
        seconds = event.seconds
        firstDate = event.firstDate
        lastDate = event.lastDate
        yearsWithRows = event.yearsWithRows
    }
}
