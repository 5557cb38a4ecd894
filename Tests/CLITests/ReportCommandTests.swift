import Foundation
import Testing
import TestSupport

@Suite struct ReportCommandTests {
    private func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "scobrief-report-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func buildsTheBriefingWithProgressOnStderr() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["report", "-o", folder + "/b.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("computing figures and tables"))
        #expect(result.stderr.contains("wrote \(folder)/b.pdf"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.pdf"))
        #expect(bytes.starts(with: Data("%PDF-".utf8)))
        let quiet = try CLI.run(["report", "-o", folder + "/c.pdf", "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
    }

    /// Without -o, from a folder with no Reports/, the PDF goes into the current folder as NAME.pdf
    /// (once this failed with a Foundation error about a folder named "").
    @Test func withoutOutputTheReportGoesInTheCurrentFolder() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try String(contentsOfFile: CLI.packageRoot + "/Tests/CLITests/BadInputs/spec-unknown-key/spec.yaml", encoding: .utf8)
            .replacingOccurrences(of: "titel:", with: "title:")
        try spec.write(toFile: folder + "/small.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", "small.yaml", "--quiet", "--data", CLI.packageRoot + "/Datasets"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["small.pdf", "small.yaml"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/small.pdf"))
        #expect(bytes.starts(with: Data("%PDF-".utf8)))
    }

    @Test func sourceDateEpochSetsTheCreationDate() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["report", "-o", folder + "/b.pdf", "--quiet"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.stderr)")
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/b.pdf")), as: UTF8.self)
        // 1700000000 is 2023-11-14 22:13:20 UTC.
        #expect(raw.contains("/CreationDate (20231114221320") || raw.contains("/CreationDate (D:20231114221320"))
    }

    @Test func figureSetHasAManifestWithChecksums() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["report", "Reports/paper-figures.yaml", "-o", folder + "/p.pdf", "--figures", folder + "/figs", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/figs/manifest.json"))) as? [String: Any]
        let files = manifest?["files"] as? [[String: Any]] ?? []
        #expect(files.count > 40)
        #expect(files.contains { $0["file"] as? String == "fig01-attacks-by-year.pdf" })
        #expect(files.contains { $0["file"] as? String == "tab02-attack-trend.tex" })
        // The checksum of one file, recomputed with the system's sha256sum.
        let first = try #require(files.first { $0["file"] as? String == "fig01-attacks-by-year.png" })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", folder + "/figs/fig01-attacks-by-year.png"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.hasPrefix(first["sha256"] as! String))
        let tex = try String(contentsOfFile: folder + "/figs/tab02-attack-trend.tex", encoding: .utf8)
        #expect(tex.contains("\\toprule"))
    }

    @Test(arguments: [
        ("report:\n  title: T\nbody:\n  - chart: {id: f, kind: pie, table: attacks, caption: c}\n", "unknown chart kind 'pie'"),
        ("report:\n  title: T\nbody:\n  - text: \"{{ count atacks }}\"\n", "unknown table 'atacks'"),
        ("report:\n  title: T\nbody:\n  - text: \"{{ frobnicate }}\"\n", "unknown placeholder 'frobnicate'"),
        ("report:\n  title: T\nbody:\n  - text: \"{{ count attacks 2011-2001 }}\"\n", "it ends before it starts"),
        ("report:\n  title: [T]\nbody: []\n", "expected text, found a list"),
        ("report:\n  title: T\n  colour: red\nbody: []\n", "unknown key 'colour'"),
    ])
    func badSpecsFailWithoutTouchingTheOutput(yaml: String, expected: String) throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try yaml.write(toFile: folder + "/spec.yaml", atomically: true, encoding: .utf8)
        try "earlier report".write(toFile: folder + "/out.pdf", atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", folder + "/spec.yaml", "-o", folder + "/out.pdf", "--figures", folder + "/figs"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("spec.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(try String(contentsOfFile: folder + "/out.pdf", encoding: .utf8) == "earlier report")
        #expect(!FileManager.default.fileExists(atPath: folder + "/figs"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}

/// A spec's `data:` names a folder beside the spec whose tables replace the shipped ones; nothing in
/// a spec chooses where files are written (the bad-input corpus holds the refusals).
@Suite struct SpecDataFolderTests {
    @Test func dataFolderResolvesBesideTheSpec() throws {
        let folder = NSTemporaryDirectory() + "scobrief-spec-data-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/mydata", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shipped = try String(contentsOfFile: CLI.packageRoot + "/Datasets/attacks.csv", encoding: .utf8)
        let firstTwo = shipped.split(separator: "\n", omittingEmptySubsequences: false).prefix(3).joined(separator: "\n") + "\n"
        try firstTwo.write(toFile: folder + "/mydata/attacks.csv", atomically: true, encoding: .utf8)
        try "report:\n  title: T\n  data: mydata\nbody:\n  - table: {id: tab-counts, analysis: counts, table: attacks, caption: Counts}\n"
            .write(toFile: folder + "/spec.yaml", atomically: true, encoding: .utf8)
        // Run from the package root: the relative path must resolve against the spec, not the working folder.
        let result = try CLI.run(["report", folder + "/spec.yaml", "-o", folder + "/out.pdf", "--figures", folder + "/figs", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let counts = try String(contentsOfFile: folder + "/figs/tab01-counts.csv", encoding: .utf8)
        #expect(counts.contains("\n2001,2,"), "\(counts)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(written == ["figs", "mydata", "out.pdf", "spec.yaml"])
    }
}
