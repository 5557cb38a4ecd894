import Foundation

/// Paths inside the checkout, found from this file's location so tests run from any folder.
enum PackagePaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var datasets: String { root + "/Datasets" }
    static var catalog: String { datasets + "/catalog.yaml" }

    /// The source documents, when this checkout sits beside `shared/seeds` (or `$SCOBRIEF_SEEDS` names them).
    static var seeds: String? {
        let candidates = [ProcessInfo.processInfo.environment["SCOBRIEF_SEEDS"], root + "/../shared/seeds"].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/003_3b3ac7df704720ac.txt") }
    }
}
