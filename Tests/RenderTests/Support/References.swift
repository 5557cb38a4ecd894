import Foundation
import Testing
import TestSupport
@testable import Render
import RenderCairo

/// Committed reference images and the comparison against them. Set
/// `SCOBRIEF_REGENERATE_REFERENCES=1` (what `Scripts/regen-render-references` does) to rewrite the
/// references from the current output after an intended change.
enum References {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("References")

    static var regenerating: Bool { ProcessInfo.processInfo.environment["SCOBRIEF_REGENERATE_REFERENCES"] == "1" }

    /// Largest root-mean-square channel difference (levels of 0...255) a render may have from its
    /// reference. Measured: today's renders match their references exactly (RMS 0.000 on all 24);
    /// moving one tick label of the bar chart by one pixel gives RMS 3.7 (`ImageComparisonTests`).
    /// 0.5 is far below the moved label and still lets a few hundred edge pixels change by a few
    /// levels, as a FreeType or pixman update that changes anti-aliasing does.
    static let rmsTolerance = 0.5

    /// Compares `png` with the reference `name`, or writes it when regenerating. On failure the
    /// difference image goes to `.build/test-diffs/NAME-diff.png` and the message names it.
    static func check(_ png: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if regenerating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try png.write(to: url)
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("missing reference \(name); run Scripts/regen-render-references", sourceLocation: sourceLocation)
            return
        }
        let comparison = ImageComparison(reference: try RasterImage(contentsOf: url), actual: try RasterImage(png: png))
        if ProcessInfo.processInfo.environment["SCOBRIEF_PRINT_RMS"] == "1" { print("RMS \(name): \(comparison)") }
        guard comparison.sameSize, comparison.rms <= rmsTolerance else {
            let written = comparison.writeDiagnosticImages(named: name) ?? "(could not write the difference image)"
            Issue.record("\(name): \(comparison), tolerance rms \(rmsTolerance); difference image: \(written)",
                         sourceLocation: sourceLocation)
            return
        }
    }
}
