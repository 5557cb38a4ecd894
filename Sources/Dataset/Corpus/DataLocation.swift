import Foundation
import Support

/// Finds the shipped `Datasets/` folder: the folder the user named, `$SCOBRIEF_DATA`,
/// a `Datasets/` in the current folder or one above it, the one beside the executable's checkout,
/// or the one `Scripts/install` puts beside an installed binary (`PREFIX/share/scobrief/Datasets`
/// for `PREFIX/bin/scobrief`).
public enum DataLocation {
    public static let catalogFile = "catalog.yaml"

    public static func datasetsDirectory(explicit: String? = nil) throws(Diagnostic) -> String {
        if let explicit {
            guard hasCatalog(explicit) else {
                throw Diagnostic(SourceLocation(file: explicit), "no \(catalogFile) in this folder",
                                 hint: "point --data at SCOBrief's Datasets folder")
            }
            return explicit
        }
        if let fromEnvironment = ProcessInfo.processInfo.environment["SCOBRIEF_DATA"], !fromEnvironment.isEmpty {
            guard hasCatalog(fromEnvironment) else {
                throw Diagnostic(SourceLocation(file: fromEnvironment), "SCOBRIEF_DATA names a folder without \(catalogFile)",
                                 hint: "set SCOBRIEF_DATA to SCOBrief's Datasets folder, or unset it")
            }
            return fromEnvironment
        }
        var starts = [FileManager.default.currentDirectoryPath]
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent().path
        starts.append(executable)
        for start in starts {
            var directory = URL(fileURLWithPath: start)
            for _ in 0..<8 {
                let candidate = directory.appendingPathComponent("Datasets").path
                if hasCatalog(candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        let installed = URL(fileURLWithPath: executable).deletingLastPathComponent()
            .appendingPathComponent(installedDatasetsPath).path
        if hasCatalog(installed) { return installed }
        throw Diagnostic(SourceLocation(file: "Datasets"), "cannot find SCOBrief's Datasets folder",
                         hint: "run scobrief inside its checkout, pass --data DIR, or set SCOBRIEF_DATA")
    }

    /// Where `Scripts/install` puts the corpus, relative to the installation prefix.
    public static let installedDatasetsPath = "share/scobrief/Datasets"

    public static func catalogPath(in directory: String) -> String {
        (directory as NSString).appendingPathComponent(catalogFile)
    }

    static func hasCatalog(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: catalogPath(in: directory))
    }

    /// Loads the shipped corpus, failing with every problem if it does not validate. `only` names
    /// the tables the caller reads (nil: all; see `Corpus.load`); files that `validated.sha256`
    /// vouches for skip the checks `datasets validate` made (see `CorpusDigest`). The catalog is
    /// read from its compiled form when that is current (`CompiledCatalog`), unless the YAML
    /// limits differ from the defaults, which are then checked on the YAML itself.
    public static func loadShippedCorpus(explicit: String? = nil, csvLimits: CSVLimits = .default,
                                         yamlLimits: YAMLLimits = .default, only: Set<String>? = nil) throws -> Corpus {
        let directory = try datasetsDirectory(explicit: explicit)
        let compiled = yamlLimits == .default ? CompiledCatalog.load(directory: directory) : nil
        let catalog = try compiled ?? Catalog.load(path: catalogPath(in: directory), limits: yamlLimits)
        let (corpus, diagnostics) = Corpus.load(directory: directory, catalog: catalog, limits: csvLimits, only: only, trustingDigest: true)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return corpus
    }
}
