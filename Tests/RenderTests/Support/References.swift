import Foundation
import Testing
@testable import Render
import RenderCairo

/// Committed reference images and the comparison against them. Set
/// `SCOBRIEF_REGENERATE_REFERENCES=1` (what `Scripts/regen-render-references` does) to rewrite the
/// references from the current output after an intended change.
enum References {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("References")

    static var regenerating: Bool { ProcessInfo.processInfo.environment["SCOBRIEF_REGENERATE_REFERENCES"] == "1" }

    /// A pixel differs when a channel moves by more than this (anti-aliasing moves edges by less).
    static let channelTolerance = 48
    /// Up to this share of pixels may differ.
    static let maxDifferingFraction = 0.01

    /// Compares `png` with the reference `name`, or writes it when regenerating.
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
        let reference = try RasterImage(contentsOf: url)
        let actual = try RasterImage(png: png)
        let difference = ImageDifference(reference, actual, channelTolerance: channelTolerance)
        #expect(difference.sameSize, "\(name): size \(actual.width)×\(actual.height), reference \(reference.width)×\(reference.height)",
                sourceLocation: sourceLocation)
        #expect(difference.differingFraction <= maxDifferingFraction, "\(name): \(difference)", sourceLocation: sourceLocation)
        if difference.differingFraction > maxDifferingFraction {
            let failed = FileManager.default.temporaryDirectory.appendingPathComponent("render-failures")
            try? FileManager.default.createDirectory(at: failed, withIntermediateDirectories: true)
            try? png.write(to: failed.appendingPathComponent(name))
        }
    }
}
