import Foundation

/// Paths inside the checkout, found from this file's location so tests run from any folder.
public enum PackagePaths {
    /// The package's root folder (where Package.swift is).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The shipped corpus.
    public static var datasets: String { root + "/Datasets" }
    /// The shipped corpus's catalog.
    public static var catalog: String { datasets + "/catalog.yaml" }
    /// The shipped report specs.
    public static var reports: String { root + "/Reports" }

    /// The source documents, when this checkout sits beside `shared/seeds` (or `$SCOBRIEF_SEEDS` names them).
    public static var seeds: String? {
        let candidates = [ProcessInfo.processInfo.environment["SCOBRIEF_SEEDS"], root + "/../shared/seeds"].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/003_3b3ac7df704720ac.txt") }
    }
}
