import Foundation
import Support

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
        "description", "source_id", "quote", "notes", "stands_for",
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
            ImportStamp.write(table: "attacks", sourceID: release.sourceID, file: output)
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
